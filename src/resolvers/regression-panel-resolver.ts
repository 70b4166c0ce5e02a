import { signoffProcedures } from '../contracts/coverage';
import { regressionProcedures } from '../contracts/regression';
import { signoffHandlers } from './coverage/signoff-handlers';
import { defineResolver } from './define-resolver';
import { regressionHandlers } from './regression/handlers';

/** The QA regression and QA sign-off issue panels' resolver (manifest function regression-panel-fn). Use cases: ./regression/handlers.ts. */
export const regressionPanelResolver = defineResolver({ ...regressionProcedures, ...signoffProcedures }, { ...regressionHandlers, ...signoffHandlers });
