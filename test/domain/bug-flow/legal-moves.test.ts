import { evaluateTransition } from '../../../src/domain/bug-flow/evaluate-transition';
import { classifyMove, defaultLegalMoves, legalMovesFor, legalTargets } from '../../../src/domain/bug-flow/legal-moves';
import { stageHistory } from '../../../src/domain/bug-flow/changelog';
import { stages, type Stage } from '../../../src/domain/bug-flow/stages';
import { deriveDefaultMapping } from '../../../src/domain/bug-flow/status-mapping';
import { altStatus, changesThrough, CREATED, historyThrough, mainStatus, mapping, pathTo, statuses } from './workflow-fixture';

const legal = new Set([
  'L2>RTE_TRIAGE',
  'RTE_TRIAGE>DEV',
  'RTE_TRIAGE>L2',
  'DEV>RTE_REVIEW',
  'RTE_REVIEW>QA',
  'RTE_REVIEW>DEV',
  'QA>DONE',
  'QA>DEV',
  'DONE>RTE_TRIAGE',
]);
const pairs = stages.flatMap((from) => stages.map((to) => [from, to] as [Stage, Stage]));

describe('classifyMove over all 36 stage pairs', () => {
  test.each(pairs)('%s → %s', (from, to) => {
    const verdict = classifyMove(from, to);
    const expected = from === to || legal.has(`${from}>${to}`);
    expect(verdict.legal).toBe(expected);
    if (from === to) expect(verdict).toEqual({ legal: true, kind: 'same-stage' });
  });

  test('send-backs by QA and RTE are reopens; RTE triage → L2 is a send-back for information', () => {
    expect(classifyMove('QA', 'DEV')).toMatchObject({ kind: 'reopen', move: { reason: 'fix-failed', by: 'QA' } });
    expect(classifyMove('RTE_REVIEW', 'DEV')).toMatchObject({ kind: 'reopen', move: { reason: 'review-rejected', by: 'RTE' } });
    expect(classifyMove('DONE', 'RTE_TRIAGE')).toMatchObject({ kind: 'reopen', move: { reason: 'reopened-after-done' } });
    expect(classifyMove('RTE_TRIAGE', 'L2')).toMatchObject({ kind: 'send-back', move: { reason: 'needs-information', by: 'RTE' } });
    expect(classifyMove('DEV', 'RTE_REVIEW')).toMatchObject({ kind: 'advance', move: { by: 'Developer' } });
  });

  test('DONE → DEV is only legal when configured', () => {
    expect(classifyMove('DONE', 'DEV').legal).toBe(false);
    expect(classifyMove('DONE', 'DEV', legalMovesFor({ allowDoneToDev: true }))).toMatchObject({ legal: true, kind: 'reopen' });
    expect(legalMovesFor()).toBe(defaultLegalMoves);
  });

  test('legalTargets lists where a stage may go', () => {
    expect(legalTargets('QA')).toEqual(['DONE', 'DEV']);
    expect(legalTargets('DEV')).toEqual(['RTE_REVIEW']);
  });
});

describe('evaluateTransition over all 36 stage pairs (bug arrived by the natural path)', () => {
  test.each(pairs)('%s → %s', (from, to) => {
    const fromStatusId = mainStatus[from];
    const toStatusId = from === to ? altStatus[to] : mainStatus[to];
    const verdict = evaluateTransition({ fromStatusId, toStatusId, mapping, history: historyThrough(pathTo[from]), statuses });
    const expected = from === to || legal.has(`${from}>${to}`);
    expect(verdict.ok).toBe(expected);
    if (verdict.ok) {
      expect(verdict).toMatchObject({ fromStage: from, toStage: to });
      return;
    }
    const rule = from === 'DONE' ? 'reopen-through-triage' : to === 'QA' ? 'rte-review-before-qa' : 'illegal-move';
    expect(verdict.rule).toBe(rule);
    expect(verdict.currentStage).toBe(from);
    expect(verdict.message).toMatch(/^This bug is (in |Done)/);
    // The message names the real status of the next legal step.
    expect(verdict.message).toContain(`'${verdict.nextStep.statusName}'`);
    expect(statuses.map((s) => s.name)).toContain(verdict.nextStep.statusName);
  });
});

