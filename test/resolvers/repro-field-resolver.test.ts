/**
 * The Reproduction steps field's resolver against the emulator (Jira permissions apply: the check of an existing
 * issue reads it as the calling user), with good and bad payloads, oversize text and Jira failures.
 */
import { reproFieldProcedures, REPRO_MAX_PASTE_CHARS, type Result } from '../../src/contracts';
import { reproFieldHandlers } from '../../src/resolvers/repro-field-resolver';
import { cueRegexes } from '../../src/domain/repro-steps/cues';
import { runProcedure } from '../../src/resolvers/define-resolver';
import type { JiraEmulator } from '../../local/emulator/handler';
import type { FileStore } from '../../local/emulator/store';
import { emulatorEnv, type EmulatorEnv } from '../support/emulator-env';

let env: EmulatorEnv;
let store: FileStore;
let emulator: JiraEmulator;

beforeAll(async () => {
  env = await emulatorEnv({ prefix: 'rt-repro-field-' });
  ({ store, emulator } = env);
});
afterAll(() => env.close());
afterEach(() => emulator.clearFaults());

type Key = keyof typeof reproFieldProcedures;
const run = (key: Key, input: unknown, opts: { accountId?: string | null; issueKey?: string; fieldId?: string } = {}) =>
  runProcedure(reproFieldProcedures, reproFieldHandlers, key, {
    payload: { input },
    context: {
      accountId: opts.accountId === null ? undefined : (opts.accountId ?? 'rt-l2-amara'),
      extension: {
        type: 'jira:customField',
        project: { key: 'RT', id: '10000' },
        ...(opts.issueKey ? { issue: { key: opts.issueKey } } : {}),
        ...(opts.fieldId ? { fieldId: opts.fieldId } : {}),
      },
    },
  }) as Promise<Result<Record<string, any>>>; // eslint-disable-line @typescript-eslint/no-explicit-any

const data = async (p: Promise<Result<Record<string, any>>>) => { // eslint-disable-line @typescript-eslint/no-explicit-any
  const r = await p;
  if (!r.ok) throw new Error(`expected ok, got ${r.code}: ${r.message}`);
  return r.data;
};

const codes = (analysis: { findings: Array<{ code: string }> }) => analysis.findings.map((f) => f.code);

/** The seeded issue's raw data in the emulator's store. */
const storedIssue = (key: string) => {
  const issue = store.get().issues.find((i) => i.key === key);
  if (!issue) throw new Error(`no ${key} in the seed`);
  return issue;
};
const seededKeyWith = (pred: (custom: Record<string, unknown>) => boolean) => {
  const issue = store.get().issues.find((i) => i.key.startsWith('RT-') && pred((i.fields as { custom?: Record<string, unknown> }).custom ?? {}));
  if (!issue) throw new Error('no such seeded issue');
  return issue.key;
};

describe("repro/analyse (the editor's live check)", () => {
  it('calls a complete draft clear', async () => {
    const { analysis } = await data(
      run('repro/analyse', {
        summary: 'Promote fails',
        value: { steps: ['Open the RC board', 'Click Promote on 4.3.0-rc.2'], expected: 'The RC moves to QA.', actual: 'A 500 error banner appears.', environment: 'Chrome 131 on macOS', build: '4.3.0 (1210)' },
      }),
    );
    expect(analysis).toMatchObject({ source: 'field', verdict: 'clear' });
    expect(codes(analysis)).toEqual([]);
  });

  it('names what is missing in a bad draft, with hints', async () => {
    const { analysis } = await data(run('repro/analyse', { summary: 'Save fails', value: { steps: ["it doesn't work"] } }));
    expect(analysis.source).toBe('field');
    expect(codes(analysis)).toEqual(expect.arrayContaining(['MISSING_EXPECTED', 'MISSING_ACTUAL', 'VAGUE_STEPS', 'NO_BUILD']));
    expect(analysis.verdict).not.toBe('clear');
    for (const f of analysis.findings) expect(f.hint.length).toBeGreaterThan(10);
  });

  it('reads the description (text or ADF) when the draft is empty', async () => {
    const text = 'Steps to reproduce:\n1. Open the board\n2. Click Promote\nExpected: RC moves to QA\nActual: error 500\nBuild: 4.2 on Chrome 126';
    const fromText = await data(run('repro/analyse', { value: { steps: [] }, description: text }));
    expect(fromText.analysis).toMatchObject({ source: 'description', has: { steps: true, expected: true, actual: true } });
    const adf = { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'see title' }] }] };
    const fromAdf = await data(run('repro/analyse', { value: null, description: adf }));
    expect(fromAdf.analysis).toMatchObject({ source: 'description', verdict: 'missing' });
  });

  it.each([
    ['steps is not a list', { value: { steps: 'Open it' } }, 'value.steps'],
    ['a step is not text', { value: { steps: [1] } }, 'value.steps.0'],
    ['a step is too long', { value: { steps: ['x'.repeat(2_001)] } }, 'value.steps.0'],
    ['too many steps', { value: { steps: Array.from({ length: 101 }, (_, i) => `Step ${i}`) } }, 'value.steps'],
    ['expected is too long', { value: { steps: ['a'], expected: 'x'.repeat(2_001) } }, 'value.expected'],
    ['the description is a number', { description: 42 }, 'description'],
    ['the description is too long', { description: 'x'.repeat(200_001) }, 'description'],
  ])('refuses a payload where %s (BAD_REQUEST naming the field)', async (_label, input, path) => {
    const r = await run('repro/analyse', input);
    expect(r).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
    expect(!r.ok && r.issues?.map((i) => i.path)).toContain(path);
  });

  it('refuses a request over the resolver size limit before parsing it', async () => {
    const r = await run('repro/analyse', { description: 'x'.repeat(600_000) });
    expect(r).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
    expect(!r.ok && r.message).toMatch(/too large/);
  });
});

