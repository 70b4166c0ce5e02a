import { z } from 'zod';
import { JiraError } from './errors';
import { operationPhrase } from './operation-phrases';
import { jiraPath, query } from './path';
import * as s from './schemas';
import { defaultRetryPolicy, exchange, type JiraRequest, type JiraTransport, type RetryPolicy } from './transport';

/**
 * The one Jira gateway: typed operations over Jira Cloud REST v3 and the Jira Software agile API.
 * Every reply the app depends on is parsed with zod; a reply that does not fit throws a JiraError of kind
 * 'invalid-response' that names the operation.
 */
export type SearchOptions = { jql: string; fields: string[]; pageSize?: number; expandChangelog?: boolean; maxIssues?: number; /** Issue entity property keys to return with each issue (Jira allows up to 5). */ properties?: string[] };
export type SearchResult = { issues: s.JiraIssue[]; pages: number; truncated: boolean };
export type SprintMoveResult = { sprintId: number | 'backlog'; keys: string[]; ok: boolean; error?: string };

/** The agile API moves at most 50 issues per call. */
export const SPRINT_MOVE_BATCH = 50;
/** Histories asked for per changelog page (Jira's maximum). */
const CHANGELOG_PAGE = 100;

/**
 * Whether an agile page has a successor. `isLast` when Jira sends it; without it (some agile endpoints omit it),
 * `startAt + values < total`, and without `total` a full page (as many values as asked) means "maybe more".
 */
export function agileHasMore(page: { values: unknown[]; isLast?: boolean; startAt?: number; total?: number }, startAt: number, asked: number): boolean {
  if (page.values.length === 0) return false;
  if (typeof page.isLast === 'boolean') return !page.isLast;
  if (typeof page.total === 'number') return (page.startAt ?? startAt) + page.values.length < page.total;
  return page.values.length >= asked;
}

