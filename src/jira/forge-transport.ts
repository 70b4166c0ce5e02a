import api, { assumeTrustedRoute } from '@forge/api';
import type { JiraRawResponse, JiraRequest, JiraTransport } from './transport';

/**
 * Forge adapter: `asUser()` for actions a person takes (Jira's permissions apply), `asApp()` only where the app
 * itself must act (validators have no interactive user). Paths are built by `jiraPath`, which encodes every
 * parameter, so `assumeTrustedRoute` is safe here.
 */
export function forgeTransport(as: 'user' | 'app'): JiraTransport {
  return {
    async send(request: JiraRequest, options?: { signal?: AbortSignal }): Promise<JiraRawResponse> {
      const requester = as === 'user' ? api.asUser() : api.asApp();
      const response = await requester.requestJira(assumeTrustedRoute(request.path), {
        method: request.method,
        ...(options?.signal ? { signal: options.signal } : {}),
        headers: {
          Accept: 'application/json',
          ...(request.body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
      });
      return { status: response.status, header: (name) => response.headers.get(name), text: () => response.text() };
    },
  };
}
