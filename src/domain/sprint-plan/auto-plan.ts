import { bugSize, formatAmount, resolveBudget, type BudgetSettings, type BudgetSource, type ResolvedBudget } from './budget';
import { rankEntries, type RankWeights } from './rank';
import { upcomingSprintsInOrder } from './sprint-order';
import type { BudgetUnit, PlanBug, PlanSprint } from './types';

/**
 * AUTO-PLAN: fill the upcoming sprints (active, then future in start order) with ranked bugs, within each
 * sprint's bug budget.
 *
 * 1. Bugs already in an upcoming sprint stay there and use its budget (even when that puts it over budget:
 *    the planner decided; the sprint is flagged `over`). Resolved bugs in a sprint still count: they used it.
 * 2. A pinned open bug goes to its pinned sprint whatever the budget says. A pin to a sprint that is closed or
 *    not on the board is reported, and the bug is left where it is.
 * 3. The other open bugs in the backlog are candidates. Not ready (repro steps not clear, still in L2) and, in the
 *    points unit, not estimated (unless `unestimatedPoints` is set) are skipped with a reason.
 * 4. Candidates are ranked (rank.ts, with the planner's override) and each goes to the first upcoming sprint with
 *    enough budget left (first fit). So a bug too big for the room left in sprint 1 goes to sprint 2, and a
 *    smaller, lower-ranked bug may still fill sprint 1. A sprint without a budget takes no new bugs.
 *
 * Cost: O(n log n) for the ranking plus O(n × upcoming sprints) for the fill, with a cursor that skips full sprints.
 */
export type AutoPlanInput = {
  bugs: readonly PlanBug[];
  sprints: readonly PlanSprint[];
  /** For the age part of the ranking (ISO or epoch ms). */
  now: string | number;
  budget: BudgetSettings;
  /** The planner's explicit order of keys (wins over the score). */
  override?: readonly string[];
  weights?: RankWeights;
  /**
   * Each backlog bug's rank as the planner sees it (among all backlog bugs, ready or not). Given, a move names
   * that rank ("Backlog rank 7"); else its place among the bugs auto-plan could plan ("Rank 3").
   */
  backlogRanks?: ReadonlyMap<string, number>;
};

export type AutoPlanMove = { key: string; fromSprintId: number | null; toSprintId: number; reason: string };

export type NotPlannedCode = 'not-ready' | 'needs-estimate' | 'does-not-fit' | 'no-upcoming-sprint' | 'pinned-sprint-unavailable';

export type NotPlanned = { key: string; code: NotPlannedCode; reason: string };

export type SprintPlanSummary = {
  sprintId: number;
  name: string;
  unit: BudgetUnit;
  /** Load after the moves, in the unit (unestimated bugs count 0, see `unestimated`). */
  planned: number;
  budget: number;
  budgetSource: BudgetSource;
  remaining: number;
  over: boolean;
  /** Bugs in the sprint after the moves, and how many of them the moves bring in. */
  bugs: number;
  added: number;
  unestimated: number;
};

export type AutoPlanResult = {
  moves: AutoPlanMove[];
  notPlanned: NotPlanned[];
  perSprint: SprintPlanSummary[];
  /** Input that was ignored, in words (duplicate keys, invalid budgets...). */
  warnings: string[];
};

type Slot = { sprint: PlanSprint; budget: ResolvedBudget; load: number; bugs: number; added: number; unestimated: number };

const isOpen = (bug: PlanBug): boolean => bug.stage !== 'DONE' && !bug.resolvedAt;

