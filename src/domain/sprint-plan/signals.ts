import { formatAmount, resolveBudget, type BudgetSettings, type BudgetSource } from './budget';
import { daysBetween, round1, toTime, validAmount } from './dates';
import { carryOverCount, severityLevel } from './rank';
import { lastClosedSprints } from './sprint-order';
import type { BudgetUnit, PlanBug, PlanSprint } from './types';

/**
 * DEPRIORITIZATION SIGNALS: is the team keeping up with its bugs?
 *
 * - carried over: open bugs that left `carryOverThreshold` (2) or more closed sprints unfinished (from sprintHistory).
 * - flow: per closed sprint, bugs created within the sprint window [start, complete) (inflow) vs resolved within
 *   it (outflow). Bugs created or resolved between two sprints fall in no window.
 * - trend: the average net flow (inflow − outflow) per sprint; positive means the backlog grows.
 * - old high severity: open bugs of severity level 1..`highSeverityMaxLevel` (S1, S2) open longer than a threshold.
 * - capacity use: per closed sprint, the bug work planned into it (every bug whose Sprint field holds the sprint,
 *   done or not) vs the bugs that were in it and resolved within its window; the budget it had (its own, else the
 *   current velocity share) is given alongside.
 * - capacity needed: when average inflow exceeds average outflow, the difference (rounded up to a whole point or
 *   bug) is the extra bug capacity per sprint that would stop the growth.
 *
 * Amounts follow the budget unit. In points, a bug without story points counts `unestimatedPoints` when set,
 * else the average size of the estimated bugs given (so unestimated inflow is not silently 0).
 * Pass resolved bugs too: they are the outflow.
 */
export type SignalsInput = {
  bugs: readonly PlanBug[];
  sprints: readonly PlanSprint[];
  /** ISO or epoch ms. */
  now: string | number;
  budget: BudgetSettings;
  /** How many of the most recent closed sprints to look at (default 5). */
  lastClosedSprints?: number;
  /** Carry-overs that make a signal (default 2). */
  carryOverThreshold?: number;
  /** Days after which an open high-severity bug is a signal (default 30). */
  highSeverityOlderThanDays?: number;
  /** Severity levels counted as high: 1..this (default 2, i.e. S1 and S2). */
  highSeverityMaxLevel?: 1 | 2 | 3 | 4;
};

export type CarriedOverBug = { key: string; summary: string; carryOvers: number; sprintsIn: number; sprintIds: number[] };

export type SprintFlow = {
  sprintId: number;
  name: string;
  /** Bugs created / resolved in the window, and their amount in the unit. */
  inflow: number;
  outflow: number;
  inflowAmount: number;
  outflowAmount: number;
  net: number;
  /** Open bugs at the end of the sprint (created before it ended, not resolved by then). */
  backlogAtEnd: number;
};

export type BacklogTrend = { openNow: number; sprints: number; averageNet: number; growing: boolean; sentence: string };

export type OldHighSeverityBug = { key: string; summary: string; severity: string; ageDays: number };

export type CapacityUse = {
  sprintId: number;
  name: string;
  unit: BudgetUnit;
  /** Bug work planned into the sprint: the bugs whose sprint history holds it. */
  planned: number;
  /** Its bug budget (own, else the current velocity share) and where that came from. */
  budget: number;
  budgetSource: BudgetSource;
  used: number;
  /** used / planned; null when nothing was planned. */
  usedShare: number | null;
};

export type CapacityNeeded = {
  /** True when average inflow exceeds average outflow. */
  needed: boolean;
  unit: BudgetUnit;
  /** Extra capacity per sprint (whole points or bugs) that would stop the growth; 0 when not needed. */
  perSprint: number;
  averageInflow: number;
  averageOutflow: number;
  /** Closed sprints the averages are taken over. */
  sprints: number;
  /** The current bug budget (active sprint) and what it would become, when there is an active sprint. */
  currentBudget?: number;
  suggestedBudget?: number;
  sentence: string;
};

export type SprintSignals = {
  carriedOver: CarriedOverBug[];
  flow: SprintFlow[];
  trend: BacklogTrend;
  oldHighSeverity: OldHighSeverityBug[];
  capacityUse: CapacityUse[];
  capacityNeeded: CapacityNeeded;
  /** One readable line per signal that fired, for the panel. */
  summary: string[];
  warnings: string[];
};

const isOpen = (bug: PlanBug): boolean => bug.stage !== 'DONE' && !bug.resolvedAt;
const plural = (n: number, one: string, many: string): string => `${round1(n)} ${n === 1 ? one : many}`;
const positiveInt = (value: number | undefined, fallback: number): number =>
  value !== undefined && Number.isFinite(value) && value >= 0 ? Math.floor(value) : fallback;

