import { toTime } from './dates';
import type { PlanSprint } from './types';

/**
 * Closed sprints, oldest first, by when they finished (completeDate, else endDate, else startDate).
 * A sprint with no readable date sorts first (treated as oldest); ties keep Jira's id order, which grows over time.
 */
export function closedSprintsInOrder(sprints: readonly PlanSprint[]): PlanSprint[] {
  const finished = (s: PlanSprint): number => {
    const t = [s.completeDate, s.endDate, s.startDate].map(toTime).find(Number.isFinite);
    return t ?? Number.NEGATIVE_INFINITY;
  };
  return sprints
    .filter((s) => s.state === 'closed')
    .map((s) => ({ s, t: finished(s) }))
    .sort((a, b) => (a.t === b.t ? a.s.id - b.s.id : a.t - b.t))
    .map((x) => x.s);
}

/** The last `n` closed sprints, oldest first. */
export function lastClosedSprints(sprints: readonly PlanSprint[], n: number): PlanSprint[] {
  const count = Number.isFinite(n) && n > 0 ? Math.floor(n) : 0;
  const closed = closedSprintsInOrder(sprints);
  return count === 0 ? [] : closed.slice(-count);
}

/**
 * Sprints a bug can still be planned into, in start order: active sprints first, then future ones by start date.
 * Future sprints often have no dates yet; they keep the order they were given in (the board's order) after dated ones.
 */
export function upcomingSprintsInOrder(sprints: readonly PlanSprint[]): PlanSprint[] {
  return sprints
    .map((s, index) => ({ s, index, t: toTime(s.startDate) }))
    .filter((x) => x.s.state === 'active' || x.s.state === 'future')
    .sort((a, b) => {
      const stateOrder = (a.s.state === 'active' ? 0 : 1) - (b.s.state === 'active' ? 0 : 1);
      if (stateOrder !== 0) return stateOrder;
      const ta = Number.isFinite(a.t) ? a.t : Number.POSITIVE_INFINITY;
      const tb = Number.isFinite(b.t) ? b.t : Number.POSITIVE_INFINITY;
      return ta === tb ? a.index - b.index : ta - tb;
    })
    .map((x) => x.s);
}
