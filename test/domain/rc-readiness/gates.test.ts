import { evaluateGates, readiness } from '../../../src/domain/rc-readiness/gates';
import type { GateResult } from '../../../src/domain/rc-readiness/types';
import { anOpenIssue, anRcIssue } from '../../builders/rc';

const RC = '4.3.0-rc.2';
const byId = (gates: GateResult[], id: string) => {
  const g = gates.find((x) => x.id === id);
  if (!g) throw new Error(`no gate ${id}`);
  return g;
};

describe('readiness gates', () => {
  it('all pass for a clean RC, with counts in the detail', () => {
    const gates = evaluateGates({ rc: RC, issues: [anRcIssue({ key: 'BUG-1' }), anRcIssue({ key: 'BUG-2' }), anRcIssue({ key: 'ST-1', type: 'Story', regressionVerdict: 'none', reproConfirmed: false, rteReviewedAfterLatestDev: false })] });
    expect(gates.map((g) => [g.id, g.passed])).toEqual([
      ['issues-done', true],
      ['rte-reviewed', true],
      ['regression-passed', true],
      ['no-open-regression-bugs', true],
      ['repro-confirmed', true],
    ]);
    expect(gates.every((g) => g.evidence.length === 0)).toBe(true);
    expect(byId(gates, 'issues-done').detail).toBe('All 3 issues are done.');
    expect(byId(gates, 'rte-reviewed').detail).toBe('Both bugs were reviewed by the RTE after their latest Dev work.');
    expect(readiness(gates)).toMatchObject({ ready: true, passed: 5, total: 5 });
  });

  it('1: fails with the issues not done (any type), sorted naturally', () => {
    const g = byId(evaluateGates({ rc: RC, issues: [anOpenIssue({ key: 'BUG-10' }), anRcIssue({ key: 'BUG-3' }), anOpenIssue({ key: 'ST-2', type: 'Story' }), anOpenIssue({ key: 'BUG-9' })] }), 'issues-done');
    expect(g).toMatchObject({ passed: false, evidence: ['BUG-9', 'BUG-10', 'ST-2'], detail: '3 of 4 issues are not done.' });
  });

  it('2: fails with the bugs that left Dev without a later RTE review', () => {
    const g = byId(evaluateGates({ rc: RC, issues: [anRcIssue({ key: 'BUG-1', rteReviewedAfterLatestDev: false }), anRcIssue({ key: 'BUG-2' })] }), 'rte-reviewed');
    expect(g).toMatchObject({ passed: false, evidence: ['BUG-1'], detail: '1 of 2 bugs left Dev without a later RTE review.' });
  });

  it('3: fails with every bug whose regression for this RC is not passed, by kind', () => {
    const g = byId(
      evaluateGates({
        rc: RC,
        issues: [
          anRcIssue({ key: 'BUG-1', regressionVerdict: 'failed' }),
          anRcIssue({ key: 'BUG-2', regressionVerdict: 'incomplete' }),
          anRcIssue({ key: 'BUG-3', regressionVerdict: 'none' }),
          anRcIssue({ key: 'BUG-4' }),
        ],
      }),
      'regression-passed',
    );
    expect(g).toMatchObject({ passed: false, evidence: ['BUG-1', 'BUG-2', 'BUG-3'], detail: `Of 4 bugs: 1 failed, 1 incomplete, 1 not regressed in ${RC}.` });
  });

  it('4: fails with open bugs found during this RC’s regression, wherever their fix version is', () => {
    const gates = evaluateGates({
      rc: RC,
      issues: [anRcIssue({ key: 'BUG-1' })],
      regressionFinds: [
        anOpenIssue({ key: 'BUG-20', foundInRegressionOf: [RC] }),
        anRcIssue({ key: 'BUG-21', foundInRegressionOf: [RC] }),
        anOpenIssue({ key: 'BUG-22', foundInRegressionOf: ['4.3.0-rc.1'] }),
      ],
    });
    expect(byId(gates, 'no-open-regression-bugs')).toMatchObject({ passed: false, evidence: ['BUG-20'], detail: `1 of 2 bugs found during regression of ${RC} is still open.` });
    // Found bugs closed → passes.
    const ok = evaluateGates({ rc: RC, issues: [], regressionFinds: [anRcIssue({ key: 'BUG-21', foundInRegressionOf: [RC] })] });
    expect(byId(ok, 'no-open-regression-bugs').passed).toBe(true);
  });

  it('5: fails with the bugs whose repro steps are not confirmed', () => {
    const g = byId(evaluateGates({ rc: RC, issues: [anRcIssue({ key: 'BUG-1', reproConfirmed: false }), anRcIssue({ key: 'BUG-2' })] }), 'repro-confirmed');
    expect(g).toMatchObject({ passed: false, evidence: ['BUG-1'] });
  });

  it('6: admin JQL gates pass when empty, fail with their results, and fail closed when the query errored', () => {
    const gates = evaluateGates({
      rc: RC,
      issues: [],
      adminGates: [
        { name: 'Highest open', jql: 'priority = Highest AND statusCategory != Done', resultKeys: [] },
        { name: 'Blockers', jql: 'labels = blocker', resultKeys: ['BUG-12', 'BUG-3', 'BUG-12'] },
        { name: 'Broken', jql: 'foo = ', resultKeys: [], error: 'Error in the JQL Query' },
      ],
    });
    expect(byId(gates, 'jql:Highest open')).toMatchObject({ passed: true, evidence: [] });
    expect(byId(gates, 'jql:Blockers')).toMatchObject({ passed: false, evidence: ['BUG-3', 'BUG-12'], detail: '2 issues match labels = blocker.' });
    expect(byId(gates, 'jql:Broken')).toMatchObject({ passed: false, detail: 'The query could not run (Error in the JQL Query).' });
    expect(readiness(gates)).toMatchObject({ ready: false, passed: 6, total: 8 });
  });

  it('uses configured bug types and caps evidence', () => {
    const issues = Array.from({ length: 250 }, (_, i) => anRcIssue({ key: `DEF-${i + 1}`, type: 'Defect', reproConfirmed: false }));
    const g = byId(evaluateGates({ rc: RC, issues, bugTypes: ['defect'] }), 'repro-confirmed');
    expect(g.passed).toBe(false);
    expect(g.evidence).toHaveLength(200);
    expect(g.evidence[0]).toBe('DEF-1');
    expect(g.detail).toBe('250 of 250 bugs have unconfirmed reproduction steps.');
    expect(byId(evaluateGates({ rc: RC, issues }), 'repro-confirmed').passed).toBe(true); // not bugs by default
  });
});
