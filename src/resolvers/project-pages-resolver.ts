import { defineResolver } from './define-resolver';
import { rcPromotionHandlers, rcPromotionProcedures } from './rc-promotion-handlers';
import { sprintPlanningHandlers, sprintPlanningProcedures } from './sprint-planning-handlers';

/** Forge allows one jira:projectPage per app: its two sub-pages share this resolver, with namespaced keys. */
export const projectPagesResolver = defineResolver(
  { ...sprintPlanningProcedures, ...rcPromotionProcedures },
  { ...sprintPlanningHandlers, ...rcPromotionHandlers },
);
