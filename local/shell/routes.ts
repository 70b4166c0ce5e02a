/** The shell's client-side routes, kept in the URL hash (`#/browse/RT-12`) so reloads and links work. */
export type Route =
  | { name: 'issues'; jql?: string }
  | { name: 'issue'; key: string }
  | { name: 'create' }
  | { name: 'project'; route: string }
  | { name: 'workflow' }
  | { name: 'not-found'; path: string };

const ISSUE_KEY = /^[A-Z][A-Z0-9_]{0,19}-\d{1,9}$/;

export function isIssueKey(value: string): boolean {
  return ISSUE_KEY.test(value);
}

function decode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/** Parses `location.hash` (with or without `#`). An empty hash is the issue list. */
export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#/, '');
  const [pathPart = '', queryPart = ''] = raw.split('?', 2);
  const segments = pathPart.split('/').filter(Boolean).map(decode);
  const query = new URLSearchParams(queryPart);
  const [first, second, ...rest] = segments;
  if (!first || first === 'issues') return rest.length || second ? { name: 'not-found', path: raw } : query.get('jql') ? { name: 'issues', jql: query.get('jql')! } : { name: 'issues' };
  if (first === 'browse' && second && rest.length === 0) {
    const key = second.toUpperCase();
    return isIssueKey(key) ? { name: 'issue', key } : { name: 'not-found', path: raw };
  }
  if (first === 'create' && !second) return { name: 'create' };
  if (first === 'project' && second && rest.length === 0) return { name: 'project', route: second };
  if (first === 'settings' && second === 'workflow' && rest.length === 0) return { name: 'workflow' };
  return { name: 'not-found', path: raw };
}

/** The hash (with `#`) that `parseRoute` turns back into `route`. */
export function routeToHash(route: Route): string {
  switch (route.name) {
    case 'issues':
      return route.jql ? `#/issues?${new URLSearchParams({ jql: route.jql }).toString()}` : '#/issues';
    case 'issue':
      return `#/browse/${encodeURIComponent(route.key)}`;
    case 'create':
      return '#/create';
    case 'project':
      return `#/project/${encodeURIComponent(route.route)}`;
    case 'workflow':
      return '#/settings/workflow';
    case 'not-found':
      return `#/${route.path.replace(/^\//, '')}`;
  }
}

/**
 * Where an app's `router.navigate(url)` should go in the shell: Jira URLs like `/browse/RT-12` (absolute or
 * relative, with or without `/jira/software/...` prefixes for project pages) map to shell routes; others to null.
 */
export function routeForJiraUrl(url: string, origin = 'http://localhost'): Route | null {
  let path: string;
  try {
    path = new URL(url, origin).pathname;
  } catch {
    return null;
  }
  const browse = /\/browse\/([A-Za-z][A-Za-z0-9_]*-\d+)\/?$/.exec(path);
  if (browse) return { name: 'issue', key: browse[1]!.toUpperCase() };
  const hashRoute = /^#\//.test(url) ? parseRoute(url) : null;
  if (hashRoute && hashRoute.name !== 'not-found') return hashRoute;
  const page = /\/apps\/[^/]+\/[^/]+\/([^/]+)\/?$/.exec(path);
  if (page) return { name: 'project', route: decode(page[1]!) };
  if (/\/issues\/?$/.test(path)) return { name: 'issues' };
  return null;
}
