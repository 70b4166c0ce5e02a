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

export function run(sizes: readonly number[] = [1_000, 10_000, 50_000], runs = 7): SprintPlanBenchRow[] {
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

if (/sprint-plan\.bench\.[cm]?[tj]s$/.test(process.argv[1] ?? '')) run();
