/**
 * "Regression bug is linked" as a Jira expression (no invocation) must decide as the function does, with the same
 * message. The expression is evaluated as the local workspace evaluates it (JavaScript over Jira's `issue` shape,
 * local/server/expression-validator.ts), on every combination of label, link, Affects versions and options.
 */
import { parseTransitionRulesConfig, serializeTransitionRulesConfig, splitTransitionRules, transitionRulesExpression } from '../../../src/contracts/transition-rules-config';
import { parseValidatorConfig } from '../../../src/contracts/validator-config';
import { regressionLinkedExpression } from '../../../src/domain/transition-rules/regression-linked-expression';
import { decideRegressionBugLinked } from '../../../src/domain/validators/regression-bug-linked';
import { snapshotOf } from '../../../src/validators/issue-reader';
import { expressionIssue } from '../../../local/server/expression-issue';
import { outcomeOf, evaluateExpression } from '../../../local/server/expression-validator';
import type { JiraIssue } from '../../../src/jira/schemas';

const configOf = (options: Record<string, unknown>) => {
  const c = parseValidatorConfig('regression-bug-linked', { version: 1, onlyFirstTransition: false, ...options });
  if (!c.ok) throw new Error(c.message);
  return c.config;
};

type Case = { type: string; labels: string[]; links: Array<Record<string, unknown>>; versions: string[] };
const linkTo = (typeName: string, side: 'inwardIssue' | 'outwardIssue') => ({ id: '1', type: { id: '1', name: typeName, inward: 'x', outward: 'y' }, [side]: { id: '2', key: 'RT-2' } });
const cases: Case[] = [];
for (const type of ['Bug', 'Story'])
  for (const labels of [[], ['found-in-regression'], ['FOUND-IN-REGRESSION', 'ui']])
    for (const links of [[], [linkTo('Relates', 'outwardIssue')], [linkTo('relates', 'inwardIssue')], [linkTo('Blocks', 'outwardIssue')]])
      for (const versions of [[], ['4.3.0'], ['4.3.0-rc.2'], ['4.2.0', '4.3.0-RC.1']]) cases.push({ type, labels, links, versions });

const optionSets: Array<Record<string, unknown>> = [
  {},
  { requireRcInAffectsVersions: false },
  { link: { typeName: 'Relates', direction: 'inward' } },
  { link: { typeName: 'Blocks', direction: 'outward' }, issueTypes: [] },
  { regressionLabel: 'ui', rcPattern: '^4\\.3' },
];

function restIssue(c: Case): JiraIssue {
  return {
    id: '10001',
    key: 'RT-1',
    fields: { issuetype: { id: '1', name: c.type }, labels: c.labels, versions: c.versions.map((name, i) => ({ id: String(i), name })), issuelinks: c.links },
  } as unknown as JiraIssue;
}

describe('regressionLinkedExpression', () => {
  it.each(optionSets)('decides as decideRegressionBugLinked, same message, for every case (options %j)', (options) => {
    const config = configOf(options);
    const expression = regressionLinkedExpression(config);
    let blocks = 0;
    for (const c of cases) {
      const raw = restIssue(c);
      const expected = decideRegressionBugLinked({ config, issue: snapshotOf(raw, {}) });
      const got = outcomeOf(evaluateExpression(expression, { issue: expressionIssue('RT-1', raw.fields as Record<string, unknown>) }), 'fallback');
      expect({ case: c, got }).toEqual({ case: c, got: expected.result ? { result: true } : { result: false, errorMessage: expected.errorMessage } });
      if (!expected.result) blocks += 1;
    }
    // Both outcomes are exercised.
    expect(blocks).toBeGreaterThan(0);
    expect(blocks).toBeLessThan(cases.length);
  });

  it('sees the transition screen: a link and RC added on the screen pass', () => {
    const config = configOf({});
    const raw = restIssue({ type: 'Bug', labels: ['found-in-regression'], links: [], versions: [] });
    const modified = { versions: [{ name: '4.3.0-rc.1' }], issuelinks: [{ add: { type: { name: 'Relates' }, outwardIssue: { key: 'RT-9' } } }] };
    expect(decideRegressionBugLinked({ config, issue: snapshotOf(raw, modified) }).result).toBe(true);
    expect(evaluateExpression(regressionLinkedExpression(config), { issue: expressionIssue('RT-1', raw.fields as Record<string, unknown>, modified) })).toBe(true);
  });

  it('a label or pattern with quotes cannot break out of its string literal', () => {
    const config = configOf({ regressionLabel: `it's"x` });
    const raw = restIssue({ type: 'Bug', labels: [`it's"x`], links: [], versions: [] });
    const got = evaluateExpression(regressionLinkedExpression(config), { issue: expressionIssue('RT-1', raw.fields as Record<string, unknown>) });
    expect(got).toBe(decideRegressionBugLinked({ config, issue: snapshotOf(raw, {}) }).errorMessage);
  });
});

describe('the field-rules expression validator configuration', () => {
  it('keeps expression-decidable rules for Jira and refuses rules that need the function', () => {
    const ok = serializeTransitionRulesConfig('expression', { rules: { 'regression-bug-linked': { onlyFirstTransition: false } } });
    expect(ok.ok).toBe(true);
    const saved = JSON.parse(ok.ok ? ok.json : '{}') as { expression: string };
    expect(saved.expression).toBe(transitionRulesExpression(parseTransitionRulesConfig(saved).ok ? (parseTransitionRulesConfig(saved) as { rules: object }).rules : {}));
    expect(saved.expression).toContain("found-in-regression");
    const refused = serializeTransitionRulesConfig('expression', { rules: { 'regression-bug-linked': {}, 'follows-loop': {} } });
    expect(refused).toEqual({ ok: false, message: expect.stringMatching(/need the bug's history or app storage.*regression-bug-linked.*follows-loop|follows-loop.*regression-bug-linked/) });
  });
  it('splits chosen rules: first-transition regression and history rules need the function', () => {
    const parsed = parseTransitionRulesConfig({ version: 1, rules: { 'follows-loop': {}, 'regression-bug-linked': { onlyFirstTransition: false } } });
    if (!parsed.ok) throw new Error(parsed.message);
    expect(splitTransitionRules(parsed.rules)).toEqual({ expression: ['regression-bug-linked'], fn: ['follows-loop'] });
    const first = parseTransitionRulesConfig({ version: 1, rules: { 'regression-bug-linked': {} } });
    if (!first.ok) throw new Error(first.message);
    expect(splitTransitionRules(first.rules)).toEqual({ expression: [], fn: ['regression-bug-linked'] });
    expect(transitionRulesExpression(first.rules)).toBe('true');
  });
});
