/**
 * The four workflow validators through their exported handlers (src/index.ts), against the emulator with the demo
 * seed: pass and fail per validator, modifiedFields overriding stored values, at most one Jira call per validation,
 * Jira 403/500/429 under both failure policies (and the recorded event), malformed payloads and configurations.
 */
import { followsLoopValidator, regressionBugLinkedValidator, reproStepsClearValidator, rteReviewCompleteValidator } from '../../src';
import { installServices, services } from '../../src/runtime/services';
import { listValidatorFailures } from '../../src/validators/failure-log';
import { followsLoop, reproStepsClear, rteReviewComplete, runValidator, type ValidationTrace } from '../../src/validators';
import { stageMappings } from '../../src/storage/stage-mapping-store';
import { validatorRetry } from '../../src/validators/validator-jira';
import { adf, app, counting, emulatorEnv, GOOD_REPRO, payload, S, type Env } from './support';

let env: Env;
beforeAll(async () => {
  env = await emulatorEnv('rt-validators-');
});
afterAll(() => env.close());
afterEach(() => env.emulator.clearFaults());

const reproField = { version: 1, field: { source: 'field', fieldId: 'customfield_10100', fieldName: 'Reproduction steps', fallbackToDescription: true } };
const rteFields = {
  version: 1,
  documentationImpact: { source: 'field', fieldId: 'customfield_10101', fieldName: 'Documentation impact' },
  reproConfirmed: { source: 'field', fieldId: 'customfield_10102', fieldName: 'Repro steps confirmed' },
};

describe('stage mapping default', () => {
  it('derives the default once (one extra Jira call), caches it, then every validation makes one call', async () => {
    expect(await stageMappings(services().storage).get('10000')).toBeUndefined();
    const first = await counting(env.emulator, () => followsLoopValidator(payload('RT-28', S.DEV, S.RTE_REVIEW)));
    expect(first.value).toEqual({ result: true });
    expect(first.paths).toEqual([expect.stringMatching(/^GET \/rest\/api\/3\/issue\/RT-28/), 'GET /rest/api/3/project/RT/statuses']);
    const cached = await stageMappings(services().storage).get('10000');
    expect(cached).toMatchObject({ derived: true, byStatusId: { [S.OPEN]: 'L2', [S.TRIAGE]: 'RTE_TRIAGE', [S.DEV]: 'DEV', [S.RTE_REVIEW]: 'RTE_REVIEW', [S.IN_QA]: 'QA', [S.DONE]: 'DONE' } });
    const second = await counting(env.emulator, () => followsLoopValidator(payload('RT-28', S.DEV, S.RTE_REVIEW)));
    expect(second.calls).toBe(1);
  });
});

describe('follows the loop', () => {
  it('blocks Dev → In QA and says the rule, the stage, the next step and who takes it; one Jira call', async () => {
    const { value, calls } = await counting(env.emulator, () => followsLoopValidator(payload('RT-28', S.DEV, S.IN_QA)));
    expect(value.result).toBe(false);
    expect(value.errorMessage).toBe("This bug is in Dev. Fixes go to RTE review before QA: move it to 'RTE Review' and the RTE will pass it to QA.");
    expect(calls).toBe(1);
  });
  it('lets a bug in RTE Review go to In QA, and a new issue be created (no Jira call)', async () => {
    expect(await followsLoopValidator(payload('RT-37', S.RTE_REVIEW, S.IN_QA))).toEqual({ result: true });
    const created = await counting(env.emulator, () => followsLoopValidator({ issue: { key: '' }, configuration: {}, transition: { from: { id: '' }, to: { id: S.OPEN } } }));
    expect(created).toMatchObject({ value: { result: true }, calls: 0 });
  });
  it('blocks Open → In Progress (skipping triage) naming Triage and L2 support', async () => {
    const r = await followsLoopValidator(payload('RT-122', S.OPEN, S.DEV));
    expect(r.result).toBe(false);
    expect(r.errorMessage).toContain("L2 support completes it and moves it to 'Triage'");
  });
});

