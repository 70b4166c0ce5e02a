import { JIRA_CALL_TIMEOUT_MS } from '../../src/jira/deadline';
import type { EmulatorHandle } from './emulator-transport';

/**
 * With JIRA_BASE_URL, JIRA_EMAIL and JIRA_API_TOKEN set, the shell's /rest calls go to the real site with the
 * token's basic auth instead of the emulator (the user switcher then only changes who the app thinks is asking).
 * Each call gives up after `timeoutMs` (the gateway's per-call limit) with a 504, so a stalled site never holds a
 * shell request open; a site that cannot be reached answers 502.
 */
export function realJiraProxy(env: NodeJS.ProcessEnv = process.env, options: { timeoutMs?: number } = {}): EmulatorHandle | undefined {
  const { JIRA_BASE_URL, JIRA_EMAIL, JIRA_API_TOKEN } = env;
  if (!JIRA_BASE_URL || !JIRA_EMAIL || !JIRA_API_TOKEN) return undefined;
  const base = JIRA_BASE_URL.replace(/\/+$/, '');
  const authorization = `Basic ${Buffer.from(`${JIRA_EMAIL}:${JIRA_API_TOKEN}`).toString('base64')}`;
  const timeoutMs = options.timeoutMs ?? JIRA_CALL_TIMEOUT_MS;
  return async (req) => {
    const qs = req.query.toString();
    const signal = AbortSignal.timeout(timeoutMs);
    let response: Response;
    let text: string;
    try {
      response = await fetch(`${base}${req.path}${qs ? `?${qs}` : ''}`, {
        method: req.method,
        signal,
        headers: { accept: 'application/json', authorization, ...(req.body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: req.body === undefined ? undefined : JSON.stringify(req.body),
      });
      text = await response.text();
    } catch (e) {
      if (signal.aborted) return { status: 504, body: { errorMessages: [`${base} did not answer ${req.method} ${req.path} within ${timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} s` : `${timeoutMs} ms`}.`], errors: {} } };
      return { status: 502, body: { errorMessages: [`${base} could not be reached (${e instanceof Error ? e.message : String(e)}).`], errors: {} } };
    }
    let body: unknown;
    try {
      body = text ? (JSON.parse(text) as unknown) : undefined;
    } catch {
      body = { errorMessages: [text.slice(0, 500)] };
    }
    const retryAfter = response.headers.get('retry-after');
    return { status: response.status, body, headers: retryAfter ? { 'retry-after': retryAfter } : undefined };
  };
}
