import { defineResolver } from './define-resolver';
import { opsHandoffPanelHandlers, opsHandoffPanelProcedures } from './ops-handoff-panel-handlers';

/** The ops hand-off issue panel's resolver (jira:issuePanel `ops-handoff-panel`). */
export const opsHandoffPanelResolver = defineResolver(opsHandoffPanelProcedures, opsHandoffPanelHandlers);
