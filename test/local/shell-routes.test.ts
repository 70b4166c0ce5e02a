import { parseRoute, routeForJiraUrl, routeToHash, type Route } from '../../local/shell/routes';

describe('parseRoute', () => {
  it.each<[string, Route]>([
    ['', { name: 'issues' }],
    ['#', { name: 'issues' }],
    ['#/', { name: 'issues' }],
    ['#/issues', { name: 'issues' }],
    ['#/issues?jql=status%20%3D%20QA', { name: 'issues', jql: 'status = QA' }],
    ['#/browse/RT-12', { name: 'issue', key: 'RT-12' }],
    ['#/browse/rt-7', { name: 'issue', key: 'RT-7' }],
    ['#/create', { name: 'create' }],
    ['#/project/sprint-planning', { name: 'project', route: 'sprint-planning' }],
    ['#/project/rc-promotion', { name: 'project', route: 'rc-promotion' }],
    ['#/settings/workflow', { name: 'workflow' }],
  ])('%s', (hash, route) => expect(parseRoute(hash)).toEqual(route));

  it.each(['#/browse/not a key', '#/browse/RT-1/extra', '#/settings', '#/nope', '#/project', '#/browse/%E0%A4%A'])('rejects %s as not found', (hash) => {
    expect(parseRoute(hash).name).toBe('not-found');
  });

  it('round-trips through routeToHash', () => {
    const routes: Route[] = [{ name: 'issues' }, { name: 'issues', jql: 'project = RT AND text ~ "a&b"' }, { name: 'issue', key: 'RT-150' }, { name: 'create' }, { name: 'project', route: 'rc-promotion' }, { name: 'workflow' }];
    for (const r of routes) expect(parseRoute(routeToHash(r))).toEqual(r);
  });
});

describe('routeForJiraUrl (an app calling router.navigate)', () => {
  it('maps Jira issue URLs, relative or absolute, to the issue view', () => {
    expect(routeForJiraUrl('/browse/RT-12')).toEqual({ name: 'issue', key: 'RT-12' });
    expect(routeForJiraUrl('https://example.atlassian.net/browse/RT-3')).toEqual({ name: 'issue', key: 'RT-3' });
  });
  it('maps shell hashes and project-page URLs', () => {
    expect(routeForJiraUrl('#/settings/workflow')).toEqual({ name: 'workflow' });
    expect(routeForJiraUrl('/jira/software/projects/RT/apps/app-id/env-id/rc-promotion')).toEqual({ name: 'project', route: 'rc-promotion' });
  });
  it('gives null for anything else', () => {
    expect(routeForJiraUrl('https://example.com/elsewhere')).toBeNull();
    expect(routeForJiraUrl('http://[bad')).toBeNull();
  });
});
