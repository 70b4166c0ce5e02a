import { storedStageMappingSchema, toDomainMapping, type StoredStageMapping } from '../contracts/stage-mapping';
import { deriveDefaultMapping, type JiraStatus, type StatusStageMapping } from '../domain/bug-flow/status-mapping';
import type { JiraGateway } from '../jira/gateway';
import type { KeyValueStore } from './key-value-store';
import { repository } from './repository';

/**
 * A project's status → stage mapping in app storage (`stage-mapping:<projectId>`).
 *
 * The default when nobody saved one is derived from the project's statuses (names and categories) and CACHED in
 * storage with `derived: true`, so it costs one Jira call (the project's statuses) once per project, not per
 * validation. The configuration UI reads the statuses anyway when an admin adds a validator, and warms the cache
 * there, so in practice even the first validation makes only its one issue read. Deriving from the issue data at
 * hand instead was rejected: the changelog names statuses but has no categories, and the target status of a move
 * the bug never made before is not in it at all, so "Dev → In QA" could not be judged. A cached default is not
 * forever: a status added to the workflow later is noticed when a validation names it (loadStageMapping's `needed`).
 */
export const stageMappings = (store: KeyValueStore) => repository(store, 'stage-mapping', storedStageMappingSchema);

/** Distinct statuses of `GET /project/{key}/statuses` (one list per issue type), in Jira's order. */
export function projectStatusList(reply: ReadonlyArray<{ statuses: ReadonlyArray<{ id: string; name: string; statusCategory?: { key: string } | undefined }> }>): JiraStatus[] {
  const seen = new Map<string, JiraStatus>();
  for (const type of reply) for (const s of type.statuses) if (!seen.has(s.id)) seen.set(s.id, { id: s.id, name: s.name, categoryKey: s.statusCategory?.key ?? '' });
  return [...seen.values()];
}

export function derivedMapping(projectId: string, statuses: readonly JiraStatus[], now: Date): StoredStageMapping {
  return {
    version: 1,
    projectId,
    byStatusId: deriveDefaultMapping(statuses).byStatusId,
    derived: true,
    updatedAt: now.toISOString(),
    statuses: statuses.map((s) => ({ id: s.id, name: s.name.slice(0, 255), categoryKey: s.categoryKey.slice(0, 40) })),
  };
}

export type LoadedMapping = {
  mapping: StatusStageMapping;
  statuses: JiraStatus[];
  stored: StoredStageMapping;
  /** a Jira call was made to derive it */
  derivedNow: boolean;
  /** Needed statuses an admin-saved mapping does not know (added to the workflow after it was saved), named from Jira. */
  unknownToSavedMapping: JiraStatus[];
};

/** Whether the stored mapping knows the status: mapped, or among the statuses it was made from (left unmapped). */
const knows = (stored: StoredStageMapping, statusId: string) =>
  Object.prototype.hasOwnProperty.call(stored.byStatusId, statusId) || (stored.statuses ?? []).some((s) => s.id === statusId);

/**
 * The stored mapping, or the derived default (read with `jira`, then cached). `needed`: the statuses the caller is
 * about to judge. One the stored mapping does not know was added to the workflow later: a DERIVED mapping is
 * derived again (+1 call, once: the new one knows it) so the status is not silently unmapped; an admin-saved one
 * is kept as the admin made it, and the unknown statuses are returned (named, +1 call) for the caller to refuse.
 */
export async function loadStageMapping(store: KeyValueStore, jira: JiraGateway, project: { id: string; key: string }, now: Date, needed: readonly string[] = []): Promise<LoadedMapping> {
  const repo = stageMappings(store);
  const stored = await repo.get(project.id);
  const unknown = stored ? needed.filter((id) => !knows(stored, id)) : [];
  if (stored && unknown.length === 0) return { mapping: toDomainMapping(stored), statuses: stored.statuses ?? [], stored, derivedNow: false, unknownToSavedMapping: [] };
  const statuses = projectStatusList(await jira.getProjectStatuses(project.key));
  if (stored && !stored.derived) {
    const named = unknown.map((id) => statuses.find((s) => s.id === id) ?? { id, name: `status ${id}`, categoryKey: '' });
    return { mapping: toDomainMapping(stored), statuses: stored.statuses ?? statuses, stored, derivedNow: false, unknownToSavedMapping: named };
  }
  const derived = derivedMapping(project.id, statuses, now);
  await repo.set(project.id, derived);
  return { mapping: toDomainMapping(derived), statuses, stored: derived, derivedNow: true, unknownToSavedMapping: [] };
}
