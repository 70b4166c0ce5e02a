/**
 * Sprint-planning handlers against the Jira emulator with the demo seed: call budget of a page load, budgets,
 * auto-plan preview and apply, moves in batches with partial failure, undo, bad input and permissions.
 */
import type { PlanView } from '../../src/contracts/sprint-planning';
import { runProcedure } from '../../src/resolvers/define-resolver';
import { sprintPlanningHandlers, sprintPlanningProcedures } from '../../src/resolvers/sprint-planning-handlers';
import { stageMappings } from '../../src/storage/stage-mapping-store';
import type { JiraEmulator } from '../../local/emulator/handler';
import type { FileStore } from '../../local/emulator/store';
import type { SeedExtension } from '../../local/seed';
import { extraBugs, resolvedBugs } from '../builders/sprint-plan';
import { emulatorEnv, type EmulatorEnv } from '../support/emulator-env';
import type { JiraGateway } from '../../src/jira/gateway';
import { readTeamCompletion, type BoardContext } from '../../src/resolvers/sprint-planning/read-jira';

const PLANNER = 'rt-planner-jonas';
const DEV = 'rt-dev-elif';
const SPRINT_FIELD = 'customfield_10020';
const EXTRA_BUGS = 240;

let env: EmulatorEnv;
let store: FileStore;
let emulator: JiraEmulator;

async function setUp(extensions: SeedExtension[] = []) {
  env = await emulatorEnv({ prefix: 'rt-sprint-plan-', extensions });
  ({ store, emulator } = env);
}

type Key = keyof typeof sprintPlanningProcedures;
const run = (key: Key, input: unknown, accountId = PLANNER) =>
  runProcedure(sprintPlanningProcedures, sprintPlanningHandlers, key, { payload: { input }, context: { accountId, extension: { project: { key: 'RT', id: '10000' } } } });

async function okData<T = PlanView>(key: Key, input: unknown, accountId = PLANNER): Promise<T> {
  const result = await run(key, input, accountId);
  if (!result.ok) throw new Error(`${key} failed: ${result.code} ${result.message}`);
  return result.data as T;
}

const sprintsOf = (key: string): number[] => {
  const issue = store.get().issues.find((i) => i.key === key);
  return (issue?.fields.custom[SPRINT_FIELD] as number[] | undefined) ?? [];
};
const openRtBugs = () => store.get().issues.filter((i) => i.key.startsWith('RT-') && i.fields.issueTypeId === '10004' && i.fields.statusId !== '10006');

afterEach(() => {
  emulator?.clearFaults();
  env?.close();
});

