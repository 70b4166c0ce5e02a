import { autoPlan, type PlanSprint } from '../../../src/domain/sprint-plan';
import { aBug, aSprint, NOW } from '../../builders/sprint-plan';

const active = (overrides: Partial<PlanSprint> = {}): PlanSprint => aSprint({ id: 1, name: 'Sprint 1', state: 'active', startDate: '2026-02-23T00:00:00Z', ...overrides });
const next = (overrides: Partial<PlanSprint> = {}): PlanSprint => aSprint({ id: 2, name: 'Sprint 2', state: 'future', startDate: '2026-03-09T00:00:00Z', ...overrides });

describe('autoPlan', () => {
  test('fills sprints in start order with bugs in rank order, within each budget', () => {
    const bugs = [
      aBug({ key: 'P-1', priority: 'Low', storyPoints: 3 }),
      aBug({ key: 'P-2', priority: 'Highest', storyPoints: 5 }),
      aBug({ key: 'P-3', priority: 'High', storyPoints: 5 }),
      aBug({ key: 'P-4', priority: 'Medium', storyPoints: 3 }),
    ];
    // future sprint given first: still planned after the active one
    const sprints = [next({ bugBudget: { points: 6 } }), active({ bugBudget: { points: 10 } })];
    const result = autoPlan({ bugs, sprints, now: NOW, budget: { unit: 'points' } });
    expect(result.moves.map((m) => [m.key, m.fromSprintId, m.toSprintId])).toEqual([
      ['P-2', null, 1],
      ['P-3', null, 1],
      ['P-4', null, 2],
      ['P-1', null, 2],
    ]);
    expect(result.moves[0]?.reason).toBe('Rank 1 (score 40)');
    expect(result.perSprint).toEqual([
      { sprintId: 1, name: 'Sprint 1', unit: 'points', planned: 10, budget: 10, budgetSource: 'sprint', remaining: 0, over: false, bugs: 2, added: 2, unestimated: 0 },
      { sprintId: 2, name: 'Sprint 2', unit: 'points', planned: 6, budget: 6, budgetSource: 'sprint', remaining: 0, over: false, bugs: 2, added: 2, unestimated: 0 },
    ]);
    expect(result.notPlanned).toEqual([]);
  });

  test('names the backlog rank the planner sees when given, not the place among ready bugs', () => {
    const bugs = [aBug({ key: 'Q-1', priority: 'Highest', reproClear: false }), aBug({ key: 'Q-2', priority: 'High' })];
    const sprints = [active({ bugBudget: { points: 10 } })];
    expect(autoPlan({ bugs, sprints, now: NOW, budget: { unit: 'points' } }).moves[0]?.reason).toBe('Rank 1 (score 30)');
    const ranks = new Map([['Q-1', 1], ['Q-2', 2]]);
    expect(autoPlan({ bugs, sprints, now: NOW, budget: { unit: 'points' }, backlogRanks: ranks }).moves).toEqual([{ key: 'Q-2', fromSprintId: null, toSprintId: 1, reason: 'Backlog rank 2 (score 30)' }]);
  });

  test('a bug too big for the room left goes to the next sprint; a smaller one may fill the gap; what does not fit is said', () => {
    const bugs = [
      aBug({ key: 'F-1', priority: 'Highest', storyPoints: 8 }),
      aBug({ key: 'F-2', priority: 'High', storyPoints: 5 }),
      aBug({ key: 'F-3', priority: 'Medium', storyPoints: 2 }),
      aBug({ key: 'F-4', priority: 'Low', storyPoints: 13 }),
    ];
    const result = autoPlan({ bugs, sprints: [active({ bugBudget: { points: 10 } }), next({ bugBudget: { points: 5 } })], now: NOW, budget: { unit: 'points' } });
    expect(result.moves.map((m) => `${m.key}→${m.toSprintId}`)).toEqual(['F-1→1', 'F-2→2', 'F-3→1']);
    expect(result.notPlanned).toEqual([{ key: 'F-4', code: 'does-not-fit', reason: 'Does not fit: needs 13 points, the most left in an upcoming sprint is 0 points' }]);
  });

  test('respects bugs already planned: they stay, use the budget, and can put a sprint over it', () => {
    const bugs = [
      aBug({ key: 'K-1', priority: 'Lowest', storyPoints: 8, currentSprintId: 1 }),
      aBug({ key: 'K-2', priority: 'Lowest', storyPoints: 5, currentSprintId: 1 }),
      aBug({ key: 'K-3', priority: 'Highest', storyPoints: 3 }),
      aBug({ key: 'K-4', stage: 'DONE', resolvedAt: NOW, storyPoints: 2, currentSprintId: 2 }), // done in sprint 2: used it
    ];
    // sprint 1 is already over (13 of 10); sprint 2 has 5 − 2 = 3 left: exactly K-3
    const result = autoPlan({ bugs, sprints: [active({ bugBudget: { points: 10 } }), next({ bugBudget: { points: 5 } })], now: NOW, budget: { unit: 'points' } });
    expect(result.moves).toEqual([{ key: 'K-3', fromSprintId: null, toSprintId: 2, reason: 'Rank 1 (score 40)' }]);
    expect(result.perSprint.map((s) => [s.sprintId, s.planned, s.over, s.bugs])).toEqual([
      [1, 13, true, 2],
      [2, 5, false, 2],
    ]);
    expect(result.notPlanned).toEqual([]);
  });

  test('pinned bugs go to their sprint whatever the budget; a pin to a closed sprint is reported', () => {
    const bugs = [
      aBug({ key: 'N-1', priority: 'Lowest', storyPoints: 8, pinned: { sprintId: 2 }, currentSprintId: 1 }),
      aBug({ key: 'N-2', priority: 'Lowest', storyPoints: 8, pinned: { sprintId: 2 } }),
      aBug({ key: 'N-3', pinned: { sprintId: 99 } }),
      aBug({ key: 'N-4', pinned: { sprintId: 1 }, currentSprintId: 1 }),
    ];
    const sprints = [active({ bugBudget: { points: 10 } }), next({ bugBudget: { points: 10 } }), aSprint({ id: 99, state: 'closed' })];
    const result = autoPlan({ bugs, sprints, now: NOW, budget: { unit: 'points' } });
    expect(result.moves).toEqual([
      { key: 'N-1', fromSprintId: 1, toSprintId: 2, reason: 'Pinned to Sprint 2' },
      { key: 'N-2', fromSprintId: null, toSprintId: 2, reason: 'Pinned to Sprint 2' },
    ]);
    expect(result.notPlanned).toEqual([
      { key: 'N-3', code: 'pinned-sprint-unavailable', reason: 'Pinned to sprint 99, which is closed: unpin it or pin it to an upcoming sprint' },
    ]);
    expect(result.perSprint.map((s) => [s.planned, s.over, s.added])).toEqual([
      [3, false, 0],
      [16, true, 2],
    ]);
  });

  test('skips bugs that are not ready, and unestimated ones in points, each with a reason', () => {
    const bugs = [
      aBug({ key: 'R-1', reproClear: false }),
      aBug({ key: 'R-2', stage: 'L2' }),
      aBug({ key: 'R-3', stage: 'L2', reproClear: false }),
      aBug({ key: 'R-4', storyPoints: undefined }),
      aBug({ key: 'R-5', stage: 'DONE' }),
      aBug({ key: 'R-6', resolvedAt: NOW }),
    ];
    const result = autoPlan({ bugs, sprints: [active({ bugBudget: { points: 50 } })], now: NOW, budget: { unit: 'points' } });
    expect(result.moves).toEqual([]);
    expect(result.notPlanned).toEqual([
      { key: 'R-1', code: 'not-ready', reason: 'Not ready: repro steps are not clear' },
      { key: 'R-2', code: 'not-ready', reason: 'Not ready: still in L2 (not triaged yet)' },
      { key: 'R-3', code: 'not-ready', reason: 'Not ready: repro steps are not clear and still in L2 (not triaged yet)' },
      { key: 'R-4', code: 'needs-estimate', reason: 'No story points: estimate it, or plan bugs by count' },
    ]);
    // with an assumed size, the unestimated bug is planned
    const sized = autoPlan({ bugs, sprints: [active({ bugBudget: { points: 50 } })], now: NOW, budget: { unit: 'points', unestimatedPoints: 2 } });
    expect(sized.moves.map((m) => m.key)).toEqual(['R-4']);
    expect(sized.perSprint[0]?.planned).toBe(2);
  });

  test('plans by count for teams that do not estimate bugs, with a budget from velocity share', () => {
    const bugs = Array.from({ length: 7 }, (_, i) => aBug({ key: `C-${i + 1}`, storyPoints: undefined, customerImpact: 7 - i }));
    const result = autoPlan({ bugs, sprints: [active(), next()], now: NOW, budget: { unit: 'count', velocity: 10, velocityShare: 0.3 } });
    expect(result.perSprint.map((s) => [s.budget, s.budgetSource, s.planned])).toEqual([
      [3, 'velocity-share', 3],
      [3, 'velocity-share', 3],
    ]);
    expect(result.moves.map((m) => `${m.key}→${m.toSprintId}`)).toEqual(['C-1→1', 'C-2→1', 'C-3→1', 'C-4→2', 'C-5→2', 'C-6→2']);
    expect(result.notPlanned).toEqual([{ key: 'C-7', code: 'does-not-fit', reason: 'Does not fit: needs 1 bug, the most left in an upcoming sprint is 0 bugs' }]);
  });

  test("the planner's override decides the order", () => {
    const bugs = [aBug({ key: 'O-1', priority: 'Highest' }), aBug({ key: 'O-2', priority: 'Lowest' })];
    const result = autoPlan({ bugs, sprints: [active({ bugBudget: { count: 1 } })], now: NOW, budget: { unit: 'count' }, override: ['O-2'] });
    expect(result.moves.map((m) => m.key)).toEqual(['O-2']);
    expect(result.notPlanned.map((n) => n.key)).toEqual(['O-1']);
  });

  test('no upcoming sprint, or no budget anywhere, says so', () => {
    const bug = aBug({ key: 'Z-1' });
    expect(autoPlan({ bugs: [bug], sprints: [aSprint({ state: 'closed' })], now: NOW, budget: { unit: 'points' } }).notPlanned).toEqual([
      { key: 'Z-1', code: 'no-upcoming-sprint', reason: 'There is no active or future sprint to plan into' },
    ]);
    expect(autoPlan({ bugs: [bug], sprints: [active()], now: NOW, budget: { unit: 'points' } }).notPlanned).toEqual([
      { key: 'Z-1', code: 'does-not-fit', reason: 'No upcoming sprint has a bug budget: set one per sprint or as a share of velocity' },
    ]);
  });

  test('bad input gives a clear result: empty lists, negative budgets, NaN points, duplicate keys', () => {
    expect(autoPlan({ bugs: [], sprints: [], now: NOW, budget: { unit: 'points' } })).toEqual({ moves: [], notPlanned: [], perSprint: [], warnings: [] });

    const result = autoPlan({
      bugs: [aBug({ key: 'D-1', storyPoints: Number.NaN }), aBug({ key: 'D-2' }), aBug({ key: 'D-2', priority: 'Highest' })],
      sprints: [active({ bugBudget: { points: -8 } })],
      now: 'garbage',
      budget: { unit: 'points', velocity: 20, velocityShare: 0.5 },
    });
    expect(result.warnings).toEqual([
      "Sprint 'Sprint 1' has a bug budget of -8 points, which is not a number of 0 or more; it is ignored.",
      'Duplicate bug keys ignored after their first occurrence: D-2.',
    ]);
    expect(result.perSprint[0]).toMatchObject({ budget: 10, budgetSource: 'velocity-share', planned: 3 });
    expect(result.moves.map((m) => m.key)).toEqual(['D-2']);
    expect(result.notPlanned).toEqual([{ key: 'D-1', code: 'needs-estimate', reason: 'No story points: estimate it, or plan bugs by count' }]);
  });
});
