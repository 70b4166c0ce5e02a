/**
 * `repro:audit --jql` against the Jira emulator over real HTTP loopback (basic auth with a demo user's email and
 * a token), in-process through main() and once as a real process, plus the usage and failure exit codes.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { analyseReproSteps } from '../../src/domain/repro-steps';
import { main } from '../../src/cli/repro-audit';
import type { JiraEmulator } from '../../local/emulator/handler';
import type { FileStore } from '../../local/emulator/store';
import { emulatorEnv, serveOverHttp, type EmulatorEnv } from '../support/emulator-env';

let jira: EmulatorEnv;
let store: FileStore;
let emulator: JiraEmulator;
let server: Awaited<ReturnType<typeof serveOverHttp>>;
let baseUrl: string;

beforeAll(async () => {
  jira = await emulatorEnv({ prefix: 'rt-audit-', services: false });
  ({ store, emulator } = jira);
  server = await serveOverHttp(jira);
  ({ baseUrl } = server);
});
afterAll(async () => {
  await server.close();
  jira.close();
});
afterEach(() => emulator.clearFaults());

const env = (over: Record<string, string | undefined> = {}) => ({ JIRA_BASE_URL: baseUrl, JIRA_EMAIL: 'amara.okafor@demo.local', JIRA_API_TOKEN: 'any-token', ...over });

async function runCli(argv: string[], e: NodeJS.ProcessEnv, stdin = '') {
  let out = '';
  let err = '';
  const code = await main(argv, { stdin: Readable.from([stdin]), stdout: (s) => (out += s), stderr: (s) => (err += s), env: e });
  const rows = out.trim() === '' ? [] : out.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
  return { code, rows, err };
}

type Stored = { key: string; projectId: string; fields: { summary: string; description: unknown; issueTypeId: string; custom?: Record<string, unknown> } };
const rtBugs = () => {
  const state = store.get();
  const bug = state.issueTypes.find((t: { name: string }) => t.name === 'Bug')!.id;
  return (state.issues as unknown as Stored[]).filter((i) => i.projectId === '10000' && i.fields.issueTypeId === bug);
};

describe('repro:audit --jql over HTTP', () => {
  it('audits every matching issue, field when set and description otherwise, asking only for the needed fields', async () => {
    const before = emulator.calls.length;
    const { code, rows, err } = await runCli(['--jql', 'project = RT AND issuetype = Bug ORDER BY key ASC'], env());
    expect(code).toBe(0);
    const bugs = rtBugs();
    expect(rows).toHaveLength(bugs.length);
    expect(err).toMatch(new RegExp(`Audited ${bugs.length} issue`));
    const byKey = new Map(rows.map((r) => [r['id'], r]));
    for (const b of bugs) {
      const expected = analyseReproSteps({ summary: b.fields.summary, description: b.fields.description, field: (b.fields.custom?.['customfield_10100'] as never) ?? null });
      expect(byKey.get(b.key)).toMatchObject({ verdict: expected.verdict, score: expected.score, hasSteps: expected.has.steps, findings: expected.findings.map((f) => ({ code: f.code, message: f.message })) });
    }
    // Both sources and every kind of verdict show up in the seed.
    expect(new Set(rows.map((r) => r['verdict']))).toEqual(new Set(['clear', 'needs-work', 'missing']));
    expect(bugs.some((b) => b.fields.custom?.['customfield_10100'])).toBe(true);
    const searches = emulator.calls.slice(before).filter((c) => c.path === '/rest/api/3/search/jql');
    expect(searches.length).toBeGreaterThanOrEqual(2); // paged (100 per page)
    expect(searches.every((c) => c.accountId === 'rt-l2-amara')).toBe(true);
  });

  it('honours --max', async () => {
    const { code, rows } = await runCli(['--jql', 'project = RT ORDER BY key ASC', '--max', '7'], env());
    expect(code).toBe(0);
    expect(rows).toHaveLength(7);
  });

  it('exits 1 with the reason when Jira refuses the query or fails', async () => {
    const bad = await runCli(['--jql', 'project = = RT'], env());
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/cannot read issues from Jira/);
    emulator.failNext({ method: 'POST', path: '/rest/api/3/search/jql', status: 403, times: 1 });
    const forbidden = await runCli(['--jql', 'project = RT'], env());
    expect(forbidden.code).toBe(1);
    expect(forbidden.err).toMatch(/forbidden/);
    const unauthorised = await runCli(['--jql', 'project = RT'], env({ JIRA_EMAIL: 'nobody@demo.local' }));
    expect(unauthorised.code).toBe(1);
    expect(unauthorised.rows).toEqual([]);
  });

  it('writes page by page: a failure on page 2 keeps page 1 written, then the reason on stderr and exit 1', async () => {
    let out = '';
    let err = '';
    let armed = false;
    const stdout = (s: string) => {
      out += s;
      // Jira fails from the next search on, i.e. as soon as the first line is out (page 2 is not asked for yet).
      if (!armed) {
        armed = true;
        emulator.failNext({ method: 'POST', path: '/rest/api/3/search/jql', status: 403, times: 1 });
      }
    };
    const code = await main(['--jql', 'project = RT ORDER BY key ASC'], { stdin: Readable.from(['']), stdout, stderr: (s) => (err += s), env: env() });
    expect(code).toBe(1);
    const rows = out.trim().split('\n').map((l) => JSON.parse(l) as { id: string });
    expect(rows).toHaveLength(100); // the whole first page
    expect(rows[0]!.id).toBe('RT-1');
    expect(err).toMatch(/cannot read issues from Jira \(after 100 issue\(s\) written\): .*forbidden/i);
  });

  it('exits 2 on bad usage or without the JIRA_* variables', async () => {
    expect((await runCli(['--jql'], env())).code).toBe(2);
    expect((await runCli(['--jql', 'project = RT', '--max', '0'], env())).code).toBe(2);
    expect((await runCli(['--max', '3'], env())).code).toBe(2);
    expect((await runCli(['--bogus'], env())).code).toBe(2);
    const noEnv = await runCli(['--jql', 'project = RT'], {});
    expect(noEnv.code).toBe(2);
    expect(noEnv.err).toMatch(/JIRA_BASE_URL, JIRA_EMAIL and JIRA_API_TOKEN/);
  });

  it('still reads JSON lines from stdin without --jql, field taking precedence', async () => {
    const lines = [
      JSON.stringify({ id: 'A-1', text: 'see title', field: { steps: ['Open the cart', 'Click Pay'], expected: 'Paid', actual: 'Error 500', build: '4.3' } }),
      JSON.stringify({ id: 'A-2', field: [1] }),
    ].join('\n');
    const { code, rows } = await runCli([], {}, lines);
    expect(code).toBe(0);
    expect(rows[0]).toMatchObject({ id: 'A-1', hasSteps: true, hasExpected: true, hasActual: true });
    expect(rows[1]).toMatchObject({ id: 'A-2', error: expect.stringMatching(/"field"/) });
  });

  it('works as a real process (npm run repro:audit -- --jql …)', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [require.resolve('tsx/cli'), 'src/cli/repro-audit.ts', '--jql', 'key = RT-4'], {
      env: { ...process.env, ...env() },
      cwd: join(__dirname, '../..'),
    });
    expect(JSON.parse(stdout.trim())).toMatchObject({ id: 'RT-4', verdict: 'missing', findings: [{ code: 'EMPTY' }] });
  }, 30_000);
});
