import type { PlanBug, PlanSprint } from '../../src/domain/sprint-plan';

/** The fixed "now" of sprint-plan scenarios: a Monday. */
export const NOW = '2026-03-02T09:00:00.000Z';

let nextBug = 1;
let nextSprint = 100;

/** An open, triaged, ready bug of 3 points in the backlog, created at NOW; override what the scenario is about. */
export function aBug(overrides: Partial<PlanBug> = {}): PlanBug {
  const n = nextBug++;
  return {
    key: `BUG-${n}`,
    summary: `Bug number ${n}`,
    priority: 'Medium',
    createdAt: NOW,
    stage: 'DEV',
    status: 'In Progress',
    storyPoints: 3,
    components: [],
    labels: [],
    assignee: null,
    customerImpact: 0,
    foundInRegression: false,
    reproClear: true,
    sprintHistory: [],
    ...overrides,
  };
}

/** A future sprint without dates or budget. */
export function aSprint(overrides: Partial<PlanSprint> = {}): PlanSprint {
  const id = overrides.id ?? nextSprint++;
  return { id, name: `Sprint ${id}`, state: 'future', ...overrides };
}

const DAY = 24 * 60 * 60 * 1000;

/**
 * `count` consecutive two-week sprints starting at `firstStart` with ids from `firstId`: the ones that end
 * before `now` are closed (completeDate = endDate), the one containing `now` is active, later ones future.
 */
export function twoWeekSprints(count: number, firstStart: string, firstId: number, now: string = NOW, overrides: Partial<PlanSprint> = {}): PlanSprint[] {
  const start0 = Date.parse(firstStart);
  const nowMs = Date.parse(now);
  return Array.from({ length: count }, (_, i) => {
    const start = start0 + i * 14 * DAY;
    const end = start + 14 * DAY;
    const state: PlanSprint['state'] = end <= nowMs ? 'closed' : start <= nowMs ? 'active' : 'future';
    const iso = (t: number): string => new Date(t).toISOString();
    return aSprint({
      id: firstId + i,
      name: `Sprint ${firstId + i}`,
      state,
      startDate: iso(start),
      endDate: iso(end),
      ...(state === 'closed' ? { completeDate: iso(end) } : {}),
      ...overrides,
    });
  });
}

/** An ISO time `days` after `iso` (negative for before). */
export function daysAfter(iso: string, days: number): string {
  return new Date(Date.parse(iso) + days * DAY).toISOString();
}
