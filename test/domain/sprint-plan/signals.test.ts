import { sprintSignals, type PlanBug, type PlanSprint } from '../../../src/domain/sprint-plan';
import { aBug, aSprint, daysAfter, NOW, twoWeekSprints } from '../../builders/sprint-plan';

/*
 * Scenario (NOW = Mon 2026-03-02 09:00Z). Sprints 10..15 of two weeks from 2026-01-05:
 * 10, 11, 12, 13 are closed (13 ends 2026-03-02 00:00), 14 is active, 15 is future. Budget 10 points / 3 bugs each.
 *
 *   sprint  created (3 pts each)  resolved (2 pts each)  net  backlog at end
 *   10      3                     2                      +1   13 − 2 = 11  (8 fixed-later + 2 old + 3 new, 2 fixed)
 *   11      4                     2                      +2   13
 *   12      5                     3 (1 fixed outside it) +2   15
 *   13      4                     1                      +3   18
 *   average 4 bugs / 12 points    2 bugs / 4 points      +2
 * So by count 2 more bugs per sprint stop the growth; by points 8 more.
 */
const sprints: PlanSprint[] = twoWeekSprints(6, '2026-01-05T00:00:00.000Z', 10, NOW, { bugBudget: { points: 10, count: 3 } });
const startOf = (id: number): string => sprints.find((s) => s.id === id)?.startDate ?? '';
const inflow = [3, 4, 5, 4];
const outflow = [2, 2, 3, 1];

function scenario(): PlanBug[] {
  const bugs: PlanBug[] = [];
  [10, 11, 12, 13].forEach((id, i) => {
    for (let j = 0; j < (inflow[i] ?? 0); j += 1) bugs.push(aBug({ key: `IN-${id}-${j}`, createdAt: daysAfter(startOf(id), 1 + j / 10), storyPoints: 3 }));
    for (let j = 0; j < (outflow[i] ?? 0); j += 1) {
      const outsideSprint = id === 12 && j === 2;
      bugs.push(
        aBug({ key: `OUT-${id}-${j}`, createdAt: '2025-12-01T00:00:00.000Z', resolvedAt: daysAfter(startOf(id), 2), stage: 'DONE', severity: 'S1', storyPoints: 2, sprintHistory: outsideSprint ? [] : [id] }),
      );
    }
  });
  bugs.push(aBug({ key: 'OLD-1', severity: 'S1', createdAt: '2025-12-01T00:00:00.000Z', storyPoints: 5, sprintHistory: [10, 11, 12, 13, 14], currentSprintId: 14 }));
  bugs.push(aBug({ key: 'OLD-3', severity: 'S3', createdAt: '2025-12-01T00:00:00.000Z', storyPoints: 5 }));
  bugs.push(aBug({ key: 'NEW-2', severity: 'Major', createdAt: '2026-03-02T05:00:00.000Z', storyPoints: 5, sprintHistory: [14], currentSprintId: 14 }));
  // carried over twice (10 and 11, now in the backlog) and once (13; 15 is a future sprint it was taken out of)
  const twice = bugs.find((b) => b.key === 'IN-10-0');
  if (twice) twice.sprintHistory = [10, 11, 11];
  const once = bugs.find((b) => b.key === 'IN-12-0');
  if (once) once.sprintHistory = [13, 15];
  return bugs;
}