describe("repro/analyse with the frame's issue (inline edit on the issue view)", () => {
  const draftRepeating = (summary: string) => ({ steps: [summary], expected: 'The RC moves to QA.', actual: 'Nothing moves.', build: '4.3.0', environment: 'Chrome 131' });
  // A seeded issue whose summary names no failure (a lone step that names one is SINGLE_STEP with or without it).
  const plain = () => {
    const issue = store.get().issues.find((i) => i.key.startsWith('RT-') && !cueRegexes.ACTUAL.test(String((i.fields as { summary?: unknown }).summary).toLowerCase()));
    if (!issue) throw new Error('no seeded issue with a plain summary');
    return { key: issue.key, summary: String((issue.fields as { summary: string }).summary) };
  };

  it("reads the issue's summary as the user, so a single step that repeats it is named", async () => {
    const { key, summary } = plain();
    expect(codes((await data(run('repro/analyse', { value: draftRepeating(summary) }))).analysis)).not.toContain('SINGLE_STEP');
    const before = emulator.calls.length;
    const { analysis } = await data(run('repro/analyse', { value: draftRepeating(summary) }, { issueKey: key }));
    expect(codes(analysis)).toContain('SINGLE_STEP');
    const calls = emulator.calls.slice(before);
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual([`GET /rest/api/3/issue/${key}`]);
    expect(calls[0]!.accountId).toBe('rt-l2-amara');
  });

  it('uses a summary given in the input without reading Jira', async () => {
    const { key } = plain();
    const before = emulator.calls.length;
    const { analysis } = await data(run('repro/analyse', { summary: 'Promote to QA from the RC board', value: draftRepeating('Promote to QA from the RC board') }, { issueKey: key }));
    expect(codes(analysis)).toContain('SINGLE_STEP');
    expect(emulator.calls.length).toBe(before);
  });

  it('still checks the draft when the summary cannot be read', async () => {
    const { key, summary } = plain();
    emulator.failNext({ method: 'GET', path: `/rest/api/3/issue/${key}`, status: 403, times: 1 });
    const { analysis } = await data(run('repro/analyse', { value: draftRepeating(summary) }, { issueKey: key }));
    expect(analysis.source).toBe('field');
    expect(codes(analysis)).not.toContain('SINGLE_STEP');
  });
});

