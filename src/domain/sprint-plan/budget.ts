import { round1, validAmount } from './dates';
import { closedSprintsInOrder } from './sprint-order';
import type { BudgetUnit, PlanBug, PlanSprint } from './types';

/**
 * The bug budget of a sprint: how many story points (or how many bugs, for teams that do not estimate bugs) the
 * sprint sets aside for bugs. A budget set on the sprint wins; otherwise it is a share of the team's recent
 * velocity (e.g. 0.3 of the average of the last 3 closed sprints); otherwise there is none (0).
 */
export type BudgetSettings = {
  unit: BudgetUnit;
  /** Share of velocity for bugs when a sprint has no budget of its own, 0..1. */
  velocityShare?: number;
  /** Velocity in the budget's unit per sprint, e.g. `velocityFromClosedSprints(...).velocity`. */
  velocity?: number;
  /**
   * Points unit only: the size assumed for a bug without story points. When absent, such bugs are never
   * auto-planned (they are reported as needing an estimate) and count 0 in a sprint's load.
   */
  unestimatedPoints?: number;
};

export type BudgetSource = 'sprint' | 'velocity-share' | 'none';

export type ResolvedBudget = {
  sprintId: number;
  unit: BudgetUnit;
  /** Always a finite number >= 0. */
  amount: number;
  source: BudgetSource;
  /** Readable notes about input that was ignored (e.g. a negative budget). */
  warnings: string[];
};

const unitWord = (unit: BudgetUnit, amount: number): string =>
  unit === 'points' ? (amount === 1 ? 'point' : 'points') : amount === 1 ? 'bug' : 'bugs';

/** "5 points", "1 bug". */
export function formatAmount(amount: number, unit: BudgetUnit): string {
  return `${round1(amount)} ${unitWord(unit, amount)}`;
}

export function resolveBudget(sprint: PlanSprint, settings: BudgetSettings): ResolvedBudget {
  const unit = settings.unit;
  const warnings: string[] = [];
  const own = sprint.bugBudget?.[unit];
  if (own !== undefined) {
    const amount = validAmount(own);
    if (amount !== undefined) return { sprintId: sprint.id, unit, amount, source: 'sprint', warnings };
    warnings.push(`Sprint '${sprint.name}' has a bug budget of ${String(own)} ${unit}, which is not a number of 0 or more; it is ignored.`);
  }
  const share = settings.velocityShare;
  const velocity = settings.velocity;
  if (share !== undefined || velocity !== undefined) {
    const validShare = validAmount(share) !== undefined && (share as number) <= 1 ? share : undefined;
    const validVelocity = validAmount(velocity);
    if (validShare === undefined) warnings.push(`Velocity share ${String(share)} is not between 0 and 1; it is ignored.`);
    if (validVelocity === undefined) warnings.push(`Velocity ${String(velocity)} is not a number of 0 or more; it is ignored.`);
    if (validShare !== undefined && validVelocity !== undefined) {
      // Budgets are whole points/bugs: rounding down never promises capacity the team did not have.
      return { sprintId: sprint.id, unit, amount: Math.floor(validShare * validVelocity + 1e-9), source: 'velocity-share', warnings };
    }
  }
  return { sprintId: sprint.id, unit, amount: 0, source: 'none', warnings };
}

export type VelocityEstimate = {
  /** Average completed amount per sprint over the sprints used; 0 when none could be used. */
  velocity: number;
  /** The closed sprints the average is taken over, oldest first. */
  sprintIds: number[];
  note: string;
};

/**
 * The team's recent velocity: the average completed amount (points, or issues if you pass counts) of the last
 * `lastN` closed sprints that have a readable figure. Sprints that are not closed, or whose figure is missing,
 * NaN or negative, are skipped.
 */
export function velocityFromClosedSprints(
  closedSprints: readonly PlanSprint[],
  completedPointsBySprint: Readonly<Record<number, number>> | ReadonlyMap<number, number>,
  lastN = 3,
): VelocityEstimate {
  const lookup = (id: number): number | undefined =>
    validAmount(completedPointsBySprint instanceof Map ? completedPointsBySprint.get(id) : (completedPointsBySprint as Readonly<Record<number, number>>)[id]);
  const n = Number.isFinite(lastN) && lastN >= 1 ? Math.floor(lastN) : 3;
  const usable = closedSprintsInOrder(closedSprints).filter((s) => lookup(s.id) !== undefined).slice(-n);
  if (usable.length === 0) return { velocity: 0, sprintIds: [], note: 'No closed sprint with a completed figure: velocity unknown.' };
  const total = usable.reduce((sum, s) => sum + (lookup(s.id) ?? 0), 0);
  const velocity = total / usable.length;
  const plural = usable.length === 1 ? 'sprint' : 'sprints';
  return { velocity, sprintIds: usable.map((s) => s.id), note: `Average of the last ${usable.length} closed ${plural}: ${round1(velocity)}.` };
}

/**
 * How much of a budget a bug takes: 1 in the count unit; its story points in the points unit (or
 * `unestimatedPoints` when it has none). `undefined` means it has no usable size.
 */
export function bugSize(bug: Pick<PlanBug, 'storyPoints'>, unit: BudgetUnit, unestimatedPoints?: number): number | undefined {
  if (unit === 'count') return 1;
  return validAmount(bug.storyPoints) ?? validAmount(unestimatedPoints);
}

export type BudgetStatus = {
  planned: number;
  budget: number;
  /** Budget minus planned, never below 0. */
  remaining: number;
  over: boolean;
  /** planned / budget (Infinity when there is load but no budget, 0 when both are 0). */
  usedShare: number;
};

export function budgetStatus(planned: number, budget: number): BudgetStatus {
  const p = validAmount(planned) ?? 0;
  const b = validAmount(budget) ?? 0;
  return {
    planned: p,
    budget: b,
    remaining: Math.max(0, b - p),
    over: p > b + 1e-9,
    usedShare: b > 0 ? p / b : p > 0 ? Number.POSITIVE_INFINITY : 0,
  };
}

/** The load of bugs currently in a sprint, in the budget's unit (unestimated bugs are counted separately). */
export function plannedLoad(
  bugs: readonly PlanBug[],
  sprintId: number,
  settings: Pick<BudgetSettings, 'unit' | 'unestimatedPoints'>,
): { planned: number; bugs: number; unestimated: number } {
  let planned = 0;
  let count = 0;
  let unestimated = 0;
  for (const bug of bugs) {
    if (bug.currentSprintId !== sprintId) continue;
    count += 1;
    const size = bugSize(bug, settings.unit, settings.unestimatedPoints);
    if (size === undefined) unestimated += 1;
    else planned += size;
  }
  return { planned, bugs: count, unestimated };
}