export function createJiraGateway(transport: JiraTransport, retry: RetryPolicy = defaultRetryPolicy) {
  let calls = 0;

  async function call<T extends z.ZodType>(operation: string, request: JiraRequest, schema: T): Promise<z.infer<T>> {
    calls++;
    const { body } = await exchange(transport, operation, request, retry);
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      const where = first ? `${first.path.join('.') || '(root)'}: ${first.message}` : 'unexpected shape';
      throw new JiraError('invalid-response', operation, `Jira's reply when trying to ${operationPhrase(operation)} was not what Release Train expects (${where}).`);
    }
    return parsed.data;
  }
  /** For writes whose reply body we do not use (204s). */
  async function send(operation: string, request: JiraRequest): Promise<void> {
    calls++;
    await exchange(transport, operation, request, retry);
  }

  const gateway = {
    /** Number of Jira calls made through this gateway (for call-count tests and benchmarks). */
    callCount: () => calls,

    myself: () => call('getMyself', { method: 'GET', path: '/rest/api/3/myself' }, s.myselfSchema),

    /** Which of `permissions` the caller has, in a project or on an issue. Jira requires the list. */
    async myPermissions(scope: { projectKey?: string; issueKey?: string }, permissions: string[]): Promise<Record<string, boolean>> {
      if (permissions.length === 0) throw new JiraError('bad-request', 'getMyPermissions', 'No permissions were named.');
      const reply = await call(
        'getMyPermissions',
        { method: 'GET', path: '/rest/api/3/mypermissions' + query({ projectKey: scope.projectKey, issueKey: scope.issueKey, permissions: permissions.join(',') }) },
        s.permissionsSchema,
      );
      return Object.fromEntries(permissions.map((p) => [p, reply.permissions[p]?.havePermission === true]));
    },

    /** One page of the enhanced JQL search. */
    searchPage(jql: string, fields: string[], pageSize: number, nextPageToken?: string, expandChangelog = false, properties: string[] = []) {
      return call(
        'searchIssues',
        {
          method: 'POST',
          path: '/rest/api/3/search/jql',
          idempotent: true,
          body: {
            jql,
            fields,
            maxResults: pageSize,
            ...(nextPageToken ? { nextPageToken } : {}),
            ...(expandChangelog ? { expand: 'changelog' } : {}),
            ...(properties.length > 0 ? { properties } : {}),
          },
        },
        s.searchPageSchema,
      );
    },

    /** Every issue matching `jql`, following `nextPageToken` until the last page (or `maxIssues`). */
    async searchAll(options: SearchOptions): Promise<SearchResult> {
      const pageSize = options.pageSize ?? 100;
      const max = options.maxIssues ?? Number.POSITIVE_INFINITY;
      const issues: s.JiraIssue[] = [];
      let token: string | undefined;
      let pages = 0;
      do {
        const page = await gateway.searchPage(options.jql, options.fields, pageSize, token, options.expandChangelog, options.properties);
        pages++;
        issues.push(...page.issues);
        token = page.nextPageToken ?? undefined;
        if (page.isLast === true) token = undefined;
      } while (token && issues.length < max);
      return { issues: issues.slice(0, max), pages, truncated: issues.length > max || token !== undefined };
    },

    approximateCount: async (jql: string) =>
      (await call('countIssues', { method: 'POST', path: '/rest/api/3/search/approximate-count', body: { jql }, idempotent: true }, s.approximateCountSchema)).count,

    /** An issue's fields and (optionally) its changelog in one call. */
    getIssue: (key: string, options: { fields?: string[]; changelog?: boolean; /** issue entity property keys to return with it */ properties?: string[] } = {}) =>
      call(
        'getIssue',
        {
          method: 'GET',
          path: jiraPath`/rest/api/3/issue/${key}` + query({ fields: options.fields?.join(','), expand: options.changelog ? 'changelog' : undefined, properties: options.properties?.length ? options.properties.join(',') : undefined }),
        },
        s.issueSchema,
      ),

    /**
     * The changelog from `startAt` on, page by page (for histories longer than the inline part). Stops on `isLast`,
     * an empty page, or a page shorter than asked; `total` is not trusted (the spec calls it the page's count).
     */
    async getChangelog(key: string, from = 0): Promise<s.JiraChangelogHistory[]> {
      const out: s.JiraChangelogHistory[] = [];
      for (let startAt = from; ; ) {
        const page = await call('getChangelog', { method: 'GET', path: jiraPath`/rest/api/3/issue/${key}/changelog` + query({ startAt, maxResults: CHANGELOG_PAGE }) }, s.changelogPageSchema);
        out.push(...page.values);
        startAt += page.values.length;
        if (page.isLast === true || page.values.length === 0) return out;
        if (page.isLast === undefined && page.values.length < Math.min(page.maxResults ?? CHANGELOG_PAGE, CHANGELOG_PAGE)) return out;
      }
    },

    getTransitions: async (key: string) =>
      (await call('getTransitions', { method: 'GET', path: jiraPath`/rest/api/3/issue/${key}/transitions` }, s.transitionsSchema)).transitions,

    transitionIssue: (key: string, transitionId: string, fields?: Record<string, unknown>) =>
      send('transitionIssue', { method: 'POST', path: jiraPath`/rest/api/3/issue/${key}/transitions`, body: { transition: { id: transitionId }, ...(fields ? { fields } : {}) } }),

    editIssue: (key: string, edit: { fields?: Record<string, unknown>; update?: Record<string, unknown> }) =>
      send('editIssue', { method: 'PUT', path: jiraPath`/rest/api/3/issue/${key}`, body: edit }),

    createIssue: (fields: Record<string, unknown>) => call('createIssue', { method: 'POST', path: '/rest/api/3/issue', body: { fields } }, s.createdIssueSchema),

    /**
     * Links two issues as Jira reads the request: `inwardKey` <type.outward> `outwardKey`, e.g. Blocks with
     * inward RT-1 and outward RT-2 is "RT-1 blocks RT-2" (and RT-2 "is blocked by" RT-1).
     */
    linkIssues: (typeName: string, inwardKey: string, outwardKey: string) =>
      send('linkIssues', { method: 'POST', path: '/rest/api/3/issueLink', body: { type: { name: typeName }, inwardIssue: { key: inwardKey }, outwardIssue: { key: outwardKey } } }),

    getIssueLinkTypes: async () => (await call('getIssueLinkTypes', { method: 'GET', path: '/rest/api/3/issueLinkType' }, s.issueLinkTypesSchema)).issueLinkTypes,

    /** An issue entity property's value, or undefined when the issue has none. */
    async getIssueProperty(key: string, propertyKey: string): Promise<unknown> {
      try {
        return (await call('getIssueProperty', { method: 'GET', path: jiraPath`/rest/api/3/issue/${key}/properties/${propertyKey}` }, s.entityPropertySchema)).value;
      } catch (e) {
        if (e instanceof JiraError && e.kind === 'not-found') return undefined;
        throw e;
      }
    },
    setIssueProperty: (key: string, propertyKey: string, value: unknown) =>
      send('setIssueProperty', { method: 'PUT', path: jiraPath`/rest/api/3/issue/${key}/properties/${propertyKey}`, body: value }),

    getProject: (key: string) => call('getProject', { method: 'GET', path: jiraPath`/rest/api/3/project/${key}` }, s.projectSchema),
    /** A project entity property's value, or undefined when the project has none. */
    async getProjectProperty(key: string, propertyKey: string): Promise<unknown> {
      try {
        return (await call('getProjectProperty', { method: 'GET', path: jiraPath`/rest/api/3/project/${key}/properties/${propertyKey}` }, s.entityPropertySchema)).value;
      } catch (e) {
        if (e instanceof JiraError && e.kind === 'not-found') return undefined;
        throw e;
      }
    },
    /** Sets a project entity property (Administer Projects, or the app). */
    setProjectProperty: (key: string, propertyKey: string, value: unknown) =>
      send('setProjectProperty', { method: 'PUT', path: jiraPath`/rest/api/3/project/${key}/properties/${propertyKey}`, body: value }),
    getProjectStatuses: (key: string) => call('getProjectStatuses', { method: 'GET', path: jiraPath`/rest/api/3/project/${key}/statuses` }, s.projectStatusesSchema),
    /** Every project role of the project (Jira requires Administer Projects or the app's own rights). */
    listProjectRoles: (key: string) => call('listProjectRoles', { method: 'GET', path: jiraPath`/rest/api/3/project/${key}/roledetails` }, s.projectRoleDetailsSchema),
    /** One role of the project with its actors (users and groups); needs the same rights as listProjectRoles. */
    getProjectRoleActors: (key: string, roleId: number) =>
      call('getProjectRoleActors', { method: 'GET', path: jiraPath`/rest/api/3/project/${key}/role/${roleId}` }, s.projectRoleActorsSchema),
    /** The groups a user belongs to (needs Browse users and groups, which the app has). */
    getUserGroups: (accountId: string) => call('getUserGroups', { method: 'GET', path: '/rest/api/3/user/groups' + query({ accountId }) }, s.userGroupsSchema),
    /** Project roles the calling user belongs to (Jira requires Administer Projects for this call). */
    getMyProjectRoles: (key: string) =>
      call('getMyProjectRoles', { method: 'GET', path: jiraPath`/rest/api/3/project/${key}/roledetails` + query({ currentMember: true }) }, s.projectRoleDetailsSchema),

    listVersions: (projectKey: string) => call('listVersions', { method: 'GET', path: jiraPath`/rest/api/3/project/${projectKey}/versions` }, z.array(s.versionSchema)),
    getVersion: (id: string) => call('getVersion', { method: 'GET', path: jiraPath`/rest/api/3/version/${id}` }, s.versionSchema),
    /**
     * Creates a version. Jira ignores `released` on create (the spec: "not applicable when creating a version"), so
     * a version asked for as released is created, then released with a PUT (two calls).
     */
    async createVersion(version: { name: string; projectId: number; description?: string; releaseDate?: string; released?: boolean }): Promise<s.JiraVersion> {
      const { released, ...create } = version;
      const created = await call('createVersion', { method: 'POST', path: '/rest/api/3/version', body: create }, s.versionSchema);
      if (released !== true || created.released) return created;
      return gateway.updateVersion(created.id, { released: true, ...(version.releaseDate ? { releaseDate: version.releaseDate } : {}) });
    },
    updateVersion: (id: string, changes: { name?: string; description?: string; released?: boolean; releaseDate?: string; archived?: boolean }) =>
      call('updateVersion', { method: 'PUT', path: jiraPath`/rest/api/3/version/${id}`, body: changes }, s.versionSchema),
    releaseVersion: (id: string, releaseDate: string) => gateway.updateVersion(id, { released: true, releaseDate }),

    listFields: () => call('listFields', { method: 'GET', path: '/rest/api/3/field' }, s.fieldsSchema),

    async listBoards(projectKey: string): Promise<s.JiraBoard[]> {
      const out: s.JiraBoard[] = [];
      for (let startAt = 0; ; ) {
        const page = await call('listBoards', { method: 'GET', path: '/rest/agile/1.0/board' + query({ projectKeyOrId: projectKey, startAt, maxResults: 50 }) }, s.boardPageSchema);
        out.push(...page.values);
        if (!agileHasMore(page, startAt, 50)) return out;
        startAt += page.values.length;
      }
    },
    getBoardConfiguration: (boardId: number) =>
      call('getBoardConfiguration', { method: 'GET', path: jiraPath`/rest/agile/1.0/board/${boardId}/configuration` }, s.boardConfigurationSchema),
    async listSprints(boardId: number, states: Array<'active' | 'future' | 'closed'> = ['active', 'future', 'closed']): Promise<s.JiraSprint[]> {
      const out: s.JiraSprint[] = [];
      for (let startAt = 0; ; ) {
        const page = await call(
          'listSprints',
          { method: 'GET', path: jiraPath`/rest/agile/1.0/board/${boardId}/sprint` + query({ state: states.join(','), startAt, maxResults: 50 }) },
          s.sprintPageSchema,
        );
        out.push(...page.values);
        if (!agileHasMore(page, startAt, 50)) return out;
        startAt += page.values.length;
      }
    },

    /**
     * Moves issues into a sprint (or the backlog) in batches of 50. A failed batch does not stop the others:
     * the result says which keys moved and which did not, and why.
     */
    async moveIssues(target: number | 'backlog', keys: string[], onProgress?: (done: number, total: number) => void): Promise<SprintMoveResult[]> {
      const results: SprintMoveResult[] = [];
      for (let i = 0; i < keys.length; i += SPRINT_MOVE_BATCH) {
        const batch = keys.slice(i, i + SPRINT_MOVE_BATCH);
        const path = target === 'backlog' ? '/rest/agile/1.0/backlog/issue' : jiraPath`/rest/agile/1.0/sprint/${target}/issue`;
        try {
          // Moving issues where they already are changes nothing: safe to repeat.
          await send(target === 'backlog' ? 'moveIssuesToBacklog' : 'moveIssuesToSprint', { method: 'POST', path, body: { issues: batch }, idempotent: true });
          results.push({ sprintId: target, keys: batch, ok: true });
        } catch (e) {
          results.push({ sprintId: target, keys: batch, ok: false, error: e instanceof Error ? e.message : String(e) });
        }
        onProgress?.(Math.min(i + batch.length, keys.length), keys.length);
      }
      return results;
    },
  };
  return gateway;
}

export type JiraGateway = ReturnType<typeof createJiraGateway>;

/** Reads a custom field's value with its own schema; undefined when absent or of another shape. */
export function customField<T extends z.ZodType>(issue: s.JiraIssue, fieldId: string, schema: T): z.infer<T> | undefined {
  const parsed = schema.safeParse((issue.fields as Record<string, unknown>)[fieldId]);
  return parsed.success ? parsed.data : undefined;
}