export function sprintSignals(input: SignalsInput): SprintSignals {
  const warnings: string[] = [];
  const bugs = (Array.isArray(input.bugs) ? input.bugs : []).filter((b) => b && typeof b.key === 'string');
  const sprints = Array.isArray(input.sprints) ? input.sprints : [];
  const unit = input.budget.unit;
  const now = typeof input.now === 'number' ? input.now : toTime(input.now);
  if (!Number.isFinite(now)) warnings.push(`'now' (${String(input.now)}) is not a readable time; ages are 0.`);
  const threshold = positiveInt(input.carryOverThreshold, 2);
  const olderThanDays = positiveInt(input.highSeverityOlderThanDays, 30);
  const maxLevel = input.highSeverityMaxLevel ?? 2;
  const closedIds = new Set(sprints.filter((s) => s.state === 'closed').map((s) => s.id));

  // Amount of one bug in the unit (see the header for unestimated bugs).
  let estimatedTotal = 0;
  let estimatedCount = 0;
  for (const bug of bugs) {
    const points = validAmount(bug.storyPoints);
    if (points !== undefined) {
      estimatedTotal += points;
      estimatedCount += 1;
    }
  }
  const fallbackPoints = validAmount(input.budget.unestimatedPoints) ?? (estimatedCount > 0 ? estimatedTotal / estimatedCount : 0);
  const amountOf = (bug: PlanBug): number => (unit === 'count' ? 1 : validAmount(bug.storyPoints) ?? fallbackPoints);

  // Carried over.
  const carriedOver: CarriedOverBug[] = [];
  for (const bug of bugs) {
    if (!isOpen(bug)) continue;
    const carryOvers = carryOverCount(bug, closedIds);
    if (carryOvers < threshold || carryOvers === 0) continue;
    const history: readonly number[] = Array.isArray(bug.sprintHistory) ? bug.sprintHistory : [];
    const ids = new Set(history.filter((id) => Number.isFinite(id)));
    if (bug.currentSprintId !== undefined) ids.add(bug.currentSprintId);
    carriedOver.push({ key: bug.key, summary: bug.summary, carryOvers, sprintsIn: ids.size, sprintIds: [...ids] });
  }
  carriedOver.sort((a, b) => b.carryOvers - a.carryOvers || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));

  // Flow per closed sprint, with readable windows only.
  const windows: { sprint: PlanSprint; start: number; end: number }[] = [];
  for (const sprint of lastClosedSprints(sprints, positiveInt(input.lastClosedSprints, 5))) {
    const start = toTime(sprint.startDate);
    const end = toTime(sprint.completeDate ?? sprint.endDate);
    if (!Number.isFinite(start) || !Number.isFinite(end) || end <= start) {
      warnings.push(`Sprint '${sprint.name}' has no readable start and end dates; it is left out of inflow and outflow.`);
      continue;
    }
    windows.push({ sprint, start, end });
  }
  // Parsed once: the windows loop below visits every bug per closed sprint.
  const times = bugs.map((bug) => {
    const resolved = toTime(bug.resolvedAt);
    return { bug, created: toTime(bug.createdAt), resolved, amount: amountOf(bug), unplaceable: !Number.isFinite(resolved) && !isOpen(bug) };
  });
  const flow: SprintFlow[] = [];
  const capacityUse: CapacityUse[] = [];
  for (const { sprint, start, end } of windows) {
    let inflow = 0;
    let outflow = 0;
    let inflowAmount = 0;
    let outflowAmount = 0;
    let backlogAtEnd = 0;
    let used = 0;
    let plannedIn = 0;
    for (const { bug, created, resolved, amount, unplaceable } of times) {
      const resolvedInWindow = resolved >= start && resolved < end;
      const wasIn = Array.isArray(bug.sprintHistory) && bug.sprintHistory.includes(sprint.id);
      if (wasIn) plannedIn += amount;
      if (created >= start && created < end) {
        inflow += 1;
        inflowAmount += amount;
      }
      if (resolvedInWindow) {
        outflow += 1;
        outflowAmount += amount;
        if (wasIn) used += amount;
      }
      // A done bug without a resolution date cannot be placed in time: it is left out of the backlog counts.
      if (created < end && !unplaceable && !(resolved < end)) backlogAtEnd += 1;
    }
    flow.push({ sprintId: sprint.id, name: sprint.name, inflow, outflow, inflowAmount, outflowAmount, net: inflow - outflow, backlogAtEnd });
    const budget = resolveBudget(sprint, input.budget);
    capacityUse.push({
      sprintId: sprint.id,
      name: sprint.name,
      unit,
      planned: plannedIn,
      budget: budget.amount,
      budgetSource: budget.source,
      used,
      usedShare: plannedIn > 0 ? used / plannedIn : null,
    });
  }

  // Trend.
  const openNow = bugs.filter(isOpen).length;
  const k = flow.length;
  const averageNet = k > 0 ? flow.reduce((s, f) => s + f.net, 0) / k : 0;
  const netTotal = flow.reduce((s, f) => s + f.net, 0);
  const overSprints = `over the last ${plural(k, 'closed sprint', 'closed sprints')}`;
  const trendSentence =
    k === 0
      ? 'Not enough closed sprints with dates to see whether the bug backlog grows.'
      : netTotal > 0
        ? `The bug backlog is growing: ${plural(netTotal, 'more bug', 'more bugs')} came in than were fixed ${overSprints} (${round1(averageNet)} per sprint).`
        : netTotal < 0
          ? `The bug backlog is shrinking: ${plural(-netTotal, 'more bug was', 'more bugs were')} fixed than came in ${overSprints}.`
          : `The bug backlog held steady ${overSprints}: as many bugs were fixed as came in.`;
  const trend: BacklogTrend = { openNow, sprints: k, averageNet, growing: averageNet > 0, sentence: trendSentence };

  // Old high-severity bugs.
  const oldHighSeverity: OldHighSeverityBug[] = [];
  for (const { bug, created } of times) {
    if (!isOpen(bug)) continue;
    const level = severityLevel(bug.severity);
    if (level === undefined || level > maxLevel) continue;
    const ageDays = daysBetween(created, now);
    if (ageDays > olderThanDays) oldHighSeverity.push({ key: bug.key, summary: bug.summary, severity: bug.severity ?? '', ageDays });
  }
  oldHighSeverity.sort((a, b) => b.ageDays - a.ageDays || (a.key < b.key ? -1 : 1));

  const capacityNeeded = computeCapacityNeeded(flow, unit, sprints, input.budget);

  const summary: string[] = [];
  if (carriedOver.length > 0) summary.push(`${plural(carriedOver.length, 'bug has', 'bugs have')} been carried over ${threshold} or more sprints.`);
  if (k > 0) summary.push(trend.sentence);
  if (oldHighSeverity.length > 0) summary.push(`${plural(oldHighSeverity.length, 'high-severity bug has', 'high-severity bugs have')} been open for more than ${olderThanDays} days.`);
  const underUsed = capacityUse.filter((c) => c.usedShare !== null && c.usedShare < 0.5);
  if (underUsed.length > 0) summary.push(`${plural(underUsed.length, 'closed sprint', 'closed sprints')} finished less than half of the bug work planned into ${underUsed.length === 1 ? 'it' : 'them'}: bugs may be pushed aside for other work.`);
  if (capacityNeeded.needed) summary.push(capacityNeeded.sentence);
  return { carriedOver, flow, trend, oldHighSeverity, capacityUse, capacityNeeded, summary, warnings };
}