describe('repro steps are clear', () => {
  it('blocks a bug with no reproduction steps and lists what to add; one Jira call', async () => {
    const { value, calls } = await counting(env.emulator, () => reproStepsClearValidator(payload('RT-122', S.OPEN, S.TRIAGE, reproField)));
    expect(value.result).toBe(false);
    expect(value.errorMessage).toMatch(/Score 0 of 100; at least 60 needed/);
    // The field is empty, so the description was analysed (fallback) and is the thing to edit.
    expect(value.errorMessage).toMatch(/^Move to 'Triage' refused: reproduction steps are missing the steps to reproduce, the expected result and the actual result\. .*Fill in the field 'Reproduction steps' \(it is empty, so the description was checked; its editor can import the steps from the description\):/);
    expect(value.errorMessage).not.toMatch(/Add numbered steps[\s\S]*Add numbered steps/);
    // Where the bug is and who completes the steps, from the stage mapping in app storage (no extra Jira call); never the refused move.
    expect(value.errorMessage).toMatch(/ This bug is in L2; L2 support completes the reproduction steps before it moves on\.$/);
    expect(calls).toBe(1);
  });
  it('passes a bug with clear steps', async () => {
    expect(await reproStepsClearValidator(payload('RT-157', S.OPEN, S.TRIAGE, reproField))).toEqual({ result: true });
  });
  it('uses the description and summary changed on the transition screen instead of reading the issue', async () => {
    const fixed = await counting(env.emulator, () => reproStepsClearValidator(payload('RT-122', S.OPEN, S.TRIAGE, {}, { summary: 'Checkout fails with a saved card', description: adf(...GOOD_REPRO) })));
    expect(fixed).toMatchObject({ value: { result: true }, calls: 0 });
    // Without the summary on the screen the issue is read (for its summary), still one call.
    const descriptionOnly = await counting(env.emulator, () => reproStepsClearValidator(payload('RT-122', S.OPEN, S.TRIAGE, {}, { description: adf(...GOOD_REPRO) })));
    expect(descriptionOnly).toMatchObject({ value: { result: true }, calls: 1 });
    // A good stored description does not save a bad one typed on the screen (the type is read to know the rule applies).
    const broken = await counting(env.emulator, () => reproStepsClearValidator(payload('RT-157', S.OPEN, S.TRIAGE, {}, { description: adf('it is broken') })));
    expect(broken.value.result).toBe(false);
    expect(broken.calls).toBe(1);
  });
  it('a single step that repeats the title fails the same on the screen as when stored (the summary is read when not on the screen)', async () => {
    const summary = 'Sorting by price on the second page of the catalogue';
    const { key } = await app().createIssue({ project: { key: 'RT' }, issuetype: { name: 'Bug' }, summary });
    const description = adf('Steps to reproduce:', `1. ${summary}`, 'Expected: the list is sorted.', 'Actual: the list is in random order.');
    const config = { version: 1, minimumScore: 70, issueTypes: [] };
    const screen = await counting(env.emulator, () => reproStepsClearValidator(payload(key, S.OPEN, S.TRIAGE, config, { description })));
    expect(screen.calls).toBe(1);
    expect(screen.value.result).toBe(false);
    expect(screen.value.errorMessage).toMatch(/score 65 of 100; at least 70 needed/);
    // With the summary on the screen too: the same failure (the issue is read once, for the message's stage).
    const withSummary = await counting(env.emulator, () => reproStepsClearValidator(payload(key, S.OPEN, S.TRIAGE, config, { summary, description })));
    expect(withSummary).toMatchObject({ value: screen.value, calls: 1 });
    await app().editIssue(key, { fields: { description } });
    expect(await reproStepsClearValidator(payload(key, S.OPEN, S.TRIAGE, config))).toEqual(screen.value);
  });
  it('reads the structured field from the screen (top-level modifiedFields, as the local workspace also sends)', async () => {
    const field = { steps: ['Open the cart', 'Press Pay'], expected: 'The order is placed', actual: 'Error 500 on the page', environment: 'Chrome 131, production' };
    const r = await counting(env.emulator, () =>
      reproStepsClearValidator({ issue: { key: 'RT-122' }, configuration: JSON.stringify(reproField), transition: { from: { id: S.OPEN }, to: { id: S.TRIAGE } }, modifiedFields: { summary: 'Checkout fails', customfield_10100: field } }),
    );
    expect(r).toMatchObject({ value: { result: true }, calls: 0 });
  });
});

