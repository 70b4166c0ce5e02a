import { REGRESSION_PROPERTY_KEY } from '../contracts/regression';
import { pass } from '../domain/validators/issue-snapshot';
import { decideRegressionClean } from '../domain/validators/regression-clean';
import type { ValidatorDefinition } from './run-validator';

/** The Done gate: the issue, its fix versions and its regression record (an issue entity property) in one call. */
export const regressionClean: ValidatorDefinition<'regression-clean'> = {
  kind: 'regression-clean',
  // A new issue does not end the loop.
  decideOnCreate: () => pass(),
  read: () => ({ fields: ['issuetype', 'status', 'project', 'fixVersions'], changelog: false, properties: [REGRESSION_PROPERTY_KEY] }),
  needsLoop: () => true,
  decide(config, issue, request, loop) {
    if (!loop) return pass();
    const transition = request.fromStatusId === undefined ? { toStatusId: request.toStatusId } : { fromStatusId: request.fromStatusId, toStatusId: request.toStatusId };
    return decideRegressionClean({ config, issue, transition, mapping: loop.mapping, statuses: loop.statuses, storedRegression: issue.properties?.[REGRESSION_PROPERTY_KEY] });
  },
};
