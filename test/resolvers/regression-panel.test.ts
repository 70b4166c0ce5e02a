/**
 * The QA regression panel's resolver against the Jira emulator: the record round trip on the issue property
 * (with its JQL index), concurrent testers, reporting a regression bug, and every refusal (403/404/oversize/
 * malformed/invalid stored data) losing nothing.
 */
import { REPRO_STEPS_FIELD_ID, type EmulatorState } from '../../local/emulator/state';
import { analyseReproSteps } from '../../src/domain/repro-steps';
import type { SeedExtension } from '../../local/seed';
import { ISSUE_TYPE, LINK_TYPE, STATUS } from '../../local/seed/project';
import { VERSION } from '../../local/seed/sprints';
import { REGRESSION_PROPERTY_KEY, regressionProcedures, type RegressionPanel } from '../../src/contracts/regression';
import type { Result } from '../../src/contracts/result';
import { parseStoredRecord, type RegressionRecord } from '../../src/domain/regression';
import { runProcedure } from '../../src/resolvers/define-resolver';
import { regressionHandlers } from '../../src/resolvers/regression/handlers';
import { writeMerged } from '../../src/resolvers/regression/record-store';
import { installServices, services, type Services } from '../../src/runtime/services';
import { toStoredRecord } from '../../src/domain/regression';
import { emulatorEnv } from '../support/emulator-env';

type Key = keyof typeof regressionProcedures & string;
const RC1 = '4.3.0-rc.1';
/** The tester's own reproduction, written in the report dialog. */
const REPRO = { steps: ['Open the cart with two items', 'Apply coupon SAVE10', 'Go to checkout'], expected: 'The total is 90.00.', actual: 'The total is 89.99: off by one cent.', environment: 'Chrome 131 on Windows 11' };

async function workspace(extensions: SeedExtension[] = []) {
  const { store, emulator, close } = await emulatorEnv({ prefix: 'rt-regression-', extensions, baseUrl: 'http://jira.test' });
  const call = (key: Key, input: unknown, accountId = 'rt-qa-hiro', issueKey?: string) =>
    runProcedure(regressionProcedures, regressionHandlers, key, {
      payload: { input },
      context: { accountId, extension: { project: { key: 'RT', id: '10000' }, issue: { key: issueKey ?? (input as { issueKey?: string })?.issueKey } } },
    });
  const issue = (key: string) => store.get().issues.find((i) => i.key === key)!;
  const stored = (key: string) => issue(key).properties[REGRESSION_PROPERTY_KEY] as (RegressionRecord & { index: unknown }) | undefined;
  const record = (key: string): RegressionRecord => {
    const p = parseStoredRecord(stored(key));
    if (!p.ok) throw new Error(p.message);
    return p.record;
  };
  return { store, emulator, call, issue, stored, record, close };
}
type Ws = Awaited<ReturnType<typeof workspace>>;

function data<T>(r: Result<unknown>): T {
  if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
  return r.data as T;
}

/** The first In QA bug on rc.1 whose (seeded) record has a cycle with a not-run check. */
function inQaBugWithOpenCheck(state: EmulatorState): string {
  const bug = state.issues.find((i) => {
    const p = parseStoredRecord(i.properties[REGRESSION_PROPERTY_KEY]);
    return i.fields.statusId === '10005' && i.fields.fixVersionIds.includes(VERSION.RC1) && p.ok && p.record.cycles.some((c) => c.rc === RC1 && c.checks.filter((k) => k.result === 'not-run').length >= 2);
  });
  if (!bug) throw new Error('seed has no In QA bug with open checks');
  return bug.key;
}

/** A bug in QA on rc.1 with no regression record at all. */
const withoutRecord =
  (key: { value?: string }): SeedExtension =>
  (state) => {
    const bug = state.issues.find((i) => i.fields.statusId === '10005' && i.fields.fixVersionIds.includes(VERSION.RC1) && i.fields.componentIds.length > 0)!;
    delete bug.properties[REGRESSION_PROPERTY_KEY];
    key.value = bug.key;
  };

/** Two testers about to write the same not-run check: a clock a second apart per write, the bug, its record, the check. */
function raceOnOpenCheck(ws: Ws) {
  const real = services();
  let t = Date.parse('2026-11-16T12:00:00.000Z');
  installServices({ ...real, now: () => new Date((t += 1000)) });
  const key = inQaBugWithOpenCheck(ws.store.get());
  const base = ws.record(key);
  const check = base.cycles.at(-1)!.checks.find((c) => c.result === 'not-run')!;
  return { key, base, check };
}