describe('RTE review complete', () => {
  it('blocks the move to QA listing what is missing (documentation impact field)', async () => {
    const { value, calls } = await counting(env.emulator, () => rteReviewCompleteValidator(payload('RT-37', S.RTE_REVIEW, S.IN_QA, rteFields)));
    expect(value.result).toBe(false);
    expect(value.errorMessage).toBe(
      "RTE review is not complete, so this bug cannot go to QA yet. Still to do: (1) answer the documentation impact with the field 'Documentation impact'. " +
        "This bug is in RTE review. The RTE passes it to 'In QA' for QA, or sends it back to 'In Progress'.",
    );
    expect(calls).toBe(1);
  });
  it('passes when the screen answers the documentation impact (modifiedFields), and for a complete bug', async () => {
    expect(await rteReviewCompleteValidator(payload('RT-37', S.RTE_REVIEW, S.IN_QA, rteFields, { customfield_10101: { value: 'No' } }))).toEqual({ result: true });
    expect(await rteReviewCompleteValidator(payload('RT-147', S.RTE_REVIEW, S.IN_QA, rteFields))).toEqual({ result: true });
  });
  it('ignores moves that do not enter QA', async () => {
    expect(await rteReviewCompleteValidator(payload('RT-28', S.DEV, S.RTE_REVIEW, rteFields))).toEqual({ result: true });
  });
});

describe('regression bug is linked', () => {
  it('on create: blocks a found-in-regression bug without link and RC, from the created fields alone (no Jira call)', async () => {
    const create = (fields: Record<string, unknown>) => ({ issue: { key: '' }, configuration: '', transition: { from: { id: '' }, to: { id: S.OPEN }, modifiedFields: fields } });
    const bad = await counting(env.emulator, () => regressionBugLinkedValidator(create({ summary: 'x', labels: ['found-in-regression'] })));
    expect(bad.calls).toBe(0);
    expect(bad.value.result).toBe(false);
    expect(bad.value.errorMessage).toContain("(1) link the fix it was found while testing with a 'Relates' link; (2) set Affects versions to a release candidate such as 4.3.0-rc.1");
    const good = await regressionBugLinkedValidator(
      create({ labels: ['found-in-regression'], versions: [{ name: '4.3.0-rc.2' }], issuelinks: [{ type: { name: 'Relates' }, outwardIssue: { key: 'RT-28' } }] }),
    );
    expect(good).toEqual({ result: true });
  });
  it('on the first transition of an existing regression bug: reads it once and blocks without a link', async () => {
    const created = await app().createIssue({ project: { key: 'RT' }, issuetype: { name: 'Bug' }, summary: 'Regression: totals wrong', labels: ['found-in-regression'] });
    const { value, calls } = await counting(env.emulator, () => regressionBugLinkedValidator(payload(created.key, S.OPEN, S.TRIAGE)));
    expect(value.result).toBe(false);
    expect(calls).toBe(1);
    await app().editIssue(created.key, { fields: { versions: [{ name: '4.3.0-rc.2' }] } });
    await app().linkIssues('Relates', created.key, 'RT-28');
    expect(await regressionBugLinkedValidator(payload(created.key, S.OPEN, S.TRIAGE))).toEqual({ result: true });
  });
});

