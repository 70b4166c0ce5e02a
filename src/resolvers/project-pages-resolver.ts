import { coverageProcedures } from '../contracts/coverage';
import { stageMappingProcedures } from '../contracts/validator-config';
import { coverageHandlers } from './coverage/handlers';
import { defineResolver } from './define-resolver';
import { rcPromotionHandlers, rcPromotionProcedures } from './rc-promotion-handlers';
import { sprintPlanningHandlers, sprintPlanningProcedures } from './sprint-planning-handlers';
import { stageMappingHandlers } from './validator-config-resolver';

/** Forge allows one jira:projectPage per app: its three sub-pages share this resolver, with namespaced keys. */
export const projectPagesResolver = defineResolver(
  { ...sprintPlanningProcedures, ...rcPromotionProcedures, ...stageMappingProcedures, ...coverageProcedures },
  { ...sprintPlanningHandlers, ...rcPromotionHandlers, ...stageMappingHandlers, ...coverageHandlers },
);
