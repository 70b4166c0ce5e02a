import { parseJql } from '../../../local/emulator/jql/parse';
import { compileJql } from '../../../local/emulator/jql/evaluate';
import { JqlError } from '../../../local/emulator/jql/ast';
import { createSeedState } from '../../../local/seed';
import { NOW } from './harness';

const state = createSeedState(NOW);
const run = (jql: string, currentAccountId: string | null = 'rt-dev-elif') => {
  const c = compileJql(parseJql(jql), { state, currentAccountId, now: NOW });
  return state.issues.filter(c.matches).sort(c.compare);
};
const statusName = (id: string) => state.statuses.find((s) => s.id === id)!.name;

describe('JQL parser', () => {
  it('parses precedence, lists, functions, EMPTY and ORDER BY', () => {
    const q = parseJql('project = RT AND (status in ("In QA", Done) OR NOT labels is EMPTY) ORDER BY priority DESC, key');
    expect(q.where?.kind).toBe('and');
    expect(q.orderBy).toEqual([
      { field: { kind: 'name', name: 'priority' }, direction: 'desc' },
      { field: { kind: 'name', name: 'key' }, direction: 'asc' },
    ]);
    expect(parseJql('issue.property[rt-regression].verdict = passed').where).toMatchObject({ field: { kind: 'property', propertyKey: 'rt-regression', path: 'verdict' } });
  });
  it.each([
    ['project = ', /Expecting either a value, list or function but got end of query/],
    ['project = RT AND', /Expecting a field name/],
    ['status = "Open', /not terminated/],
    ['status WAS Open', /WAS/],
    ['project = RT ORDER created', /Expecting 'by'/],
    ['status = Open)', /Expecting 'AND', 'OR' or 'ORDER BY'/],
    ['summary = x{', /reserved JQL character/],
    ['status = (Open, Done)', /does not support a list/],
    ['labels is x', /only supports EMPTY/],
  ])('refuses %s', (jql, message) => {
    expect(() => parseJql(jql)).toThrow(message);
  });
  it('refuses deeply nested and overlong queries without crashing', () => {
    expect(() => parseJql('('.repeat(500) + 'status = Open' + ')'.repeat(500))).toThrow(JqlError);
    expect(() => parseJql('summary ~ "' + 'a'.repeat(30_000) + '"')).toThrow(/too long/);
  });
});

describe('JQL evaluation on the seed', () => {
  it('filters by status, type, priority and component with names or ids', () => {
    const qa = run('project = RT AND issuetype = Bug AND status = "In QA"');
    expect(qa.length).toBeGreaterThan(0);
    expect(qa.every((i) => statusName(i.fields.statusId) === 'In QA')).toBe(true);
    expect(run('project = RT AND status = 10005 AND type = Bug').length).toBe(qa.length);
    expect(run('component = Checkout').every((i) => i.fields.componentIds.includes('10100'))).toBe(true);
    expect(run('priority in (Highest, High) AND statusCategory != Done').every((i) => ['1', '2'].includes(i.fields.priorityId!) && statusName(i.fields.statusId) !== 'Done')).toBe(true);
  });
  it('!= and not in never match an empty field, like Jira', () => {
    const withoutFix = run('project = RT AND fixVersion is EMPTY');
    const notRc1 = run('project = RT AND fixVersion != "4.3.0-rc.1"');
    expect(withoutFix.length).toBeGreaterThan(0);
    expect(notRc1.some((i) => i.fields.fixVersionIds.length === 0)).toBe(false);
  });
  it('supports sprint functions, currentUser, resolution Unresolved, dates and text search', () => {
    const carried = run('project = RT AND sprint in closedSprints() AND sprint in openSprints()');
    expect(carried.length).toBeGreaterThan(0);
    expect(run('sprint is EMPTY AND project = RT').every((i) => !i.fields.custom['customfield_10020'])).toBe(true);
    expect(run('assignee = currentUser()').every((i) => i.fields.assigneeId === 'rt-dev-elif')).toBe(true);
    expect(run('assignee = currentUser()', null)).toEqual([]);
    const unresolved = run('project = RT AND resolution = Unresolved');
    expect(unresolved.every((i) => i.fields.resolutionId === null)).toBe(true);
    const recent = run('project = RT AND created >= -7d');
    expect(recent.every((i) => Date.parse(i.fields.created.replace('+0000', 'Z')) >= NOW.getTime() - 7 * 86_400_000)).toBe(true);
    expect(run('project = RT AND resolved >= "2026-01-01" AND resolved <= "2026-12-31"').length).toBe(run('project = RT AND resolution = Done').length);
    const text = run('project = RT AND summary ~ "regression"');
    expect(text.length).toBeGreaterThan(0);
    expect(text.every((i) => i.fields.summary.toLowerCase().includes('regression'))).toBe(true);
  });
  it('finds linked issues and regression bugs by label and affects version', () => {
    const regression = run('labels = found-in-regression AND affectedVersion = "4.3.0-rc.1"');
    expect(regression.length).toBe(2);
    const linked = run(`issue in linkedIssues(${regression[0]!.key}, "relates to")`);
    expect(linked.length).toBe(1);
    expect(linked[0]!.fields.fixVersionIds).toContain('10011');
  });
  it('orders by priority DESC then key', () => {
    const list = run('project = RT ORDER BY priority DESC, key ASC');
    const ranks = list.map((i) => Number(i.fields.priorityId));
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
  });
  it('names the problem for unknown values, fields, functions and operators', () => {
    expect(() => run('status = Shipped')).toThrow("The value 'Shipped' does not exist for the field 'status'.");
    expect(() => run('sprint in nextSprints()')).toThrow(/Unable to find JQL function 'nextSprints\(\)'/);
    expect(() => run('status ~ Open')).toThrow("The operator '~' is not supported by the 'status' field.");
    expect(() => run('created >= "last tuesday"')).toThrow(/Date value 'last tuesday'/);
  });
});