describe('sprint/load', () => {
  beforeEach(() => setUp([extraBugs(EXTRA_BUGS)]));

  it(`reads N open bugs in ceil(N/100) search pages plus a constant number of other calls (one of them: one page of resolved bugs)`, async () => {
    emulator.resetCalls();
    const view = await okData('sprint/load', {});
    const open = openRtBugs().length;
    expect(open).toBeGreaterThan(300);
    expect(view.stats.openBugs).toBe(open);

    const searches = emulator.calls.filter((c) => c.method === 'POST' && c.path === '/rest/api/3/search/jql');
    const others = emulator.calls.filter((c) => !(c.method === 'POST' && c.path === '/rest/api/3/search/jql'));
    expect(searches.length).toBe(view.stats.searchCalls);
    // ceil(N/100) pages of open bugs + exactly one page of recently resolved bugs (the constant part) + on this
    // first load only, one page of what the team completed in the closed sprints (then cached, see below).
    expect(searches.length).toBe(Math.ceil(open / 100) + 1 + 1);
    // listBoards, listFields, mypermissions, board configuration, sprints: no per-issue calls (no changelog reads).
    // + the project's statuses, once: no admin saved a stage mapping in the seed, so the default is derived from
    // them and cached in app storage (the validators' mapping, which the page now uses for stages).
    const constant = ['/rest/agile/1.0/board', '/rest/agile/1.0/board/1/configuration', '/rest/agile/1.0/board/1/sprint', '/rest/api/3/field', '/rest/api/3/mypermissions'];
    expect(others.map((c) => c.path).sort()).toEqual([...constant, '/rest/api/3/project/RT/statuses'].sort());
    expect(others.every((c) => c.status === 200 && c.accountId === PLANNER)).toBe(true);

    // Cached: the next load makes only the constant calls, and ceil(N/100) + 1 searches.
    emulator.resetCalls();
    await okData('sprint/load', {});
    expect(emulator.calls.filter((c) => c.path !== '/rest/api/3/search/jql').map((c) => c.path).sort()).toEqual([...constant].sort());
    expect(emulator.calls.filter((c) => c.path === '/rest/api/3/search/jql').length).toBe(Math.ceil(open / 100) + 1);
  });

  it("stages bugs by the admin's stored status → stage mapping, not by status names", async () => {
    const inProgress = (v: PlanView) => v.bugs.filter((b) => b.status === 'In Progress');
    const before = await okData('sprint/load', {});
    expect(inProgress(before).length).toBeGreaterThan(EXTRA_BUGS);
    expect(inProgress(before).every((b) => b.stage === 'DEV')).toBe(true);
    const inStage = (v: PlanView, stage: string) => v.bugs.filter((b) => b.stage === stage).length;

    // The admin says "In Progress" is still the RTE's triage in this project.
    const derived = await stageMappings(env.storage).get('10000');
    expect(derived?.derived).toBe(true);
    await stageMappings(env.storage).set('10000', { ...derived!, derived: false, byStatusId: { ...derived!.byStatusId, '10003': 'RTE_TRIAGE' } });

    const after = await okData('sprint/load', {});
    expect(inProgress(after).length).toBe(inProgress(before).length);
    expect(inProgress(after).every((b) => b.stage === 'RTE_TRIAGE')).toBe(true);
    // What the page's stage filter selects follows: "RTE triage" now also lists every In Progress bug.
    expect(after.filters.stages).toContain('RTE_TRIAGE');
    expect(inStage(after, 'RTE_TRIAGE')).toBe(inStage(before, 'RTE_TRIAGE') + inProgress(before).length);
    expect(inStage(after, 'DEV')).toBe(inStage(before, 'DEV') - inProgress(before).length);
  });

  it('shows upcoming sprints with budgets, the ranked backlog with reasons, planned bugs and real signals', async () => {
    const view = await okData('sprint/load', {});
    expect(view.board).toEqual({ id: 1, name: 'RT board' });
    expect(view.canPlan).toBe(true);
    expect(view.sprints.map((s) => [s.id, s.state])).toEqual([[4, 'active'], [5, 'future'], [6, 'future']]);
    // Default settings (never saved): a share of 1 of the bugs fixed per sprint, shown as a share of the team's.
    expect(view.sprints[0]!.budgetSource).toBe('velocity-share');
    expect(view.sprints[0]!.budget).toBe(Math.floor(view.velocity.bugs));
    expect(view.velocity.value).toBeGreaterThan(view.velocity.bugs);
    expect(view.settings.velocityShare).toBeCloseTo(view.velocity.bugs / view.velocity.value, 6);

    const backlog = view.bugs.filter((b) => b.rank !== undefined);
    expect(backlog.length).toBeGreaterThan(EXTRA_BUGS);
    expect(backlog.map((b) => b.rank)).toEqual(backlog.map((_, i) => i + 1));
    for (let i = 1; i < backlog.length; i += 1) expect(backlog[i - 1]!.score!).toBeGreaterThanOrEqual(backlog[i]!.score!);
    expect(backlog.every((b) => b.sprintId === null && b.reasons.some((r) => /priority/.test(r)))).toBe(true);

    const planned = view.bugs.filter((b) => b.sprintId !== null);
    expect(planned.length).toBeGreaterThan(0);
    for (const s of view.sprints) expect(s.bugs).toBe(planned.filter((b) => b.sprintId === s.id).length + countDoneIn(s.id));

    // Carried over: the Sprint field lists each closed sprint an unfinished bug was in.
    expect(view.signals.carriedOver.length).toBeGreaterThan(0);
    for (const c of view.signals.carriedOver) expect(sprintsOf(c.key).filter((id) => id <= 3).length).toBeGreaterThanOrEqual(2);
    expect(view.signals.flow.map((f) => f.sprintId)).toEqual([1, 2, 3]);
    // Capacity use: bug work planned into each closed sprint (its Sprint field) against what was finished in it.
    expect(view.signals.capacityUse.map((c) => c.sprintId)).toEqual([1, 2, 3]);
    expect(view.signals.capacityUse.every((c) => c.planned >= c.used && c.used >= 0)).toBe(true);
    expect(view.signals.capacityUse.some((c) => c.planned > c.used)).toBe(true); // the carried-over bugs
    expect(view.filters.components.length).toBeGreaterThan(2);
    expect(view.filters.stages).toContain('DEV');
  });

  it('maps a Jira 403 on the search to FORBIDDEN and a 404 board to NOT_FOUND', async () => {
    emulator.failNext({ method: 'POST', path: '/rest/api/3/search/jql', status: 403 });
    await expect(run('sprint/load', {})).resolves.toMatchObject({ ok: false, code: 'FORBIDDEN' });
    await expect(run('sprint/load', { boardId: 99 })).resolves.toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });
});

