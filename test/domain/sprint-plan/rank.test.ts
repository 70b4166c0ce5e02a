import { carryOverCount, compareKeys, rankBugs, rankWeights, scoreBug, severityLevel } from '../../../src/domain/sprint-plan';
import { aBug, NOW } from '../../builders/sprint-plan';

describe('scoreBug', () => {
  test('adds every part of the formula and says why, one readable reason per part', () => {
    const bug = aBug({
      priority: 'Highest',
      severity: 'S1',
      createdAt: '2026-01-05T09:00:00.000Z', // 56 days before NOW: 8 weeks
      customerImpact: 3,
      foundInRegression: true,
      sprintHistory: [1, 2, 3, 3],
    });
    const { score, reasons } = scoreBug(bug, { now: NOW });
    expect(reasons).toEqual([
      'Highest priority +40',
      'Severity S1 +30',
      'Open 8 weeks +8',
      '3 customer tickets +15',
      'Found in regression +25',
      'Carried over 3 sprints +15',
    ]);
    expect(score).toBe(40 + 30 + 8 + 15 + 25 + 15);
  });

  test('a plain new Medium bug scores only its priority', () => {
    expect(scoreBug(aBug({ createdAt: NOW }), { now: NOW })).toEqual({ score: 20, reasons: ['Medium priority +20'] });
  });

  test('caps age, customer impact and carry-over, and says so', () => {
    const bug = aBug({ priority: 'Lowest', createdAt: '2024-01-01T00:00:00.000Z', customerImpact: 12, sprintHistory: [1, 2, 3, 4, 5, 6] });
    const { score, reasons } = scoreBug(bug, { now: NOW });
    expect(score).toBe(0 + rankWeights.ageMax + rankWeights.customerImpactMax + rankWeights.carryOverMax);
    expect(reasons).toContain('12 customer tickets (capped) +25');
    expect(reasons).toContain('Carried over 6 sprints (capped) +20');
    expect(reasons.some((r) => /^Open \d+ weeks \(capped\) \+20$/.test(r))).toBe(true);
  });

  test('unknown or missing priority ranks as Medium, with a reason that says so', () => {
    expect(scoreBug(aBug({ priority: 'P2', createdAt: NOW }), { now: NOW }).reasons).toEqual([
      "Priority 'P2' is not a Jira default, ranked as Medium +20",
    ]);
    expect(scoreBug(aBug({ priority: '', createdAt: NOW }), { now: NOW }).reasons).toEqual(['No priority, ranked as Medium +20']);
  });

  test('only closed sprints count as carry-over when the closed ids are known; the current sprint never does', () => {
    const bug = aBug({ sprintHistory: [1, 2, 7], currentSprintId: 7 });
    expect(carryOverCount(bug)).toBe(2);
    expect(carryOverCount({ sprintHistory: [1, 2, 9], currentSprintId: 7 }, new Set([1]))).toBe(1);
  });

  test('bad values score nothing instead of NaN', () => {
    const bug = aBug({ createdAt: 'yesterday', customerImpact: Number.NaN, sprintHistory: [Number.NaN] });
    const { score, reasons } = scoreBug(bug, { now: NOW });
    expect(score).toBe(20);
    expect(reasons).toEqual(['Medium priority +20']);
    expect(Number.isNaN(scoreBug(aBug({ customerImpact: -4 }), { now: 'not a date' }).score)).toBe(false);
  });
});

describe('severityLevel', () => {
  test.each([
    ['S1', 1],
    ['sev 2', 2],
    ['Severity-3', 3],
    ['1 - Critical', 1],
    ['Critical', 1],
    ['Blocker', 1],
    ['Major', 2],
    ['minor', 3],
    ['Trivial', 4],
    ['S4', 4],
  ])('%s is level %d', (text, level) => {
    expect(severityLevel(text)).toBe(level);
  });

  test.each([undefined, '', 'S9', 'whatever'])('%p has no level', (text) => {
    expect(severityLevel(text)).toBeUndefined();
  });
});

describe('rankBugs', () => {
  test('orders by score, then older first, then key in natural order', () => {
    const bugs = [
      aBug({ key: 'A-10', priority: 'Low', createdAt: NOW }),
      aBug({ key: 'A-2', priority: 'Low', createdAt: NOW }),
      aBug({ key: 'A-3', priority: 'Low', createdAt: '2026-03-01T09:00:00.000Z' }), // older, same score (< 1 week)
      aBug({ key: 'A-4', priority: 'Highest', createdAt: NOW }),
      aBug({ key: 'A-5', priority: 'Medium', foundInRegression: true, createdAt: NOW }), // 20 + 25 = 45 > 40
    ];
    const ranked = rankBugs(bugs, { now: NOW });
    expect(ranked.map((r) => r.key)).toEqual(['A-5', 'A-4', 'A-3', 'A-2', 'A-10']);
    expect(ranked.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5]);
    expect(ranked.every((r) => !r.overridden)).toBe(true);
  });

  test("the planner's order wins: listed keys come first in that order, the rest by score", () => {
    const bugs = [
      aBug({ key: 'B-1', priority: 'Highest' }),
      aBug({ key: 'B-2', priority: 'High' }),
      aBug({ key: 'B-3', priority: 'Lowest' }),
      aBug({ key: 'B-4', priority: 'Low' }),
    ];
    const ranked = rankBugs(bugs, { now: NOW, override: ['B-3', 'NOPE-1', 'B-4', 'B-3'] });
    expect(ranked.map((r) => r.key)).toEqual(['B-3', 'B-4', 'B-1', 'B-2']);
    expect(ranked[0]?.overridden).toBe(true);
    expect(ranked[0]?.reasons[0]).toBe('Placed at position 1 by the planner');
    expect(ranked[1]?.reasons[0]).toBe('Placed at position 2 by the planner');
    expect(ranked[2]?.overridden).toBe(false);
    expect(ranked[2]?.reasons).toEqual(['Highest priority +40']);
  });

  test('an empty list ranks to an empty list', () => {
    expect(rankBugs([], { now: NOW, override: ['X-1'] })).toEqual([]);
  });

  test('compareKeys sorts numbers numerically within a project', () => {
    expect(['A-10', 'B-1', 'A-9'].sort(compareKeys)).toEqual(['A-9', 'A-10', 'B-1']);
  });
});
