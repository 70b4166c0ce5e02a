// A table of contents: exactly the handlers manifest.yml names (test/app/manifest.test.ts keeps them in step).

// jira:workflowValidator functions
export { reproStepsClearValidator, followsLoopValidator, rteReviewCompleteValidator, regressionBugLinkedValidator, regressionCleanValidator, transitionRulesValidator } from './validators';

// Custom UI resolvers, one per UI module
export { reproFieldResolver } from './resolvers/repro-field-resolver';
export { regressionPanelResolver } from './resolvers/regression-panel-resolver';
export { projectPagesResolver } from './resolvers/project-pages-resolver';
export { validatorConfigResolver } from './resolvers/validator-config-resolver';
export { opsHandoffPanelResolver } from './resolvers/ops-handoff-panel-resolver';

// Read models: product-event trigger, async events consumer, scheduled reconcile (docs/read-models.md)
export { onIssueChangedForReadModels, readModelsConsumer, reconcileReadModels } from './read-models/handlers';
