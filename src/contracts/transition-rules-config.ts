import * as z from 'zod';
import { validatorKinds, type ValidatorKind } from '../domain/validators/kinds';
import { regressionLinkedExpression } from '../domain/transition-rules/regression-linked-expression';
import { parseValidatorConfig, serializedSize, VALIDATOR_CONFIG_MAX_BYTES, type ValidatorConfigs } from './validator-config';

/**
 * Configuration of the two "Release Train transition rules" validators (issue 17: one invocation per transition).
 * One configuration names the rules a transition runs, each with its own options (the same options, defaults and
 * parsing as the single-rule validators, `parseValidatorConfig`):
 *
 *   { "version": 1, "rules": { "follows-loop": {}, "rte-review-complete": { "rcPattern": "-rc\\.\\d+$" } } }
 *
 * - `transition-rules-validator` (a function) runs its rules together: one payload, one Jira read, one stage
 *   mapping, the first refusal wins (in the order of `ruleOrder`).
 * - `transition-field-rules-validator` (a Jira expression) holds the rules Jira can decide from the issue's fields
 *   alone; its configuration carries the `expression` built here, which replaces the manifest's (Forge: "include the
 *   expression property in the returned JSON"), so Jira decides them with no invocation.
 */
export type TransitionRules = { [K in ValidatorKind]?: ValidatorConfigs[K] };

/** The order the rules are decided in (the first refusal is the message): as the demo workflow listed them. */
export const ruleOrder: readonly ValidatorKind[] = ['repro-steps-clear', 'follows-loop', 'rte-review-complete', 'regression-clean', 'regression-bug-linked'];

const rawSchema = z.looseObject({
  version: z.literal(1).optional(),
  rules: z.partialRecord(z.enum(validatorKinds), z.unknown()).optional().default({}),
  expression: z.string().optional(),
});

export type ParsedTransitionRules = { ok: true; rules: TransitionRules; kinds: ValidatorKind[] } | { ok: false; message: string };

/** Jira's stored configuration (JSON string or object) → the chosen rules, each parsed with its own schema. Never throws. */
export function parseTransitionRulesConfig(raw: unknown): ParsedTransitionRules {
  const fail = (why: string): ParsedTransitionRules => ({ ok: false, message: `The 'Release Train transition rules' configuration ${why}` });
  let value = raw;
  if (typeof raw === 'string') {
    if (serializedSize(raw) > VALIDATOR_CONFIG_MAX_BYTES) return fail(`is larger than Jira's 32 KB limit; edit the validator and save it again.`);
    try {
      value = raw.trim() === '' ? undefined : JSON.parse(raw);
    } catch {
      return fail('is not valid JSON; edit the validator and save it again.');
    }
  }
  if (value === undefined || value === null) return fail('names no rules; edit the validator and choose its rules.');
  const parsed = rawSchema.safeParse(value);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return fail(`is not valid (${first ? `${first.path.join('.') || '(root)'}: ${first.message}` : 'invalid'}); edit the validator and save it again.`);
  }
  const rules: Record<string, unknown> = {};
  const kinds: ValidatorKind[] = [];
  for (const kind of ruleOrder) {
    if (!(kind in parsed.data.rules)) continue;
    const one = parseValidatorConfig(kind, withVersion(parsed.data.rules[kind]));
    if (!one.ok) return { ok: false, message: one.message };
    rules[kind] = one.config;
    kinds.push(kind);
  }
  if (kinds.length === 0) return fail('names no rules; edit the validator and choose its rules.');
  return { ok: true, rules: rules as TransitionRules, kinds };
}

const withVersion = (rule: unknown): unknown =>
  rule !== null && typeof rule === 'object' && !Array.isArray(rule) ? { version: 1, ...(rule as Record<string, unknown>) } : rule;

/** A rule whose configuration Jira can decide as an expression (fields, labels, versions, links; no history, no app storage). */
export function decidedByExpression<K extends ValidatorKind>(kind: K, config: ValidatorConfigs[K]): boolean {
  return kind === 'regression-bug-linked' && !(config as ValidatorConfigs['regression-bug-linked']).onlyFirstTransition;
}

/** The Jira expression of one expression-decidable rule (undefined for a rule that needs the function). */
function expressionOf(kind: ValidatorKind, rules: TransitionRules): string | undefined {
  const config = rules[kind];
  if (config === undefined || !decidedByExpression(kind, config)) return undefined;
  if (kind === 'regression-bug-linked') return regressionLinkedExpression(rules[kind]!);
  return undefined;
}

/** Splits chosen rules: those Jira decides as an expression, and those that need the function (history, app storage). */
export function splitTransitionRules(rules: TransitionRules): { expression: ValidatorKind[]; fn: ValidatorKind[] } {
  const expression: ValidatorKind[] = [];
  const fn: ValidatorKind[] = [];
  for (const kind of ruleOrder) {
    if (rules[kind] === undefined) continue;
    (expressionOf(kind, rules) !== undefined ? expression : fn).push(kind);
  }
  return { expression, fn };
}

/**
 * One Jira expression for all the expression-decidable rules: the first that refuses gives the message (a string),
 * `true` when all pass. Each rule's expression is evaluated only when the ones before it passed.
 */
export function transitionRulesExpression(rules: TransitionRules): string {
  const parts = splitTransitionRules(rules).expression.map((k) => expressionOf(k, rules)!);
  if (parts.length === 0) return 'true';
  return parts.slice(1).reduce((acc, next) => `[${acc}].map(a => a == true ? (${next}) : a)[0]`, `(${parts[0]!})`);
}

/**
 * What the configuration page hands to `workflowRules.onConfigure`: the rules validated and, for the expression
 * validator, the `expression` Jira evaluates. Refused when a rule is invalid, when the expression validator is
 * given a rule that needs the function, or over Jira's 32 KB.
 */
export function serializeTransitionRulesConfig(
  module: 'function' | 'expression',
  config: unknown,
): { ok: true; json: string } | { ok: false; message: string } {
  const parsed = parseTransitionRulesConfig(config);
  if (!parsed.ok) return parsed;
  const split = splitTransitionRules(parsed.rules);
  if (module === 'expression' && split.fn.length > 0) {
    return { ok: false, message: `These rules need the bug's history or app storage, so Jira cannot decide them as an expression: ${split.fn.join(', ')}. Put them in the 'Release Train transition rules' validator.` };
  }
  const body: Record<string, unknown> = { version: 1, rules: parsed.rules };
  if (module === 'expression') body['expression'] = transitionRulesExpression(parsed.rules);
  const json = JSON.stringify(body);
  if (serializedSize(json) > VALIDATOR_CONFIG_MAX_BYTES) return { ok: false, message: `The 'Release Train transition rules' configuration is larger than Jira's 32 KB limit (${serializedSize(json)} bytes).` };
  return { ok: true, json };
}