describe('sprint/load with more than 100 bugs resolved in the signal sprints', () => {
  const RESOLVED = 250;
  beforeEach(() => setUp([extraBugs(EXTRA_BUGS), resolvedBugs(RESOLVED, 2)]));

  it('still makes ceil(open/100) + 1 search calls, and the signals use only the sprints the 100 newest cover', async () => {
    await okData('sprint/load', {}); // the first load also reads (and stores) the team's completed work
    emulator.resetCalls();
    const view = await okData('sprint/load', {});
    const open = openRtBugs().length;
    const resolvedInWindow = store.get().issues.filter((i) => i.key.startsWith('RT-') && i.fields.issueTypeId === '10004' && i.fields.statusId === '10006').length;
    expect(resolvedInWindow).toBeGreaterThan(RESOLVED);
    const searches = emulator.calls.filter((c) => c.method === 'POST' && c.path === '/rest/api/3/search/jql');
    // Reading open and resolved bugs in one query would take ceil((open + resolved) / 100) pages.
    expect(Math.ceil((open + resolvedInWindow) / 100)).toBeGreaterThan(Math.ceil(open / 100) + 1);
    expect(searches.length).toBe(Math.ceil(open / 100) + 1);
    expect(view.stats.openBugs).toBe(open);

    // The 100 newest resolved bugs end inside sprint 2 (RT Sprint 22): only sprint 3 has complete figures.
    expect(view.signals.flow.map((f) => f.sprintId)).toEqual([3]);
    expect(view.velocity.note).toMatch(/Bugs took .* over the last closed sprint\./);
    expect(view.warnings).toContain('More than 100 bugs were resolved in the last 5 closed sprints; only the 100 most recent are read: the signals and the velocity use only the last closed sprint, which those cover completely.');
  });
});

function countDoneIn(sprintId: number): number {
  return store.get().issues.filter((i) => i.fields.issueTypeId === '10004' && i.fields.statusId === '10006' && sprintsOf(i.key).includes(sprintId)).length;
}

