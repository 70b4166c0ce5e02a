/**
 * The local workspace's per-start token, as the browser side sees it: the server writes it into every page it
 * serves (`<meta name="rt-local-token">`), and the shell and the bridge host send it back on each API call. A page
 * of another origin cannot read it, so it cannot make those calls (see local/server/request-guard.ts).
 */
export const LOCAL_TOKEN_HEADER = 'x-rt-local-token';
export const LOCAL_TOKEN_META = 'rt-local-token';

/** The header to add to the workspace's API calls ({} outside a served page, e.g. in unit tests). */
export function localTokenHeaders(): Record<string, string> {
  if (typeof document === 'undefined' || typeof document.querySelector !== 'function') return {};
  const token = document.querySelector(`meta[name="${LOCAL_TOKEN_META}"]`)?.getAttribute('content');
  return token ? { [LOCAL_TOKEN_HEADER]: token } : {};
}

/** The meta tag the server injects into a page's <head>. */
export const localTokenMeta = (token: string) => `<meta name="${LOCAL_TOKEN_META}" content="${token.replace(/[^A-Za-z0-9_-]/g, '')}" />`;
