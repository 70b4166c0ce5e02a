import type { JiraStatus, StatusStageMapping } from '../bug-flow/status-mapping';
import { stages, type Stage } from '../bug-flow/stages';
import { refusalText, type Holders, type MoveRules } from './move-rules';

/**
 * Who makes a move is known only to a Jira expression: Forge hands a FUNCTION validator `{ issue, configuration,
 * transition }` and no user (see docs/validators.md), while an expression validator sees `user`, the acting user.
 * So the role rule is a `jira:workflowValidator` with this expression (manifest.yml). It reads the project's rules
 * from a project entity property the app writes whenever an admin saves the rules or the stage mapping, because an
 * expression cannot read app storage. The property carries everything precomputed (status → stage, status names,
 * per leaving stage the allowed roles and groups, the override role folded in, and the refusal text naming who
 * holds them), so the expression only looks up and compares.
 *
 * The expression is written in the subset Jira expressions share with JavaScript (arrow functions, ternaries,
 * list `map`/`some`/`includes`, `==`, string `+`), so the local workspace evaluates the very same text as
 * JavaScript with the acting demo user (local/server/expression-validator.ts), and the unit tests check it against
 * `decideWhoMayMove` for every move and role.
 */
export const MOVE_RULES_PROPERTY_KEY = 'release-train-move-rules';

export type MoveRulesProperty = {
  v: 1;
  /** status id → stage (mapped statuses only). */
  stage: Record<string, Stage>;
  /** status id → name, for "Move to '…' refused". */
  names: Record<string, string>;
  /** Leaving stage → who may make the move (override role included) and the refusal after "Move to '…' refused: ". */
  rules: Record<string, { roles: string[]; groups: string[]; text: string }>;
};

/** Said when the property is missing (nobody saved the rules yet) or unreadable: blocks, for the admin. */
export const MOVE_RULES_NOT_SET_UP =
  'Release Train cannot tell who may make this move: the rules are not set up for this project. A project admin opens Release Train → Stage mapping and saves who may make each move (the defaults follow the loop).';

const from = "'' + transition.from.id";
const to = "'' + transition.to.id";
/**
 * r: the property; k: the rule of the stage the move leaves; mine: the acting user's role names, read ONCE (loading a
 * user's project roles is an expensive operation in Jira expressions, which allow only a few per evaluation; inside
 * `some` it would run once per allowed role). Passes on create (no from status), within a stage, and for statuses
 * the mapping does not know (the loop validator judges those).
 */
export const MOVE_RULES_EXPRESSION =
  `[project.properties['${MOVE_RULES_PROPERTY_KEY}']].map(r => r == null || r.v != 1 ? ${JSON.stringify(MOVE_RULES_NOT_SET_UP)} : ` +
  `transition.from == null || r.stage[${from}] == null || r.stage[${to}] == null || r.stage[${from}] == r.stage[${to}] ? true : ` +
  `[r.rules[r.stage[${from}]]].map(k => k == null ? true : [user.getProjectRoles(project).map(x => x.name)].map(mine => k.roles.some(n => mine.includes(n)) || k.groups.some(g => user.groups.includes(g)) ? true : ` +
  `"Move to '" + r.names[${to}] + "' refused: " + k.text)[0])[0])[0]`;

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The project property for `MOVE_RULES_EXPRESSION`: the rules, the stage mapping and who holds each role. */
export function moveRulesProperty(rules: MoveRules, mapping: StatusStageMapping, statuses: readonly JiraStatus[], holders: Holders): MoveRulesProperty {
  const stage: Record<string, Stage> = {};
  for (const [id, s] of Object.entries(mapping.byStatusId)) if (s !== undefined) stage[id] = s;
  const names: Record<string, string> = {};
  for (const s of statuses) names[s.id] = s.name;
  const out: MoveRulesProperty['rules'] = {};
  for (const st of stages) {
    const rule = rules.byStage[st];
    const roles = rules.overrideRole && !rule.roles.includes(rules.overrideRole) ? [...rule.roles, rules.overrideRole] : [...rule.roles];
    out[st] = { roles, groups: [...rule.groups], text: capitalise(refusalText(st, rules, holders)) };
  }
  return { v: 1, stage, names, rules: out };
}
