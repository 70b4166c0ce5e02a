/**
 * Sprint-plan benchmark: auto-plan for 1k / 10k / 50k bugs with 20 upcoming sprints, and the signals over the
 * same bugs with 10 closed sprints. Prints the median of several runs; no pass/fail (the target is auto-plan for
 * 10k bugs under 100 ms). Run: npx tsx bench/sprint-plan.bench.ts
 */
import { performance } from 'node:perf_hooks';
import { autoPlan, sprintSignals, type PlanBug, type PlanSprint } from '../src/domain/sprint-plan';

const NOW = Date.parse('2026-03-02T09:00:00.000Z');
const DAY = 24 * 60 * 60 * 1000;
const priorities = ['Highest', 'High', 'Medium', 'Low', 'Lowest'] as const;
const severities = ['S1', 'S2', 'S3', 'S4', undefined] as const;
const stages = ['L2', 'RTE_TRIAGE', 'DEV', 'DEV', 'RTE_REVIEW', 'QA', 'DONE'] as const;

/** A small seeded generator so every run plans the same data. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function pick<T>(items: readonly T[], r: number): T {
  return items[Math.floor(r * items.length)] as T;
}

export function makeSprints(closed = 10, upcoming = 20): PlanSprint[] {
  const sprints: PlanSprint[] = [];
  const firstStart = NOW - closed * 14 * DAY;
  for (let i = 0; i < closed + upcoming; i += 1) {
    const start = firstStart + i * 14 * DAY;
    const state: PlanSprint['state'] = i < closed ? 'closed' : i === closed ? 'active' : 'future';
    sprints.push({
      id: 1000 + i,
      name: `Sprint ${i + 1}`,
      state,
      startDate: new Date(start).toISOString(),
      endDate: new Date(start + 14 * DAY).toISOString(),
      ...(state === 'closed' ? { completeDate: new Date(start + 14 * DAY).toISOString() } : {}),
      bugBudget: { points: 40, count: 12 },
    });
  }
  return sprints;
}

export function makeBugs(n: number, sprints: readonly PlanSprint[], seed = 42): PlanBug[] {
  const rnd = lcg(seed);
  const closedIds = sprints.filter((s) => s.state === 'closed').map((s) => s.id);
  const upcomingIds = sprints.filter((s) => s.state !== 'closed').map((s) => s.id);
  const bugs: PlanBug[] = [];
  for (let i = 0; i < n; i += 1) {
    const stage = pick(stages, rnd());
    const created = NOW - Math.floor(rnd() * 200 * DAY);
    const history = rnd() < 0.3 ? closedIds.slice(Math.floor(rnd() * closedIds.length)) : [];
    const planned = rnd() < 0.02 ? pick(upcomingIds, rnd()) : undefined;
    bugs.push({
      key: `BENCH-${i + 1}`,
      summary: `Benchmark bug ${i + 1}`,
      priority: pick(priorities, rnd()),
      severity: pick(severities, rnd()),
      createdAt: new Date(created).toISOString(),
      stage,
      storyPoints: rnd() < 0.9 ? pick([1, 2, 3, 5, 8], rnd()) : undefined,
      components: [],
      labels: [],
      assignee: null,
      customerImpact: Math.floor(rnd() * 4),
      foundInRegression: rnd() < 0.1,
      reproClear: rnd() < 0.85,
      sprintHistory: planned !== undefined ? [...history, planned] : history,
      ...(planned !== undefined ? { currentSprintId: planned } : {}),
      ...(rnd() < 0.01 ? { pinned: { sprintId: pick(upcomingIds, rnd()) } } : {}),
      ...(stage === 'DONE' ? { resolvedAt: new Date(created + Math.floor(rnd() * 30 * DAY)).toISOString() } : {}),
    });
  }
  return bugs;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

function time(fn: () => unknown, runs: number): number {
  fn(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  return median(samples);
}

export type SprintPlanBenchRow = { bugs: number; autoPlanMs: number; signalsMs: number; moves: number; notPlanned: number };

export function run(sizes: readonly number[] = [1_000, 10_000, 50_000], runs = 7): Promise<SprintPlanBenchRow[]> {
  const rows = runDomain(sizes, runs);
  return runPageLoad().then(() => rows);
}

function runDomain(sizes: readonly number[], runs: number): SprintPlanBenchRow[] {
  const sprints = makeSprints(10, 20);
  const rows: SprintPlanBenchRow[] = [];
  console.log(`sprint-plan: 20 upcoming sprints, 10 closed; median of ${runs} runs`);
  for (const n of sizes) {
    const bugs = makeBugs(n, sprints);
    const input = { bugs, sprints, now: NOW, budget: { unit: 'points' as const } };
    const plan = autoPlan(input);
    const autoPlanMs = time(() => autoPlan(input), runs);
    const signalsMs = time(() => sprintSignals({ ...input, lastClosedSprints: 10 }), runs);
    rows.push({ bugs: n, autoPlanMs, signalsMs, moves: plan.moves.length, notPlanned: plan.notPlanned.length });
    console.log(
      `  ${String(n).padStart(6)} bugs  auto-plan ${autoPlanMs.toFixed(1).padStart(7)} ms  signals ${signalsMs.toFixed(1).padStart(7)} ms  (${plan.moves.length} moves, ${plan.notPlanned.length} not planned)`,
    );
  }
  return rows;
}

/**
 * The page-load handler ('sprint/load') against the Jira emulator with the demo seed plus 5,000 extra open bugs:
 * wall time of the whole handler (emulator searches in-process, mapping, ranking with reasons, signals) and the
 * Jira calls it made. The emulator's own JQL evaluation is part of the time, so this is an upper bound.
 */
