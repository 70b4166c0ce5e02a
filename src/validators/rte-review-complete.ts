import { pass } from '../domain/validators/issue-snapshot';
import type { FlagSource } from '../domain/validators/kinds';
import { decideRteReviewComplete } from '../domain/validators/rte-review-complete';
import { entersQa, windowDecides } from './history';
import type { ValidatorDefinition } from './run-validator';

const flagFields = (flag: FlagSource): string[] => (flag.source === 'field' ? [flag.fieldId] : []);

export const rteReviewComplete: ValidatorDefinition<'rte-review-complete'> = {
  kind: 'rte-review-complete',
  // A new issue is not moving into QA from anywhere.
  decideOnCreate: () => pass(),
  read: (config) => ({
    fields: ['issuetype', 'status', 'created', 'project', 'labels', 'fixVersions', ...flagFields(config.documentationImpact), ...flagFields(config.reproConfirmed)],
    changelog: config.requireRteReviewInHistory,
  }),
  needsLoop: () => true,
  needsWholeHistory(config, issue, request, loop) {
    if (!loop || !config.requireRteReviewInHistory || !entersQa(request.fromStatusId, request.toStatusId, loop.mapping)) return false;
    return !windowDecides(issue, request.fromStatusId ?? issue.statusId, loop.mapping, true);
  },
  decide(config, issue, request, loop) {
    if (!loop) return pass();
    const transition = request.fromStatusId === undefined ? { toStatusId: request.toStatusId } : { fromStatusId: request.fromStatusId, toStatusId: request.toStatusId };
    return decideRteReviewComplete({ config, issue, transition, mapping: loop.mapping, statuses: loop.statuses });
  },
};
