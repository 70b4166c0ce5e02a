/**
 * The emulator at scale: a query is evaluated once and its next pages come from the snapshot behind the token
 * (not re-evaluated per page), deleted issues drop out of later pages, and a token whose snapshot is gone still
 * works by evaluating again. The seed option grows the RT project to the asked number of bugs.
 */
import { createSeedState } from '../../../local/seed';
import { rtBugCount, scaleBugs, seedBugsOption } from '../../../local/seed/scale';
import { setup, USERS } from '../emulator/harness';

type Page = { issues: Array<{ key: string }>; nextPageToken?: string; isLast: boolean };
const JQL = 'project = RT AND issuetype = Bug ORDER BY key ASC';

async function readAll(call: Awaited<ReturnType<typeof setup>>['call'], tokenFix: (t: string) => string = (t) => t) {
  const keys: string[] = [];
  let token: string | undefined;
  do {
    const r = await call(USERS.dev, 'POST', '/rest/api/3/search/jql', { jql: JQL, fields: ['summary'], maxResults: 20, ...(token ? { nextPageToken: tokenFix(token) } : {}) });
    expect(r.status).toBe(200);
    const page = r.body as Page;
    keys.push(...page.issues.map((i) => i.key));
    token = page.nextPageToken;
  } while (token);
  return keys;
}

/** Counts the emulator's full scans of the issues (each JQL evaluation filters the whole list once). */
function countScans(issues: unknown[]): { count: number } {
  const counter = { count: 0 };
  const filter = issues.filter;
  Object.defineProperty(issues, 'filter', { value: function (this: unknown[], ...args: Parameters<typeof filter>) { counter.count++; return filter.apply(this, args); }, enumerable: false });
  return counter;
}

describe('search/jql snapshots behind next-page tokens', () => {
  it('evaluates the JQL once for all pages of a query', async () => {
    const { call, store } = await setup();
    const scans = countScans(store.get().issues);
    const keys = await readAll(call);
    expect(keys.length).toBeGreaterThan(100); // ≥ 6 pages of 20
    expect(new Set(keys).size).toBe(keys.length);
    expect(scans.count).toBe(1);
  });

  it('skips an issue deleted between pages, and evaluates again when the snapshot is unknown', async () => {
    const { call, store } = await setup();
    const first = (await call(USERS.dev, 'POST', '/rest/api/3/search/jql', { jql: JQL, fields: ['summary'], maxResults: 20 })).body as Page;
    const forty = (await call(USERS.dev, 'POST', '/rest/api/3/search/jql', { jql: JQL, fields: ['summary'], maxResults: 40 })).body as Page;
    const victim = forty.issues[30]!;
    await store.update((s) => void s.issues.splice(s.issues.findIndex((i) => i.key === victim.key), 1));
    const second = (await call(USERS.dev, 'POST', '/rest/api/3/search/jql', { jql: JQL, fields: ['summary'], maxResults: 20, nextPageToken: first.nextPageToken })).body as Page;
    expect(second.issues.map((i) => i.key)).not.toContain(victim.key);
    expect(second.issues.length).toBe(19);
    // A token without a snapshot the emulator knows (e.g. after a restart): evaluated again from its offset.
    const unknown = (t: string) => {
      const parsed = JSON.parse(Buffer.from(t, 'base64url').toString('utf8')) as Record<string, unknown>;
      return Buffer.from(JSON.stringify({ ...parsed, s: 'gone' })).toString('base64url');
    };
    const scans = countScans(store.get().issues);
    const keys = await readAll(call, unknown);
    expect(keys).not.toContain(victim.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(scans.count).toBeGreaterThan(1);
  });
});

describe('seed size option', () => {
  it('reads --bugs N, --bugs=N and RT_SEED_BUGS, and refuses what is not a bug count', () => {
    expect(seedBugsOption(['--bugs', '10000'], {})).toBe(10_000);
    expect(seedBugsOption(['--bugs=50_000'], {})).toBe(50_000);
    expect(seedBugsOption([], { RT_SEED_BUGS: '2000' })).toBe(2_000);
    expect(seedBugsOption([], {})).toBeUndefined();
    expect(() => seedBugsOption(['--bugs', 'lots'], {})).toThrow(/whole number/);
    expect(() => seedBugsOption(['--bugs', '0'], {})).toThrow(/whole number/);
  });

  it('grows the RT project to the asked number of bugs with unique keys, ids and history ids', () => {
    const state = createSeedState(undefined, [scaleBugs(1_000)]);
    expect(rtBugCount(state)).toBe(1_000);
    const ids = state.issues.map((i) => i.id);
    const keys = state.issues.map((i) => i.key);
    const histories = state.issues.flatMap((i) => i.histories.map((h) => h.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(histories).size).toBe(histories.length);
    expect(state.counters.issueId).toBeGreaterThan(Math.max(...ids.map(Number)));
  });
});