describe('regression panel resolver (emulator)', () => {
  let ws: Ws;
  const fresh = { value: undefined as string | undefined };
  beforeEach(async () => {
    ws = await workspace([withoutRecord(fresh)]);
  });
  afterEach(() => ws.close());

  test('loads the panel of a seeded bug in QA: its RC, checklist, verdict, loop and edit right', async () => {
    const key = inQaBugWithOpenCheck(ws.store.get());
    const panel = data<RegressionPanel>(await ws.call('regression/get-panel', { issueKey: key }));
    expect(panel.currentRc).toBe(RC1);
    expect(panel.canEdit).toBe(true);
    expect(panel.record?.cycles.at(-1)?.rc).toBe(RC1);
    expect(panel.verdicts.at(-1)).toMatchObject({ rc: RC1, verdict: 'incomplete' });
    expect(panel.loop.rcCount).toBe(1);
    expect(panel.issue).toMatchObject({ key, status: 'In QA', fixVersions: [RC1] });
    // Its path through the loop, from the changelog: ends in QA (open), with who moved it there.
    const steps = panel.path!.steps;
    expect(steps.map((s) => s.label)).toEqual(expect.arrayContaining(['L2', 'Dev', 'QA']));
    expect(steps.at(-1)).toMatchObject({ stage: 'QA', by: expect.any(String) });
    expect(steps.at(-1)?.leftAt).toBeUndefined();
    expect(steps.findIndex((s) => s.stage === 'DEV')).toBeLessThan(steps.length - 1);
  });

  test('shows the loop of a fix that took two release candidates and found a regression bug', async () => {
    const fix = ws.store.get().issues.find((i) => (ws.stored(i.key)?.cycles.length ?? 0) >= 2 && (ws.stored(i.key)?.foundBugs.length ?? 0) > 0)!;
    const panel = data<RegressionPanel>(await ws.call('regression/get-panel', { issueKey: fix.key }));
    expect(panel.loop.rcCount).toBe(2);
    expect(panel.loop.foundBugs.length).toBeGreaterThan(0);
    expect(panel.loop.sentence).toMatch(/^Took 2 release candidates/);
    expect(panel.path?.sentBackFromQa).toBeGreaterThanOrEqual(1);
  });

  test('a demo bug in QA shows its earlier, failed cycle beside the current checklist', async () => {
    const inQa = ws.store.get().issues.filter((i) => i.fields.statusId === STATUS.IN_QA && (ws.stored(i.key)?.cycles.length ?? 0) >= 2);
    expect(inQa.length).toBeGreaterThan(0);
    const panel = data<RegressionPanel>(await ws.call('regression/get-panel', { issueKey: inQa[0]!.key }));
    expect(panel.issue?.status).toBe('In QA');
    expect(panel.loop.rcCount).toBe(2);
    const earlier = panel.record!.cycles.filter((c) => c.rc !== panel.currentRc);
    expect(earlier).toHaveLength(1);
    expect(earlier[0]!.checks.find((k) => k.result === 'failed')).toMatchObject({ tester: expect.objectContaining({ name: expect.any(String) }), note: expect.stringContaining('Still reproduces') });
  });

  test('the path reads the whole changelog when Jira inlines only the latest 100 entries', async () => {
    const pathOf = async (extra: number) => {
      const w = await workspace([
        (s) => {
          const i = s.issues.find((x) => x.key === 'RT-80')!;
          const last = i.histories.at(-1)!;
          for (let k = 0; k < extra; k++) {
            const created = new Date(Date.parse(last.created) + (k + 1) * 60_000).toISOString();
            i.histories.push({ ...last, id: `9${k}000`, created, items: [{ field: 'labels', fieldId: 'labels', fieldtype: 'jira', from: null, fromString: '', to: null, toString: `l${k}` }] } as typeof last);
          }
        },
      ]);
      try {
        const panel = data<RegressionPanel>(await w.call('regression/get-panel', { issueKey: 'RT-80' }));
        return { path: panel.path, changelogReads: w.emulator.calls.filter((c) => /\/changelog/.test(c.path)).length };
      } finally {
        w.close();
      }
    };
    const short = await pathOf(0);
    const long = await pathOf(120);
    expect(short.path?.steps.length).toBeGreaterThan(2);
    expect(long.path).toEqual(short.path);
    expect(short.changelogReads).toBe(0);
    expect(long.changelogReads).toBeGreaterThan(0);
  });

  test('starts a cycle from the suggestions and stores the record with its JQL index, found by JQL', async () => {
    const key = fresh.value!;
    const before = data<RegressionPanel>(await ws.call('regression/get-panel', { issueKey: key }));
    expect(before.record).toMatchObject({ cycles: [], revision: 0 });
    expect(before.suggestions[0]).toMatchObject({ area: 'The fix' });
    // Similar past bugs (same component, found through the indexed property) add their checks.
    expect(before.suggestions.some((s) => /^Regressed for RT-/.test(s.reason))).toBe(true);

    const started = data<RegressionPanel>(await ws.call('regression/start-cycle', { issueKey: key, rc: RC1, baseRevision: 0 }));
    const checks = started.record!.cycles[0]!.checks;
    expect(checks.map((c) => c.id)).toEqual(before.suggestions.map((s) => s.id));
    expect(ws.stored(key)).toMatchObject({ revision: 1, index: { latestRc: RC1, latestVerdict: 'incomplete' } });

    const jira = services().jira('user', 'rt-qa-hiro');
    const found = await jira.searchAll({ jql: `issue.property[${REGRESSION_PROPERTY_KEY}].index.latestRc = "${RC1}" AND key = ${key}`, fields: ['summary'] });
    expect(found.issues.map((i) => i.key)).toEqual([key]);
    // Starting again is a no-op (nothing written).
    const puts = ws.emulator.calls.filter((c) => c.method === 'PUT').length;
    data(await ws.call('regression/start-cycle', { issueKey: key, rc: RC1, baseRevision: 1 }));
    expect(ws.emulator.calls.filter((c) => c.method === 'PUT').length).toBe(puts);
  });

  test('add, edit, reorder, delete and record results round-trip through the issue property', async () => {
    const key = fresh.value!;
    data(await ws.call('regression/start-cycle', { issueKey: key, rc: RC1, baseRevision: 0 }));
    let p = data<RegressionPanel>(await ws.call('regression/add-check', { issueKey: key, rc: RC1, baseRevision: 1, check: { id: 'new-1', area: 'Invoices', title: 'PDF invoice opens' } }));
    p = data<RegressionPanel>(await ws.call('regression/edit-check', { issueKey: key, rc: RC1, baseRevision: p.record!.revision, checkId: 'new-1', title: 'PDF invoice opens and prints' }));
    p = data<RegressionPanel>(await ws.call('regression/reorder-checks', { issueKey: key, rc: RC1, baseRevision: p.record!.revision, order: ['new-1'] }));
    p = data<RegressionPanel>(await ws.call('regression/record-result', { issueKey: key, rc: RC1, baseRevision: p.record!.revision, checkId: 'new-1', result: 'failed', note: 'Blank page in Firefox' }));
    const check = ws.record(key).cycles[0]!.checks[0]!;
    expect(check).toMatchObject({ id: 'new-1', title: 'PDF invoice opens and prints', result: 'failed', note: 'Blank page in Firefox', tester: { accountId: 'rt-qa-hiro', name: 'Hiro Tanaka' } });
    expect(ws.stored(key)).toMatchObject({ revision: 5, index: { latestVerdict: 'failed' } });
    expect(p.verdicts.at(-1)?.verdict).toBe('failed');
    p = data<RegressionPanel>(await ws.call('regression/delete-check', { issueKey: key, rc: RC1, baseRevision: 5, checkId: 'new-1' }));
    expect(ws.record(key).cycles[0]!.checks.some((c) => c.id === 'new-1')).toBe(false);
    expect(p.notice).toBeUndefined();
  });

  test('saving a note keeps the result, tester and time of whoever recorded it', async () => {
    const key = inQaBugWithOpenCheck(ws.store.get());
    const base = ws.record(key);
    const check = base.cycles.at(-1)!.checks.find((c) => c.result === 'not-run')!;
    const p = data<RegressionPanel>(await ws.call('regression/record-result', { issueKey: key, rc: RC1, baseRevision: base.revision, checkId: check.id, result: 'passed' }, 'rt-qa-hiro'));
    const recorded = p.record!.cycles.at(-1)!.checks.find((c) => c.id === check.id)!;
    const n = data<RegressionPanel>(await ws.call('regression/set-note', { issueKey: key, rc: RC1, baseRevision: p.record!.revision, checkId: check.id, note: 'Also fine on Safari', seenUpdatedAt: recorded.updatedAt }, 'rt-qa-isabel'));
    expect(n.notice).toBeUndefined();
    expect(ws.record(key).cycles.at(-1)!.checks.find((c) => c.id === check.id)).toMatchObject({
      result: 'passed',
      tester: { accountId: 'rt-qa-hiro', name: 'Hiro Tanaka' },
      at: recorded.at,
      note: 'Also fine on Safari',
      updatedBy: 'rt-qa-isabel',
    });
  });

  test('two testers recording at the same moment keep both results', async () => {
    const key = inQaBugWithOpenCheck(ws.store.get());
    const base = ws.record(key);
    const open = base.cycles.at(-1)!.checks.filter((c) => c.result === 'not-run');
    const [a, b] = await Promise.all([
      ws.call('regression/record-result', { issueKey: key, rc: RC1, baseRevision: base.revision, checkId: open[0]!.id, result: 'passed' }, 'rt-qa-hiro'),
      ws.call('regression/record-result', { issueKey: key, rc: RC1, baseRevision: base.revision, checkId: open[1]!.id, result: 'failed', note: 'Crash' }, 'rt-qa-isabel'),
    ]);
    expect([a, b]).toEqual([expect.objectContaining({ ok: true }), expect.objectContaining({ ok: true })]);
    const checks = ws.record(key).cycles.at(-1)!.checks;
    expect(checks.find((c) => c.id === open[0]!.id)).toMatchObject({ result: 'passed', tester: { accountId: 'rt-qa-hiro' } });
    expect(checks.find((c) => c.id === open[1]!.id)).toMatchObject({ result: 'failed', tester: { accountId: 'rt-qa-isabel' } });
  });

  test('a stale write landing right after ours is caught by the read-back and merged: both results stay', async () => {
    const key = inQaBugWithOpenCheck(ws.store.get());
    const base = ws.record(key);
    const open = base.cycles.at(-1)!.checks.filter((c) => c.result === 'not-run');
    const real = services();
    let injected = false;
    // Right after Hiro's write, Isabel's client (which read the same base) writes its own version over it.
    const wrapped: Services = {
      ...real,
      jira(as, accountId) {
        const g = real.jira(as, accountId);
        if (accountId !== 'rt-qa-hiro') return g;
        return {
          ...g,
          async setIssueProperty(k: string, prop: string, value: unknown) {
            await g.setIssueProperty(k, prop, value);
            if (injected) return;
            injected = true;
            const theirs = structuredClone(base);
            const check = theirs.cycles.at(-1)!.checks.find((c) => c.id === open[1]!.id)!;
            Object.assign(check, { result: 'blocked', tester: { accountId: 'rt-qa-isabel', name: 'Isabel Nunes' }, at: '2026-11-16T12:00:00.000Z', updatedAt: '2026-11-16T12:00:00.000Z', updatedBy: 'rt-qa-isabel' });
            await real.jira('user', 'rt-qa-isabel').setIssueProperty(k, prop, toStoredRecord({ ...theirs, revision: base.revision + 1 }));
          },
        };
      },
    };
    installServices(wrapped);
    const r = data<RegressionPanel>(await ws.call('regression/record-result', { issueKey: key, rc: RC1, baseRevision: base.revision, checkId: open[0]!.id, result: 'passed' }));
    expect(injected).toBe(true);
    expect(r.notice?.message).toMatch(/at the same moment/);
    const checks = ws.record(key).cycles.at(-1)!.checks;
    expect(checks.find((c) => c.id === open[0]!.id)).toMatchObject({ result: 'passed', tester: { accountId: 'rt-qa-hiro' } });
    expect(checks.find((c) => c.id === open[1]!.id)).toMatchObject({ result: 'blocked', tester: { accountId: 'rt-qa-isabel' } });
    expect(ws.stored(key)).toMatchObject({ index: { latestRc: RC1, latestVerdict: 'incomplete' } });
  });

  test('a write from a stale view keeps the other tester’s result and says so; a same-check conflict names who was overwritten', async () => {
    const key = inQaBugWithOpenCheck(ws.store.get());
    const base = ws.record(key);
    const open = base.cycles.at(-1)!.checks.filter((c) => c.result === 'not-run');
    data(await ws.call('regression/record-result', { issueKey: key, rc: RC1, baseRevision: base.revision, checkId: open[0]!.id, result: 'passed' }, 'rt-qa-hiro'));
    // Isabel still sees the old revision.
    const stale = data<RegressionPanel>(await ws.call('regression/record-result', { issueKey: key, rc: RC1, baseRevision: base.revision, checkId: open[1]!.id, result: 'blocked' }, 'rt-qa-isabel'));
    expect(stale.notice?.message).toMatch(/Someone else saved this checklist/);
    expect(stale.notice).toMatchObject({ fromRevision: base.revision, toRevision: base.revision + 1, overwritten: [] });
    expect(ws.record(key).cycles.at(-1)!.checks.find((c) => c.id === open[0]!.id)?.result).toBe('passed');

    const conflict = data<RegressionPanel>(
      await ws.call('regression/record-result', { issueKey: key, rc: RC1, baseRevision: base.revision, checkId: open[0]!.id, result: 'failed', seenUpdatedAt: open[0]!.updatedAt }, 'rt-qa-isabel'),
    );
    expect(conflict.notice?.overwritten).toEqual([{ checkId: open[0]!.id, title: open[0]!.title, by: 'Hiro Tanaka', result: 'failed', field: 'result', replaced: 'theirs' }]);
    expect(conflict.notice?.message).toMatch(/Hiro Tanaka changed the result of .*your change replaced theirs \(now failed\)/);
    expect(ws.record(key).cycles.at(-1)!.checks.find((c) => c.id === open[0]!.id)?.result).toBe('failed');
  });

  test('a result and a rename of the same check at the same moment both survive, and the notice says nothing was lost', async () => {
    const { key, base, check } = raceOnOpenCheck(ws);
    const [a, b] = await Promise.all([
      ws.call('regression/record-result', { issueKey: key, rc: RC1, baseRevision: base.revision, checkId: check.id, result: 'failed', note: 'Crash', seenUpdatedAt: check.updatedAt }, 'rt-qa-hiro'),
      ws.call('regression/edit-check', { issueKey: key, rc: RC1, baseRevision: base.revision, checkId: check.id, title: 'Renamed check', seenUpdatedAt: check.updatedAt }, 'rt-qa-isabel'),
    ]);
    const stored = ws.record(key).cycles.at(-1)!.checks.find((c) => c.id === check.id);
    expect(stored).toMatchObject({ title: 'Renamed check', result: 'failed', note: 'Crash', tester: { accountId: 'rt-qa-hiro' } });
    for (const r of [a, b]) {
      const notice = data<RegressionPanel>(r).notice;
      if (notice) expect(notice).toMatchObject({ overwritten: [], message: expect.stringMatching(/Both changes were kept/) });
    }
    expect([data<RegressionPanel>(a).notice, data<RegressionPanel>(b).notice].some(Boolean)).toBe(true);
  });

  test('two results on the same check at the same moment: the later wins, and the loser is told who replaced it', async () => {
    const { key, base, check } = raceOnOpenCheck(ws);
    const input = { issueKey: key, rc: RC1, baseRevision: base.revision, checkId: check.id, seenUpdatedAt: check.updatedAt };
    const [a, b] = await Promise.all([
      ws.call('regression/record-result', { ...input, result: 'failed' }, 'rt-qa-hiro'),
      ws.call('regression/record-result', { ...input, result: 'passed' }, 'rt-qa-isabel'),
    ]);
    const stored = ws.record(key).cycles.at(-1)!.checks.find((c) => c.id === check.id)!;
    const notices = [data<RegressionPanel>(a).notice, data<RegressionPanel>(b).notice].filter((n) => n !== undefined);
    // Whoever merged is told which person's change on that check was replaced, and by the right name (not the tester's).
    expect(notices.length).toBeGreaterThan(0);
    const o = notices.flatMap((n) => n.overwritten);
    expect(o).toEqual([expect.objectContaining({ checkId: check.id, field: 'result', result: stored.result })]);
    const winner = stored.tester!.name;
    expect(o[0]!.by).toBe(o[0]!.replaced === 'yours' ? winner : ['Hiro Tanaka', 'Isabel Nunes'].find((n) => n !== winner));
  });

  test('reports a regression bug from a failed check: created as the user, Affects version = the RC, label, linked to the fix, noted on the check', async () => {
    const key = inQaBugWithOpenCheck(ws.store.get());
    const fix = ws.issue(key);
    const base = ws.record(key);
    const check = base.cycles.at(-1)!.checks.find((c) => c.result === 'not-run')!;
    await expect(ws.call('regression/report-bug', { issueKey: key, rc: RC1, baseRevision: base.revision, checkId: check.id, repro: REPRO })).resolves.toMatchObject({ ok: false, code: 'CONFLICT', message: expect.stringMatching(/record it as failed first/) });
    data(await ws.call('regression/record-result', { issueKey: key, rc: RC1, baseRevision: base.revision, checkId: check.id, result: 'failed', note: 'Totals are off by one cent' }));

    const draft = data<{ summary: string; affectsVersion: string; prefill: { actual: string; build: string }; linkTo: string }>(await ws.call('regression/draft-bug', { issueKey: key, rc: RC1, checkId: check.id }));
    expect(draft).toMatchObject({ affectsVersion: RC1, prefill: { actual: 'Totals are off by one cent', build: RC1 }, linkTo: key });
    expect(draft.summary).toContain(`Regression in ${RC1}`);

    // Without the tester's steps and results nothing is created: the reason names each missing part.
    const before = ws.store.get().issues.length;
    await expect(ws.call('regression/report-bug', { issueKey: key, rc: RC1, baseRevision: base.revision + 1, checkId: check.id, repro: { steps: ['(Add the exact actions that led to the failure.)'], expected: '', actual: 'Totals are off by one cent' } })).resolves.toMatchObject({
      ok: false,
      code: 'BAD_REQUEST',
      message: expect.stringMatching(/at least one step.*the expected result/),
    });
    expect(ws.store.get().issues.length).toBe(before);

    const out = data<{ bugKey: string; panel: RegressionPanel; warnings?: string[] }>(await ws.call('regression/report-bug', { issueKey: key, rc: RC1, baseRevision: base.revision + 1, checkId: check.id, repro: REPRO }));
    expect(out.warnings).toBeUndefined();
    const bug = ws.issue(out.bugKey);
    // The tester's reproduction is the Reproduction steps field (build = the RC); the description holds no skeleton.
    expect(bug.fields.custom[REPRO_STEPS_FIELD_ID]).toEqual({ ...REPRO, build: RC1 });
    expect(JSON.stringify(bug.fields.description)).not.toMatch(/\(Add the exact actions|\(Describe what happened|\(Browser \/ OS/);
    expect(analyseReproSteps({ field: bug.fields.custom[REPRO_STEPS_FIELD_ID] as never, description: bug.fields.description }).verdict).toBe('clear');
    expect(bug.fields).toMatchObject({ summary: draft.summary, affectsVersionIds: [VERSION.RC1], reporterId: 'rt-qa-hiro' });
    expect(bug.fields.labels).toContain('found-in-regression');
    expect(ws.store.get().issueLinks).toContainEqual(expect.objectContaining({ typeId: LINK_TYPE.RELATES, inwardIssueId: fix.id, outwardIssueId: bug.id }));
    expect(ws.emulator.calls.filter((c) => c.method === 'POST' && c.path === '/rest/api/3/issue').map((c) => c.accountId)).toEqual(['rt-qa-hiro']);
    expect(ws.record(key).cycles.at(-1)!.checks.find((c) => c.id === check.id)?.reportedBugKey).toBe(out.bugKey);
    expect(ws.record(key).foundBugs).toContain(out.bugKey);
    expect(out.panel.loop.foundBugs).toContain(out.bugKey);
    // Reporting the same check again is refused; no second bug.
    const count = ws.store.get().issues.length;
    await expect(ws.call('regression/report-bug', { issueKey: key, rc: RC1, baseRevision: 99, checkId: check.id, repro: REPRO })).resolves.toMatchObject({ ok: false, code: 'CONFLICT', message: expect.stringContaining(out.bugKey) });
    expect(ws.store.get().issues.length).toBe(count);
  });

  test('a link that fails after the bug was created becomes a warning naming the new bug; the check still notes it', async () => {
    const key = inQaBugWithOpenCheck(ws.store.get());
    const base = ws.record(key);
    const check = base.cycles.at(-1)!.checks.find((c) => c.result === 'not-run')!;
    data(await ws.call('regression/record-result', { issueKey: key, rc: RC1, baseRevision: base.revision, checkId: check.id, result: 'failed' }));
    ws.emulator.failNext({ method: 'POST', path: '/rest/api/3/issueLink', status: 403 });
    const out = data<{ bugKey: string; warnings?: string[] }>(await ws.call('regression/report-bug', { issueKey: key, rc: RC1, baseRevision: base.revision + 1, checkId: check.id, repro: REPRO }));
    expect(out.warnings?.[0]).toMatch(new RegExp(`${out.bugKey} was created but could not be linked to ${key}`));
    expect(ws.record(key).cycles.at(-1)!.checks.find((c) => c.id === check.id)?.reportedBugKey).toBe(out.bugKey);
  });

  test('Jira 403 on the write: FORBIDDEN with a clear message, the record unchanged', async () => {
    const key = inQaBugWithOpenCheck(ws.store.get());
    const before = JSON.stringify(ws.stored(key));
    const base = ws.record(key);
    ws.emulator.failNext({ method: 'PUT', path: /\/properties\//, status: 403 });
    const r = await ws.call('regression/record-result', { issueKey: key, rc: RC1, baseRevision: base.revision, checkId: base.cycles.at(-1)!.checks[0]!.id, result: 'passed' });
    expect(r).toMatchObject({ ok: false, code: 'FORBIDDEN', message: expect.stringMatching(/permission/) });
    expect(JSON.stringify(ws.stored(key))).toBe(before);
  });

  test('a user without Edit Issues sees the panel read-only and cannot record (checked with their own rights, nothing written)', async () => {
    const ro = await workspace([(s) => (s.permissionScheme['EDIT_ISSUES'] = s.permissionScheme['EDIT_ISSUES']!.filter((r) => r !== 10103))]);
    try {
      const key = inQaBugWithOpenCheck(ro.store.get());
      const panel = data<RegressionPanel>(await ro.call('regression/get-panel', { issueKey: key }));
      expect(panel.canEdit).toBe(false);
      const r = await ro.call('regression/record-result', { issueKey: key, rc: RC1, baseRevision: panel.record!.revision, checkId: panel.record!.cycles.at(-1)!.checks[0]!.id, result: 'passed' });
      expect(r).toMatchObject({ ok: false, code: 'FORBIDDEN', message: expect.stringMatching(/Edit Issues/) });
      expect(ro.emulator.calls.filter((c) => c.method === 'PUT')).toEqual([]);
      expect(ro.emulator.calls.find((c) => c.path === '/rest/api/3/mypermissions')?.accountId).toBe('rt-qa-hiro');
    } finally {
      ro.close();
    }
  });

  test('a missing issue is NOT_FOUND naming it', async () => {
    await expect(ws.call('regression/get-panel', { issueKey: 'RT-9999' })).resolves.toMatchObject({ ok: false, code: 'NOT_FOUND', message: expect.stringContaining('RT-9999') });
    await expect(ws.call('regression/record-result', { issueKey: 'RT-9999', rc: RC1, baseRevision: 0, checkId: 'x', result: 'passed' })).resolves.toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });

  test('a write that would make the record too large is refused with the figures, nothing written', async () => {
    const key = fresh.value!;
    data(await ws.call('regression/start-cycle', { issueKey: key, rc: RC1, baseRevision: 0 }));
    let revision = 1;
    let refused: Result<unknown> | undefined;
    for (let i = 0; i < 40 && !refused; i++) {
      const r = await ws.call('regression/add-check', { issueKey: key, rc: RC1, baseRevision: revision, check: { id: `big-${i}`, area: 'Area', title: 'T'.repeat(200) } });
      if (!r.ok) break;
      revision += 1;
      const n = await ws.call('regression/record-result', { issueKey: key, rc: RC1, baseRevision: revision, checkId: `big-${i}`, result: 'failed', note: 'n'.repeat(1000) });
      if (!n.ok) refused = n;
      else revision += 1;
    }
    expect(refused).toMatchObject({ ok: false, code: 'BAD_REQUEST', message: expect.stringMatching(/would take \d+ characters, over the 30000/) });
    expect(ws.stored(key)?.revision).toBe(revision);
    expect(JSON.stringify(ws.stored(key)).length).toBeLessThanOrEqual(32_768);
  });

  test.each([
    ['a bad result', { result: 'maybe' }, 'result'],
    ['a missing baseRevision', { baseRevision: undefined }, 'baseRevision'],
    ['an oversize note', { note: 'x'.repeat(1001) }, 'note'],
    ['a bad issue key', { issueKey: 'rt 12; drop' }, 'issueKey'],
    ['a bad check id', { checkId: '../../etc' }, 'checkId'],
  ])('refuses %s with BAD_REQUEST before calling Jira', async (_label, patch, path) => {
    const r = await ws.call('regression/record-result', { issueKey: 'RT-45', rc: RC1, baseRevision: 1, checkId: 'c1', result: 'passed', ...patch });
    expect(r).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
    expect(!r.ok && r.issues?.map((i) => i.path)).toContain(path);
    expect(ws.emulator.calls).toEqual([]);
  });

  test('invalid stored data is shown, never overwritten', async () => {
    const key = fresh.value!;
    await ws.store.update((s) => void (s.issues.find((i) => i.key === key)!.properties[REGRESSION_PROPERTY_KEY] = { schemaVersion: 1, cycles: 'oops' }));
    const panel = data<RegressionPanel>(await ws.call('regression/get-panel', { issueKey: key }));
    expect(panel.record).toBeNull();
    expect(panel.canEdit).toBe(false);
    expect(panel.storedInvalid?.message).toMatch(/^Stored regression data is invalid/);
    expect(panel.loop.sentence).toMatch(/^Unknown: the stored regression data is invalid/);
    expect(panel.loop.sentence).not.toMatch(/Not regressed yet/);
    const r = await ws.call('regression/start-cycle', { issueKey: key, rc: RC1, baseRevision: 0 });
    expect(r).toMatchObject({ ok: false, code: 'CONFLICT', message: expect.stringMatching(/Nothing was changed/) });
    expect(ws.stored(key)).toEqual({ schemaVersion: 1, cycles: 'oops' });
  });

  test('on an issue that is not a bug, the panel says so instead of showing a checklist, and writes are refused', async () => {
    const story = ws.store.get().issues.find((i) => i.fields.issueTypeId === ISSUE_TYPE.STORY)!;
    const panel = data<RegressionPanel>(await ws.call('regression/get-panel', { issueKey: story.key }));
    expect(panel).toMatchObject({ notABug: { issueType: 'Story' }, record: null, canEdit: false, suggestions: [] });
    await expect(ws.call('regression/start-cycle', { issueKey: story.key, rc: RC1, baseRevision: 0 })).resolves.toMatchObject({ ok: false, code: 'BAD_REQUEST', message: expect.stringContaining('not a bug') });
    expect(ws.emulator.calls.filter((c) => c.method === 'PUT')).toEqual([]);
    // A bug has no such state.
    expect(data<RegressionPanel>(await ws.call('regression/get-panel', { issueKey: fresh.value! })).notABug).toBeUndefined();
  });

  test('a record that would not pass the schema is never written (validated before the write, like on read)', async () => {
    const key = inQaBugWithOpenCheck(ws.store.get());
    const before = JSON.stringify(ws.stored(key));
    const base = ws.record(key);
    const bad = structuredClone(base);
    bad.cycles.at(-1)!.checks[0]!.title = '';
    const jira = services().jira('user', 'rt-qa-hiro');
    await expect(writeMerged(jira, key, base, bad)).rejects.toMatchObject({ code: 'INTERNAL', message: expect.stringMatching(/would be invalid \(cycles\.\d+\.checks\.0\.title/) });
    expect(ws.emulator.calls.filter((c) => c.method === 'PUT')).toEqual([]);
    expect(JSON.stringify(ws.stored(key))).toBe(before);
  });

  test('a cycle only starts for the bug’s own release candidate', async () => {
    const key = fresh.value!;
    await expect(ws.call('regression/start-cycle', { issueKey: key, rc: '4.3.0-rc.2', baseRevision: 0 })).resolves.toMatchObject({ ok: false, code: 'BAD_REQUEST', message: expect.stringContaining(`release candidate is ${RC1}`) });
  });
});
