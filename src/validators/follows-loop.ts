import { stageOf } from '../domain/bug-flow/status-mapping';
import { decideFollowsLoop } from '../domain/validators/follows-loop';
import { pass } from '../domain/validators/issue-snapshot';
import { entersQa, windowDecides } from './history';
import type { ValidatorDefinition } from './run-validator';

export const followsLoop: ValidatorDefinition<'follows-loop'> = {
  kind: 'follows-loop',
  // Creating an issue is not a move in the loop.
  decideOnCreate: () => pass(),
  withoutRead: (_config, request) => (request.fromStatusId === undefined ? pass() : undefined),
  read: () => ({ fields: ['issuetype', 'status', 'created', 'project'], changelog: true }),
  needsLoop: () => true,
  needsWholeHistory(_config, issue, request, loop) {
    if (!loop || request.fromStatusId === undefined) return false;
    const qa = entersQa(request.fromStatusId, request.toStatusId, loop.mapping);
    // The history matters for a move into QA, and for the stage of a bug in a status the mapping does not know.
    if (!qa && stageOf(request.fromStatusId, loop.mapping) !== undefined) return false;
    return !windowDecides(issue, request.fromStatusId, loop.mapping, qa);
  },
  decide(config, issue, request, loop) {
    if (!loop) return pass();
    const transition = request.fromStatusId === undefined ? { toStatusId: request.toStatusId } : { fromStatusId: request.fromStatusId, toStatusId: request.toStatusId };
    const { result, errorMessage } = decideFollowsLoop({ config, issue, transition, mapping: loop.mapping, statuses: loop.statuses });
    return errorMessage === undefined ? { result } : { result, errorMessage };
  },
};
