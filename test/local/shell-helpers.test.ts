import { createJiraClient } from '../../local/shell/jira-client';
import { formatDateTime, names, splitList, sprintNames, statusAppearance } from '../../local/shell/issue-format';
import { createFields } from '../../local/shell/pages/CreateBug';
import { findSprintFieldId } from '../../local/shell/pages/IssueView';
import { withSavedValidator } from '../../local/shell/pages/WorkflowSettings';
import { groupLinks } from '../../local/shell/issue-view/LinkedIssues';
import { chooseUser } from '../../local/shell/user-choice';

describe('issue formatting', () => {
  it('colours lozenges by status category', () => {
    expect(statusAppearance({ id: '1', name: 'Dev', statusCategory: { key: 'indeterminate' } })).toBe('inprogress');
    expect(statusAppearance({ id: '1', name: 'Done', statusCategory: { key: 'done' } })).toBe('success');
    expect(statusAppearance({ id: '1', name: 'L2', statusCategory: { key: 'new' } })).toBe('default');
    expect(statusAppearance(undefined)).toBe('default');
  });
  it('lists names, sprints and splits comma lists', () => {
    expect(names([{ name: '4.3.0-rc.1' }, { name: '4.3.0-rc.2' }, null, 'x'])).toBe('4.3.0-rc.1, 4.3.0-rc.2, x');
    expect(names('junk')).toBe('');
    expect(sprintNames([{ id: 1, name: 'S5', state: 'closed' }, { id: 2, name: 'S6', state: 'active' }])).toBe('S5 (closed), S6');
    expect(splitList(' ui, login ,, ui ')).toEqual(['ui', 'login']);
  });
  it('formats dates in UTC and passes bad ones through', () => {
    expect(formatDateTime('2026-03-12T14:05:00.000+0000')).toBe('12 Mar 2026, 14:05 UTC');
    expect(formatDateTime('soon')).toBe('soon');
  });
});

describe('create bug fields', () => {
  it('sends Jira create fields, leaving empty optional ones out', () => {
    const fields = createFields('RT', { summary: '  Crash on save ', priority: 'High', components: 'Editor, API', labels: 'regression, found in qa', affectsVersion: '4.3.0-rc.1', description: '1. Open\n2. Save' }, { customfield_10100: { steps: ['Open'] } });
    expect(fields).toEqual({
      project: { key: 'RT' },
      issuetype: { name: 'Bug' },
      summary: 'Crash on save',
      priority: { name: 'High' },
      components: [{ name: 'Editor' }, { name: 'API' }],
      labels: ['regression', 'found-in-qa'],
      versions: [{ name: '4.3.0-rc.1' }],
      description: { type: 'doc', version: 1, content: [expect.objectContaining({ type: 'orderedList' })] },
      customfield_10100: { steps: ['Open'] },
    });
    expect(Object.keys(createFields('RT', { summary: '', priority: '', components: '', labels: '', affectsVersion: '', description: ' ' }, {}))).toEqual(['project', 'issuetype', 'summary']);
  });
});

describe('workflow validators list', () => {
  const list = [{ key: 'a', configuration: '1' }, { key: 'b', configuration: '2' }];
  it('replaces the edited validator and appends a new one', () => {
    expect(withSavedValidator(list, 1, 'b', '3')).toEqual([{ key: 'a', configuration: '1' }, { key: 'b', configuration: '3' }]);
    expect(withSavedValidator(list, 'new', 'c', '{}')).toEqual([...list, { key: 'c', configuration: '{}' }]);
    expect(list[1]!.configuration).toBe('2');
  });
});

describe('misc', () => {
  it('finds the sprint field by its schema, then by name', () => {
    expect(findSprintFieldId([{ id: 'summary', name: 'Summary' }, { id: 'customfield_10020', name: 'Sprint', custom: true, schema: { custom: 'com.pyxis.greenhopper.jira:gh-sprint' } }])).toBe('customfield_10020');
    expect(findSprintFieldId([{ id: 'customfield_1', name: 'Sprint', custom: true }])).toBe('customfield_1');
    expect(findSprintFieldId([])).toBeNull();
  });
  it('groups links by phrase', () => {
    const groups = groupLinks([
      { type: { name: 'Regression', inward: 'was found while testing', outward: 'found while testing' }, outwardIssue: { key: 'RT-1' } },
      { type: { name: 'Regression', inward: 'was found while testing', outward: 'found while testing' }, inwardIssue: { key: 'RT-2' } },
      { type: { name: 'Blocks' } },
    ]);
    expect(groups).toEqual([
      { phrase: 'found while testing', issues: [{ key: 'RT-1' }] },
      { phrase: 'was found while testing', issues: [{ key: 'RT-2' }] },
    ]);
  });
  it('picks the remembered user or the first one', () => {
    const users = [{ accountId: 'a', displayName: 'A', roles: [] }, { accountId: 'b', displayName: 'B', roles: ['QA'] }];
    expect(chooseUser(users, 'b')?.accountId).toBe('b');
    expect(chooseUser(users, 'gone')?.accountId).toBe('a');
    expect(chooseUser([], null)).toBeUndefined();
  });
});

describe('jira client', () => {
  const reply = (status: number, body?: unknown) => Promise.resolve(new Response(body === undefined ? null : JSON.stringify(body), { status }));

  it('sends the acting user header and JSON body', async () => {
    const calls: Array<[string, RequestInit]> = [];
    const client = createJiraClient('acc-9', (input, init) => {
      calls.push([String(input), init ?? {}]);
      return reply(200, { issues: [], isLast: true });
    });
    const result = await client.search('project = RT', ['summary'], 'tok');
    expect(result).toEqual({ ok: true, data: { issues: [], isLast: true } });
    expect(calls[0]![0]).toBe('/rest/api/3/search/jql');
    expect((calls[0]![1].headers as Record<string, string>)['x-rt-account-id']).toBe('acc-9');
    expect(JSON.parse(String(calls[0]![1].body))).toEqual({ jql: 'project = RT', fields: ['summary'], maxResults: 50, nextPageToken: 'tok' });
  });

  it('returns Jira error messages from a failed validator as the error branch', async () => {
    const client = createJiraClient('a', () => reply(400, { errorMessages: ['This bug is in Dev. Move it to RTE Review first.'], errors: {} }));
    expect(await client.doTransition('RT-1', '31')).toEqual({ ok: false, status: 400, messages: ['This bug is in Dev. Move it to RTE Review first.'], fieldErrors: {} });
  });

  it('keeps field errors, survives non-JSON bodies, empty 204s and network failures', async () => {
    expect(await createJiraClient('a', () => reply(400, { errorMessages: [], errors: { summary: 'You must specify a summary.' } })).createIssue({})).toEqual({ ok: false, status: 400, messages: [], fieldErrors: { summary: 'You must specify a summary.' } });
    expect(await createJiraClient('a', () => Promise.resolve(new Response('<html>oops', { status: 502 }))).getFields()).toEqual({ ok: false, status: 502, messages: ['<html>oops'], fieldErrors: {} });
    expect(await createJiraClient('a', () => reply(204)).doTransition('RT-1', '1')).toEqual({ ok: true, data: undefined });
    const down = await createJiraClient('a', () => Promise.reject(new TypeError('fetch failed'))).getIssue('RT-1');
    expect(down.ok).toBe(false);
    expect(!down.ok && down.messages[0]).toContain('fetch failed');
  });
});
