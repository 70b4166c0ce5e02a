/**
 * The workspace runs the field-rules expression validator as Jira does: the configuration's `expression` replaces
 * the manifest's (`true`), it is evaluated with the issue's fields and the transition screen's changes, and the app
 * is not called at all (no invocation). The transition-rules function validator is called once.
 */
import { createAppHost } from '../../local/server/app-host';
import { validatorHooks } from '../../local/server/validator-hooks';
import { serializeTransitionRulesConfig } from '../../src/contracts/transition-rules-config';
import * as app from '../../src';
import { emulatorEnv, type EmulatorEnv } from '../support/emulator-env';

let env: EmulatorEnv;
beforeAll(async () => {
  env = await emulatorEnv({ prefix: 'rt-field-rules-' });
});
afterAll(() => env.close());

function countingHost() {
  const host = createAppHost(app as unknown as Record<string, unknown>);
  let invocations = 0;
  const runValidator = host.runValidator.bind(host);
  host.runValidator = (key, payload) => {
    invocations += 1;
    return runValidator(key, payload);
  };
  return { host, invocations: () => invocations };
}

const fieldRules = () => {
  const r = serializeTransitionRulesConfig('expression', { rules: { 'regression-bug-linked': { onlyFirstTransition: false } } });
  if (!r.ok) throw new Error(r.message);
  return r.json;
};

describe('the field-rules expression validator in the workspace', () => {
  const bugInState = (labels: string[]) => {
    const issue = env.store.get().issues.find((i) => i.key === 'RT-28')!;
    issue.fields.labels = labels;
    return issue;
  };
  const transition = (issueKey: string, validators: Array<{ key: string; configuration: string }>, modifiedFields: Record<string, unknown> = {}) => ({
    issueKey,
    issueId: '0',
    transitionId: '31',
    fromStatusId: '10003',
    toStatusId: '10004',
    modifiedFields,
    validators,
    accountId: 'rt-admin',
  });

  it('blocks a labelled bug without its link and RC with the rule message, and calls no app function', async () => {
    bugInState(['found-in-regression']);
    const { host, invocations } = countingHost();
    const hooks = validatorHooks(host, () => env.store.get());
    const outcome = await hooks.runValidators!(transition('RT-28', [{ key: 'transition-field-rules-validator', configuration: fieldRules() }]));
    expect(outcome).toEqual({ ok: false, errorMessage: expect.stringMatching(/^This bug is labelled 'found-in-regression', so it must point at the fix/) });
    expect(invocations()).toBe(0);
  });

  it('passes when the transition screen adds the link and the RC; an unlabelled bug passes', async () => {
    bugInState(['found-in-regression']);
    const { host, invocations } = countingHost();
    const hooks = validatorHooks(host, () => env.store.get());
    const screen = { versions: [{ name: '4.3.0-rc.1' }], issuelinks: [{ add: { type: { name: 'Relates' }, outwardIssue: { key: 'RT-1' } } }] };
    expect(await hooks.runValidators!(transition('RT-28', [{ key: 'transition-field-rules-validator', configuration: fieldRules() }], screen))).toEqual({ ok: true });
    bugInState([]);
    expect(await hooks.runValidators!(transition('RT-28', [{ key: 'transition-field-rules-validator', configuration: fieldRules() }]))).toEqual({ ok: true });
    expect(invocations()).toBe(0);
  });

  it('the transition-rules function validator is one invocation for all its rules', async () => {
    const { host, invocations } = countingHost();
    const hooks = validatorHooks(host, () => env.store.get());
    const configuration = JSON.stringify({ version: 1, rules: { 'follows-loop': {}, 'regression-bug-linked': {} } });
    expect(await hooks.runValidators!(transition('RT-28', [{ key: 'transition-rules-validator', configuration }]))).toEqual({ ok: true });
    expect(invocations()).toBe(1);
  });
});