describe('repro/split (paste into the steps)', () => {
  it('turns a pasted report into steps, expected and actual', async () => {
    const { value } = await data(run('repro/split', { text: '1. Open the cart\n2. Apply code SAVE10\n3. Click Pay\nExpected: 10% off\nActual: full price charged' }));
    expect(value.steps).toEqual(['Open the cart', 'Apply code SAVE10', 'Click Pay']);
    expect(value).toMatchObject({ expected: '10% off', actual: 'full price charged' });
  });

  it('lists the pasted sentences that went into no part (an intro above labelled steps), and none for a clean template', async () => {
    const text = 'When I apply the gift card GC-25 the total never changes. Steps: open the web shop, add two items and go to checkout. Expected: the total drops by 25. Actual: it stays 80.';
    const out = await data(run('repro/split', { text }));
    expect(out.unplaced).toEqual(['When I apply the gift card GC-25 the total never changes.']);
    const clean = await data(run('repro/split', { text: '1. Open the cart\n2. Click Pay\nExpected: 10% off\nActual: full price' }));
    expect(clean.unplaced).toEqual([]);
  });

  it('splits run-on prose into clauses', async () => {
    const { value } = await data(run('repro/split', { text: 'Open the settings page, then click Save. The page goes blank.' }));
    expect(value.steps.length).toBeGreaterThanOrEqual(2);
  });

  it('keeps every split value within the field schema, however long the paste', async () => {
    const text = Array.from({ length: 300 }, (_, i) => `${i + 1}. ${'Click the very long button label '.repeat(80)}`).join('\n');
    expect(text.length).toBeLessThan(REPRO_MAX_PASTE_CHARS * 10);
    const r = await run('repro/split', { text: text.slice(0, REPRO_MAX_PASTE_CHARS) });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.data.value.steps.length).toBeLessThanOrEqual(100);
      expect(r.data.value.steps.every((s: string) => s.length <= 2_000)).toBe(true);
    }
  });

  it("returns what the field's limits cut (a part past 2,000 characters, a step past 2,000, the steps past 100) instead of dropping it", async () => {
    const trace = `java.lang.IllegalStateException: Invoice not found ${Array.from({ length: 60 }, (_, i) => `at com.acme.billing.InvoiceService.load(InvoiceService.java:${100 + i})`).join(' ')}`;
    const longStep = `Click ${'the very long button label '.repeat(80)}`;
    const steps = [longStep, ...Array.from({ length: 104 }, (_, i) => `Click button ${i + 2}`)];
    const text = `${steps.map((s, i) => `${i + 1}. ${s}`).join('\n')}\nExpected: the invoice opens\nActual: ${trace}`;
    const { value, clipped, unplaced } = await data(run('repro/split', { text }));
    expect(trace.length).toBeGreaterThan(2_000);
    expect(value.actual).toBe(trace.slice(0, 2_000));
    expect(value.steps).toHaveLength(100);
    expect(clipped).toEqual([
      { part: 'steps', step: 1, text: longStep.slice(2_000).trim() },
      { part: 'steps', text: steps.slice(100).map((s, i) => `${i + 101}. ${s}`).join('\n') },
      { part: 'actual', text: trace.slice(2_000).trim() },
    ]);
    expect(value.steps[0]).toBe(longStep.slice(0, 2_000));
    // What was clipped is listed once, not again as unplaced sentences.
    expect(unplaced).toEqual([]);
    const clean = await data(run('repro/split', { text: '1. Open the cart\n2. Click Pay\nExpected: 10% off\nActual: full price' }));
    expect(clean.clipped).toEqual([]);

    // A bare stack trace (the split reads it as the actual result and joins its lines): the rest of it, as pasted.
    const javaTrace = `java.lang.IllegalStateException: Invoice not found\n${Array.from({ length: 60 }, (_, i) => `\tat com.acme.billing.InvoiceService.load(InvoiceService.java:${100 + i})`).join('\n')}`;
    const bare = await data(run('repro/split', { text: javaTrace }));
    expect(bare.value.actual).toHaveLength(2_000);
    const actualCut = bare.clipped.find((c: { part: string }) => c.part === 'actual');
    expect(actualCut.text).toMatch(/\tat com\.acme\.billing\.InvoiceService\.load\(InvoiceService\.java:159\)$/);
    const visible = (t: string) => t.replace(/\s/g, '');
    expect(visible(bare.value.actual + actualCut.text)).toBe(visible(javaTrace));
  });

  it('refuses a paste over the limit and a non-text paste', async () => {
    await expect(run('repro/split', { text: 'x'.repeat(REPRO_MAX_PASTE_CHARS + 1) })).resolves.toMatchObject({ ok: false, code: 'BAD_REQUEST' });
    await expect(run('repro/split', { text: { evil: true } })).resolves.toMatchObject({ ok: false, code: 'BAD_REQUEST' });
  });
});

