import type { EmulatorHandle } from './emulator-transport';

/**
 * With JIRA_BASE_URL, JIRA_EMAIL and JIRA_API_TOKEN set, the shell's /rest calls go to the real site with the
 * token's basic auth instead of the emulator (the user switcher then only changes who the app thinks is asking).
 */
export function realJiraProxy(env: NodeJS.ProcessEnv = process.env): EmulatorHandle | undefined {
  const { JIRA_BASE_URL, JIRA_EMAIL, JIRA_API_TOKEN } = env;
  if (!JIRA_BASE_URL || !JIRA_EMAIL || !JIRA_API_TOKEN) return undefined;
  const base = JIRA_BASE_URL.replace(/\/+$/, '');
  const authorization = `Basic ${Buffer.from(`${JIRA_EMAIL}:${JIRA_API_TOKEN}`).toString('base64')}`;
  return async (req) => {
    const qs = req.query.toString();
    const response = await fetch(`${base}${req.path}${qs ? `?${qs}` : ''}`, {
      method: req.method,
      headers: { accept: 'application/json', authorization, ...(req.body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: req.body === undefined ? undefined : JSON.stringify(req.body),
    });
    const text = await response.text();
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