describe('budgets and settings', () => {
  beforeEach(() => setUp());

  /** Everything completed in a closed sprint (any issue type), from the emulator's data: in the sprint, resolved in its window. */
  function teamCompleted(sprintId: number): { points: number; count: number } {
    const state = store.get();
    const sprint = state.sprints.find((x) => x.id === sprintId)!;
    const [start, end] = [Date.parse(sprint.startDate!.replace('+0000', 'Z')), Date.parse((sprint.completeDate ?? sprint.endDate)!.replace('+0000', 'Z'))];
    const done = new Set(state.statuses.filter((x) => x.category === 'done').map((x) => x.id));
    let points = 0;
    let count = 0;
    for (const i of state.issues) {
      const resolved = i.fields.resolutionDate ? Date.parse(i.fields.resolutionDate.replace('+0000', 'Z')) : Number.NaN;
      if (!done.has(i.fields.statusId) || !(resolved >= start && resolved < end) || !sprintsOf(i.key).includes(sprintId)) continue;
      count += 1;
      const sp = i.fields.custom['customfield_10016'];
      points += typeof sp === 'number' ? sp : 0;
    }
    return { points, count };
  }

  it("a saved share is a share of the team velocity: everything completed per closed sprint, read once and stored", async () => {
    const expected = [1, 2, 3].map(teamCompleted);
    expect(expected.every((e) => e.count > 0)).toBe(true);
    const velocity = expected.reduce((sum, e) => sum + e.points, 0) / 3;
    const view = await okData('sprint/set-settings', { unit: 'points', velocityShare: 0.25, unestimatedPoints: null });
    expect(view.velocity.value).toBeCloseTo(velocity, 6);
    expect(view.velocity.value).toBeGreaterThan(view.velocity.bugs);
    expect(view.settings.velocityShare).toBe(0.25);
    expect(view.sprints.find((x) => x.id === 5)).toMatchObject({ budgetSource: 'velocity-share', budget: Math.floor(0.25 * velocity + 1e-9) });
    expect((store.get().appStorage['sprint-plan:RT'] as { velocityShareOf: string }).velocityShareOf).toBe('team');
    expect(store.get().appStorage['sprint-velocity:1']).toEqual({ version: 1, sprints: Object.fromEntries(expected.map((e, i) => [String(i + 1), e])) });

    // In bugs (count), the team velocity counts completed issues.
    const counted = await okData('sprint/set-settings', { unit: 'count', velocityShare: 0.5, unestimatedPoints: null });
    expect(counted.velocity.value).toBeCloseTo(expected.reduce((sum, e) => sum + e.count, 0) / 3, 6);

    // Closed sprints do not change: later loads read the team's work from storage, not Jira.
    emulator.resetCalls();
    await okData('sprint/load', {});
    const searches = emulator.calls.filter((c) => c.path === '/rest/api/3/search/jql').length;
    expect(searches).toBe(Math.ceil(openRtBugs().length / 100) + 1);
  });

  it('sets a sprint budget in app storage and shows it, over-budget when the load is larger', async () => {
    const view = await okData('sprint/set-budget', { sprintId: 4, amount: 2 });
    const stored = store.get().appStorage['sprint-plan:RT'] as { budgets: Record<string, { points?: number }>; updatedByAccountId: string };
    expect(stored.budgets['4']).toEqual({ points: 2 });
    expect(stored.updatedByAccountId).toBe(PLANNER);
    const s4 = view.sprints.find((s) => s.id === 4)!;
    expect(s4).toMatchObject({ budget: 2, budgetSource: 'sprint' });
    expect(s4.over).toBe(s4.planned > 2);

    const cleared = await okData('sprint/set-budget', { sprintId: 4, amount: null });
    expect(cleared.sprints.find((s) => s.id === 4)!.budgetSource).toBe('velocity-share');
  });

  it('switches to counting bugs and to no velocity share', async () => {
    const view = await okData('sprint/set-settings', { unit: 'count', velocityShare: null, unestimatedPoints: null });
    expect(view.settings).toEqual({ unit: 'count' });
    expect(view.sprints.every((s) => s.budgetSource === 'none' && s.budget === 0)).toBe(true);
    // No budget is not "over budget", even with bugs planned.
    expect(view.sprints.some((s) => s.planned > 0)).toBe(true);
    expect(view.sprints.every((s) => !s.over)).toBe(true);
    expect(view.sprints.find((s) => s.id === 4)!.planned).toBe(view.sprints.find((s) => s.id === 4)!.bugs);
  });

  it.each([
    ['a negative budget', 'sprint/set-budget', { sprintId: 4, amount: -1 }, 'BAD_REQUEST'],
    ['a budget as text', 'sprint/set-budget', { sprintId: 4, amount: '5' }, 'BAD_REQUEST'],
    ['a closed sprint', 'sprint/set-budget', { sprintId: 1, amount: 5 }, 'BAD_REQUEST'],
    ['an unknown sprint', 'sprint/set-budget', { sprintId: 999, amount: 5 }, 'NOT_FOUND'],
    ['a velocity share above 1', 'sprint/set-settings', { unit: 'points', velocityShare: 1.5, unestimatedPoints: null }, 'BAD_REQUEST'],
    ['a malformed issue key', 'sprint/pin', { keys: ['rt-1; DROP'], sprintId: 5 }, 'BAD_REQUEST'],
    ['no bug to pin', 'sprint/pin', { keys: [], sprintId: 5 }, 'BAD_REQUEST'],
    ['a pin to another project', 'sprint/pin', { keys: ['RT-1', 'OPS-1'], sprintId: 5 }, 'BAD_REQUEST'],
    ['no moves', 'sprint/move', { moves: [] }, 'BAD_REQUEST'],
  ] as const)('refuses %s and stores nothing', async (_label, key, input, code) => {
    await expect(run(key, input)).resolves.toMatchObject({ ok: false, code });
    expect(store.get().appStorage['sprint-plan:RT']).toBeUndefined();
  });

  it('refuses changes from someone without Schedule issues (403) and keeps the data', async () => {
    await expect(run('sprint/set-budget', { sprintId: 4, amount: 3 }, DEV)).resolves.toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const before = sprintsOf('RT-1');
    await expect(run('sprint/move', { moves: [{ key: 'RT-1', fromSprintId: null, toSprintId: 5 }] }, DEV)).resolves.toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(store.get().appStorage['sprint-plan:RT']).toBeUndefined();
    expect(sprintsOf('RT-1')).toEqual(before);
    // Reading is allowed, and says the caller cannot plan.
    expect((await okData('sprint/load', {}, DEV)).canPlan).toBe(false);
  });

  it('refuses a stored value that is not valid instead of planning with it', async () => {
    await store.update((s) => void (s.appStorage['sprint-plan:RT'] = { version: 1, unit: 'hours' }));
    await expect(run('sprint/load', {})).resolves.toMatchObject({ ok: false, code: 'STORAGE_ERROR' });
  });
});

