import { coverageProcedures } from '../../src/contracts/coverage';
import { coverageHandlers } from '../../src/resolvers/coverage/handlers';
import { runProcedure } from '../../src/resolvers/define-resolver';
import { seedIds } from '../../local/seed';
import { emulatorEnv, type EmulatorEnv } from '../support/emulator-env';

type View = {
  selected: { changedRegressedCount: number; changedCount: number; areas: Array<{ area: string; regressed: boolean; ran: Array<{ title: string; source: string; by?: string }> }> };
  fullRegressionGaps: Array<{ code: string; areas: string[] }>;
};
const RC2 = seedIds.VERSION.RC2;

describe('coverage resolvers on the demo seed', () => {
  let env: EmulatorEnv;
  beforeEach(async () => (env = await emulatorEnv({ prefix: 'rt-cov-', baseUrl: 'http://jira.test' })));
  afterEach(() => env.close());
  const call = (key: keyof typeof coverageProcedures & string, input: unknown, accountId = 'rt-qa-hiro') =>
    runProcedure(coverageProcedures, coverageHandlers, key, { payload: { input }, context: { accountId, extension: { project: { key: 'RT', id: '10000' } } } });
  const data = <T>(r: unknown): T => {
    const res = r as { ok: boolean; data: T; message?: string };
    if (!res.ok) throw new Error(res.message);
    return res.data;
  };

  it('an area regression run in rc.2 raises its coverage; starting twice keeps one cycle', async () => {
    const before = data<View>(await call('coverage/candidate', { projectKey: 'RT', versionId: RC2 }));
    const area = before.selected.areas.find((a) => !a.regressed)!.area;
    const started = data<{ checks: Array<{ id: string }> }>(await call('coverage/suite-start', { projectKey: 'RT', versionId: RC2, area, checks: [{ id: 'lib-1', title: 'Main flow works' }] }));
    await call('coverage/suite-start', { projectKey: 'RT', versionId: RC2, area, checks: [{ id: 'lib-1', title: 'Main flow works' }] });
    expect(started.checks.map((c) => c.id)).toEqual(['lib-1']);
    data(await call('coverage/suite-result', { projectKey: 'RT', versionId: RC2, area, checkId: 'lib-1', result: 'passed' }));
    const after = data<View>(await call('coverage/candidate', { projectKey: 'RT', versionId: RC2 }));
    expect(after.selected.changedRegressedCount).toBe(before.selected.changedRegressedCount + 1);
    expect(after.selected.areas.find((a) => a.area === area)?.regressed).toBe(true);
    // Which check ran, by whom and where.
    expect(after.selected.areas.find((a) => a.area === area)?.ran).toEqual([expect.objectContaining({ title: 'Main flow works', source: 'area suite', by: 'Hiro Tanaka' })]);
    // Why full regression is not happening: before, no suites and the area not regressed; after, neither.
    const codes = (v: View) => v.fullRegressionGaps.map((g) => g.code);
    expect(codes(before)).toContain('no-area-suites');
    expect(before.fullRegressionGaps.find((g) => g.code === 'changed-not-regressed')?.areas).toContain(area);
    expect(codes(after)).not.toContain('no-area-suites');
    expect(after.fullRegressionGaps.find((g) => g.code === 'changed-not-regressed')?.areas ?? []).not.toContain(area);
  });

  it('refuses a result on a check that is not there, and a project other than the page’s', async () => {
    await expect(call('coverage/suite-result', { projectKey: 'RT', versionId: RC2, area: 'Search', checkId: 'nope', result: 'passed' })).resolves.toMatchObject({ ok: false, code: 'NOT_FOUND' });
    await expect(call('coverage/candidate', { projectKey: 'SUP', versionId: RC2 })).resolves.toMatchObject({ ok: false, code: 'BAD_REQUEST' });
  });

  it('a bad stored suite is a clear storage error, and it is left as it is', async () => {
    await env.storage.set('coverage:suite:RT:search', { schemaVersion: 1, area: 'Search', record: 'broken', runs: [] });
    await expect(call('coverage/candidate', { projectKey: 'RT', versionId: RC2 })).resolves.toMatchObject({ ok: false, code: 'STORAGE_ERROR' });
    await expect(call('coverage/suite-result', { projectKey: 'RT', versionId: RC2, area: 'Search', checkId: 'x', result: 'passed' })).resolves.toMatchObject({ ok: false, code: 'STORAGE_ERROR' });
    await expect(env.storage.get('coverage:suite:RT:search')).resolves.toMatchObject({ record: 'broken' });
  });

  it('only project admins save settings; a bad area field is refused', async () => {
    await expect(call('coverage/settings-save', { projectKey: 'RT', settings: { coverageGate: 'block' } })).resolves.toMatchObject({ ok: false, code: 'FORBIDDEN' });
    await expect(call('coverage/settings-save', { projectKey: 'RT', settings: { areaFieldId: 'customfield_99999' } }, 'rt-rte-chloe')).resolves.toMatchObject({ ok: false, code: 'BAD_REQUEST' });
    const saved = data<{ settings: { coverageGate: string } }>(await call('coverage/settings-save', { projectKey: 'RT', settings: { coverageGate: 'block' } }, 'rt-rte-chloe'));
    expect(saved.settings.coverageGate).toBe('block');
  });
});
