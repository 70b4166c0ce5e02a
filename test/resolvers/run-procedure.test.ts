import { z } from 'zod';
import { procedure } from '../../src/contracts';
import { JiraError } from '../../src/jira/errors';
import { AppError } from '../../src/resolvers/app-error';
import { runProcedure } from '../../src/resolvers/define-resolver';
import { installServices } from '../../src/runtime/services';
import { memoryStore, StorageError } from '../../src/storage/key-value-store';

const procedures = {
  'demo/echo': procedure(z.object({ name: z.string().min(1).max(20), count: z.number().int().min(0) }), z.object({ greeting: z.string() })),
  'demo/broken': procedure(z.object({}), z.object({ n: z.number() })),
};

beforeAll(() => installServices({ jira: () => { throw new Error('no Jira in this test'); }, storage: memoryStore(), now: () => new Date(0) }));

let behaviour: () => Promise<{ greeting: string }> = async () => ({ greeting: 'hi' });
const handlers = {
  'demo/echo': async (input: { name: string; count: number }) => ({ greeting: `${(await behaviour()).greeting} ${input.name} ×${input.count}` }),
  'demo/broken': async () => ({ n: 'not a number' }) as unknown as { n: number },
};
const run = (key: keyof typeof procedures, payload: unknown) => runProcedure(procedures, handlers, key, { payload, context: { accountId: 'u1', extension: { project: { key: 'RT', id: 10000 } } } });

describe('runProcedure', () => {
  beforeEach(() => (behaviour = async () => ({ greeting: 'hi' })));

  it('parses the payload and wraps the handler result', async () => {
    await expect(run('demo/echo', { input: { name: 'Lena', count: 2 } })).resolves.toEqual({ ok: true, data: { greeting: 'hi Lena ×2' } });
  });

  it.each([
    ['wrong types', { input: { name: 5, count: 'x' } }, ['name', 'count']],
    ['missing fields', { input: {} }, ['name', 'count']],
    ['oversize strings', { input: { name: 'x'.repeat(21), count: 1 } }, ['name']],
    ['no payload at all', undefined, ['name', 'count']],
  ])('refuses %s with BAD_REQUEST naming every bad field', async (_label, payload, paths) => {
    const result = await run('demo/echo', payload);
    expect(result).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
    if (result.ok) throw new Error('unreachable');
    expect(result.issues?.map((i) => i.path)).toEqual(paths);
  });

  it('refuses a payload over the size limit before parsing it', async () => {
    const result = await run('demo/echo', { input: { name: 'a', count: 1, junk: 'x'.repeat(600_000) } });
    expect(result).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
    expect(!result.ok && result.message).toMatch(/too large/);
  });

  it.each([
    [new JiraError('forbidden', 'editIssue', 'You do not have permission'), 'FORBIDDEN'],
    [new JiraError('server', 'getIssue', 'Jira is unavailable'), 'JIRA_UNAVAILABLE'],
    [new JiraError('invalid-response', 'getIssue', 'bad reply'), 'INVALID_JIRA_RESPONSE'],
    [new AppError('CONFLICT', 'Someone else changed it'), 'CONFLICT'],
    [new StorageError('Stored data is not valid', 'k'), 'STORAGE_ERROR'],
  ])('maps %p to %s with its message', async (error, code) => {
    behaviour = async () => {
      throw error;
    };
    await expect(run('demo/echo', { input: { name: 'a', count: 1 } })).resolves.toEqual({ ok: false, code, message: error.message });
  });

  it('hides internals of unexpected errors', async () => {
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    behaviour = async () => {
      throw new TypeError('secret stack detail');
    };
    const result = await run('demo/echo', { input: { name: 'a', count: 1 } });
    expect(result).toMatchObject({ ok: false, code: 'INTERNAL' });
    expect(JSON.stringify(result)).not.toContain('secret');
  });

  it('refuses to return output that breaks its own contract', async () => {
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    await expect(run('demo/broken', { input: {} })).resolves.toMatchObject({ ok: false, code: 'INTERNAL' });
  });
});