describe('repro/check-issue (an existing issue, read as the user)', () => {
  it('checks the field when the issue has it, found through the frame context', async () => {
    const key = seededKeyWith((c) => c['customfield_10100'] != null);
    const before = emulator.calls.length;
    const out = await data(run('repro/check-issue', {}, { issueKey: key, fieldId: 'customfield_10100' }));
    expect(out).toMatchObject({ issueKey: key, fieldId: 'customfield_10100', analysis: { source: 'field' } });
    expect(out.value.steps).toEqual((storedIssue(key).fields as { custom: Record<string, { steps: string[] }> }).custom['customfield_10100']!.steps);
    const calls = emulator.calls.slice(before);
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual([`GET /rest/api/3/issue/${key}`]);
    expect(calls[0]!.accountId).toBe('rt-l2-amara');
  });

  it('checks the description when the field is empty, finding the field id from Jira when the frame does not say', async () => {
    const key = seededKeyWith((c) => c['customfield_10100'] == null);
    const out = await data(run('repro/check-issue', { issueKey: key }));
    expect(out).toMatchObject({ issueKey: key, fieldId: 'customfield_10100', value: null, analysis: { source: 'description' } });
  });

  it('reports the empty description of a seeded bug as EMPTY', async () => {
    const out = await data(run('repro/check-issue', { issueKey: 'RT-4' }, { fieldId: 'customfield_10100' }));
    expect(codes(out.analysis)).toEqual(['EMPTY']);
  });

  it.each([
    [403, 'FORBIDDEN'],
    [404, 'NOT_FOUND'],
  ])('turns Jira %s into %s with a message', async (status, code) => {
    emulator.failNext({ method: 'GET', path: '/rest/api/3/issue/RT-1', status, times: 1 });
    const r = await run('repro/check-issue', { issueKey: 'RT-1' }, { fieldId: 'customfield_10100' });
    expect(r).toMatchObject({ ok: false, code });
    expect(!r.ok && r.message.length).toBeGreaterThan(5);
  });

  it('says NOT_FOUND for an issue that does not exist', async () => {
    await expect(run('repro/check-issue', { issueKey: 'RT-99999' }, { fieldId: 'customfield_10100' })).resolves.toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });

  it('needs an issue and a signed-in user, and a well-formed key and field id', async () => {
    await expect(run('repro/check-issue', {})).resolves.toMatchObject({ ok: false, code: 'BAD_REQUEST' });
    await expect(run('repro/check-issue', { issueKey: 'RT-1' }, { accountId: null })).resolves.toMatchObject({ ok: false, code: 'UNAUTHORIZED' });
    const bad = await run('repro/check-issue', { issueKey: 'rt 1; drop', fieldId: '../../etc' });
    expect(bad).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
    expect(!bad.ok && bad.issues?.map((i) => i.path)).toEqual(['issueKey', 'fieldId']);
  });
});

describe('repro/import-description ("Edit" on a bug whose steps are in the description)', () => {
  const FIELD = 'customfield_10100';
  const descriptionOnlyKey = () =>
    store.get().issues.find((i) => i.key.startsWith('RT-') && i.fields.custom[FIELD] === undefined && JSON.stringify(i.fields.description).includes('Steps to reproduce') && JSON.stringify(i.fields.description).includes('Environment'))!.key;

  it('splits the description into what goes where, without saving anything', async () => {
    const key = descriptionOnlyKey();
    const before = JSON.stringify(storedIssue(key));
    const out = await data(run('repro/import-description', {}, { issueKey: key, fieldId: FIELD }));
    expect(out.issueKey).toBe(key);
    expect(out.split.value.steps.length).toBeGreaterThan(0);
    expect(out.split.value.expected).toBeTruthy();
    expect(out.split.value.actual).toBeTruthy();
    // The seeded summary sentence opens the description: it goes into no box (listed), never into Environment.
    expect(out.split.value.environment).not.toBe(`${storedIssue(key).fields.summary}.`);
    expect(out.split.unplaced).toContain(`${storedIssue(key).fields.summary}.`);
    expect(JSON.stringify(storedIssue(key))).toBe(before);
    expect(emulator.calls.filter((c) => c.method === 'PUT')).toEqual([]);
  });

  it('offers nothing when the field is already filled or the description states no reproduction', async () => {
    const filled = seededKeyWith((c) => c[FIELD] !== undefined);
    await expect(data(run('repro/import-description', { issueKey: filled }))).resolves.toMatchObject({ split: null });
    const useless = store.get().issues.find((i) => i.key.startsWith('RT-') && i.fields.custom[FIELD] === undefined && /see title|doesn't work/.test(JSON.stringify(i.fields.description)))!.key;
    await expect(data(run('repro/import-description', { issueKey: useless }))).resolves.toMatchObject({ split: null });
  });

  it('Jira refusals and bad input come back as clear errors', async () => {
    emulator.failNext({ method: 'GET', path: '/rest/api/3/issue/RT-1', status: 403, times: 1 });
    await expect(run('repro/import-description', { issueKey: 'RT-1' })).resolves.toMatchObject({ ok: false, code: 'FORBIDDEN' });
    await expect(run('repro/import-description', {})).resolves.toMatchObject({ ok: false, code: 'BAD_REQUEST' });
    await expect(run('repro/import-description', { issueKey: 'RT-1' }, { accountId: null })).resolves.toMatchObject({ ok: false, code: 'UNAUTHORIZED' });
    await expect(run('repro/import-description', { issueKey: 'not a key' })).resolves.toMatchObject({ ok: false, code: 'BAD_REQUEST' });
  });
});
