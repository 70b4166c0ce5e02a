import {
  hasRteReviewAfterLatestDev,
  latestDevInterval,
  loopCounts,
  stageHistory,
  stageMoves,
  stageVisits,
  timeInStages,
  type StatusChange,
} from '../../../src/domain/bug-flow/changelog';
import { evaluateTransition } from '../../../src/domain/bug-flow/evaluate-transition';
import { CREATED, changesThrough, historyThrough, mapping, pathTo, statuses } from './workflow-fixture';

const HOUR = 3_600_000;

describe('stageHistory', () => {
  test('builds ordered intervals with who moved the bug and when', () => {
    const history = historyThrough(['10', '20', '30']);
    expect(history).toEqual([
      { stage: 'L2', statusId: '10', enteredAt: CREATED, leftAt: '2026-03-02T10:00:00.000Z' },
      { stage: 'RTE_TRIAGE', statusId: '20', enteredAt: '2026-03-02T10:00:00.000Z', leftAt: '2026-03-02T11:00:00.000Z', byAccountId: 'acc-1', byName: 'Person 1' },
      { stage: 'DEV', statusId: '30', enteredAt: '2026-03-02T11:00:00.000Z', byAccountId: 'acc-2', byName: 'Person 2' },
    ]);
  });

  test('a bug created directly in a later status starts there', () => {
    expect(stageHistory(CREATED, '50', [], mapping)).toEqual([{ stage: 'QA', statusId: '50', enteredAt: CREATED }]);
    const createdInDev = stageHistory(CREATED, '30', changesThrough(['30', '40']), mapping);
    expect(createdInDev.map((i) => i.stage)).toEqual(['DEV', 'RTE_REVIEW']);
  });

  test("the changelog's first fromStatusId wins over a wrong initial status", () => {
    const history = stageHistory(CREATED, '50', changesThrough(['20', '30']), mapping);
    expect(history.map((i) => i.statusId)).toEqual(['20', '30']);
  });

  test('unsorted changes give the same history as sorted ones', () => {
    const sorted = changesThrough(['10', '20', '30', '40', '30', '40', '50']);
    const shuffled = [sorted[4], sorted[0], sorted[5], sorted[2], sorted[1], sorted[3]].filter((c): c is StatusChange => c !== undefined);
    expect(stageHistory(CREATED, '10', shuffled, mapping)).toEqual(stageHistory(CREATED, '10', sorted, mapping));
  });

  test('duplicate changes from overlapping pages and unreadable timestamps are dropped', () => {
    const changes = changesThrough(['10', '20', '30']);
    const noisy = [...changes, ...changes, { at: 'not a date', fromStatusId: '30', toStatusId: '50' }];
    expect(stageHistory(CREATED, '10', noisy, mapping)).toEqual(stageHistory(CREATED, '10', changes, mapping));
  });

  test('a no-op change (to the status it is already in) does not split the interval', () => {
    const changes: StatusChange[] = [...changesThrough(['10', '20']), { at: '2026-03-02T12:00:00.000Z', fromStatusId: '20', toStatusId: '20' }];
    expect(stageHistory(CREATED, '10', changes, mapping)).toHaveLength(2);
  });

  test('an unmapped status keeps the stage the bug was in', () => {
    const history = historyThrough(['10', '20', '30', '90', '30']);
    expect(history[3]).toMatchObject({ statusId: '90', stage: 'DEV', unmapped: true });
    expect(stageHistory(CREATED, '90', [], mapping)).toEqual([{ stage: 'L2', statusId: '90', enteredAt: CREATED, unmapped: true }]);
  });

  test('no status at all gives an empty history', () => {
    expect(stageHistory(CREATED, undefined, [], mapping)).toEqual([]);
  });

  test('a long history (more than one changelog page) stays complete and in order', () => {
    const ids = ['10', '20'];
    for (let i = 0; i < 75; i += 1) ids.push('30', '40');
    ids.push('50', '60');
    const changes = changesThrough(ids);
    expect(changes.length).toBeGreaterThan(100);
    const reversed = [...changes].reverse();
    const history = stageHistory(CREATED, '10', reversed, mapping);
    expect(history).toHaveLength(ids.length);
    expect(history.map((i) => i.statusId)).toEqual(ids);
    expect(loopCounts(history)).toEqual({ fromQa: 0, fromRteReview: 74, total: 74, reopenedAfterDone: 0 });
    expect(hasRteReviewAfterLatestDev(history)).toBe(true);
  });
});

describe('hasRteReviewAfterLatestDev', () => {
  test('back and forth: a review before the latest Dev stage does not count', () => {
    expect(hasRteReviewAfterLatestDev(historyThrough(['10', '20', '30', '40']))).toBe(true);
    expect(hasRteReviewAfterLatestDev(historyThrough(['10', '20', '30', '40', '30']))).toBe(false);
    expect(hasRteReviewAfterLatestDev(historyThrough(['10', '20', '30', '40', '30', '40']))).toBe(true);
    expect(hasRteReviewAfterLatestDev(historyThrough(['10', '20', '30', '40', '50', '31']))).toBe(false);
  });

  test('without a Dev stage an RTE review counts; without either, nothing was reviewed', () => {
    expect(hasRteReviewAfterLatestDev(historyThrough(['40']))).toBe(true);
    expect(hasRteReviewAfterLatestDev(historyThrough(['10', '20']))).toBe(false);
    expect(hasRteReviewAfterLatestDev([])).toBe(false);
  });

  test('latestDevInterval finds the last Dev stage', () => {
    expect(latestDevInterval(historyThrough(['10', '20', '30', '40', '31']))?.statusId).toBe('31');
    expect(latestDevInterval(historyThrough(['10']))).toBeUndefined();
  });
});

