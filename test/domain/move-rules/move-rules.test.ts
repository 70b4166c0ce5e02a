import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { stages, type Stage } from '../../../src/domain/bug-flow/stages';
import { MOVE_RULES_EXPRESSION, MOVE_RULES_NOT_SET_UP, moveRulesProperty } from '../../../src/domain/move-rules/expression';
import { decideWhoMayMove, defaultMoveRules, type Actor, type MoveRules } from '../../../src/domain/move-rules/move-rules';
import { runExpressionValidator } from '../../../local/server/expression-validator';
import { mainStatus, mapping, statuses } from '../bug-flow/workflow-fixture';

const amara: Actor = { accountId: 'a', displayName: 'Amara', roles: ['L2 Support'], groups: [] };
const chloe: Actor = { accountId: 'c', roles: ['RTE', 'Administrators'], groups: [] };
const elif: Actor = { accountId: 'e', roles: ['Developers'], groups: [] };
const hiro: Actor = { accountId: 'h', roles: ['QA'], groups: ['qa-team'] };
const lena: Actor = { accountId: 'l', roles: [], groups: [] };
const holders = { RTE: ['Chloé Martin', 'Dmitri Volkov'], QA: ['Hiro Tanaka'], Developers: ['Elif Yılmaz'], 'L2 Support': ['Amara Okafor'] };
const rules = defaultMoveRules();
const move = (from: Stage, to: Stage) => ({ fromStatusId: mainStatus[from], toStatusId: mainStatus[to] });
const decide = (actor: Actor, from: Stage, to: Stage, r: MoveRules = rules) => decideWhoMayMove({ rules: r, mapping, transition: move(from, to), actor, statuses, holders });

describe('who may make each move (defaults follow the process)', () => {
  test.each([
    ['L2 submits', amara, 'L2', 'RTE_TRIAGE'],
    ['the RTE accepts into Dev', chloe, 'RTE_TRIAGE', 'DEV'],
    ['the RTE sends back to L2', chloe, 'RTE_TRIAGE', 'L2'],
    ['the developer hands in the fix', elif, 'DEV', 'RTE_REVIEW'],
    ['the RTE passes to QA', chloe, 'RTE_REVIEW', 'QA'],
    ['the RTE sends back to Dev', chloe, 'RTE_REVIEW', 'DEV'],
    ['QA closes', hiro, 'QA', 'DONE'],
    ['QA sends back to Dev', hiro, 'QA', 'DEV'],
    ['the RTE reopens', chloe, 'DONE', 'RTE_TRIAGE'],
  ] as const)('allowed: %s', (_n, actor, from, to) => {
    expect(decide(actor, from, to)).toEqual({ result: true });
  });

  test.each([
    ["L2 attempting the RTE's move", amara, 'RTE_TRIAGE', 'DEV', "Move to 'In Progress' refused: Accepting a bug from RTE triage into Dev (or sending it back to L2) is for the project role 'RTE' (Chloé Martin, Dmitri Volkov)"],
    ['a developer attempting RTE review → QA', elif, 'RTE_REVIEW', 'QA', "Move to 'In QA' refused: Passing a reviewed fix from RTE review to QA (or back to Dev) is for the project role 'RTE' (Chloé Martin, Dmitri Volkov)"],
    ['the RTE closing instead of QA', chloe, 'QA', 'DONE', "Move to 'Done' refused: Closing a bug from QA (Done, or back to Dev when the fix fails) is for the project role 'QA' (Hiro Tanaka)"],
    ['a user with no role', lena, 'L2', 'RTE_TRIAGE', "Move to 'Triage' refused: Submitting a bug from L2 to RTE triage is for the project role 'L2 Support' (Amara Okafor)"],
  ] as const)('refused: %s, naming the role needed and who holds it', (_n, actor, from, to, start) => {
    const r = decide(actor, from, to);
    expect(r.result).toBe(false);
    expect(r.errorMessage?.startsWith(start)).toBe(true);
    expect(r.errorMessage).toContain('Ask one of them to make this move; a project admin changes who may make it on Release Train → Stage mapping.');
  });

  test('the override role may make any move, and the message says so to others', () => {
    const withOverride: MoveRules = { ...rules, overrideRole: 'Administrators' };
    expect(decide(chloe, 'QA', 'DONE', withOverride)).toEqual({ result: true });
    expect(decide(chloe, 'QA', 'DONE')).toMatchObject({ result: false });
    expect(decide(amara, 'QA', 'DONE', withOverride).errorMessage).toContain("Members of 'Administrators' may make any move.");
  });

  test('a group allowed by the rules lets its members move', () => {
    const byGroup: MoveRules = { ...rules, byStage: { ...rules.byStage, QA: { roles: [], groups: ['qa-team'] } } };
    expect(decide(hiro, 'QA', 'DONE', byGroup)).toEqual({ result: true });
    expect(decide({ ...hiro, groups: [] }, 'QA', 'DONE', byGroup).errorMessage).toContain("the group 'qa-team'");
  });

  test('not judged: create, within one stage, a status the mapping does not know (the loop rule judges those)', () => {
    expect(decideWhoMayMove({ rules, mapping, transition: { toStatusId: '10' }, actor: lena })).toEqual({ result: true });
    expect(decideWhoMayMove({ rules, mapping, transition: { fromStatusId: '30', toStatusId: '31' }, actor: lena })).toEqual({ result: true });
    expect(decideWhoMayMove({ rules, mapping, transition: { fromStatusId: '30', toStatusId: '90' }, actor: lena })).toEqual({ result: true });
  });
});

