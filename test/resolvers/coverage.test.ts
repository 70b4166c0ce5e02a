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

  it('the area-suite panel judges a flaky check like the coverage page: a fix of the area in between is no flake', async () => {
    const rc2 = env.store.get().versions.find((v) => v.id === RC2)!.name;
    const check = { id: 'pay', area: 'Search', title: 'Search finds accented names', result: 'passed' as const, updatedAt: '2026-12-01T12:00:00.000Z', updatedBy: 'rt-qa-hiro' };
    await env.storage.set('coverage:suite:RT:search', {
      schemaVersion: 1,
      area: 'Search',
      record: { schemaVersion: 1, cycles: [{ rc: rc2, startedAt: '2026-12-01T08:00:00.000Z', checks: [check] }], foundBugs: [], revision: 2 },
      runs: [
        { rc: rc2, checkId: 'pay', result: 'failed', at: '2026-12-01T09:00:00.000Z', by: 'rt-qa-hiro' },
        { rc: rc2, checkId: 'pay', result: 'passed', at: '2026-12-01T12:00:00.000Z', by: 'rt-qa-hiro' },
      ],
    });
    const flaky = async () => data<{ flaky: Array<{ checkId: string }> }>(await call('coverage/suite', { projectKey: 'RT', versionId: RC2, area: 'Search' })).flaky.map((f) => f.checkId);
    // A Search issue of rc.2 resolved after the pass: the failure had no fix, so the check is flaky.
    const searchComponent = env.store.get().projects.find((p) => p.key === 'RT')!.components.find((c) => c.name === 'Search')!.id;
    const resolveSearchIssueAt = (date: string) =>
      env.store.update((st) => {
        const issue = st.issues.find((i) => i.fields.fixVersionIds.includes(RC2) && i.fields.componentIds.includes(searchComponent))!;
        issue.fields.resolutionId = '10000';
        issue.fields.resolutionDate = date;
        return issue.key;
      });
    await resolveSearchIssueAt('2026-12-01T13:00:00.000+0000');
    await expect(flaky()).resolves.toEqual(['pay']);
    // Resolved between the failure and the pass: a fix answered the failure; the coverage page agrees.
    await resolveSearchIssueAt('2026-12-01T10:00:00.000+0000');
    await expect(flaky()).resolves.toEqual([]);
    const view = data<{ selected: { areas: Array<{ area: string; flaky: unknown[] }> } }>(await call('coverage/candidate', { projectKey: 'RT', versionId: RC2 }));
    expect(view.selected.areas.find((a) => a.area === 'Search')?.flaky).toEqual([]);
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
