import { coverageProcedures } from '../contracts/coverage';
import { moveRulesProcedures } from '../contracts/move-rules';
import { stageMappingProcedures } from '../contracts/validator-config';
import { coverageHandlers } from './coverage/handlers';
import { moveRulesHandlers } from './move-rules-handlers';
import { defineResolver } from './define-resolver';
import { rcPromotionHandlers, rcPromotionProcedures } from './rc-promotion-handlers';
import { sprintPlanningHandlers, sprintPlanningProcedures } from './sprint-planning-handlers';
import { stageMappingHandlers } from './validator-config-resolver';
import { opsProjectPageProcedures, opsViewHandlers } from './ops-view-handlers';
import { deliveryHandlers, deliveryProcedures } from './delivery-handlers';

/** Forge allows one jira:projectPage per app: its sub-pages share this resolver, with namespaced keys. */
export const projectPagesResolver = defineResolver(
  { ...sprintPlanningProcedures, ...rcPromotionProcedures, ...stageMappingProcedures, ...moveRulesProcedures, ...opsProjectPageProcedures, ...deliveryProcedures, ...coverageProcedures },
  { ...sprintPlanningHandlers, ...rcPromotionHandlers, ...stageMappingHandlers, ...moveRulesHandlers, ...opsViewHandlers, ...deliveryHandlers, ...coverageHandlers },
);
