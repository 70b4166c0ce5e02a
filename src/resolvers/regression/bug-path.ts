import type { z } from 'zod';
import type { bugPathSchema } from '../../contracts/regression';
import { loopCounts, stageHistory, stageLabels, stageVisits } from '../../domain/bug-flow';
import { ISSUE_INLINE_CHANGELOG_CAP, statusChangesOf, withWholeChangelog } from '../../jira/changelog';
import type { JiraGateway } from '../../jira/gateway';
import type { JiraIssue } from '../../jira/schemas';
import type { KeyValueStore } from '../../storage/key-value-store';
import { loadStageMapping } from '../../storage/stage-mapping-store';

/**
 * The bug's path through the loop with who moved it and when, from its changelog and the project's status →
 * stage mapping (the one the workflow validators use); the whole changelog when the inline one is truncated.
 * Best effort: the panel works without it.
 */
export async function bugPath(jira: JiraGateway, storage: KeyValueStore, issue: JiraIssue, now: Date): Promise<z.infer<typeof bugPathSchema> | undefined> {
  const project = issue.fields.project;
  if (!project?.id || !issue.changelog) return undefined;
  try {
    // GET issue inlines at most 100 changelog entries: read the rest when there may be more.
    issue = await withWholeChangelog(jira, issue, ISSUE_INLINE_CHANGELOG_CAP);
    const { mapping } = await loadStageMapping(storage, jira, { id: project.id, key: project.key }, now);
    const names = new Map((issue.changelog?.histories ?? []).flatMap((h) => (h.author?.displayName ? [[h.author.accountId, h.author.displayName] as const] : [])));
    const intervals = stageHistory(issue.fields.created ?? now.toISOString(), issue.fields.status?.id, statusChangesOf(issue.changelog?.histories ?? []), mapping);
    const steps = stageVisits(intervals).map((v) => {
      const by = v.byAccountId ? (names.get(v.byAccountId) ?? v.byAccountId) : undefined;
      return { stage: v.stage, label: stageLabels[v.stage], enteredAt: v.enteredAt, ...(v.leftAt ? { leftAt: v.leftAt } : {}), ...(by ? { by } : {}) };
    });
    return { steps, sentBackFromQa: loopCounts(intervals).fromQa };
  } catch (e) {
    console.warn(`Regression panel: the path of ${issue.key} could not be read`, e instanceof Error ? e.message : e);
    return undefined;
  }
}
