import type { JiraRawResponse, JiraRequest, JiraTransport } from './transport';

/**
 * Plain-HTTP adapter: a base URL plus either basic auth with an Atlassian API token (a real Jira Cloud site)
 * or extra headers (the local emulator's acting user). Used by the local workspace, the CLI and contract tests.
 */
export type HttpTransportOptions = {
  baseUrl: string;
  email?: string;
  apiToken?: string;
  headers?: Record<string, string>;
  fetchImpl?: typeof fetch;
};

export function httpTransport(options: HttpTransportOptions): JiraTransport {
  const base = options.baseUrl.replace(/\/+$/, '');
  const doFetch = options.fetchImpl ?? fetch;
  const auth: Record<string, string> =
    options.email && options.apiToken
      ? { authorization: `Basic ${Buffer.from(`${options.email}:${options.apiToken}`).toString('base64')}` }
      : {};
  return {
    async send(request: JiraRequest, sendOptions?: { signal?: AbortSignal }): Promise<JiraRawResponse> {
      const response = await doFetch(base + request.path, {
        method: request.method,
        ...(sendOptions?.signal ? { signal: sendOptions.signal } : {}),
        headers: <Record<string, string>>{
          accept: 'application/json',
          ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
          ...auth,
          ...options.headers,
        },
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
      });
      return { status: response.status, header: (name) => response.headers.get(name), text: () => response.text() };
    },
  };
}

/** Reads JIRA_BASE_URL, JIRA_EMAIL, JIRA_API_TOKEN; undefined when any is missing. */
export function httpTransportFromEnv(env: NodeJS.ProcessEnv = process.env): JiraTransport | undefined {
  const { JIRA_BASE_URL, JIRA_EMAIL, JIRA_API_TOKEN } = env;
  if (!JIRA_BASE_URL || !JIRA_EMAIL || !JIRA_API_TOKEN) return undefined;
  return httpTransport({ baseUrl: JIRA_BASE_URL, email: JIRA_EMAIL, apiToken: JIRA_API_TOKEN });
}
