import type { JiraRawResponse, JiraRequest, JiraTransport } from '../../src/jira/transport';

/** A request as the emulator's handler takes it. */
export type EmulatorRequest = { method: string; path: string; query: URLSearchParams; headers: Record<string, string | undefined>; body: unknown };
export type EmulatorResponse = { status: number; headers?: Record<string, string>; body?: unknown };
export type EmulatorHandle = (req: EmulatorRequest) => Promise<EmulatorResponse>;

/**
 * In-process adapter: the app's gateway talks to the emulator without a socket, with the same JSON it would get
 * over HTTP (bodies are serialised both ways so nothing is shared by reference).
 */
export function emulatorTransport(handle: EmulatorHandle, headers: Record<string, string>): JiraTransport {
  return {
    async send(request: JiraRequest): Promise<JiraRawResponse> {
      const url = new URL(request.path, 'http://emulator.local');
      const reply = await handle({
        method: request.method,
        path: url.pathname,
        query: url.searchParams,
        headers: { ...headers },
        body: request.body === undefined ? undefined : (JSON.parse(JSON.stringify(request.body)) as unknown),
      });
      const text = reply.body === undefined ? '' : JSON.stringify(reply.body);
      const lower = Object.fromEntries(Object.entries(reply.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
      return { status: reply.status, header: (name) => lower[name.toLowerCase()] ?? null, text: async () => text };
    },
  };
}
