import { createHash } from 'node:crypto';
import { ApiError, badRequest } from '../errors';
import { JqlError } from '../jql/ast';
import { compileJql } from '../jql/evaluate';
import { parseJql } from '../jql/parse';
import { hasPermission } from '../permissions';
import { selectFields } from '../render';
import type { EmuIssue } from '../state';
import type { RouteContext } from '../handler';
import { isObj, ok, projectById, route } from './common';

const GONE = {
  status: 410,
  body: {
    errorMessages: ['The requested API has been removed. Please migrate to the /rest/api/3/search/jql API. A full migration guideline is available at https://developer.atlassian.com/changelog/#CHANGE-2046'],
    errors: {},
  },
};

/** Matching issues the actor may browse, in JQL order. JQL problems become Jira's 400. */
export function runJql(ctx: RouteContext, jql: string, requireBounded: boolean): EmuIssue[] {
  try {
    const query = parseJql(jql);
    if (requireBounded && !query.where) throw new JqlError('Unbounded JQL queries are not allowed here. Please add a search restriction to your query.');
    const compiled = compileJql(query, { state: ctx.state, currentAccountId: ctx.actor.isApp ? null : ctx.actor.accountId, now: ctx.now() });
    const visibleProjects = new Set(ctx.state.projects.filter((p) => hasPermission(ctx.state, ctx.actor, p, 'BROWSE_PROJECTS')).map((p) => p.id));
    return ctx.state.issues.filter((i) => visibleProjects.has(i.projectId) && compiled.matches(i)).sort(compiled.compare);
  } catch (e) {
    if (e instanceof JqlError) throw new ApiError(400, [e.message]);
    throw e;
  }
}

const hashJql = (jql: string) => createHash('sha256').update(jql).digest('base64url').slice(0, 12);

/**
 * Result snapshots behind next-page tokens: a query is evaluated once, on its first page, and later pages slice
 * the ids kept here (so reading N pages costs one evaluation, not N). A token whose snapshot is gone (expired,
 * evicted, server restarted) is still honoured by evaluating again. Issues deleted meanwhile are skipped.
 */
type Snapshot = { ids: string[]; jqlHash: string; actor: string; at: number };
const SNAPSHOT_TTL_MS = 10 * 60_000;
const MAX_SNAPSHOTS = 200;
const snapshots = new Map<string, Snapshot>();
let snapshotSeq = 0;

function keepSnapshot(ids: string[], jql: string, actor: string): string {
  const now = Date.now();
  for (const [id, snap] of snapshots) if (now - snap.at > SNAPSHOT_TTL_MS || snapshots.size >= MAX_SNAPSHOTS) snapshots.delete(id);
  else break; // insertion order = age order
  const id = `${process.pid.toString(36)}.${(snapshotSeq++).toString(36)}`;
  snapshots.set(id, { ids, jqlHash: hashJql(jql), actor, at: now });
  return id;
}

/** The store's issues by id, rebuilt only when the store's revision changes. */
const idIndexes = new WeakMap<object, { revision: number; state: object; byId: Map<string, EmuIssue> }>();
function issuesById(ctx: RouteContext): Map<string, EmuIssue> {
  const revision = ctx.store.revision;
  const known = idIndexes.get(ctx.store);
  if (known && known.revision === revision && known.state === ctx.state) return known.byId;
  const byId = new Map(ctx.state.issues.map((i) => [i.id, i]));
  idIndexes.set(ctx.store, { revision, state: ctx.state, byId });
  return byId;
}

type PageToken = { offset: number; snapshot?: string };
function encodeToken(offset: number, jql: string, snapshot: string) {
  return Buffer.from(JSON.stringify({ o: offset, q: hashJql(jql), s: snapshot })).toString('base64url');
}
function decodeToken(token: string, jql: string): PageToken {
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { o?: unknown; q?: unknown; s?: unknown };
    if (typeof parsed.o === 'number' && Number.isInteger(parsed.o) && parsed.o >= 0 && parsed.q === hashJql(jql)) {
      return { offset: parsed.o, ...(typeof parsed.s === 'string' ? { snapshot: parsed.s } : {}) };
    }
  } catch {
    /* fall through */
  }
  throw badRequest('The provided next page token is invalid or expired.');
}

type SearchInput = { jql: string; fields?: string[]; maxResults?: number; nextPageToken?: string; expand: string[]; properties: string[] };

/** The matching issues' ids for this page request: from the token's snapshot, else one evaluation kept for the next pages. */
function matchingIds(ctx: RouteContext, input: SearchInput): { ids: string[]; offset: number; snapshot: string } {
  const actor = ctx.actor.accountId;
  const token = input.nextPageToken ? decodeToken(input.nextPageToken, input.jql) : undefined;
  const kept = token?.snapshot ? snapshots.get(token.snapshot) : undefined;
  if (token?.snapshot && kept && kept.actor === actor && kept.jqlHash === hashJql(input.jql)) return { ids: kept.ids, offset: token.offset, snapshot: token.snapshot };
  const ids = runJql(ctx, input.jql, true).map((i) => i.id);
  return { ids, offset: token?.offset ?? 0, snapshot: keepSnapshot(ids, input.jql, actor) };
}

