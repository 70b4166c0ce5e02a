import { budgetStatus, bugSize, plannedLoad, resolveBudget, velocityFromClosedSprints } from '../../../src/domain/sprint-plan';
import { aBug, aSprint } from '../../builders/sprint-plan';

describe('resolveBudget', () => {
  test('a budget set on the sprint wins, in the unit asked for', () => {
    const sprint = aSprint({ bugBudget: { points: 13, count: 4 } });
    expect(resolveBudget(sprint, { unit: 'points', velocity: 40, velocityShare: 0.3 })).toMatchObject({ amount: 13, source: 'sprint', unit: 'points' });
    expect(resolveBudget(sprint, { unit: 'count' })).toMatchObject({ amount: 4, source: 'sprint', unit: 'count' });
  });

  test('otherwise a share of velocity, rounded down to whole points', () => {
    expect(resolveBudget(aSprint(), { unit: 'points', velocity: 41, velocityShare: 0.3 })).toMatchObject({ amount: 12, source: 'velocity-share' });
    // 0.3 × 40 is 11.999… in floating point: still 12
    expect(resolveBudget(aSprint(), { unit: 'points', velocity: 40, velocityShare: 0.3 })).toMatchObject({ amount: 12 });
  });

  test('a sprint with a points budget but planned by count falls back to the share', () => {
    const sprint = aSprint({ bugBudget: { points: 13 } });
    expect(resolveBudget(sprint, { unit: 'count', velocity: 10, velocityShare: 0.5 })).toMatchObject({ amount: 5, source: 'velocity-share' });
  });

  test('without either there is no budget (0)', () => {
    expect(resolveBudget(aSprint(), { unit: 'points' })).toEqual({ sprintId: expect.any(Number), unit: 'points', amount: 0, source: 'none', warnings: [] });
  });

  test('negative or NaN budgets and shares are ignored with a warning, never used', () => {
    const negative = resolveBudget(aSprint({ name: 'Sprint X', bugBudget: { points: -5 } }), { unit: 'points', velocity: 20, velocityShare: 0.25 });
    expect(negative).toMatchObject({ amount: 5, source: 'velocity-share' });
    expect(negative.warnings).toEqual(["Sprint 'Sprint X' has a bug budget of -5 points, which is not a number of 0 or more; it is ignored."]);

    const nan = resolveBudget(aSprint({ bugBudget: { count: Number.NaN } }), { unit: 'count', velocity: Number.NaN, velocityShare: 1.5 });
    expect(nan).toMatchObject({ amount: 0, source: 'none' });
    expect(nan.warnings).toHaveLength(3);
  });
});

describe('velocityFromClosedSprints', () => {
  const closed = [
    aSprint({ id: 1, state: 'closed', completeDate: '2026-01-10T00:00:00Z' }),
    aSprint({ id: 2, state: 'closed', completeDate: '2026-01-24T00:00:00Z' }),
    aSprint({ id: 3, state: 'closed', completeDate: '2026-02-07T00:00:00Z' }),
    aSprint({ id: 4, state: 'closed', completeDate: '2026-02-21T00:00:00Z' }),
    aSprint({ id: 5, state: 'active', startDate: '2026-02-23T00:00:00Z' }),
  ];

  test('averages the last three closed sprints, whatever order they come in', () => {
    const v = velocityFromClosedSprints([...closed].reverse(), { 1: 100, 2: 30, 3: 36, 4: 42, 5: 999 });
    expect(v.velocity).toBe(36);
    expect(v.sprintIds).toEqual([2, 3, 4]);
    expect(v.note).toBe('Average of the last 3 closed sprints: 36.');
  });

  test('accepts a Map and another window; skips sprints with a missing, NaN or negative figure', () => {
    const v = velocityFromClosedSprints(closed, new Map([[1, 20], [2, Number.NaN], [3, -4], [4, 30]]), 5);
    expect(v.velocity).toBe(25);
    expect(v.sprintIds).toEqual([1, 4]);
  });

  test('no usable sprint gives 0 and says velocity is unknown', () => {
    expect(velocityFromClosedSprints([], {})).toEqual({ velocity: 0, sprintIds: [], note: 'No closed sprint with a completed figure: velocity unknown.' });
  });

  test('feeds a velocity share budget', () => {
    const { velocity } = velocityFromClosedSprints(closed, { 2: 30, 3: 36, 4: 42 });
    expect(resolveBudget(aSprint(), { unit: 'points', velocity, velocityShare: 0.3 }).amount).toBe(10); // 10.8 → 10
  });
});

describe('planned vs budget', () => {
  test('bugSize: 1 by count; story points by points, with an optional size for unestimated bugs', () => {
    expect(bugSize({ storyPoints: 8 }, 'count')).toBe(1);
    expect(bugSize({ storyPoints: 8 }, 'points')).toBe(8);
    expect(bugSize({}, 'points')).toBeUndefined();
    expect(bugSize({ storyPoints: Number.NaN }, 'points', 2)).toBe(2);
    expect(bugSize({ storyPoints: -3 }, 'points')).toBeUndefined();
  });

  test('plannedLoad sums the bugs in a sprint and counts the unestimated apart', () => {
    const bugs = [aBug({ currentSprintId: 7, storyPoints: 5 }), aBug({ currentSprintId: 7, storyPoints: undefined }), aBug({ currentSprintId: 8, storyPoints: 3 }), aBug()];
    expect(plannedLoad(bugs, 7, { unit: 'points' })).toEqual({ planned: 5, bugs: 2, unestimated: 1 });
    expect(plannedLoad(bugs, 7, { unit: 'count' })).toEqual({ planned: 2, bugs: 2, unestimated: 0 });
  });

  test('budgetStatus flags over budget and keeps remaining at 0 or more', () => {
    expect(budgetStatus(8, 10)).toEqual({ planned: 8, budget: 10, remaining: 2, over: false, usedShare: 0.8 });
    expect(budgetStatus(12, 10)).toMatchObject({ remaining: 0, over: true });
    expect(budgetStatus(10, 10).over).toBe(false);
    expect(budgetStatus(3, 0)).toMatchObject({ over: true, usedShare: Number.POSITIVE_INFINITY });
    expect(budgetStatus(Number.NaN, -5)).toEqual({ planned: 0, budget: 0, remaining: 0, over: false, usedShare: 0 });
  });
});
