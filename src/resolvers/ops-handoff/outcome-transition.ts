import { z } from 'zod';
import type { DeploymentOutcome } from '../../contracts/handoff';
import type { JiraGateway } from '../../jira/gateway';
import { repository } from '../../storage/repository';
import type { KeyValueStore } from '../../storage/key-value-store';

/**
 * Which status of the ops project's workflow each outcome moves the hand-off to (app storage
 * `ops-handoff:config:<OPS PROJECT>`, e.g. `{ "outcomeStatuses": { "deployed": "Deployed", "rolled-back": "Rolled back" } }`).
 * The report on the panel is the record (a status cannot carry the time, environment and note); the status only
 * keeps the ops board in step. No entry for an outcome: the hand-off's status is left alone.
 */
export const opsHandoffConfigSchema = z.object({
  outcomeStatuses: z.partialRecord(z.enum(['deployed', 'failed', 'rolled-back']), z.string().min(1).max(255)).default({}),
});
export type OpsHandoffConfig = z.infer<typeof opsHandoffConfigSchema>;

export const opsHandoffConfigs = (kv: KeyValueStore) => repository(kv, 'ops-handoff:config', opsHandoffConfigSchema);

/** Moves the hand-off to the configured status through a transition Jira offers the caller; says what happened. */
export async function moveToOutcomeStatus(jira: JiraGateway, issueKey: string, outcome: DeploymentOutcome, config: OpsHandoffConfig | undefined): Promise<{ moved: boolean; message: string } | undefined> {
  const target = config?.outcomeStatuses[outcome];
  if (!target) return undefined;
  try {
    const transitions = await jira.getTransitions(issueKey);
    const t = transitions.find((x) => x.to.name.toLowerCase() === target.toLowerCase());
    if (!t) return { moved: false, message: `The report is saved; ${issueKey} stays in its status because Jira offers no transition to “${target}” from here.` };
    await jira.transitionIssue(issueKey, t.id);
    return { moved: true, message: `${issueKey} moved to “${target}”.` };
  } catch (e) {
    return { moved: false, message: `The report is saved, but ${issueKey} could not be moved to “${target}”: ${e instanceof Error ? e.message : String(e)}` };
  }
}
