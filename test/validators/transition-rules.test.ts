/**
 * Issue 17, one invocation per transition: the transition-rules validator (the app's function rules in one
 * invocation, chosen in its configuration) against the emulator with the demo seed. It must give the answer the
 * single-rule validators give together (the first refusal, same message), with at most one Jira read, and read the
 * changelog for "Regression bug is linked" only for a labelled bug whose link or RC is missing.
 */
import { transitionRulesValidator } from '../../src';
import { ruleOrder } from '../../src/contracts/transition-rules-config';
import type { ValidatorKind } from '../../src/domain/validators/kinds';
import { services } from '../../src/runtime/services';
import { listValidatorFailures } from '../../src/validators/failure-log';
import { followsLoop, regressionBugLinked, regressionClean, reproStepsClear, rteReviewComplete, runValidator } from '../../src/validators';
import { emptyTransitionRulesTrace, runTransitionRules } from '../../src/validators/run-transition-rules';
import { validatorRetry } from '../../src/validators/validator-jira';
import { rtTransitionRules } from '../../local/seed/project';
import { adf, app, counting, emulatorEnv, GOOD_REPRO, payload, S, type Env } from './support';

let env: Env;
beforeAll(async () => {
  env = await emulatorEnv('rt-transition-rules-');
  validatorRetry.sleep = async () => undefined;
  // The stage mapping is derived once per project (+1 call, documented); do it before counting.
  await runValidator(followsLoop, payload('RT-28', S.DEV, S.RTE_REVIEW));
});
afterAll(() => env.close());
afterEach(() => env.emulator.clearFaults());

const singles = { 'repro-steps-clear': reproStepsClear, 'follows-loop': followsLoop, 'rte-review-complete': rteReviewComplete, 'regression-clean': regressionClean, 'regression-bug-linked': regressionBugLinked } as const;

/** What the single-rule validators answer together on a transition: the first refusal in rule order. */
async function expectedOf(rules: Record<string, Record<string, unknown>>, key: string, from: string, to: string, modified?: Record<string, unknown>) {
  for (const kind of ruleOrder) {
    const config = rules[kind];
    if (!config) continue;
    const r = await runValidator(singles[kind as ValidatorKind] as typeof followsLoop, payload(key, from, to, { version: 1, ...config }, modified));
    if (!r.result) return r;
  }
  return { result: true };
}

const rulesConfig = (rules: Record<string, Record<string, unknown>>) => JSON.stringify({ version: 1, rules });

describe('the transition rules together', () => {
  const moves: Array<[string, string, string]> = [
    ['RT-28', S.DEV, S.IN_QA],
    ['RT-28', S.DEV, S.RTE_REVIEW],
    ['RT-37', S.RTE_REVIEW, S.IN_QA],
    ['RT-37', S.RTE_REVIEW, S.DEV],
    ['RT-122', S.OPEN, S.TRIAGE],
    ['RT-122', S.OPEN, S.DEV],
    ['RT-157', S.OPEN, S.TRIAGE],
    ['RT-37', S.RTE_REVIEW, S.DONE],
  ];
  it.each(moves)('%s %s → %s: the same answer and message as the single-rule validators, with one Jira call', async (key, from, to) => {
    const rules = rtTransitionRules(to);
    const expected = await expectedOf(rules, key, from, to);
    const trace = emptyTransitionRulesTrace();
    const { value, calls } = await counting(env.emulator, () => runTransitionRules(payload(key, from, to, rulesConfig(rules)), trace));
    expect(value).toEqual(expected);
    expect(calls).toBe(1);
    expect(trace.jiraCalls).toBe(1);
  });

  it('blocks with the first refusal in rule order (repro steps before the loop) when several rules refuse', async () => {
    const rules = { 'follows-loop': {}, 'repro-steps-clear': rtTransitionRules(S.TRIAGE)['repro-steps-clear']! };
    const r = await transitionRulesValidator(payload('RT-122', S.OPEN, S.DEV, rulesConfig(rules)));
    expect(r.result).toBe(false);
    // The loop also refuses Open → In Progress; the repro message comes first, as the demo ordered the validators.
    expect(r.errorMessage).toMatch(/reproduction steps are missing/);
  });

  it('uses values changed on the transition screen, and skips the read when the screen decides every rule', async () => {
    const rules = { 'repro-steps-clear': {} };
    const fixed = await counting(env.emulator, () => transitionRulesValidator(payload('RT-122', S.OPEN, S.TRIAGE, rulesConfig(rules), { summary: 'Checkout fails with a saved card', description: adf(...GOOD_REPRO) })));
    expect(fixed).toMatchObject({ value: { result: true }, calls: 0 });
  });

  it('on create: decides from the created fields with no Jira call', async () => {
    const create = { issue: { key: '' }, configuration: rulesConfig({ 'follows-loop': {}, 'regression-bug-linked': {} }), transition: { from: { id: '' }, to: { id: S.OPEN }, modifiedFields: { issuetype: { name: 'Bug' }, labels: ['found-in-regression'] } } };
    const { value, calls } = await counting(env.emulator, () => transitionRulesValidator(create));
    expect(calls).toBe(0);
    expect(value.result).toBe(false);
    expect(value.errorMessage).toMatch(/^This bug is labelled 'found-in-regression'/);
  });
});

