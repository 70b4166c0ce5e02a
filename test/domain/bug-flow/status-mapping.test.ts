import {
  deriveDefaultMapping,
  guessStage,
  stageOf,
  statusForStage,
  validateStageMapping,
  type JiraStatus,
} from '../../../src/domain/bug-flow/status-mapping';
import { mapping, statuses } from './workflow-fixture';

const s = (id: string, name: string, categoryKey: string): JiraStatus => ({ id, name, categoryKey });

describe('deriveDefaultMapping', () => {
  test("Jira's simplified bug workflow", () => {
    const list = [s('1', 'To Do', 'new'), s('2', 'In Progress', 'indeterminate'), s('3', 'In Review', 'indeterminate'), s('4', 'Done', 'done')];
    expect(deriveDefaultMapping(list)).toEqual({ byStatusId: { '1': 'L2', '2': 'DEV', '3': 'RTE_REVIEW', '4': 'DONE' } });
  });

  test('a full release-train workflow', () => {
    const expected: Array<[string, string, string]> = [
      ['Open', 'new', 'L2'],
      ['New', 'new', 'L2'],
      ['Waiting for L2', 'new', 'L2'],
      ['Triage needed', 'new', 'L2'],
      ['Needs more info', 'new', 'L2'],
      ['Triage', 'new', 'RTE_TRIAGE'],
      ['Accepted', 'new', 'RTE_TRIAGE'],
      ['Planned', 'new', 'RTE_TRIAGE'],
      ['Selected for Development', 'new', 'RTE_TRIAGE'],
      ['Reopened', 'new', 'DEV'],
      ['Reopened', 'indeterminate', 'DEV'],
      ['Reopened for triage', 'new', 'RTE_TRIAGE'],
      ['In Development', 'indeterminate', 'DEV'],
      ['Fixing', 'indeterminate', 'DEV'],
      ['In Progress', 'indeterminate', 'DEV'],
      ['RTE Review', 'indeterminate', 'RTE_REVIEW'],
      ['Code Review', 'indeterminate', 'RTE_REVIEW'],
      ['Review', 'indeterminate', 'RTE_REVIEW'],
      ['QA', 'indeterminate', 'QA'],
      ['In QA', 'indeterminate', 'QA'],
      ['Ready for QA', 'indeterminate', 'QA'],
      ['Testing', 'indeterminate', 'QA'],
      ['Testing in progress', 'indeterminate', 'QA'],
      ['Regression', 'indeterminate', 'QA'],
      ['Verify', 'indeterminate', 'QA'],
      ['Done', 'done', 'DONE'],
      ['Closed', 'done', 'DONE'],
      ["Won't Fix", 'done', 'DONE'],
      ['QA passed', 'done', 'DONE'],
      ['Blocked', 'indeterminate', 'DEV'],
      ['Backlog', 'new', 'L2'],
    ];
    const list = expected.map(([name, cat], i) => s(String(100 + i), name, cat));
    const derived = deriveDefaultMapping(list);
    expect(list.map((st) => [st.name, derived.byStatusId[st.id]])).toEqual(expected.map(([name, , stage]) => [name, stage]));
  });

  test('a status with an unknown category and no recognisable name stays unmapped', () => {
    expect(guessStage(s('1', 'Parked', 'undefined'))).toBeUndefined();
    expect(deriveDefaultMapping([s('1', 'Parked', 'undefined')])).toEqual({ byStatusId: {} });
  });

  test('names are matched case- and punctuation-insensitively', () => {
    expect(guessStage(s('1', 'IN-QA', 'indeterminate'))).toBe('QA');
    expect(guessStage(s('1', 'rte_review', 'indeterminate'))).toBe('RTE_REVIEW');
  });
});

describe('stageOf and statusForStage', () => {
  test('stageOf reads the mapping and ignores inherited object keys', () => {
    expect(stageOf('30', mapping)).toBe('DEV');
    expect(stageOf('90', mapping)).toBeUndefined();
    expect(stageOf('toString', mapping)).toBeUndefined();
    expect(stageOf(undefined, mapping)).toBeUndefined();
  });

  test('statusForStage picks the first status of the stage in project order', () => {
    expect(statusForStage('DEV', mapping, statuses)).toEqual({ statusId: '30', name: 'In Progress' });
    expect(statusForStage('DEV', mapping)).toEqual({ statusId: '30', name: 'Dev' });
    expect(statusForStage('DEV', { byStatusId: {} })).toEqual({ name: 'Dev' });
  });
});

describe('validateStageMapping', () => {
  test('a complete mapping is valid; an unused id is a warning and dropped', () => {
    const complete = { byStatusId: { ...mapping.byStatusId, '90': 'DEV', '999': 'QA' } };
    const result = validateStageMapping(complete, statuses);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.mapping.byStatusId['999']).toBeUndefined();
    expect(result.warnings).toEqual([{ code: 'UNKNOWN_STATUS', statusId: '999', message: "Status 999 is not one of this project's statuses; its mapping is ignored." }]);
  });

  test('unknown stages, unmapped statuses and unreachable stages are clear errors', () => {
    const draft = { byStatusId: { '10': 'L2', '20': 'RTE_TRIAGE', '30': 'DEV', '40': 'TESTING', '50': 'QA', '60': 'DONE' } };
    const result = validateStageMapping(draft, statuses);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const messages = result.errors.map((e) => e.message);
    expect(messages).toContain(
      "Status 'RTE Review' is mapped to 'TESTING', which is not a stage. Use one of: L2 (L2), RTE_TRIAGE (RTE triage), DEV (Dev), RTE_REVIEW (RTE review), QA (QA), DONE (Done).",
    );
    expect(messages).toContain("Status 'Blocked' is not mapped to a stage.");
    expect(messages).toContain('No status is mapped to RTE review; bugs could never pass that stage.');
    expect(messages.filter((m) => m.includes("'RTE Review'"))).toHaveLength(1); // not also reported as unmapped
  });

  test('no L2 status is only a warning', () => {
    const list = statuses.filter((st) => !['10', '11'].includes(st.id));
    const byStatusId = Object.fromEntries(Object.entries({ ...mapping.byStatusId, '90': 'DEV' }).filter(([id]) => !['10', '11'].includes(id)));
    const result = validateStageMapping({ byStatusId }, list);
    expect(result).toMatchObject({ ok: true, warnings: [{ code: 'STAGE_WITHOUT_STATUS', stage: 'L2' }] });
  });
});
