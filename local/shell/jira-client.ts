/**
 * The shell's only door to the Jira REST emulator (or the real-site proxy). Every request carries the acting
 * user's account id; every answer is `{ ok: true, data }` or `{ ok: false, status, messages, fieldErrors }` with
 * Jira's own error messages, so pages show errors the way Jira does without try/catch.
 */
import { localTokenHeaders } from '../security/local-token';

export type JiraResult<T> = { ok: true; data: T } | { ok: false; status: number; messages: string[]; fieldErrors: Record<string, string> };

export type Named = { id?: string; name: string };
export type UserRef = { accountId: string; displayName?: string };
export type Status = { id: string; name: string; statusCategory?: { key: string; name?: string; colorName?: string } };
export type LinkedIssue = { id?: string; key: string; fields?: { summary?: string; status?: Status; issuetype?: Named } };
export type IssueLink = { id?: string; type: { name: string; inward?: string; outward?: string }; inwardIssue?: LinkedIssue; outwardIssue?: LinkedIssue };
export type Sprint = { id: number; name: string; state: string };
export type IssueFields = {
  summary?: string;
  description?: unknown;
  status?: Status;
  issuetype?: Named;
  priority?: Named | null;
  assignee?: UserRef | null;
  reporter?: UserRef | null;
  labels?: string[];
  components?: Named[];
  fixVersions?: Named[];
  versions?: Named[];
  created?: string;
  updated?: string;
  issuelinks?: IssueLink[];
  [custom: string]: unknown;
};
export type Issue = { id: string; key: string; fields: IssueFields };
export type SearchPage = { issues: Issue[]; nextPageToken?: string | null; isLast?: boolean };
export type Transition = { id: string; name: string; to?: Status; isAvailable?: boolean; hasScreen?: boolean };
/** Jira's FieldMetadata (editmeta, transition screens). */
export type FieldMeta = {
  required: boolean;
  name: string;
  key?: string;
  schema: { type: string; items?: string; system?: string; custom?: string };
  operations?: string[];
  allowedValues?: Array<{ id: string; name?: string; value?: string }>;
};
export type Field = { id: string; name: string; custom?: boolean; schema?: { custom?: string; type?: string } };
export type Version = { id: string; name: string; released?: boolean; archived?: boolean };
export type Component = { id: string; name: string };

function messagesOf(status: number, body: unknown): { messages: string[]; fieldErrors: Record<string, string> } {
  const b = (typeof body === 'object' && body !== null ? body : {}) as { errorMessages?: unknown; errors?: unknown; message?: unknown };
  const messages = Array.isArray(b.errorMessages) ? b.errorMessages.map(String) : [];
  const fieldErrors: Record<string, string> = {};
  if (typeof b.errors === 'object' && b.errors !== null) for (const [k, v] of Object.entries(b.errors)) fieldErrors[k] = String(v);
  if (messages.length === 0 && Object.keys(fieldErrors).length === 0) messages.push(typeof b.message === 'string' ? b.message : `Jira answered ${status}.`);
  return { messages, fieldErrors };
}

export type JiraClient = ReturnType<typeof createJiraClient>;

export function createJiraClient(accountId: string, fetchImpl: typeof fetch = (...a) => fetch(...a)) {
  async function request<T>(method: string, path: string, body?: unknown): Promise<JiraResult<T>> {
    let response: Response;
    try {
      response = await fetchImpl(path, {
        method,
        headers: { accept: 'application/json', 'x-rt-account-id': accountId, ...localTokenHeaders(), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (e) {
      return { ok: false, status: 0, messages: [`Could not reach the local workspace server: ${e instanceof Error ? e.message : String(e)}`], fieldErrors: {} };
    }
    const text = await response.text();
    let parsed: unknown = undefined;
    if (text) {
      try {
        parsed = JSON.parse(text) as unknown;
      } catch {
        parsed = { message: text.slice(0, 300) };
      }
    }
    if (!response.ok) return { ok: false, status: response.status, ...messagesOf(response.status, parsed) };
    return { ok: true, data: parsed as T };
  }
  const enc = encodeURIComponent;
  return {
    accountId,
    search: (jql: string, fields: string[], nextPageToken?: string, maxResults = 50) =>
      request<SearchPage>('POST', '/rest/api/3/search/jql', { jql, fields, maxResults, ...(nextPageToken ? { nextPageToken } : {}) }),
    getIssue: (key: string) => request<Issue & { changelog?: unknown }>('GET', `/rest/api/3/issue/${enc(key)}?expand=changelog`),
    getTransitions: (key: string) => request<{ transitions: Transition[] }>('GET', `/rest/api/3/issue/${enc(key)}/transitions`),
    doTransition: (key: string, transitionId: string, fields?: Record<string, unknown>) =>
      request<undefined>('POST', `/rest/api/3/issue/${enc(key)}/transitions`, { transition: { id: transitionId }, ...(fields && Object.keys(fields).length ? { fields } : {}) }),
    /** A transition's screen: its fields with their metadata (Jira's expand=transitions.fields). */
    getTransitionScreen: (key: string, transitionId: string) =>
      request<{ transitions: Array<Transition & { fields?: Record<string, FieldMeta> }> }>('GET', `/rest/api/3/issue/${enc(key)}/transitions?transitionId=${enc(transitionId)}&expand=transitions.fields`),
    /** The fields the edit screen offers, with their allowed values (Jira's editmeta). */
    getEditMeta: (key: string) => request<{ fields: Record<string, FieldMeta> }>('GET', `/rest/api/3/issue/${enc(key)}/editmeta`),
    getUsers: () => request<UserRef[]>('GET', '/rest/api/3/users/search'),
    createIssue: (fields: Record<string, unknown>) => request<{ id: string; key: string }>('POST', '/rest/api/3/issue', { fields }),
    editIssue: (key: string, fields: Record<string, unknown>) => request<undefined>('PUT', `/rest/api/3/issue/${enc(key)}`, { fields }),
    getFields: () => request<Field[]>('GET', '/rest/api/3/field'),
    getProjectStatuses: (projectKey: string) => request<Array<{ name: string; statuses: Status[] }>>('GET', `/rest/api/3/project/${enc(projectKey)}/statuses`),
    getProjectVersions: (projectKey: string) => request<Version[]>('GET', `/rest/api/3/project/${enc(projectKey)}/versions`),
    getProjects: () => request<Array<{ id: string; key: string; name: string }>>('GET', '/rest/api/3/project'),
    getIssuePropertyKeys: (key: string) => request<{ keys: Array<{ key: string }> }>('GET', `/rest/api/3/issue/${enc(key)}/properties`),
    getProjectComponents: (projectKey: string) => request<Component[]>('GET', `/rest/api/3/project/${enc(projectKey)}/components`),
  };
}
