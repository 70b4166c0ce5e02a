/** The payload the workspace hands each validator must stay exactly Jira's (a drift here hides validator bugs). */
import type { AppHost, ValidatorPayload } from '../../local/server/app-host';
import { validatorHooks } from '../../local/server/validator-hooks';

function recordingHost(outcomes: Record<string, { result: boolean; errorMessage?: string }> = {}) {
  const calls: Array<{ key: string; payload: ValidatorPayload }> = [];
  const host = {
    runValidator: async (key: string, payload: ValidatorPayload) => {
      calls.push({ key, payload });
      return outcomes[key] ?? { result: true };
    },
    validatorName: (key: string) => `Validator ${key}`,
  } as unknown as AppHost;
  return { host, calls };
}

describe('validatorHooks builds Jira’s validator payload', () => {
  it('on a transition: issue.key, transition.from/to ids, the parsed configuration and modifiedFields', async () => {
    const { host, calls } = recordingHost();
    const modifiedFields = { labels: ['x'], customfield_10042: { type: 'doc', version: 1, content: [] } };
    const outcome = await validatorHooks(host).runValidators!({
      issueKey: 'RT-7',
      issueId: '10007',
      transitionId: '31',
      fromStatusId: '10001',
      toStatusId: '10002',
      modifiedFields,
      validators: [
        { key: 'repro-steps-clear-validator', configuration: '{"minScore":60}' },
        { key: 'bug-loop-validator', configuration: '' },
      ],
      accountId: 'rt-l2-amara',
    } as Parameters<NonNullable<ReturnType<typeof validatorHooks>['runValidators']>>[0]);
    expect(outcome).toEqual({ ok: true });
    expect(calls).toEqual([
      {
        key: 'repro-steps-clear-validator',
        payload: { issue: { key: 'RT-7' }, configuration: { minScore: 60 }, transition: { from: { id: '10001' }, to: { id: '10002' }, modifiedFields }, modifiedFields },
      },
      {
        key: 'bug-loop-validator',
        payload: { issue: { key: 'RT-7' }, configuration: {}, transition: { from: { id: '10001' }, to: { id: '10002' }, modifiedFields }, modifiedFields },
      },
    ]);
  });

  it('stops at the first failure and reports its message (or the validator’s name when it gave none)', async () => {
    const base = { issueKey: 'RT-7', issueId: '10007', transitionId: '31', fromStatusId: '1', toStatusId: '2', modifiedFields: {}, accountId: 'u' };
    const validators = [{ key: 'a', configuration: '' }, { key: 'b', configuration: '' }];
    const named = recordingHost({ a: { result: false, errorMessage: 'Steps are missing.' } });
    expect(await validatorHooks(named.host).runValidators!({ ...base, validators } as never)).toEqual({ ok: false, errorMessage: 'Steps are missing.' });
    expect(named.calls.map((c) => c.key)).toEqual(['a']);
    const silent = recordingHost({ a: { result: false } });
    expect(await validatorHooks(silent.host).runValidators!({ ...base, validators } as never)).toEqual({ ok: false, errorMessage: 'Validator a blocked this transition.' });
  });

  it('on create: an empty issue key, no from status, the created fields as modifiedFields', async () => {
    const { host, calls } = recordingHost();
    const fields = { summary: 'Crash on save', issuetype: { id: '10004' } };
    await validatorHooks(host).runCreateValidators!({
      projectKey: 'RT',
      issueTypeId: '10004',
      issueTypeName: 'Bug',
      transitionId: '1',
      toStatusId: '10000',
      fields,
      validators: [{ key: 'v', configuration: '{"a":1}' }],
      accountId: 'u',
    } as never);
    expect(calls).toEqual([{ key: 'v', payload: { issue: { key: '' }, configuration: { a: 1 }, transition: { from: { id: '' }, to: { id: '10000' }, modifiedFields: fields }, modifiedFields: fields } }]);
  });
});