describe('the Jira expression says exactly what the domain rule says', () => {
  const property = (r: MoveRules) => moveRulesProperty(r, mapping, statuses, holders);
  const evaluate = (actor: Actor, fromStatusId: string | undefined, toStatusId: string, prop: unknown) =>
    runExpressionValidator(MOVE_RULES_EXPRESSION, 'fallback', {
      user: { accountId: actor.accountId, groups: actor.groups, getProjectRoles: () => actor.roles.map((name, id) => ({ id, name })) },
      project: { key: 'RT', properties: { 'release-train-move-rules': prop } },
      transition: { from: fromStatusId === undefined ? null : { id: Number(fromStatusId) }, to: { id: Number(toStatusId) } },
      issue: { key: 'RT-1' },
      config: {},
    });

  test.each([rules, { ...rules, overrideRole: 'Administrators' }])('every move between every pair of statuses, for every actor (override %#)', (r) => {
    let compared = 0;
    for (const actor of [amara, chloe, elif, hiro, lena])
      for (const from of statuses)
        for (const to of statuses) {
          const domain = decideWhoMayMove({ rules: r, mapping, transition: { fromStatusId: from.id, toStatusId: to.id }, actor, statuses, holders });
          expect(evaluate(actor, from.id, to.id, property(r))).toEqual(domain.result ? { result: true } : { result: false, errorMessage: domain.errorMessage });
          compared++;
        }
    expect(compared).toBe(5 * statuses.length ** 2);
  });

  test('no property (rules never saved) or one of another version: blocks, telling the admin what to do', () => {
    expect(evaluate(amara, '10', '20', undefined)).toEqual({ result: false, errorMessage: MOVE_RULES_NOT_SET_UP });
    expect(evaluate(amara, '10', '20', { v: 2 })).toEqual({ result: false, errorMessage: MOVE_RULES_NOT_SET_UP });
  });

  test("reads the acting user's project roles once, however many roles a move allows (an expensive operation in Jira)", () => {
    let reads = 0;
    const many = { ...rules, byStage: { ...rules.byStage, DEV: { roles: Array.from({ length: 20 }, (_, i) => `Role ${i}`), groups: [] } } };
    const outcome = runExpressionValidator(MOVE_RULES_EXPRESSION, 'fallback', {
      user: { accountId: lena.accountId, groups: [], getProjectRoles: () => { reads++; return [{ id: 1, name: 'Viewers' }]; } },
      project: { key: 'RT', properties: { 'release-train-move-rules': property(many) } },
      transition: { from: { id: 30 }, to: { id: 40 } },
      issue: { key: 'RT-1' },
      config: {},
    });
    expect(outcome.result).toBe(false);
    expect(reads).toBe(1);
  });

  test('passes on create (no from status)', () => {
    expect(evaluate(lena, undefined, '10', property(rules))).toEqual({ result: true });
  });

  test('manifest.yml carries this exact expression', () => {
    const manifest = parse(readFileSync('manifest.yml', 'utf8')) as { modules: { 'jira:workflowValidator': Array<{ key: string; expression?: string }> } };
    expect(manifest.modules['jira:workflowValidator'].find((v) => v.key === 'move-rules-validator')?.expression).toBe(MOVE_RULES_EXPRESSION);
  });

  test('the property stays far below Jira\'s 32,768 characters for a large workflow', () => {
    const many = Array.from({ length: 120 }, (_, i) => ({ id: String(1000 + i), name: `Status number ${i}`, categoryKey: 'indeterminate' }));
    const bigMapping = { byStatusId: Object.fromEntries(many.map((s, i) => [s.id, stages[i % stages.length]!])) };
    const bigHolders = { RTE: Array.from({ length: 50 }, (_, i) => `Person ${i}`) };
    expect(JSON.stringify(moveRulesProperty(rules, bigMapping, many, bigHolders)).length).toBeLessThan(32_768);
  });
});
