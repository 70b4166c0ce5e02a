import { storedMoveRulesSchema, type StoredMoveRules } from '../contracts/move-rules';
import { MOVE_RULES_PROPERTY_KEY, moveRulesProperty } from '../domain/move-rules/expression';
import { defaultMoveRules, type Holders, type MoveRules } from '../domain/move-rules/move-rules';
import type { JiraGateway } from '../jira/gateway';
import type { KeyValueStore } from './key-value-store';
import { repository } from './repository';
import { loadStageMapping } from './stage-mapping-store';

/** A project's move rules in app storage (`move-rules:<projectId>`); absent until an admin saves them. */
export const moveRulesRepo = (store: KeyValueStore) => repository(store, 'move-rules', storedMoveRulesSchema);

const namesIn = (rules: MoveRules) => new Set([...Object.values(rules.byStage).flatMap((r) => r.roles), ...(rules.overrideRole ? [rules.overrideRole] : [])]);

/**
 * The project's roles and who holds them, by role name (display names). One call for the roles plus one per role
 * the rules name (`only`), or per role when `only` is absent; needs Administer Projects (as the user) or the app.
 */
export async function roleHolders(jira: JiraGateway, projectKey: string, only?: ReadonlySet<string>): Promise<{ roles: Array<{ id: number; name: string; holders: string[] }>; holders: Holders }> {
  const roles = await jira.listProjectRoles(projectKey);
  const out: Array<{ id: number; name: string; holders: string[] }> = [];
  for (const role of roles) {
    if (only && !only.has(role.name)) {
      out.push({ id: role.id, name: role.name, holders: [] });
      continue;
    }
    const detail = await jira.getProjectRoleActors(projectKey, role.id);
    const names = detail.actors.map((a) => a.displayName ?? a.actorGroup?.name ?? a.actorUser?.accountId ?? '').filter((n) => n !== '');
    out.push({ id: role.id, name: role.name, holders: names });
  }
  return { roles: out, holders: Object.fromEntries(out.filter((r) => !only || only.has(r.name)).map((r) => [r.name, r.holders])) };
}

/**
 * Writes what the role validator's Jira expression reads (project property `release-train-move-rules`): the saved
 * rules with the project's current stage mapping, status names and role holders. Called whenever an admin saves
 * the rules or the stage mapping, as that admin. Nothing is published while no rules were saved: the expression
 * then blocks, telling the admin to save them (the defaults are one click away on the Stage mapping page).
 */
export async function publishMoveRules(store: KeyValueStore, jira: JiraGateway, project: { id: string; key: string }, now: Date): Promise<'published' | 'no-rules'> {
  const stored = await moveRulesRepo(store).get(project.id);
  if (!stored) return 'no-rules';
  const loaded = await loadStageMapping(store, jira, project, now);
  const { holders } = await roleHolders(jira, project.key, namesIn(stored));
  await jira.setProjectProperty(project.key, MOVE_RULES_PROPERTY_KEY, moveRulesProperty(stored, loaded.mapping, loaded.statuses, holders));
  return 'published';
}

export function rulesOf(stored: StoredMoveRules | undefined): MoveRules {
  if (!stored) return defaultMoveRules();
  return { version: 1, byStage: stored.byStage, overrideRole: stored.overrideRole };
}
