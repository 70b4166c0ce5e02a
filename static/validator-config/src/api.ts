/** The only module of this app that imports @forge/bridge (and @forge/jira-bridge): typed resolver calls, context, onConfigure. */
import { invoke, view } from '@forge/bridge';
import { workflowRules } from '@forge/jira-bridge';
import { makeCaller, validatorConfigProcedures, type InvokeFn } from '@rt/contracts';
import { validatorKinds, type ValidatorKind } from '../../../src/domain/validators/kinds';

export const call = makeCaller(invoke as InvokeFn, validatorConfigProcedures);

export type ConfigContext = {
  kind: ValidatorKind | undefined;
  moduleKey: string;
  entryPoint: 'create' | 'edit' | 'view';
  /** What Jira stored for this rule (a JSON string), undefined on create. */
  stored: unknown;
  projectKey: string | undefined;
};

/** The validator module key ("follows-loop-validator") → its kind ("follows-loop"). */
export function kindOfModule(moduleKey: string): ValidatorKind | undefined {
  const kind = moduleKey.replace(/-validator$/, '');
  return (validatorKinds as readonly string[]).includes(kind) ? (kind as ValidatorKind) : undefined;
}

export async function loadConfigContext(): Promise<ConfigContext> {
  const context = (await view.getContext()) as { moduleKey?: unknown; extension?: Record<string, unknown> };
  const ext = context.extension ?? {};
  const moduleKey = typeof context.moduleKey === 'string' ? context.moduleKey : '';
  const entry = ext['entryPoint'];
  const project = ext['project'] as { key?: unknown } | undefined;
  return {
    kind: kindOfModule(moduleKey),
    moduleKey,
    entryPoint: entry === 'create' || entry === 'edit' ? entry : 'view',
    stored: ext['validatorConfig'],
    projectKey: typeof project?.key === 'string' ? project.key : undefined,
  };
}

/** Jira calls this when the admin saves the rule: it must return the configuration JSON (or throw to refuse). */
export function registerOnConfigure(collect: () => string): Promise<void> {
  return workflowRules.onConfigure(async () => collect());
}