describe('changelog checks in evaluateTransition (moving statuses around cannot skip the review)', () => {
  test('a detour through an unmapped status cannot launder Dev → QA', () => {
    const verdict = evaluateTransition({ fromStatusId: '90', toStatusId: '50', mapping, history: historyThrough(['10', '20', '30', '90']), statuses });
    expect(verdict).toMatchObject({ ok: false, rule: 'rte-review-before-qa', currentStage: 'DEV' });
  });

  test('an unmapped target keeps the stage (same-stage move)', () => {
    expect(evaluateTransition({ fromStatusId: '30', toStatusId: '90', mapping, history: historyThrough(pathTo.DEV) })).toMatchObject({ ok: true, kind: 'same-stage' });
  });

  test('with custom moves allowing Dev → QA, the changelog still requires the review', () => {
    const moves = [{ from: 'DEV', to: 'QA', kind: 'advance', reason: 'fixed', by: 'Developer' }] as const;
    const verdict = evaluateTransition({ fromStatusId: '30', toStatusId: '50', mapping, history: historyThrough(pathTo.DEV), moves: [...moves], statuses });
    expect(verdict).toMatchObject({ ok: false, rule: 'rte-review-before-qa' });
  });

  test('a from-status in RTE review with a stale history showing Dev last is blocked with a history message', () => {
    const verdict = evaluateTransition({ fromStatusId: '40', toStatusId: '50', mapping, history: historyThrough(pathTo.DEV), statuses });
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.message).toBe("This bug's history shows no RTE review after its latest Dev stage. Fixes go to RTE review before QA: the RTE reviews it in 'RTE Review' and then passes it to QA.");
  });

  test('with no history at all, the current stage is all that is known', () => {
    expect(evaluateTransition({ fromStatusId: '40', toStatusId: '50', mapping, history: [] })).toMatchObject({ ok: true, kind: 'advance' });
    expect(evaluateTransition({ fromStatusId: '30', toStatusId: '50', mapping, history: [] })).toMatchObject({ ok: false, currentStage: 'DEV' });
  });

  test('a bug sent back from QA must be reviewed again before returning to QA', () => {
    const history = historyThrough(['10', '20', '30', '40', '50', '30', '40']);
    expect(evaluateTransition({ fromStatusId: '40', toStatusId: '50', mapping, history })).toMatchObject({ ok: true });
    const skipped = historyThrough(['10', '20', '30', '40', '50', '30']);
    expect(evaluateTransition({ fromStatusId: '30', toStatusId: '51', mapping, history: skipped })).toMatchObject({ ok: false, rule: 'rte-review-before-qa' });
  });
});

describe('metrics helpers', () => {
  test('timeInStages sums time per stage; the open interval counts up to now', () => {
    const history = historyThrough(['10', '20', '30', '40', '30', '40']);
    const now = new Date(Date.parse(CREATED) + 8 * HOUR).toISOString();
    expect(timeInStages(history, now)).toEqual({ L2: HOUR, RTE_TRIAGE: HOUR, DEV: 2 * HOUR, RTE_REVIEW: 4 * HOUR, QA: 0, DONE: 0 });
  });

  test('timeInStages ignores negative spans from clock skew', () => {
    const history = stageHistory(CREATED, '10', [{ at: '2026-03-01T09:00:00.000Z', fromStatusId: '10', toStatusId: '20' }], mapping);
    expect(timeInStages(history, '2026-03-01T10:00:00.000Z')).toMatchObject({ L2: 0, RTE_TRIAGE: HOUR });
  });

  test('stageVisits merges consecutive statuses of one stage', () => {
    const visits = stageVisits(historyThrough(['10', '11', '20', '30', '31', '90']));
    expect(visits.map((v) => [v.stage, v.statusIds])).toEqual([
      ['L2', ['10', '11']],
      ['RTE_TRIAGE', ['20']],
      ['DEV', ['30', '31', '90']],
    ]);
    expect(visits[2]?.leftAt).toBeUndefined();
  });

  test('stageMoves classifies each stage change, including reopens and illegal history', () => {
    const moves = stageMoves(historyThrough(['10', '20', '30', '40', '50', '30', '50']));
    expect(moves.map((m) => `${m.from}>${m.to}:${m.verdict.legal ? m.verdict.kind : 'illegal'}`)).toEqual([
      'L2>RTE_TRIAGE:advance',
      'RTE_TRIAGE>DEV:advance',
      'DEV>RTE_REVIEW:advance',
      'RTE_REVIEW>QA:advance',
      'QA>DEV:reopen',
      'DEV>QA:illegal',
    ]);
    expect(moves[4]).toMatchObject({ at: '2026-03-02T14:00:00.000Z', byAccountId: 'acc-2', byName: 'Person 2' }); // the 5th change
  });

  test('loopCounts counts returns to Dev from QA and RTE review, and reopens after Done', () => {
    const history = historyThrough(['10', '20', '30', '40', '30', '40', '50', '31', '40', '50', '60', '20']);
    expect(loopCounts(history)).toEqual({ fromQa: 1, fromRteReview: 1, total: 2, reopenedAfterDone: 1 });
  });
});