describe('evaluateTransition messages', () => {
  test('Dev → QA names the rule, the stage, the next status and its owner', () => {
    const verdict = evaluateTransition({ fromStatusId: '30', toStatusId: '50', mapping, history: historyThrough(pathTo.DEV), statuses });
    expect(verdict).toEqual({
      ok: false,
      rule: 'rte-review-before-qa',
      currentStage: 'DEV',
      nextStep: { stage: 'RTE_REVIEW', statusId: '40', statusName: 'RTE Review', owner: 'RTE' },
      owner: 'Developer',
      message: "This bug is in Dev. Fixes go to RTE review before QA: move it to 'RTE Review' and the RTE will pass it to QA.",
    });
  });

  test('QA → RTE review reminds that other regression findings are new bugs', () => {
    const verdict = evaluateTransition({ fromStatusId: '50', toStatusId: '40', mapping, history: historyThrough(pathTo.QA), statuses });
    expect(verdict.ok).toBe(false);
    if (verdict.ok) return;
    expect(verdict.rule).toBe('illegal-move');
    expect(verdict.message).toBe(
      "This bug is in QA, and the release-train loop (L2 → RTE triage → Dev → RTE review → QA → Done) does not move it to 'RTE Review' from there. " +
        "QA moves it to 'Done' when the focused regression passes, or back to 'In Progress' when the fix fails; anything else found in regression is filed as a new bug.",
    );
    expect(verdict.owner).toBe('QA');
  });

  test('Done → Dev says reopens go through RTE triage', () => {
    const verdict = evaluateTransition({ fromStatusId: '60', toStatusId: '30', mapping, history: historyThrough(pathTo.DONE), statuses });
    expect(verdict).toMatchObject({ ok: false, rule: 'reopen-through-triage', nextStep: { stage: 'RTE_TRIAGE', statusName: 'Triage', owner: 'RTE' } });
    if (!verdict.ok) expect(verdict.message).toBe("This bug is Done and cannot move to 'In Progress' (Dev). A reopened bug goes back through RTE triage: move it to 'Triage' and the RTE will plan the fix.");
  });

  test("a target status named like its stage is not labelled twice", () => {
    const verdict = evaluateTransition({ fromStatusId: '40', toStatusId: '60', mapping, history: historyThrough(pathTo.RTE_REVIEW), statuses });
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.message).toContain("does not move it to 'Done' from there.");
  });

  test('without a status list, stage labels stand in for status names', () => {
    const verdict = evaluateTransition({ fromStatusId: '30', toStatusId: '50', mapping, history: historyThrough(pathTo.DEV) });
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.message).toContain("move it to 'RTE review'");
  });

  test('a legal move reports its kind so the caller can record reopens', () => {
    const verdict = evaluateTransition({ fromStatusId: '50', toStatusId: '31', mapping, history: historyThrough(pathTo.QA), statuses });
    expect(verdict).toEqual({ ok: true, kind: 'reopen', fromStage: 'QA', toStage: 'DEV' });
  });
});

describe("a 'Reopened' status in the derived default mapping (the usual send-back status)", () => {
  const withReopened = [...statuses.filter((st) => st.id !== '90'), { id: '70', name: 'Reopened', categoryKey: 'indeterminate' }];
  const derived = deriveDefaultMapping(withReopened);
  const evaluate = (path: string[], toStatusId: string) =>
    evaluateTransition({ fromStatusId: path[path.length - 1] ?? '', toStatusId, mapping: derived, history: stageHistory(CREATED, path[0], changesThrough(path), derived), statuses: withReopened });

  test('QA → Reopened is the fix-failed send-back', () => {
    expect(evaluate(pathTo.QA, '70')).toEqual({ ok: true, kind: 'reopen', fromStage: 'QA', toStage: 'DEV' });
  });
  test('RTE review → Reopened is the review-rejected send-back', () => {
    expect(evaluate(pathTo.RTE_REVIEW, '70')).toEqual({ ok: true, kind: 'reopen', fromStage: 'RTE_REVIEW', toStage: 'DEV' });
  });
  test('from Reopened the fix goes through RTE review again before QA', () => {
    expect(evaluate([...pathTo.QA, '70'], '40')).toMatchObject({ ok: true, fromStage: 'DEV', toStage: 'RTE_REVIEW' });
    expect(evaluate([...pathTo.QA, '70'], '50')).toMatchObject({ ok: false, rule: 'rte-review-before-qa' });
  });
  test('a done bug is still reopened through RTE triage (Done → Reopened only with "Allow Done → Dev")', () => {
    expect(evaluate(pathTo.DONE, '70')).toMatchObject({ ok: false, rule: 'reopen-through-triage', nextStep: { statusName: 'Triage' } });
  });
});
