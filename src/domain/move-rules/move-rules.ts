import { stageOf, type JiraStatus, type StatusStageMapping } from '../bug-flow/status-mapping';
import { stageLabels, stages, type Stage } from '../bug-flow/stages';
import { block, pass, type ValidatorDecision } from '../validators/issue-snapshot';

/**
 * Who may make each kind of move in the loop. A move is named by the stage it LEAVES (the stage's owner moves a
 * bug on, or sends it back): L2 → RTE triage is "submit", RTE triage → Dev (or back to L2) is "triage", Dev → RTE
 * review is "fix", RTE review → QA (or back to Dev) is "review", QA → Done (or back to Dev) is "close", and a done
 * bug's reopen is "reopen". Two statuses of one stage are not a move (anyone who may transition may do it).
 * Each kind lists project roles and groups (by name, as Jira shows them); a member of any of them may make it.
 * `overrideRole` (optional) may make every move: the admins' escape hatch, named so it is a deliberate choice.
 */
export type MoveRule = { roles: string[]; groups: string[] };
export type MoveRules = { version: 1; byStage: Record<Exclude<Stage, never>, MoveRule>; overrideRole: string | null };

export const moveLabels: Readonly<Record<Stage, string>> = {
  L2: 'L2 → RTE triage (submit a bug)',
  RTE_TRIAGE: 'RTE triage → Dev, or back to L2 (accept or ask for information)',
  DEV: 'Dev → RTE review (hand in the fix)',
  RTE_REVIEW: 'RTE review → QA, or back to Dev',
  QA: 'QA → Done, or back to Dev',
  DONE: 'Done → reopen',
};

/** What the move is, for "… is the move of …" sentences. */
const moveSentences: Readonly<Record<Stage, string>> = {
  L2: 'submitting a bug from L2 to RTE triage',
  RTE_TRIAGE: 'accepting a bug from RTE triage into Dev (or sending it back to L2)',
  DEV: 'handing a fix from Dev to RTE review',
  RTE_REVIEW: 'passing a reviewed fix from RTE review to QA (or back to Dev)',
  QA: 'closing a bug from QA (Done, or back to Dev when the fix fails)',
  DONE: 'reopening a done bug',
};

/** The process: L2 files and submits; the RTE triages, reviews and reopens; developers fix; QA closes. */
export function defaultMoveRules(): MoveRules {
  const r = (...roles: string[]): MoveRule => ({ roles, groups: [] });
  return { version: 1, byStage: { L2: r('L2 Support'), RTE_TRIAGE: r('RTE'), DEV: r('Developers'), RTE_REVIEW: r('RTE'), QA: r('QA'), DONE: r('RTE') }, overrideRole: null };
}

/** The acting user: their project roles in the issue's project and their groups, by name. */
export type Actor = { accountId: string; displayName?: string; roles: readonly string[]; groups: readonly string[] };
/** Who holds each role or group named by the rules (display names), for the message. */
export type Holders = Readonly<Record<string, readonly string[]>>;

/** The kind of move (the stage it leaves), or undefined when it is not a move between two mapped stages. */
export function moveOf(fromStatusId: string | undefined, toStatusId: string, mapping: StatusStageMapping): Stage | undefined {
  if (fromStatusId === undefined) return undefined;
  const from = stageOf(fromStatusId, mapping);
  const to = stageOf(toStatusId, mapping);
  return from === undefined || to === undefined || from === to ? undefined : from;
}

export function mayMake(rule: MoveRule, overrideRole: string | null, actor: Pick<Actor, 'roles' | 'groups'>): boolean {
  const roles = new Set(actor.roles);
  const groups = new Set(actor.groups);
  return rule.roles.some((r) => roles.has(r)) || rule.groups.some((g) => groups.has(g)) || (overrideRole !== null && roles.has(overrideRole));
}

const MAX_NAMES = 4;
function holdersOf(names: readonly string[] | undefined): string {
  if (names === undefined) return '';
  if (names.length === 0) return ' (nobody holds it yet)';
  const shown = names.slice(0, MAX_NAMES).join(', ');
  return ` (${names.length > MAX_NAMES ? `${shown} and ${names.length - MAX_NAMES} more` : shown})`;
}

/**
 * The part of the refusal that does not depend on the acting user: which move it is, the roles/groups it needs and
 * who holds them. Kept apart so the Jira expression (which only picks the text) and the domain say the same.
 */
export function refusalText(stage: Stage, rules: MoveRules, holders: Holders): string {
  const rule = rules.byStage[stage];
  const who = [
    ...rule.roles.map((r) => `the project role '${r}'${holdersOf(holders[r])}`),
    ...rule.groups.map((g) => `the group '${g}'${holdersOf(holders[`group:${g}`])}`),
  ];
  const needed = who.length === 0 ? 'nobody (no role or group is allowed to make it)' : who.join(' or ');
  const override = rules.overrideRole ? ` Members of '${rules.overrideRole}' may make any move.` : '';
  return (
    `${moveSentences[stage]} is for ${needed}, and you are not in it.${override} ` +
    `Ask one of them to make this move; a project admin changes who may make it on Release Train → Stage mapping.`
  );
}

export type WhoMayMoveInput = {
  rules: MoveRules;
  mapping: StatusStageMapping;
  transition: { fromStatusId?: string; toStatusId: string };
  actor: Actor;
  statuses?: readonly JiraStatus[];
  holders?: Holders;
};

/**
 * Whether the acting user may make this move. Creating an issue, a move within one stage and a move touching a
 * status the mapping does not know are not judged here (the loop rule judges those). The refusal names the move
 * it refused, the roles or groups it needs and who holds them.
 */
export function decideWhoMayMove({ rules, mapping, transition, actor, statuses = [], holders = {} }: WhoMayMoveInput): ValidatorDecision {
  const stage = moveOf(transition.fromStatusId, transition.toStatusId, mapping);
  if (stage === undefined) return pass();
  if (mayMake(rules.byStage[stage], rules.overrideRole, actor)) return pass();
  const toName = statuses.find((s) => s.id === transition.toStatusId)?.name ?? stageLabels[stageOf(transition.toStatusId, mapping) ?? stage];
  return block(`Move to '${toName}' refused: ${capitalise(refusalText(stage, rules, holders))}`);
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export { stages };
