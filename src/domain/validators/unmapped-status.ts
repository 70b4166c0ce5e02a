import type { JiraStatus } from '../bug-flow/status-mapping';
import { block, type ValidatorDecision } from './issue-snapshot';

/**
 * A status the project's saved stage mapping does not know (added to the workflow after an admin saved it): the loop
 * cannot be judged, so the move is blocked and the message says who fixes the mapping and where.
 */
export function unmappedStatusDecision(statuses: readonly Pick<JiraStatus, 'name'>[]): ValidatorDecision {
  const names = statuses.map((s) => `'${s.name}'`).join(' and ');
  const them = statuses.length === 1 ? 'it' : 'them';
  return block(
    `The project's stage mapping does not include the status ${names} (added to the workflow after the mapping was saved), so Release Train cannot tell ` +
      `where this move goes in the loop. A project admin maps ${them} to a stage (Release Train → Stage mapping in the project sidebar); then retry the move.`,
  );
}
