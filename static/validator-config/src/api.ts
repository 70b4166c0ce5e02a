/** The only module of this app that imports @forge/bridge (and @forge/jira-bridge): typed resolver calls, context, onConfigure. */
import { invoke, view } from '@forge/bridge';
import { workflowRules } from '@forge/jira-bridge';
import { makeCaller, validatorConfigProcedures, type InvokeFn } from '@rt/contracts';
import { configContextOf, type ConfigContext } from './context';

export const call = makeCaller(invoke as InvokeFn, validatorConfigProcedures);

export type { ConfigContext } from './context';

export async function loadConfigContext(): Promise<ConfigContext> {
  return configContextOf(await view.getContext());
}

/** Jira calls this when the admin saves the rule: it must return the configuration JSON (or throw to refuse). */
export function registerOnConfigure(collect: () => string): Promise<void> {
  return workflowRules.onConfigure(async () => collect());
}
