/**
 * Turns the emulator's "a transition is about to happen" into Forge validator calls, the way Jira does: each
 * validator configured on the transition gets Jira's payload and the first one that fails blocks the move.
 */
import type { CreateValidation, EmulatorHooks, TransitionValidation, ValidatorOutcome } from '../emulator/handler';
import type { EmulatorState } from '../emulator/state';
import type { AppHost, ValidatorPayload } from './app-host';
import { expressionContext, runExpressionValidator } from './expression-validator';

/** Jira hands the function the configuration the config UI saved (a JSON string) parsed back into an object. */
function configurationOf(raw: string): unknown {
  if (!raw) return {};
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return raw;
  }
}

/** As in Jira: a configuration that holds an `expression` replaces the expression validator's manifest expression. */
function expressionOf(manifest: { expression: string; errorMessage?: string | undefined } | undefined, configuration: unknown) {
  const own = configuration && typeof configuration === 'object' ? (configuration as { expression?: unknown }).expression : undefined;
  return manifest && typeof own === 'string' && own.trim() !== '' ? { ...manifest, expression: own } : manifest;
}

async function firstFailure(
  appHost: AppHost,
  validators: Array<{ key: string; configuration: string }>,
  payloadFor: (configuration: unknown) => ValidatorPayload,
  /** For expression validators: Jira's context variables (the acting user…); absent on create here. */
  contextFor?: (configuration: unknown) => Record<string, unknown> | undefined,
): Promise<ValidatorOutcome> {
  for (const v of validators) {
    const configuration = configurationOf(v.configuration);
    const expr = expressionOf(appHost.validatorExpression?.(v.key), configuration);
    const context = expr ? contextFor?.(configuration) : undefined;
    const outcome =
      expr && context
        ? runExpressionValidator(expr.expression, expr.errorMessage ?? `${appHost.validatorName(v.key)} blocked this transition.`, context)
        : await appHost.runValidator(v.key, payloadFor(configuration));
    if (!outcome.result) return { ok: false, errorMessage: outcome.errorMessage || `${appHost.validatorName(v.key)} blocked this transition.` };
  }
  return { ok: true };
}

/** `state`: the emulator's data, for expression validators' context (the acting user's roles, project properties). */
export function validatorHooks(appHost: AppHost, state?: () => EmulatorState): Pick<EmulatorHooks, 'runValidators' | 'runCreateValidators'> {
  return {
    runValidators: (t: TransitionValidation) =>
      firstFailure(
        appHost,
        t.validators,
        (configuration) => ({
          issue: { key: t.issueKey },
          configuration,
          transition: { from: { id: t.fromStatusId }, to: { id: t.toStatusId }, modifiedFields: t.modifiedFields },
          modifiedFields: t.modifiedFields,
        }),
        state ? (configuration) => expressionContext(state(), t, configuration) : undefined,
      ),
    // On create there is no issue yet: the validator sees only the fields being created.
    runCreateValidators: (c: CreateValidation) =>
      firstFailure(appHost, c.validators, (configuration) => ({
        issue: { key: '' },
        configuration,
        transition: { from: { id: '' }, to: { id: c.toStatusId }, modifiedFields: c.fields },
        modifiedFields: c.fields,
      })),
  };
}
