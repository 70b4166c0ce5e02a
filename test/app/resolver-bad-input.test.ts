/**
 * Every resolver procedure of every Custom UI module, called the way Forge calls it, refuses bad input with a
 * typed BAD_REQUEST and a message a person can read, before any handler runs (so nothing is read or written).
 * The procedure list comes from the shared contracts, so a new procedure is covered without touching this test.
 */
import * as contracts from '../../src/contracts';
import { handlerExportName, readManifest } from '../../local/manifest/read-manifest';
import { installServices } from '../../src/runtime/services';
import { memoryStore } from '../../src/storage/key-value-store';
import * as app from '../../src/index';

type ForgeFunction = (event: unknown, runtime?: unknown) => Promise<unknown>;

const allKeys = Object.entries(contracts)
  .filter(([name, value]) => name.endsWith('Procedures') && value && typeof value === 'object')
  .flatMap(([, procs]) => Object.keys(procs as object));

const resolverFunctions = (() => {
  const manifest = readManifest();
  const handlerOf = new Map(manifest.modules.function.map((f) => [f.key, handlerExportName(f.handler)]));
  const m = manifest.modules;
  const keys = new Set([...m['jira:issuePanel'], ...m['jira:projectPage'], ...m['jira:customField'], ...m['jira:workflowValidator']].map((x) => x.resolver?.function).filter((k): k is string => !!k));
  return [...keys].map((key) => ({ key, fn: (app as Record<string, unknown>)[handlerOf.get(key)!] as ForgeFunction }));
})();

// Any Jira call or storage access would mean a handler ran on bad input: make both fail loudly.
beforeAll(() =>
  installServices({
    jira: () => {
      throw new Error('A handler reached Jira with bad input');
    },
    storage: memoryStore(),
    now: () => new Date('2026-11-16T12:00:00Z'),
  }),
);

const context = { accountId: 'rt-l2-amara', extension: { project: { key: 'RT', id: '10000' }, issue: { key: 'RT-1' } } };

async function callResolver(fn: ForgeFunction, functionKey: string, payload: unknown): Promise<unknown> {
  return fn({ call: { functionKey, payload }, context }, { principal: { accountId: 'rt-l2-amara' } });
}

/** Which resolver serves each procedure key (exactly one must). */
async function servedBy(key: string): Promise<ForgeFunction[]> {
  const found: ForgeFunction[] = [];
  for (const r of resolverFunctions) {
    const result = (await callResolver(r.fn, key, { input: '__probe__' })) as { ok?: boolean; code?: string; message?: string };
    if (!(result.ok === false && result.code === 'NOT_FOUND' && /^Unknown resolver/.test(result.message ?? ''))) found.push(r.fn);
  }
  return found;
}

test.each(['constructor', '__proto__', 'hasOwnProperty', 'toString', 'valueOf', 'no/such-procedure'])(
  "'%s' is not a procedure: every resolver refuses it before @forge/resolver looks it up",
  async (key) => {
    for (const r of resolverFunctions) {
      await expect(callResolver(r.fn, key, { input: {} })).resolves.toEqual({ ok: false, code: 'NOT_FOUND', message: `Unknown resolver '${key}'.` });
    }
  },
);

test('a call without a function key is refused, not thrown', async () => {
  for (const r of resolverFunctions) {
    await expect(r.fn({ call: { payload: {} }, context }, {})).resolves.toMatchObject({ ok: false, code: 'NOT_FOUND' });
    await expect(r.fn({ call: { functionKey: 42, payload: {} }, context }, {})).resolves.toMatchObject({ ok: false, code: 'NOT_FOUND' });
  }
});

test('there are procedures to check, and every one is served by exactly one resolver', async () => {
  expect(allKeys.length).toBeGreaterThan(10);
  for (const key of allKeys) expect({ key, resolvers: (await servedBy(key)).length }).toEqual({ key, resolvers: 1 });
});

const badInputs: Array<[string, unknown]> = [
  ['a string instead of an object', 'RT-1'],
  ['a number', 42],
  ['an array', [1, 2, 3]],
  ['an oversize text', { anything: 'x'.repeat(contracts.MAX_PAYLOAD_CHARS + 1) }],
];

test.each(badInputs)('%s is refused with BAD_REQUEST by every procedure', async (_label, input) => {
  for (const key of allKeys) {
    const [fn] = await servedBy(key);
    const result = (await callResolver(fn!, key, { input })) as { ok: boolean; code?: string; message?: string };
    expect({ key, ok: result.ok, code: result.code }).toEqual({ key, ok: false, code: 'BAD_REQUEST' });
    expect(result.message).toEqual(expect.any(String));
    expect(result.message!.length).toBeGreaterThan(10);
  }
});

type Procedure = { input: { safeParse(v: unknown): { success: boolean }; shape?: Record<string, { safeParse(v: unknown): { success: boolean } }> } };
const procedureOf = new Map(
  Object.entries(contracts)
    .filter(([name, value]) => name.endsWith('Procedures') && value && typeof value === 'object')
    .flatMap(([, procs]) => Object.entries(procs as Record<string, Procedure>)),
);

test('`{}` is refused by every procedure that has a required field', async () => {
  let checked = 0;
  for (const key of allKeys) {
    if (procedureOf.get(key)!.input.safeParse({}).success) continue; // nothing required: {} is a valid call
    const [fn] = await servedBy(key);
    const result = (await callResolver(fn!, key, { input: {} })) as { ok: boolean; code?: string };
    expect({ key, ok: result.ok, code: result.code }).toEqual({ key, ok: false, code: 'BAD_REQUEST' });
    checked++;
  }
  expect(checked).toBeGreaterThan(5);
});

/** A JSON value the field's schema refuses (a number for text, text for a number, and so on). */
function wrongValueFor(field: { safeParse(v: unknown): { success: boolean } }): unknown {
  return [12345, 'not-the-right-type', true, ['x'], { x: 1 }].find((v) => !field.safeParse(v).success);
}

test('a wrong type in each field is refused with BAD_REQUEST naming that field, for every procedure', async () => {
  let checked = 0;
  for (const key of allKeys) {
    const shape = procedureOf.get(key)!.input.shape;
    expect({ key, hasFields: !!shape }).toEqual({ key, hasFields: true });
    const [fn] = await servedBy(key);
    for (const [field, schema] of Object.entries(shape!)) {
      const wrong = wrongValueFor(schema);
      if (wrong === undefined) continue; // the field takes anything JSON
      const result = (await callResolver(fn!, key, { input: { [field]: wrong } })) as { ok: boolean; code?: string; issues?: Array<{ path: string }> };
      expect({ key, field, ok: result.ok, code: result.code }).toEqual({ key, field, ok: false, code: 'BAD_REQUEST' });
      expect({ key, field, named: (result.issues ?? []).some((i) => i.path === field || i.path.startsWith(`${field}.`)) }).toEqual({ key, field, named: true });
      checked++;
    }
  }
  expect(checked).toBeGreaterThan(allKeys.length);
});