function computeCapacityNeeded(flow: readonly SprintFlow[], unit: BudgetUnit, sprints: readonly PlanSprint[], settings: BudgetSettings): CapacityNeeded {
  const k = flow.length;
  if (k === 0) {
    return { needed: false, unit, perSprint: 0, averageInflow: 0, averageOutflow: 0, sprints: 0, sentence: 'Not enough closed sprints with dates to measure bug inflow and outflow.' };
  }
  const averageInflow = flow.reduce((s, f) => s + f.inflowAmount, 0) / k;
  const averageOutflow = flow.reduce((s, f) => s + f.outflowAmount, 0) / k;
  const over = `over the last ${plural(k, 'closed sprint', 'closed sprints')}`;
  const inOut = unit === 'points'
    ? `bugs worth ${formatAmount(averageInflow, unit)} came in and ${formatAmount(averageOutflow, unit)} were fixed per sprint on average`
    : `${formatAmount(averageInflow, unit)} came in and ${round1(averageOutflow)} were fixed per sprint on average`;
  // Floating sums of averages: ignore differences below a thousandth.
  const gap = averageInflow - averageOutflow;
  if (gap <= 1e-3) {
    return { needed: false, unit, perSprint: 0, averageInflow, averageOutflow, sprints: k, sentence: `Bug capacity keeps up: ${inOut} ${over}.` };
  }
  const perSprint = Math.ceil(gap - 1e-9);
  const active = sprints.find((s) => s.state === 'active');
  const current = active ? resolveBudget(active, settings) : undefined;
  const hasBudget = current !== undefined && current.source !== 'none';
  const budgetPart = hasBudget ? ` (a bug budget of ${formatAmount(current.amount + perSprint, unit)} instead of ${formatAmount(current.amount, unit)})` : '';
  return {
    needed: true,
    unit,
    perSprint,
    averageInflow,
    averageOutflow,
    sprints: k,
    ...(hasBudget ? { currentBudget: current.amount, suggestedBudget: current.amount + perSprint } : {}),
    sentence: `The bug backlog cannot be burned down at the current capacity: ${over}, ${inOut}. About ${formatAmount(perSprint, unit)} more per sprint${budgetPart} would stop the growth.`,
  };
}