export function autoPlan(input: AutoPlanInput): AutoPlanResult {
  const warnings: string[] = [];
  const unit = input.budget.unit;
  const sprints = Array.isArray(input.sprints) ? input.sprints : [];
  const bugsIn = Array.isArray(input.bugs) ? input.bugs : [];

  const slots: Slot[] = upcomingSprintsInOrder(sprints).map((sprint) => {
    const budget = resolveBudget(sprint, input.budget);
    warnings.push(...budget.warnings);
    return { sprint, budget, load: 0, bugs: 0, added: 0, unestimated: 0 };
  });
  const slotById = new Map<number, Slot>();
  for (const slot of slots) slotById.set(slot.sprint.id, slot);
  const closedSprintIds = new Set(sprints.filter((s) => s.state === 'closed').map((s) => s.id));

  const sizeOf = (bug: PlanBug): number | undefined => bugSize(bug, unit, input.budget.unestimatedPoints);
  const place = (slot: Slot, bug: PlanBug, moved: boolean): void => {
    const size = sizeOf(bug);
    slot.bugs += 1;
    if (moved) slot.added += 1;
    if (size === undefined) slot.unestimated += 1;
    else slot.load += size;
  };

  const moves: AutoPlanMove[] = [];
  const notPlanned: NotPlanned[] = [];
  const candidates: PlanBug[] = [];
  const seen = new Set<string>();
  const duplicates = new Set<string>();

  for (const bug of bugsIn) {
    if (!bug || typeof bug.key !== 'string') continue;
    if (seen.has(bug.key)) {
      duplicates.add(bug.key);
      continue;
    }
    seen.add(bug.key);
    const current = bug.currentSprintId !== undefined ? slotById.get(bug.currentSprintId) : undefined;
    const from = current ? current.sprint.id : null;
    const open = isOpen(bug);
    const pinnedSlot = open && bug.pinned ? slotById.get(bug.pinned.sprintId) : undefined;

    if (pinnedSlot) {
      const moving = pinnedSlot !== current;
      place(pinnedSlot, bug, moving);
      if (moving) moves.push({ key: bug.key, fromSprintId: from, toSprintId: pinnedSlot.sprint.id, reason: `Pinned to ${pinnedSlot.sprint.name}` });
      continue;
    }
    if (current) {
      place(current, bug, false);
      continue;
    }
    if (!open) continue;
    if (bug.pinned) {
      const where = closedSprintIds.has(bug.pinned.sprintId) ? 'which is closed' : 'which is not an active or future sprint of this board';
      notPlanned.push({ key: bug.key, code: 'pinned-sprint-unavailable', reason: `Pinned to sprint ${bug.pinned.sprintId}, ${where}: unpin it or pin it to an upcoming sprint` });
      continue;
    }
    const notReady: string[] = [];
    if (bug.reproClear !== true) notReady.push('repro steps are not clear');
    if (bug.stage === 'L2') notReady.push('still in L2 (not triaged yet)');
    if (notReady.length > 0) {
      const text = notReady.join(' and ');
      notPlanned.push({ key: bug.key, code: 'not-ready', reason: `Not ready: ${text}` });
      continue;
    }
    if (sizeOf(bug) === undefined) {
      notPlanned.push({ key: bug.key, code: 'needs-estimate', reason: 'No story points: estimate it, or plan bugs by count' });
      continue;
    }
    candidates.push(bug);
  }
  if (duplicates.size > 0) warnings.push(`Duplicate bug keys ignored after their first occurrence: ${[...duplicates].slice(0, 10).join(', ')}${duplicates.size > 10 ? ', …' : ''}.`);

  const ranked = rankEntries(candidates, { now: input.now, closedSprintIds, override: input.override, weights: input.weights }, false);
  const remaining = (slot: Slot): number => slot.budget.amount - slot.load;
  const unplaced: { key: string; size: number }[] = [];
  let cursor = 0;
  for (let position = 0; position < ranked.length; position += 1) {
    const entry = ranked[position] as (typeof ranked)[number];
    const bug = entry.bug;
    const size = sizeOf(bug) ?? 0;
    while (cursor < slots.length && remaining(slots[cursor] as Slot) <= 0) cursor += 1;
    let target: Slot | undefined;
    for (let i = cursor; i < slots.length; i += 1) {
      const slot = slots[i] as Slot;
      if (slot.budget.amount > 0 && remaining(slot) > 0 && remaining(slot) + 1e-9 >= size) {
        target = slot;
        break;
      }
    }
    if (!target) {
      unplaced.push({ key: bug.key, size });
      continue;
    }
    place(target, bug, true);
    const shown = input.backlogRanks?.get(bug.key);
    moves.push({ key: bug.key, fromSprintId: null, toSprintId: target.sprint.id, reason: shown !== undefined ? `Backlog rank ${shown} (score ${entry.score})` : `Rank ${position + 1} (score ${entry.score})` });
  }

  // Reasons use the final room left: it only shrinks during the fill, so a bug that did not fit then does not fit now.
  const mostLeft = slots.reduce((max, s) => Math.max(max, remaining(s)), 0);
  const anyBudget = slots.some((s) => s.budget.amount > 0);
  for (const { key, size } of unplaced) {
    if (slots.length === 0) notPlanned.push({ key, code: 'no-upcoming-sprint', reason: 'There is no active or future sprint to plan into' });
    else if (!anyBudget) notPlanned.push({ key, code: 'does-not-fit', reason: 'No upcoming sprint has a bug budget: set one per sprint or as a share of velocity' });
    else notPlanned.push({ key, code: 'does-not-fit', reason: `Does not fit: needs ${formatAmount(size, unit)}, the most left in an upcoming sprint is ${formatAmount(mostLeft, unit)}` });
  }

  const perSprint: SprintPlanSummary[] = slots.map((s) => ({
    sprintId: s.sprint.id,
    name: s.sprint.name,
    unit,
    planned: s.load,
    budget: s.budget.amount,
    budgetSource: s.budget.source,
    remaining: Math.max(0, remaining(s)),
    over: s.load > s.budget.amount + 1e-9,
    bugs: s.bugs,
    added: s.added,
    unestimated: s.unestimated,
  }));
  return { moves, notPlanned, perSprint, warnings };
}