describe('failure policy when Jira cannot be read', () => {
  // Transient faults only: 403/404/non-JSON are permanent and covered in fault-classes.test.ts.
  const cases = [
    { status: 500, retryAfterSeconds: undefined },
    { status: 503, retryAfterSeconds: undefined },
    { status: 429, retryAfterSeconds: 0 },
  ];
  it.each(cases)('Jira $status: blocks with "retry" by default and records the event', async ({ status, retryAfterSeconds }) => {
    env.emulator.failNext({ path: /^\/rest\/api\/3\/issue\/RT-28$/, status, times: 5, ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }) });
    const r = await followsLoopValidator(payload('RT-28', S.DEV, S.RTE_REVIEW));
    expect(r.result).toBe(false);
    expect(r.errorMessage).toBe(`Release Train could not verify this transition (Jira answered ${status} when asked to read the issue); retry in a moment.`);
    const [latest] = await listValidatorFailures(services().storage, 'RT');
    expect(latest).toMatchObject({ validator: 'follows-loop', issueKey: 'RT-28', decision: 'blocked' });
  }, 15000);
  it.each(cases)('Jira $status with "allow and record": lets the move through and records it', async ({ status, retryAfterSeconds }) => {
    env.emulator.failNext({ path: /^\/rest\/api\/3\/issue\/RT-37$/, status, times: 5, ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }) });
    const r = await rteReviewCompleteValidator(payload('RT-37', S.RTE_REVIEW, S.IN_QA, { ...rteFields, onJiraError: 'allow-and-record' }));
    expect(r).toEqual({ result: true });
    const [latest] = await listValidatorFailures(services().storage, 'RT');
    expect(latest).toMatchObject({ validator: 'rte-review-complete', issueKey: 'RT-37', decision: 'allowed' });
    expect(latest?.error).toMatch(String(status));
  }, 15000);
  it('keeps the recorded list bounded (newest first)', async () => {
    const events = await listValidatorFailures(services().storage, 'RT');
    expect(events.length).toBeGreaterThanOrEqual(6);
    expect(events.length).toBeLessThanOrEqual(200);
    expect(events[0]?.validator).toBe('rte-review-complete');
  });
  describe('a small retry budget, so Jira waits seconds at most for the answer', () => {
    let slept: number[];
    beforeEach(() => {
      slept = [];
      jest.spyOn(validatorRetry, 'sleep').mockImplementation(async (ms) => void slept.push(ms));
    });
    afterEach(() => jest.restoreAllMocks());
    const traced = async () => {
      const trace: ValidationTrace = { jiraCalls: 0, wholeHistoryRead: false, mappingDerived: false };
      const r = await counting(env.emulator, () => runValidator(followsLoop, payload('RT-28', S.DEV, S.RTE_REVIEW), trace));
      return { ...r, trace };
    };
    it('Jira 500 every time: one retry after at most 500 ms, then the failure policy (2 requests, both in the trace)', async () => {
      env.emulator.failNext({ path: /^\/rest\/api\/3\/issue\/RT-28$/, status: 500, times: 10 });
      const { value, calls, trace } = await traced();
      expect(value.errorMessage).toMatch(/Jira answered 500 when asked to read the issue/);
      expect(calls).toBe(2);
      expect(trace.jiraCalls).toBe(2);
      expect(slept).toHaveLength(1);
      expect(slept[0]).toBeLessThanOrEqual(500);
    });
    it('Jira 429 with Retry-After 5: no retry (longer than the cap), blocked at once (1 request, no wait)', async () => {
      env.emulator.failNext({ path: /^\/rest\/api\/3\/issue\/RT-28$/, status: 429, times: 10, retryAfterSeconds: 5 });
      const { value, calls, trace } = await traced();
      expect(value.errorMessage).toMatch(/Jira answered 429 when asked to read the issue/);
      expect(calls).toBe(1);
      expect(trace.jiraCalls).toBe(1);
      expect(slept).toEqual([]);
    });
    it('a single 500 is retried once and the validation decides normally', async () => {
      env.emulator.failNext({ path: /^\/rest\/api\/3\/issue\/RT-28$/, status: 500, times: 1 });
      const { value, trace } = await traced();
      expect(value).toEqual({ result: true });
      expect(trace.jiraCalls).toBe(2);
    });
  });
});

describe('a fault in Release Train itself is not a Jira failure', () => {
  const allow = { version: 1, onJiraError: 'allow-and-record' };
  it('blocks even with "allow and record", says so, and records it', async () => {
    const faulty = { ...followsLoop, decide: () => { throw new TypeError("Cannot read properties of undefined (reading 'stage')"); } };
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const r = await runValidator(faulty, payload('RT-28', S.DEV, S.RTE_REVIEW, allow));
    jest.restoreAllMocks();
    expect(r).toEqual({
      result: false,
      errorMessage: "Release Train hit an internal error while checking this transition (Cannot read properties of undefined (reading 'stage')), so it is blocked; retry, and tell your Jira admin if it keeps happening.",
    });
    const [latest] = await listValidatorFailures(services().storage, 'RT');
    expect(latest).toMatchObject({ validator: 'follows-loop', issueKey: 'RT-28', decision: 'blocked', error: expect.stringMatching(/^internal error: Cannot read properties/) });
  });
  it('app storage failing (the platform\'s own error) is a read failure: the policy applies', async () => {
    const real = services();
    const broken = { ...real.storage, get: async () => { throw new Error('KVS is unavailable'); } };
    installServices({ ...real, storage: broken });
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      expect(await runValidator(followsLoop, payload('RT-28', S.DEV, S.IN_QA, allow))).toEqual({ result: true });
      const blocked = await runValidator(followsLoop, payload('RT-28', S.DEV, S.IN_QA, {}));
      expect(blocked.errorMessage).toBe('Release Train could not verify this transition (app storage could not be read: KVS is unavailable); retry in a moment.');
    } finally {
      installServices(real);
      jest.restoreAllMocks();
    }
  });
  it('a failing repro-steps rule whose message cannot load the stage mapping still blocks with its own message', async () => {
    const real = services();
    installServices({ ...real, storage: { ...real.storage, get: async () => { throw new Error('KVS is unavailable'); } } });
    try {
      const r = await runValidator(reproStepsClear, payload('RT-122', S.OPEN, S.TRIAGE, allow));
      expect(r.result).toBe(false);
      expect(r.errorMessage).toMatch(/^Reproduction steps are missing .*Edit the description.* Clear reproduction steps are the L2 stage of the loop/);
    } finally {
      installServices(real);
    }
  });
});