describe('auto-plan and moves', () => {
  beforeEach(() => setUp([extraBugs(70)]));

  it('previews auto-plan as a diff within the budgets, and applying it updates Jira', async () => {
    await okData('sprint/set-budget', { sprintId: 5, amount: 13 });
    await okData('sprint/set-budget', { sprintId: 6, amount: 8 });
    const before = JSON.stringify(store.get().issues);
    const preview = await okData<{ moves: Array<{ key: string; fromSprintId: number | null; toSprintId: number }>; perSprint: Array<{ sprintId: number; planned: number; budget: number; added: number }>; notPlanned: Array<{ code: string }> }>('sprint/auto-plan-preview', {});
    expect(JSON.stringify(store.get().issues)).toBe(before); // a preview changes nothing
    expect(preview.moves.length).toBeGreaterThan(0);
    expect(preview.moves.every((m) => [4, 5, 6].includes(m.toSprintId))).toBe(true);
    for (const p of preview.perSprint.filter((x) => x.added > 0)) expect(p.planned).toBeLessThanOrEqual(p.budget);
    // Each move names the rank the backlog shows for that bug (not its place among the ready bugs only).
    const shown = new Map((await okData('sprint/load', {})).bugs.map((b) => [b.key, b.rank]));
    const byRank = (preview as unknown as { moves: Array<{ key: string; reason: string }> }).moves.filter((m) => /^Backlog rank/.test(m.reason));
    expect(byRank.length).toBeGreaterThan(0);
    for (const m of byRank) expect(m.reason).toMatch(new RegExp(`^Backlog rank ${shown.get(m.key)} \\(score`));
    expect(byRank.some((m, i) => shown.get(m.key) !== i + 1)).toBe(true);
    expect(preview.notPlanned.some((n) => n.code === 'does-not-fit')).toBe(true);

    const applied = await okData<{ moved: number; failed: number; view: PlanView }>('sprint/move', { moves: preview.moves.map(({ key, fromSprintId, toSprintId }) => ({ key, fromSprintId, toSprintId })) });
    expect(applied).toMatchObject({ moved: preview.moves.length, failed: 0 });
    for (const m of preview.moves) expect(sprintsOf(m.key)).toContain(m.toSprintId);
    for (const m of preview.moves) expect(applied.view.bugs.find((b) => b.key === m.key)?.sprintId).toBe(m.toSprintId);
  });

  it('moves in batches of 50; a failed batch is reported per bug, the rest stays applied, the view matches Jira', async () => {
    const keys = (await okData('sprint/load', {})).bugs.filter((b) => b.sprintId === null).slice(0, 60).map((b) => b.key);
    expect(keys).toHaveLength(60);
    emulator.resetCalls();
    emulator.failNext({ method: 'POST', path: '/rest/agile/1.0/sprint/5/issue', status: 400, body: { errorMessages: ['Issue cannot be moved: the sprint is locked.'], errors: {} } });
    const result = await okData<{ outcomes: Array<{ key: string; status: string; reason?: string }>; moved: number; failed: number; agileCalls: number; undo: Array<{ key: string; toSprintId: number | null }>; view: PlanView }>('sprint/move', {
      moves: keys.map((key) => ({ key, fromSprintId: null, toSprintId: 5 })),
    });
    const agile = emulator.calls.filter((c) => c.path === '/rest/agile/1.0/sprint/5/issue');
    expect(agile.map((c) => c.status)).toEqual([400, 204]);
    expect(result).toMatchObject({ moved: 10, failed: 50, agileCalls: 2 });
    const failed = result.outcomes.filter((o) => o.status === 'failed');
    expect(failed.map((o) => o.key)).toEqual(keys.slice(0, 50));
    expect(failed.every((o) => /sprint is locked/.test(o.reason ?? ''))).toBe(true);
    for (const k of keys.slice(0, 50)) expect(sprintsOf(k)).not.toContain(5);
    for (const k of keys.slice(50)) expect(sprintsOf(k)).toContain(5);
    for (const k of keys) expect(result.view.bugs.find((b) => b.key === k)?.sprintId).toBe(keys.indexOf(k) >= 50 ? 5 : null);
    // Undo covers exactly what moved.
    expect(result.undo.map((m) => m.key).sort()).toEqual(keys.slice(50).sort());
    expect(result.undo.every((m) => m.toSprintId === null)).toBe(true);
  });

  it('undoes the last change with the inverse moves', async () => {
    const key = (await okData('sprint/load', {})).bugs.find((b) => b.sprintId === null && b.ready)!.key;
    const first = await okData<{ undo: Array<{ key: string; fromSprintId: number | null; toSprintId: number | null }> }>('sprint/move', { moves: [{ key, fromSprintId: null, toSprintId: 6 }], refresh: false });
    expect(sprintsOf(key)).toContain(6);
    const undone = await okData<{ moved: number; view: PlanView }>('sprint/move', { moves: first.undo });
    expect(undone.moved).toBe(1);
    expect(sprintsOf(key)).not.toContain(6);
    expect(undone.view.bugs.find((b) => b.key === key)?.sprintId).toBeNull();
  });

  it("reads where each bug is from Jira instead of trusting the page's fromSprintId; keys of other projects are not sent", async () => {
    const key = (await okData('sprint/load', {})).bugs.find((b) => b.sprintId === null && b.ready)!.key;
    // Someone else planned it into sprint 6 after this page loaded: the page still says "backlog".
    await okData('sprint/move', { moves: [{ key, fromSprintId: null, toSprintId: 6 }], refresh: false });
    const stale = await okData<{ outcomes: Array<{ key: string; status: string; fromSprintId: number | null; reason?: string }>; undo: Array<{ key: string; fromSprintId: number | null; toSprintId: number | null }> }>('sprint/move', {
      moves: [
        { key, fromSprintId: null, toSprintId: 5 },
        { key: 'OPS-1', fromSprintId: null, toSprintId: 5 },
      ],
      refresh: false,
    });
    expect(sprintsOf(key)).toContain(5);
    expect(stale.outcomes[0]).toMatchObject({ key, status: 'moved', fromSprintId: 6 });
    // Undo puts it back where it really was, not in the backlog.
    expect(stale.undo).toEqual([{ key, fromSprintId: 5, toSprintId: 6 }]);
    expect(stale.outcomes[1]).toMatchObject({ key: 'OPS-1', status: 'failed', reason: 'OPS-1 is not a bug of RT (or no longer exists).' });
    expect(sprintsOf('OPS-1')).not.toContain(5);

    // "Already there" is Jira's answer too: a page that thinks the bug is elsewhere does not make it move.
    emulator.resetCalls();
    const already = await okData<{ outcomes: Array<{ status: string; reason?: string }>; agileCalls: number }>('sprint/move', { moves: [{ key, fromSprintId: null, toSprintId: 5 }], refresh: false });
    expect(already).toMatchObject({ agileCalls: 0, outcomes: [{ status: 'moved', reason: 'Already there' }] });

    // Jira refuses the lookup naming one of the keys (real Jira does when a key no longer exists): that key is not a
    // bug of the project; the others are read again and moved.
    emulator.failNext({ method: 'POST', path: '/rest/api/3/search/jql', status: 400, times: 1, body: { errorMessages: ["An issue with key 'RT-99999' does not exist for field 'key'."], errors: {} } });
    const named = await okData<{ moved: number; outcomes: Array<{ key: string; status: string; reason?: string }>; undo: Array<{ key: string; fromSprintId: number | null; toSprintId: number | null }> }>('sprint/move', {
      moves: [
        { key, fromSprintId: 5, toSprintId: null },
        { key: 'RT-99999', fromSprintId: null, toSprintId: 5 },
      ],
      refresh: false,
    });
    expect(named.moved).toBe(1);
    expect(named.outcomes[1]).toMatchObject({ key: 'RT-99999', status: 'failed', reason: 'RT-99999 is not a bug of RT (or no longer exists).' });
    expect(named.undo).toEqual([{ key, fromSprintId: null, toSprintId: 5 }]);
    expect(sprintsOf(key)).not.toContain(5);
  });

  it("refuses the move when the membership query fails: the page's data is never trusted instead", async () => {
    const key = (await okData('sprint/load', {})).bugs.find((b) => b.sprintId === null && b.ready)!.key;
    const otherProject = store.get().issues.find((i) => i.key.startsWith('OPS-'))!.key;
    // A refusal that names none of the keys, then one that keeps failing (5xx after the retries).
    for (const fault of [
      { status: 400, times: 1, body: { errorMessages: ['The JQL query is not valid.'], errors: {} }, code: 'JIRA_ERROR', message: /^Nothing was moved: Release Train could not confirm that these issues are bugs of RT/ },
      { status: 503, times: 10, code: 'JIRA_UNAVAILABLE', message: /Jira is unavailable right now/ },
    ]) {
      emulator.failNext({ method: 'POST', path: '/rest/api/3/search/jql', status: fault.status, times: fault.times, ...(fault.body ? { body: fault.body } : {}) });
      emulator.resetCalls();
      const result = await run('sprint/move', { moves: [{ key, fromSprintId: null, toSprintId: 5 }, { key: otherProject, fromSprintId: null, toSprintId: 5 }], refresh: false });
      expect(result).toMatchObject({ ok: false, code: fault.code, message: expect.stringMatching(fault.message) });
      expect(emulator.calls.some((c) => c.path.includes('/sprint/5/issue'))).toBe(false);
      expect(sprintsOf(key)).not.toContain(5);
      expect(sprintsOf(otherProject)).not.toContain(5);
      emulator.clearFaults();
    }
  });

  it('does not send moves into a closed sprint and says why', async () => {
    emulator.resetCalls();
    const result = await okData<{ outcomes: Array<{ status: string; reason?: string }>; agileCalls: number }>('sprint/move', { moves: [{ key: 'RT-1', fromSprintId: null, toSprintId: 2 }], refresh: false });
    expect(result.agileCalls).toBe(0);
    expect(result.outcomes[0]).toMatchObject({ status: 'failed' });
    expect(result.outcomes[0]!.reason).toMatch(/closed/);
    expect(emulator.calls.some((c) => c.path.includes('/sprint/2/issue'))).toBe(false);
  });

  it("sets the planner's manual order: those bugs rank first, in that order, for the page and auto-plan; [] clears it", async () => {
    const rankedKeys = (v: PlanView) => v.bugs.filter((x) => x.rank !== undefined).map((x) => x.key);
    const loaded = await okData('sprint/load', {});
    const before = loaded.bugs.filter((b) => b.rank !== undefined && b.ready);
    const [a, b] = [before[5]!.key, before[2]!.key];
    const view = await okData('sprint/set-order', { keys: [a, b, a] });
    expect((store.get().appStorage['sprint-plan:RT'] as { override: string[] }).override).toEqual([a, b]);
    const ranked = view.bugs.filter((x) => x.rank !== undefined);
    expect(ranked.slice(0, 2).map((x) => [x.key, x.rank, x.placedByPlanner])).toEqual([[a, 1, true], [b, 2, true]]);
    expect(ranked[0]!.reasons[0]).toBe('Placed at position 1 by the planner');
    expect(ranked.slice(2).some((x) => x.placedByPlanner)).toBe(false);
    // Auto-plan fills in that order: the first bug it plans from the backlog is the one placed first.
    await okData('sprint/set-budget', { sprintId: 6, amount: 100 });
    const preview = await okData<{ moves: Array<{ key: string }> }>('sprint/auto-plan-preview', {});
    expect(preview.moves.slice(0, 2).map((m) => m.key)).toEqual([a, b]);

    const cleared = await okData('sprint/set-order', { keys: [] });
    expect(rankedKeys(cleared)).toEqual(rankedKeys(loaded));
    expect(cleared.bugs.some((x) => x.placedByPlanner)).toBe(false);
    await expect(run('sprint/set-order', { keys: [a] }, DEV)).resolves.toMatchObject({ ok: false, code: 'FORBIDDEN' });
    await expect(run('sprint/set-order', { keys: ['not a key'] })).resolves.toMatchObject({ ok: false, code: 'BAD_REQUEST' });
  });

  it('pins and unpins many bugs in one call: one settings write, one reload of the board', async () => {
    const keys = (await okData('sprint/load', {})).bugs.filter((b) => b.sprintId === null).slice(0, 10).map((b) => b.key);
    emulator.resetCalls();
    const view = await okData('sprint/pin', { keys, sprintId: 5 });
    // One board read for the change, one load of the bugs (the board context is reused for the reload).
    expect(emulator.calls.filter((c) => c.path === '/rest/agile/1.0/board').length).toBe(1);
    expect(emulator.calls.filter((c) => c.path === '/rest/api/3/search/jql').length).toBe(view.stats.searchCalls);
    expect((store.get().appStorage['sprint-plan:RT'] as { pins: Record<string, number> }).pins).toEqual(Object.fromEntries(keys.map((k) => [k, 5])));
    for (const k of keys) expect(view.bugs.find((b) => b.key === k)?.pinnedSprintId).toBe(5);
    const unpinned = await okData('sprint/pin', { keys: keys.slice(0, 4), sprintId: null });
    expect(Object.keys((store.get().appStorage['sprint-plan:RT'] as { pins: Record<string, number> }).pins).sort()).toEqual(keys.slice(4).sort());
    expect(unpinned.bugs.filter((b) => b.pinnedSprintId !== undefined).map((b) => b.key).sort()).toEqual(keys.slice(4).sort());
  });

  it('pins a bug: auto-plan puts it in its pinned sprint whatever the budget', async () => {
    await okData('sprint/set-settings', { unit: 'points', velocityShare: null, unestimatedPoints: null });
    const key = (await okData('sprint/load', {})).bugs.find((b) => b.sprintId === null)!.key;
    const view = await okData('sprint/pin', { keys: [key], sprintId: 6 });
    expect(view.bugs.find((b) => b.key === key)?.pinnedSprintId).toBe(6);
    const preview = await okData<{ moves: Array<{ key: string; toSprintId: number; reason: string }> }>('sprint/auto-plan-preview', {});
    expect(preview.moves).toEqual([expect.objectContaining({ key, toSprintId: 6, reason: expect.stringMatching(/Pinned/) })]);
  });
});

