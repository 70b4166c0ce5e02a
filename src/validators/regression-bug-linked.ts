import { decideRegressionBugLinked } from '../domain/validators/regression-bug-linked';
import type { ValidatorDefinition } from './run-validator';

export const regressionBugLinked: ValidatorDefinition<'regression-bug-linked'> = {
  kind: 'regression-bug-linked',
  // On create the rule sees the labels, versions and links being created (no issue to read yet).
  decideOnCreate: (config, issue) => decideRegressionBugLinked({ config, issue }),
  read: (config) => ({ fields: ['issuetype', 'labels', 'versions', 'issuelinks'], changelog: config.onlyFirstTransition }),
  needsLoop: () => false,
  // "First transition" = no status change yet; a window of 100 entries without one cannot tell for sure.
  needsWholeHistory: (config, issue) => config.onlyFirstTransition && issue.statusChanges.length === 0,
  decide: (config, issue) => decideRegressionBugLinked({ config, issue }),
};
