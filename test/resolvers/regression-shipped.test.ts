import { rcPromotionConfigSeed, seedIds } from '../../local/seed';
import { regressionProcedures } from '../../src/contracts/regression';
import { shippedIn } from '../../src/domain/regression';
import { runProcedure } from '../../src/resolvers/define-resolver';
import { setPromotionLeaseOptions } from '../../src/resolvers/rc-promotion-handlers';
import { regressionHandlers } from '../../src/resolvers/regression/handlers';
import { rcWorkspace } from './rc-promotion.support';

/** The QA panel of a bug that shipped names the release it shipped in (issue 13: RT-92 said "no release-candidate fix version"). */
jest.setTimeout(30_000);

describe('shippedIn', () => {
  it('prefers the released production version, with the candidate the bug shipped from', () => {
    expect(shippedIn([{ name: '4.3.0-rc.1' }, { name: '4.3.0', released: true, releaseDate: '2026-11-16' }])).toEqual({ release: '4.3.0', releaseDate: '2026-11-16', candidate: '4.3.0-rc.1' });
    // A candidate released as a version of its own (the old way) still counts as shipped.
    expect(shippedIn([{ name: '4.3.0-rc.1', released: true, releaseDate: '2026-11-10' }])).toEqual({ release: '4.3.0-rc.1', releaseDate: '2026-11-10' });
    expect(shippedIn([{ name: '4.2.0', released: true }])).toEqual({ release: '4.2.0' });
    expect(shippedIn([{ name: '4.3.0-rc.2' }, { name: '4.4.0' }])).toBeUndefined();
    expect(shippedIn([])).toBeUndefined();
  });
});

describe('the QA panel after the train shipped', () => {
  it('a done bug of rc.1 shows that it shipped in 4.3.0 from rc.1, read-only; starting a regression is refused with the reason', async () => {
    setPromotionLeaseOptions({ settleMs: 20 });
    const ws = await rcWorkspace([rcPromotionConfigSeed]);
    try {
      const bug = ws.store.get().issues.find((i) => i.fields.issueTypeId === seedIds.ISSUE_TYPE.BUG && i.fields.statusId === seedIds.STATUS.DONE && i.fields.fixVersionIds.join() === seedIds.VERSION.RC1)!;
      const key = bug.key;
      const call = (name: keyof typeof regressionProcedures & string, input: unknown) =>
        runProcedure(regressionProcedures, regressionHandlers, name, { payload: { input }, context: { accountId: 'rt-qa-hiro', extension: { project: { key: 'RT', id: '10000' }, issue: { key } } } });
      const before = await call('regression/get-panel', { issueKey: key });
      expect(before).toMatchObject({ ok: true, data: { currentRc: '4.3.0-rc.1' } });
      expect(before.ok && 'shippedIn' in (before.data as object)).toBe(false);

      const promoted = await ws.call('rc/promote', { projectKey: 'RT', versionId: seedIds.VERSION.RC2, confirm: true, override: { reason: 'Ship 4.3.0; leftovers roll over.' } });
      expect(promoted.ok).toBe(true);
      const after = await call('regression/get-panel', { issueKey: key });
      expect(after).toMatchObject({ ok: true, data: { currentRc: '4.3.0-rc.1', canEdit: false, shippedIn: { release: '4.3.0', releaseDate: '2026-11-16', candidate: '4.3.0-rc.1' } } });
      const start = await call('regression/start-cycle', { issueKey: key, rc: '4.3.0-rc.1', baseRevision: 1 });
      expect(start).toMatchObject({ ok: false, code: 'CONFLICT' });
      expect(!start.ok && start.message).toBe(`${key} shipped in 4.3.0: its regression is closed and can no longer change. A problem found now is a new bug.`);
    } finally {
      await ws.close();
    }
  });
});