describe('readTeamCompletion', () => {
  const sprint = (id: number, start: string, end: string) => ({ id, name: `S${id}`, state: 'closed' as const, startDate: start, endDate: end, completeDate: end });
  const board = {
    boards: [],
    board: { id: 1, name: 'B', type: 'scrum' },
    fields: { sprint: 'customfield_10020', storyPoints: 'customfield_10016' },
    canPlan: true,
    sprints: [sprint(1, '2026-01-01T00:00:00Z', '2026-01-15T00:00:00Z'), sprint(2, '2026-01-15T00:00:00Z', '2026-01-29T00:00:00Z'), sprint(3, '2026-01-29T00:00:00Z', '2026-02-12T00:00:00Z')],
  } as unknown as BoardContext;
  const issue = (sprints: number[], resolved: string, points?: number) => ({ id: '1', key: 'X-1', fields: { resolutiondate: resolved, customfield_10020: sprints.map((id) => ({ id })), ...(points !== undefined ? { customfield_10016: points } : {}) } });

  it('reads only sprints not stored yet, counts what was resolved in each window, and leaves out sprints a cut read does not cover', async () => {
    const calls: string[] = [];
    const gw = {
      searchAll: async (o: { jql: string }) => {
        calls.push(o.jql);
        // Cut at the limit: the oldest issue read was resolved inside sprint 2.
        return { issues: [issue([3], '2026-02-01T00:00:00Z', 5), issue([2, 3], '2026-01-30T00:00:00Z'), issue([2], '2026-01-20T00:00:00Z', 3)], pages: 20, truncated: true };
      },
    } as unknown as JiraGateway;
    const read = await readTeamCompletion(gw, board, new Set([1]));
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatch(/^sprint in \(2, 3\) AND statusCategory = Done AND resolved >= "2026-01-15" ORDER BY resolved DESC$/);
    expect([...read.completed]).toEqual([[3, { points: 5, count: 2 }]]);
    expect(read.pending).toEqual([2]);
    expect(read.pages).toBe(20);
    await expect(readTeamCompletion(gw, board, new Set([1, 2, 3]))).resolves.toEqual({ completed: new Map(), pending: [], pages: 0 });
    expect(calls).toHaveLength(1);
  });
});
