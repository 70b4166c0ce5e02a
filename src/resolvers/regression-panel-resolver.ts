import { regressionProcedures } from '../contracts/regression';
import { defineResolver } from './define-resolver';
import { regressionHandlers } from './regression/handlers';

/** The QA regression issue panel's resolver (manifest function regression-panel-fn). Use cases: ./regression/handlers.ts. */
export const regressionPanelResolver = defineResolver(regressionProcedures, regressionHandlers);
