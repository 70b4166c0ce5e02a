import { NeedsAuthenticationError } from '@forge/api';
import { z } from 'zod';
import { procedure } from '../../src/contracts';
import { createJiraGateway } from '../../src/jira';
import { forgeTransport } from '../../src/jira/forge-transport';
import type { RetryPolicy } from '../../src/jira/transport';
import { runProcedure, type HandlerContext } from '../../src/resolvers/define-resolver';
import { installServices } from '../../src/runtime/services';
import { memoryStore } from '../../src/storage/key-value-store';
import { scriptedTransport } from './fake-transport';

/** The user has not granted the app access: Forge's proxy answers with this header and @forge/api throws. */
const needsConsent = async () => new Response('', { status: 401, headers: { 'forge-proxy-error': 'NEEDS_AUTHENTICATION_ERR' } });

const sleeps: number[] = [];
const policy: RetryPolicy = { maxRetries: 3, baseDelayMs: 100, maxDelayMs: 2000, sleep: async (ms) => void sleeps.push(ms) };
const g = globalThis as { __forge_fetch__?: unknown };

beforeEach(() => (sleeps.length = 0));
afterEach(() => delete g.__forge_fetch__);

describe('Forge consent (NEEDS_AUTHENTICATION_ERR)', () => {
  it('leaves the gateway untouched: same error object, one request, no retry', async () => {
    const consent = new NeedsAuthenticationError('Authentication Required', 'atlassian-token-service-key');
    const { transport, requests } = scriptedTransport(() => consent);
    await expect(createJiraGateway(transport, policy).myself()).rejects.toBe(consent);
    expect(requests).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('comes out of the real Forge adapter as NeedsAuthenticationError', async () => {
    g.__forge_fetch__ = needsConsent;
    const error = await createJiraGateway(forgeTransport('user'), policy).getIssue('RT-1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NeedsAuthenticationError);
    expect(sleeps).toEqual([]);
  });

  it('leaves the resolver, so Forge can show its "Allow access" prompt instead of an error envelope', async () => {
    g.__forge_fetch__ = needsConsent;
    installServices({ jira: () => createJiraGateway(forgeTransport('user'), policy), storage: memoryStore(), now: () => new Date(0) });
    const procedures = { 'demo/me': procedure(z.object({}), z.object({ name: z.string() })) };
    const handlers = {
      'demo/me': async (_input: object, ctx: HandlerContext) => ({ name: (await ctx.services.jira('user').myself()).displayName ?? '' }),
    };
    await expect(runProcedure(procedures, handlers, 'demo/me', { payload: { input: {} }, context: { accountId: 'u1' } })).rejects.toMatchObject({
      name: 'NEEDS_AUTHENTICATION_ERR',
    });
  });

  it('still maps an ordinary network failure to a JiraError after retries', async () => {
    const { transport, requests } = scriptedTransport(() => new Error('ECONNRESET'));
    await expect(createJiraGateway(transport, policy).myself()).rejects.toMatchObject({ kind: 'network' });
    expect(requests).toHaveLength(policy.maxRetries + 1);
  });
});

describe('forgeTransport', () => {
  it('hands requestJira the method, path, JSON headers and body, and reads status, headers and text back', async () => {
    const seen: Array<{ path: string; init: { method: string; headers: Record<string, string>; body?: string } }> = [];
    g.__forge_fetch__ = async (_target: unknown, path: string, init: { method: string; headers: Record<string, string>; body?: string }) => {
      seen.push({ path, init });
      return new Response(JSON.stringify({ accountId: 'u9', displayName: 'Lena' }), { status: 200, headers: { 'retry-after': '0' } });
    };
    const gw = createJiraGateway(forgeTransport('app'), policy);
    expect(await gw.myself()).toMatchObject({ accountId: 'u9' });
    await gw.editIssue('RT-1', { fields: { labels: ['a'] } });
    expect(seen[0]).toMatchObject({ path: '/rest/api/3/myself', init: { method: 'GET', headers: { Accept: 'application/json' } } });
    expect(seen[0]!.init.body).toBeUndefined();
    expect(seen[1]).toMatchObject({ path: '/rest/api/3/issue/RT-1', init: { method: 'PUT', headers: { Accept: 'application/json', 'Content-Type': 'application/json' }, body: '{"fields":{"labels":["a"]}}' } });
  });
});