describe('malformed input never crashes', () => {
  it.each([null, undefined, 42, {}, { transition: { to: {} } }, { issue: { key: 7 }, transition: { to: { id: '1' } } }, { transition: { to: { id: '' } } }])('payload %p → a clear blocking message', async (bad) => {
    for (const validator of [followsLoopValidator, reproStepsClearValidator, rteReviewCompleteValidator, regressionBugLinkedValidator]) {
      const r = await validator(bad);
      expect(r.result).toBe(false);
      expect(r.errorMessage).toMatch(/^Release Train could not read Jira's validation request \(.+\); retry/);
    }
  });
  it.each([
    ['not JSON', '{not json', /configuration is not valid JSON/],
    ['from a newer version', { version: 99 }, /was saved by a newer version of Release Train \(version 99/],
    ['a wrong type', { version: 1, minimumScore: 'high' }, /configuration is not valid \(minimumScore: /],
    ['an array', '[1,2]', /must be a JSON object/],
    ['over 32 KB', 'x'.repeat(40_000), /larger than Jira's 32 KB limit/],
  ])('configuration %s → blocks naming the validator and what is wrong', async (_name, configuration, message) => {
    const { value, calls } = await counting(env.emulator, () => reproStepsClearValidator(payload('RT-157', S.OPEN, S.TRIAGE, configuration)));
    expect(value.result).toBe(false);
    expect(value.errorMessage).toMatch(/^The 'Repro steps are clear' configuration /);
    expect(value.errorMessage).toMatch(message);
    expect(calls).toBe(0);
  });
  it('a missing or empty configuration means the defaults', async () => {
    expect(await reproStepsClearValidator(payload('RT-157', S.OPEN, S.TRIAGE, undefined))).toEqual({ result: true });
    expect(await reproStepsClearValidator(payload('RT-157', S.OPEN, S.TRIAGE, ''))).toEqual({ result: true });
  });
});

describe('histories longer than the inline changelog page', () => {
  async function bugWithLongHistory(status: keyof typeof S, edits = 105): Promise<string> {
    const { key } = await app().createIssue({ project: { key: 'RT' }, issuetype: { name: 'Bug' }, summary: 'Long history' });
    const path: Record<string, string[]> = { TRIAGE: ['21'], DEV: ['21', '31'] };
    for (const t of path[status] ?? []) await app().transitionIssue(key, t);
    for (let i = 0; i < edits; i += 1) await app().editIssue(key, { fields: { labels: [`edit-${i}`] } });
    return key;
  }
  it('decides from the inline page when it settles the question (a Dev stage inside it): one call', async () => {
    const key = await bugWithLongHistory('DEV');
    const trace: ValidationTrace = { jiraCalls: 0, wholeHistoryRead: false, mappingDerived: false };
    const r = await runValidator(followsLoop, payload(key, S.DEV, S.IN_QA), trace);
    expect(r.result).toBe(false);
    expect(trace).toEqual({ jiraCalls: 1, wholeHistoryRead: false, mappingDerived: false });
  }, 20000);
  it('reads the whole changelog only when the page cannot tell (no Dev stage and no review in it)', async () => {
    const key = await bugWithLongHistory('TRIAGE');
    const trace: ValidationTrace = { jiraCalls: 0, wholeHistoryRead: false, mappingDerived: false };
    const r = await runValidator(rteReviewComplete, payload(key, S.TRIAGE, S.IN_QA, rteFields), trace);
    expect(r.result).toBe(false);
    expect(r.errorMessage).toContain("the RTE reviews the fix in 'RTE Review' after its latest Dev stage");
    expect(trace.wholeHistoryRead).toBe(true);
    expect(trace.jiraCalls).toBe(2); // the issue (100 inline histories) + one page from startAt 100 (the other 8)
  }, 20000);
});