describe('"Regression bug is linked" reads the history only for a labelled bug that lacks its link or RC', () => {
  const only = rulesConfig({ 'regression-bug-linked': {} });
  it('a bug without the label: one read of its fields, no changelog', async () => {
    const trace = emptyTransitionRulesTrace();
    const { value, paths } = await counting(env.emulator, () => runTransitionRules(payload('RT-28', S.DEV, S.RTE_REVIEW, only), trace));
    expect(value).toEqual({ result: true });
    expect(paths).toHaveLength(1);
    expect(paths[0]).not.toMatch(/changelog/);
    expect(trace).toMatchObject({ jiraCalls: 1, changelogInline: false, changelogReadForRegression: false });
  });
  it('a labelled bug without its link on its first move: reads the changelog (2 calls) and blocks as the single rule does', async () => {
    const created = await app().createIssue({ project: { key: 'RT' }, issuetype: { name: 'Bug' }, summary: 'Regression: totals wrong', labels: ['found-in-regression'] });
    const expected = await runValidator(regressionBugLinked, payload(created.key, S.OPEN, S.TRIAGE));
    const trace = emptyTransitionRulesTrace();
    const { value, paths } = await counting(env.emulator, () => runTransitionRules(payload(created.key, S.OPEN, S.TRIAGE, only), trace));
    expect(expected.result).toBe(false);
    expect(value).toEqual(expected);
    expect(paths).toEqual([expect.stringMatching(/^GET \/rest\/api\/3\/issue\/RT-\d+$/), expect.stringMatching(/^GET \/rest\/api\/3\/issue\/RT-\d+\/changelog$/)]);
    expect(trace.changelogReadForRegression).toBe(true);
  });
  it('with the loop on the same transition the changelog comes inline: still one call', async () => {
    const created = await app().createIssue({ project: { key: 'RT' }, issuetype: { name: 'Bug' }, summary: 'Regression: tax wrong', labels: ['found-in-regression'] });
    const { value, calls } = await counting(env.emulator, () => transitionRulesValidator(payload(created.key, S.OPEN, S.TRIAGE, rulesConfig({ 'follows-loop': {}, 'regression-bug-linked': {} }))));
    expect(value.result).toBe(false);
    expect(calls).toBe(1);
  });
});

describe('bad configuration and Jira failures', () => {
  it.each([
    ['no configuration', undefined, /names no rules/],
    ['no rules', '{"version":1,"rules":{}}', /names no rules/],
    ['not JSON', '{rules', /is not valid JSON/],
    ['an unknown rule', '{"version":1,"rules":{"be-nice":{}}}', /is not valid \(rules/],
    ['a bad option of one rule', '{"version":1,"rules":{"repro-steps-clear":{"minimumScore":500}}}', /'Repro steps are clear' configuration is not valid \(minimumScore/],
  ])('%s: blocks and says what to fix, without reading Jira', async (_name, configuration, message) => {
    const { value, calls } = await counting(env.emulator, () => transitionRulesValidator(payload('RT-28', S.DEV, S.RTE_REVIEW, configuration)));
    expect(value.result).toBe(false);
    expect(value.errorMessage).toMatch(message);
    expect(value.errorMessage).toMatch(/Until then this transition is blocked/);
    expect(calls).toBe(0);
  });
  it('Jira answering 503: blocks when any rule blocks on failure, allows and records when all allow', async () => {
    env.emulator.failNext({ path: /\/rest\/api\/3\/issue\/RT-28/, status: 503, times: 4 });
    const blocked = await transitionRulesValidator(payload('RT-28', S.DEV, S.RTE_REVIEW, rulesConfig({ 'follows-loop': { onJiraError: 'allow-and-record' }, 'regression-bug-linked': {} })));
    expect(blocked.result).toBe(false);
    expect(blocked.errorMessage).toMatch(/could not verify this transition \(Jira answered 503/);
    const allowed = await transitionRulesValidator(payload('RT-28', S.DEV, S.RTE_REVIEW, rulesConfig({ 'follows-loop': { onJiraError: 'allow-and-record' }, 'regression-bug-linked': { onJiraError: 'allow-and-record' } })));
    expect(allowed).toEqual({ result: true });
    const events = await listValidatorFailures(services().storage, 'RT');
    expect(events.slice(0, 2).map((e) => e.decision)).toEqual(['allowed', 'blocked']);
    expect(events[1]?.validator).toBe('regression-bug-linked');
  });
});