function search(ctx: RouteContext, input: SearchInput) {
  const onlyIds = !input.fields || input.fields.every((f) => ['id', 'key'].includes(f.trim()));
  const cap = onlyIds ? 5000 : 100;
  const max = Math.min(Math.max(input.maxResults ?? 50, 1), cap);
  const { ids, offset, snapshot } = matchingIds(ctx, input);
  const byId = issuesById(ctx);
  const page = ids.slice(offset, offset + max).flatMap((id) => byId.get(id) ?? []);
  const withChangelog = input.expand.includes('changelog');
  const issues = page.map((issue) => {
    const all = input.fields && !onlyIds ? ctx.render.allFields(issue) : {};
    const out: Record<string, unknown> = {
      expand: 'renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations',
      id: issue.id,
      self: `${ctx.base}/rest/api/3/issue/${issue.id}`,
      key: issue.key,
      fields: selectFields(all, input.fields, ctx.state, false),
    };
    if (withChangelog) out['changelog'] = inlineChangelog(ctx, issue, SEARCH_CHANGELOG_CAP);
    if (input.properties.length) out['properties'] = Object.fromEntries(input.properties.filter((k) => k in issue.properties).map((k) => [k, issue.properties[k]]));
    return out;
  });
  const next = Math.min(offset + max, ids.length);
  const isLast = next >= ids.length;
  return ok({ issues, ...(isLast ? {} : { nextPageToken: encodeToken(next, input.jql, snapshot) }), isLast });
}

/** Histories Jira inlines per issue: at most 40 in the enhanced search, 100 in GET issue. */
export const SEARCH_CHANGELOG_CAP = 40;
export const ISSUE_CHANGELOG_CAP = 100;

/**
 * The inline changelog: the first `cap` histories, oldest first, from startAt 0; the rest is read from
 * `/issue/{key}/changelog?startAt=<cap>`. `total` is the count on this page, as the spec describes it, so it does not
 * tell the reader whether more exist (the app must not rely on it).
 */
export function inlineChangelog(ctx: RouteContext, issue: EmuIssue, cap: number) {
  const histories = issue.histories.slice(0, cap);
  return { startAt: 0, maxResults: cap, total: histories.length, histories: histories.map((h) => ctx.render.history(h)) };
}

const stringList = (v: unknown, name: string): string[] | undefined => {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return v.split(',').map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v as string[];
  throw badRequest(`'${name}' must be a list of texts.`);
};

export const searchRoutes = [
  route('POST', /^\/rest\/api\/[23]\/search$/, () => GONE),
  route('GET', /^\/rest\/api\/[23]\/search$/, () => GONE),
  route('POST', /^\/rest\/api\/3\/search\/jql$/, (ctx) => {
    const b = ctx.req.body;
    if (!isObj(b)) throw badRequest('The request body must be a JSON object with a jql property.');
    if (b['jql'] !== undefined && typeof b['jql'] !== 'string') throw badRequest("'jql' must be text.");
    if (b['maxResults'] !== undefined && (typeof b['maxResults'] !== 'number' || !Number.isInteger(b['maxResults']))) throw badRequest("'maxResults' must be a whole number.");
    if (b['nextPageToken'] !== undefined && b['nextPageToken'] !== null && typeof b['nextPageToken'] !== 'string') throw badRequest("'nextPageToken' must be text.");
    return search(ctx, {
      jql: (b['jql'] as string | undefined) ?? '',
      fields: stringList(b['fields'], 'fields'),
      maxResults: b['maxResults'] as number | undefined,
      nextPageToken: (b['nextPageToken'] as string | null | undefined) ?? undefined,
      expand: stringList(b['expand'], 'expand') ?? [],
      properties: stringList(b['properties'], 'properties') ?? [],
    });
  }),
  route('GET', /^\/rest\/api\/3\/search\/jql$/, (ctx) => {
    const q = ctx.req.query;
    const max = q.get('maxResults');
    if (max !== null && !/^\d+$/.test(max)) throw badRequest("'maxResults' must be a whole number.");
    return search(ctx, {
      jql: q.get('jql') ?? '',
      fields: stringList(q.get('fields') ?? undefined, 'fields'),
      maxResults: max === null ? undefined : Number(max),
      nextPageToken: q.get('nextPageToken') ?? undefined,
      expand: stringList(q.get('expand') ?? undefined, 'expand') ?? [],
      properties: stringList(q.get('properties') ?? undefined, 'properties') ?? [],
    });
  }),
  route('POST', /^\/rest\/api\/3\/search\/approximate-count$/, (ctx) => {
    const b = ctx.req.body;
    if (!isObj(b) || typeof b['jql'] !== 'string') throw badRequest("The request body must be { jql: '…' }.");
    return ok({ count: runJql(ctx, b['jql'], true).length });
  }),
];
export { projectById };