async function runPageLoad(extra = 5_000): Promise<void> {
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const { createJiraEmulator } = await import('../local/emulator/handler');
  const { appStorageFile, FileStore } = await import('../local/emulator/store');
  const { createSeedState, SEED_BASE_DATE } = await import('../local/seed');
  const { cloneIssue } = await import('../test/builders/sprint-plan');
  const { fileKeyValueStore, localServices } = await import('../local/server/local-services');
  const { installServices } = await import('../src/runtime/services');
  const { runProcedure } = await import('../src/resolvers/define-resolver');
  const { sprintPlanningHandlers, sprintPlanningProcedures } = await import('../src/resolvers/sprint-planning-handlers');
  const dir = mkdtempSync(join(tmpdir(), 'rt-bench-sprint-'));
  try {
    const store = new FileStore({
      path: join(dir, 'jira.json'),
      seed: () =>
        createSeedState(SEED_BASE_DATE, [
          (state) => {
            const template = state.issues.find((i) => i.key.startsWith('RT-') && i.fields.issueTypeId === '10004' && i.fields.statusId === '10003');
            if (!template) return;
            for (let k = 0; k < extra; k += 1) delete cloneIssue(state, template).fields.custom['customfield_10020'];
          },
        ]),
    });
    await store.load();
    const emulator = createJiraEmulator(store, { now: () => SEED_BASE_DATE });
    installServices(localServices(emulator.handle, fileKeyValueStore(appStorageFile(store)), () => SEED_BASE_DATE));
    const load = () => runProcedure(sprintPlanningProcedures, sprintPlanningHandlers, 'sprint/load', { payload: { input: {} }, context: { accountId: 'rt-planner-jonas', extension: { project: { key: 'RT', id: '10000' } } } });
    await load(); // warm-up
    const samples: number[] = [];
    let stats = { searchCalls: 0, jiraCalls: 0, openBugs: 0 };
    let bytes = 0;
    for (let i = 0; i < 3; i += 1) {
      const t0 = performance.now();
      const result = await load();
      samples.push(performance.now() - t0);
      if (!result.ok) throw new Error(result.message);
      stats = (result.data as { stats: typeof stats }).stats;
      bytes = JSON.stringify(result.data).length;
    }
    console.log(
      `  page load ('sprint/load', emulator in-process): ${stats.openBugs} open bugs in ${median(samples).toFixed(0)} ms, ${stats.searchCalls} search calls, ${stats.jiraCalls} Jira calls, reply ${(bytes / 1024 / 1024).toFixed(1)} MB`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (/sprint-plan\.bench\.[cm]?[tj]s$/.test(process.argv[1] ?? '')) void run();
