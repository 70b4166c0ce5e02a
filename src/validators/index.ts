/**
 * The four jira:workflowValidator functions (manifest: repro-steps-clear-fn, follows-loop-fn, rte-review-complete-fn,
 * regression-linked-fn). Each: Jira's payload → at most one Jira read → the domain decides → `{ result, errorMessage }`.
 * See run-validator.ts for the pipeline and failure policy, docs/validators.md for the admin guide.
 */
import { followsLoop } from './follows-loop';
import { regressionBugLinked } from './regression-bug-linked';
import { regressionClean } from './regression-clean';
import { reproStepsClear } from './repro-steps-clear';
import { rteReviewComplete } from './rte-review-complete';
import { runValidator, type ValidatorResponse } from './run-validator';

export const reproStepsClearValidator = (payload: unknown): Promise<ValidatorResponse> => runValidator(reproStepsClear, payload);
export const followsLoopValidator = (payload: unknown): Promise<ValidatorResponse> => runValidator(followsLoop, payload);
export const rteReviewCompleteValidator = (payload: unknown): Promise<ValidatorResponse> => runValidator(rteReviewComplete, payload);
export const regressionBugLinkedValidator = (payload: unknown): Promise<ValidatorResponse> => runValidator(regressionBugLinked, payload);
export const regressionCleanValidator = (payload: unknown): Promise<ValidatorResponse> => runValidator(regressionClean, payload);

import { runTransitionRules } from './run-transition-rules';

/** The app's function rules on a transition in one invocation (issue 17; configuration: src/contracts/transition-rules-config.ts). */
export const transitionRulesValidator = (payload: unknown): Promise<ValidatorResponse> => runTransitionRules(payload);

export { followsLoop, regressionBugLinked, regressionClean, reproStepsClear, rteReviewComplete, runValidator };
export type { ValidationTrace, ValidatorResponse } from './run-validator';
