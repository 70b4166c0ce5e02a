/**
 * Runs the app's Forge functions in-process, the way Forge calls them: resolvers get `{ call: { functionKey,
 * payload }, context }` plus the principal; validators get Jira's validator payload. Which export serves which
 * module comes from manifest.yml, exactly as in Forge.
 */
import { handlerExportName, readManifest, type AppManifest } from '../manifest/read-manifest';

type ForgeFunction = (event: unknown, runtime?: unknown) => Promise<unknown>;
export type ValidatorPayload = {
  issue: { key: string };
  configuration: unknown;
  transition: { from: { id: string }; to: { id: string }; modifiedFields?: Record<string, unknown> };
  modifiedFields?: Record<string, unknown>;
};
export type ValidatorOutcome = { result: boolean; errorMessage?: string };

export function createAppHost(exportsOfIndex: Record<string, unknown>, manifest: AppManifest = readManifest()) {
  const functionByKey = new Map(manifest.modules.function.map((f) => [f.key, handlerExportName(f.handler)]));
  const fn = (functionKey: string): ForgeFunction => {
    const name = functionByKey.get(functionKey);
    if (!name) throw new Error(`manifest.yml declares no function '${functionKey}'.`);
    const exported = exportsOfIndex[name];
    if (typeof exported !== 'function') throw new Error(`src/index.ts does not export '${name}' (function '${functionKey}').`);
    return exported as ForgeFunction;
  };
  const validatorModules = new Map(manifest.modules['jira:workflowValidator'].map((v) => [v.key, v]));

  return {
    manifest,
    /** A Custom UI `invoke` → the module's resolver function, with Forge's request shape. */
    invokeResolver(functionKey: string, call: { functionKey: string; payload: unknown }, context: Record<string, unknown>, accountId: string) {
      return fn(functionKey)({ call, context }, { principal: { accountId } });
    },
    /** One validator module on one transition; a thrown error or a malformed answer fails closed, like Jira. */
    async runValidator(moduleKey: string, payload: ValidatorPayload): Promise<ValidatorOutcome> {
      const module = validatorModules.get(moduleKey);
      if (!module) return { result: false, errorMessage: `Validator '${moduleKey}' is not part of this app.` };
      if (!module.function) return { result: false, errorMessage: `${module.name}: an expression validator is evaluated by Jira, not called (see expression-validator.ts).` };
      try {
        const out = (await fn(module.function)(payload, {})) as Partial<ValidatorOutcome> | undefined;
        if (!out || typeof out.result !== 'boolean') return { result: false, errorMessage: `${module.name}: the validator returned no result.` };
        return { result: out.result, errorMessage: out.errorMessage };
      } catch (e) {
        return { result: false, errorMessage: `${module.name} failed: ${e instanceof Error ? e.message : String(e)}` };
      }
    },
    /** The Jira expression of an expression validator (undefined for a function validator). */
    validatorExpression: (moduleKey: string): { expression: string; errorMessage?: string | undefined } | undefined => {
      const m = validatorModules.get(moduleKey);
      return m?.expression ? { expression: m.expression, errorMessage: m.errorMessage } : undefined;
    },
    validatorName: (moduleKey: string) => validatorModules.get(moduleKey)?.name ?? moduleKey,
  };
}
export type AppHost = ReturnType<typeof createAppHost>;