describe('sprintSignals', () => {
  test('carry-over is reconstructed from sprint history: closed sprints left unfinished', () => {
    const s = sprintSignals({ bugs: scenario(), sprints, now: NOW, budget: { unit: 'count' } });
    expect(s.carriedOver.map((c) => [c.key, c.carryOvers, c.sprintsIn])).toEqual([
      ['OLD-1', 4, 5],
      ['IN-10-0', 2, 2],
    ]);
    expect(s.carriedOver[0]?.sprintIds).toEqual([10, 11, 12, 13, 14]);
  });

  test('inflow vs outflow and the backlog at the end of each closed sprint', () => {
    const s = sprintSignals({ bugs: scenario(), sprints, now: NOW, budget: { unit: 'count' } });
    expect(s.flow.map((f) => [f.sprintId, f.inflow, f.outflow, f.net, f.backlogAtEnd])).toEqual([
      [10, 3, 2, 1, 11],
      [11, 4, 2, 2, 13],
      [12, 5, 3, 2, 15],
      [13, 4, 1, 3, 18],
    ]);
    expect(s.trend).toEqual({
      openNow: 19,
      sprints: 4,
      averageNet: 2,
      growing: true,
      sentence: 'The bug backlog is growing: 8 more bugs came in than were fixed over the last 4 closed sprints (2 per sprint).',
    });
  });

  test('capacity needed by count: 4 in, 2 out per sprint → 2 more bugs per sprint', () => {
    const { capacityNeeded } = sprintSignals({ bugs: scenario(), sprints, now: NOW, budget: { unit: 'count' } });
    expect(capacityNeeded).toEqual({
      needed: true,
      unit: 'count',
      perSprint: 2,
      averageInflow: 4,
      averageOutflow: 2,
      sprints: 4,
      currentBudget: 3,
      suggestedBudget: 5,
      sentence:
        'The bug backlog cannot be burned down at the current capacity: over the last 4 closed sprints, 4 bugs came in and 2 were fixed per sprint on average. About 2 bugs more per sprint (a bug budget of 5 bugs instead of 3 bugs) would stop the growth.',
    });
  });

  test('capacity needed by points: 12 in, 4 out per sprint → 8 more points per sprint', () => {
    const { capacityNeeded } = sprintSignals({ bugs: scenario(), sprints, now: NOW, budget: { unit: 'points' } });
    expect(capacityNeeded).toMatchObject({ needed: true, perSprint: 8, averageInflow: 12, averageOutflow: 4, currentBudget: 10, suggestedBudget: 18 });
    expect(capacityNeeded.sentence).toBe(
      'The bug backlog cannot be burned down at the current capacity: over the last 4 closed sprints, bugs worth 12 points came in and 4 points were fixed per sprint on average. About 8 points more per sprint (a bug budget of 18 points instead of 10 points) would stop the growth.',
    );
  });

  test('the window of closed sprints is a parameter; a fractional gap is rounded up', () => {
    // sprints 12 and 13: (5 + 4) / 2 = 4.5 in, (3 + 1) / 2 = 2 out → 2.5 → 3 more bugs
    const { capacityNeeded, flow } = sprintSignals({ bugs: scenario(), sprints, now: NOW, budget: { unit: 'count' }, lastClosedSprints: 2 });
    expect(flow.map((f) => f.sprintId)).toEqual([12, 13]);
    expect(capacityNeeded).toMatchObject({ averageInflow: 4.5, averageOutflow: 2, perSprint: 3 });
  });

  test('high-severity bugs older than the threshold, oldest first', () => {
    const s = sprintSignals({ bugs: scenario(), sprints, now: NOW, budget: { unit: 'count' }, highSeverityOlderThanDays: 30 });
    expect(s.oldHighSeverity).toEqual([{ key: 'OLD-1', summary: expect.any(String), severity: 'S1', ageDays: 91 }]);
    const wider = sprintSignals({ bugs: scenario(), sprints, now: NOW, budget: { unit: 'count' }, highSeverityOlderThanDays: 30, highSeverityMaxLevel: 3 });
    expect(wider.oldHighSeverity.map((b) => b.key)).toEqual(['OLD-1', 'OLD-3']);
    expect(sprintSignals({ bugs: scenario(), sprints, now: NOW, budget: { unit: 'count' }, highSeverityOlderThanDays: 91 }).oldHighSeverity).toEqual([]);
  });

  test('bug capacity used vs planned per closed sprint: planned = bugs whose Sprint field holds it, used = resolved in it while in it', () => {
    const s = sprintSignals({ bugs: scenario(), sprints, now: NOW, budget: { unit: 'points' } });
    expect(s.capacityUse.map((c) => [c.sprintId, c.planned, c.used, c.usedShare, c.budget, c.budgetSource])).toEqual([
      [10, 12, 4, 4 / 12, 10, 'sprint'], // 2 fixes (2+2), OLD-1 (5) and IN-10-0 (3) carried over
      [11, 12, 4, 4 / 12, 10, 'sprint'],
      [12, 9, 4, 4 / 9, 10, 'sprint'], // the third fix of sprint 12 was not in the sprint
      [13, 10, 2, 0.2, 10, 'sprint'], // 1 fix, OLD-1 and IN-12-0 left unfinished
    ]);
  });

  test('a readable summary line per signal that fired', () => {
    const s = sprintSignals({ bugs: scenario(), sprints, now: NOW, budget: { unit: 'count' } });
    expect(s.summary).toEqual([
      '2 bugs have been carried over 2 or more sprints.',
      s.trend.sentence,
      '1 high-severity bug has been open for more than 30 days.',
      // by count sprint 13 fixed 1 of the 3 bugs planned into it
      '1 closed sprint finished less than half of the bug work planned into it: bugs may be pushed aside for other work.',
      s.capacityNeeded.sentence,
    ]);
  });

  test('unestimated bugs count at the average estimated size in points', () => {
    const one = [aSprint({ id: 1, state: 'closed', startDate: '2026-02-01T00:00:00Z', completeDate: '2026-02-15T00:00:00Z' })];
    const bugs = [4, 2, undefined].map((storyPoints) => aBug({ createdAt: '2026-02-03T00:00:00Z', storyPoints }));
    expect(sprintSignals({ bugs, sprints: one, now: NOW, budget: { unit: 'points' } }).capacityNeeded).toMatchObject({ averageInflow: 9, perSprint: 9 });
    expect(sprintSignals({ bugs, sprints: one, now: NOW, budget: { unit: 'points', unestimatedPoints: 1 } }).capacityNeeded).toMatchObject({ averageInflow: 7 });
  });

  test('when outflow keeps up, nothing more is needed and the sentence says so', () => {
    const one = [aSprint({ id: 1, state: 'closed', startDate: '2026-02-01T00:00:00Z', completeDate: '2026-02-15T00:00:00Z' })];
    const bugs = [aBug({ createdAt: '2026-02-03T00:00:00Z', resolvedAt: '2026-02-04T00:00:00Z', stage: 'DONE' }), aBug({ createdAt: '2026-01-03T00:00:00Z', resolvedAt: '2026-02-05T00:00:00Z', stage: 'DONE' })];
    const s = sprintSignals({ bugs, sprints: one, now: NOW, budget: { unit: 'count' } });
    expect(s.capacityNeeded).toMatchObject({ needed: false, perSprint: 0, averageInflow: 1, averageOutflow: 2 });
    expect(s.capacityNeeded.sentence).toBe('Bug capacity keeps up: 1 bug came in and 2 were fixed per sprint on average over the last 1 closed sprint.');
    expect(s.trend.sentence).toBe('The bug backlog is shrinking: 1 more bug was fixed than came in over the last 1 closed sprint.');
    expect(s.trend.growing).toBe(false);
  });

  test('bad input gives a clear result: empty lists, sprints without dates, unreadable now', () => {
    const empty = sprintSignals({ bugs: [], sprints: [], now: NOW, budget: { unit: 'points' } });
    expect(empty).toMatchObject({ carriedOver: [], flow: [], oldHighSeverity: [], capacityUse: [], summary: [], warnings: [] });
    expect(empty.capacityNeeded).toMatchObject({ needed: false, sentence: 'Not enough closed sprints with dates to measure bug inflow and outflow.' });

    const s = sprintSignals({
      bugs: [aBug({ createdAt: 'nope', severity: 'S1', storyPoints: Number.NaN })],
      sprints: [aSprint({ name: 'Undated', state: 'closed' })],
      now: 'not a time',
      budget: { unit: 'points' },
      lastClosedSprints: Number.NaN,
      carryOverThreshold: -1,
    });
    expect(s.warnings).toEqual(["'now' (not a time) is not a readable time; ages are 0.", "Sprint 'Undated' has no readable start and end dates; it is left out of inflow and outflow."]);
    expect(s.flow).toEqual([]);
    expect(s.oldHighSeverity).toEqual([]);
  });
});
