/**
 * Who may make each move in RT, as if an admin had saved the defaults on Release Train → Stage mapping: the rules in
 * app storage (`move-rules:<RT id>`) and the project property the role validator's Jira expression reads. The demo
 * names 'Administrators' as the override role (Chloé, the RTE who administers RT, may make any move), so refusals
 * are shown with Amara (L2), Elif (Dev), Hiro (QA), Kwame (ops) and Lena (viewer).
 */
import { MOVE_RULES_PROPERTY_KEY, moveRulesProperty } from '../../src/domain/move-rules/expression';
import { defaultMoveRules, type MoveRules } from '../../src/domain/move-rules/move-rules';
import { deriveDefaultMapping } from '../../src/domain/bug-flow/status-mapping';
import type { EmulatorState } from '../emulator/state';
import { PROJECT } from './project';

export const DEMO_MOVE_RULES: MoveRules = { ...defaultMoveRules(), overrideRole: 'Administrators' };

export function seedMoveRules(state: EmulatorState): void {
  const rt = state.projects.find((p) => p.id === PROJECT.RT);
  const workflow = state.workflows.find((w) => w.projectKeys.includes('RT'));
  if (!rt || !workflow) return;
  const statuses = workflow.statusIds.map((id) => state.statuses.find((s) => s.id === id)).filter((s) => s !== undefined).map((s) => ({ id: s.id, name: s.name, categoryKey: s.category }));
  const holders = Object.fromEntries(state.roles.map((r) => [r.name, (rt.roleMembers[String(r.id)] ?? []).map((id) => state.users.find((u) => u.accountId === id)?.displayName ?? id)]));
  rt.properties ??= {};
  if (!(MOVE_RULES_PROPERTY_KEY in rt.properties)) rt.properties[MOVE_RULES_PROPERTY_KEY] = moveRulesProperty(DEMO_MOVE_RULES, deriveDefaultMapping(statuses), statuses, holders);
  const key = `move-rules:${rt.id}`;
  if (!(key in state.appStorage)) state.appStorage[key] = { ...DEMO_MOVE_RULES, updatedAt: state.seededAt };
}
