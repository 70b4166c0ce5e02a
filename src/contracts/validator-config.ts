import * as z from 'zod';
import type { FollowsLoopConfig } from '../domain/validators/follows-loop';
import type { RegressionBugLinkedConfig } from '../domain/validators/regression-bug-linked';
import type { RegressionCleanConfig } from '../domain/validators/regression-clean';
import { DEFAULT_RC_PATTERN } from '../domain/validators/release-candidate';
import { reproParts, type ReproStepsClearConfig } from '../domain/validators/repro-steps-clear';
import type { RteReviewCompleteConfig } from '../domain/validators/rte-review-complete';
import { validatorKinds, validatorTitles, type ValidatorKind } from '../domain/validators/kinds';
import { procedure } from './procedure';
import { flattenZodIssues, type FieldIssue } from './result';

/**
 * Configuration of the four workflow validators. Jira stores what the configuration UI hands to
 * `workflowRules.onConfigure` (a JSON string, at most 32 KB) and gives it back to the validator function.
 * Unknown keys are stripped on parse; that matters because a config with an `expression` key would
 * override the manifest's Jira expression.
 */
export const CURRENT_VALIDATOR_CONFIG_VERSION = 1;
/** Jira's limit on a workflow rule's configuration. Counted in UTF-8 bytes, the stricter reading. */
export const VALIDATOR_CONFIG_MAX_BYTES = 32 * 1024;

export const validatorKindSchema = z.enum(validatorKinds);

const common = {
  version: z.literal(CURRENT_VALIDATOR_CONFIG_VERSION),
  issueTypes: z.array(z.string().trim().min(1).max(100)).max(50).default(['Bug']),
  onJiraError: z.enum(['block', 'allow-and-record']).default('block'),
  onPermanentError: z.enum(['block', 'allow-and-record']).default('block'),
};

const customFieldId = z.string().regex(/^customfield_\d{1,12}$/, 'must be a custom field id such as customfield_10042');
const label = z.string().trim().min(1).max(255).regex(/^\S+$/, 'a label cannot contain spaces');

function compiles(source: string): boolean {
  try {
    new RegExp(source, 'i');
    return true;
  } catch {
    return false;
  }
}
const rcPattern = z.string().min(1).max(200).refine(compiles, 'is not a valid regular expression').default(DEFAULT_RC_PATTERN);

export const flagSourceSchema = z.discriminatedUnion('source', [
  z.object({ source: z.literal('label'), labels: z.array(label).min(1).max(10) }),
  z.object({ source: z.literal('field'), fieldId: customFieldId, fieldName: z.string().max(255).optional() }),
]);

export const reproStepsClearConfigSchema = z.object({
  ...common,
  minimumScore: z.number().int().min(0).max(100).default(60),
  requiredParts: z
    .array(z.enum(reproParts))
    .max(reproParts.length)
    .default(['steps', 'expected', 'actual'])
    .transform((parts) => [...new Set(parts)]),
  field: z
    .discriminatedUnion('source', [
      z.object({ source: z.literal('description') }),
      z.object({
        source: z.literal('field'),
        fieldId: customFieldId,
        fieldName: z.string().max(255).optional(),
        fallbackToDescription: z.boolean().default(true),
      }),
    ])
    .default({ source: 'description' }),
}) satisfies z.ZodType<ReproStepsClearConfig, unknown>;

export const followsLoopConfigSchema = z.object({
  ...common,
  allowDoneToDev: z.boolean().default(false),
}) satisfies z.ZodType<FollowsLoopConfig, unknown>;

export const rteReviewCompleteConfigSchema = z.object({
  ...common,
  rcPattern,
  documentationImpact: flagSourceSchema.default({ source: 'label', labels: ['docs-impact', 'no-docs-impact'] }),
  reproConfirmed: flagSourceSchema.default({ source: 'label', labels: ['repro-confirmed'] }),
  requireRteReviewInHistory: z.boolean().default(true),
}) satisfies z.ZodType<RteReviewCompleteConfig, unknown>;

export const regressionBugLinkedConfigSchema = z.object({
  ...common,
  regressionLabel: label.default('found-in-regression'),
  link: z
    .object({ typeName: z.string().trim().min(1).max(255), direction: z.enum(['any', 'inward', 'outward']).default('any') })
    .default({ typeName: 'Relates', direction: 'any' }),
  requireRcInAffectsVersions: z.boolean().default(true),
  rcPattern,
  onlyFirstTransition: z.boolean().default(true),
}) satisfies z.ZodType<RegressionBugLinkedConfig, unknown>;

export const regressionCleanConfigSchema = z.object({
  ...common,
  rcPattern,
}) satisfies z.ZodType<RegressionCleanConfig, unknown>;

export type ValidatorConfigs = {
  'repro-steps-clear': ReproStepsClearConfig;
  'follows-loop': FollowsLoopConfig;
  'rte-review-complete': RteReviewCompleteConfig;
  'regression-bug-linked': RegressionBugLinkedConfig;
  'regression-clean': RegressionCleanConfig;
};
export type ValidatorConfig<K extends ValidatorKind = ValidatorKind> = ValidatorConfigs[K];

export const validatorConfigSchemas = {
  'repro-steps-clear': reproStepsClearConfigSchema,
  'follows-loop': followsLoopConfigSchema,
  'rte-review-complete': rteReviewCompleteConfigSchema,
  'regression-bug-linked': regressionBugLinkedConfigSchema,
  'regression-clean': regressionCleanConfigSchema,
} as const satisfies { [K in ValidatorKind]: z.ZodType<ValidatorConfigs[K], unknown> };

/**
 * Upgrades of stored configurations, keyed by the version they upgrade from. Version 0 is a configuration
 * without a `version` key (hand-written or saved before versioning); it takes version 1's defaults for
 * whatever it leaves out. A future v2 adds `1: (raw) => …` here.
 */
const migrations: Readonly<Record<number, (raw: Record<string, unknown>, kind: ValidatorKind) => Record<string, unknown>>> = {
  0: (raw) => ({ ...raw, version: 1 }),
};

export type ParsedValidatorConfig<K extends ValidatorKind> =
  | { ok: true; config: ValidatorConfigs[K]; /** no configuration was saved: defaults apply */ defaulted: boolean; migratedFrom?: number }
  | { ok: false; message: string; issues?: FieldIssue[] };

const encoder = new TextEncoder();

/** UTF-8 size of a configuration as Jira stores it (a string is measured as is, anything else as its JSON). */
export function serializedSize(value: unknown): number {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
  return encoder.encode(text).length;
}

export const fitsJiraConfigLimit = (value: unknown): boolean => serializedSize(value) <= VALIDATOR_CONFIG_MAX_BYTES;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Jira's stored configuration (a JSON string, or an already parsed object) → a typed configuration.
 * Missing (undefined, null, "", "null") → defaults; unversioned/older → migrated; newer, oversize, not JSON or
 * invalid → `{ ok: false, message }` naming the validator and the first bad field. Never throws.
 */
export function parseValidatorConfig<K extends ValidatorKind>(kind: K, raw: unknown): ParsedValidatorConfig<K> {
  const title = validatorTitles[kind] ?? String(kind);
  const schema = validatorConfigSchemas[kind] as unknown as z.ZodType<ValidatorConfigs[K]> | undefined;
  if (!schema) return { ok: false, message: `Unknown validator '${String(kind)}'.` };
  const fail = (why: string, issues?: FieldIssue[]): ParsedValidatorConfig<K> =>
    issues && issues.length > 0
      ? { ok: false, message: `The '${title}' configuration ${why}`, issues }
      : { ok: false, message: `The '${title}' configuration ${why}` };

  let value: unknown = raw;
  if (typeof raw === 'string') {
    if (serializedSize(raw) > VALIDATOR_CONFIG_MAX_BYTES) return fail(`is larger than Jira's 32 KB limit; edit the validator and save it again.`);
    if (raw.trim() === '') value = undefined;
    else {
      try {
        value = JSON.parse(raw);
      } catch {
        return fail('is not valid JSON; edit the validator and save it again.');
      }
    }
  } else if (raw !== undefined && raw !== null) {
    let size: number;
    try {
      size = serializedSize(raw);
    } catch {
      return fail('cannot be read (it is not plain JSON data).');
    }
    if (size > VALIDATOR_CONFIG_MAX_BYTES) return fail(`is larger than Jira's 32 KB limit; edit the validator and save it again.`);
  }

  let defaulted = false;
  if (value === undefined || value === null) {
    value = { version: CURRENT_VALIDATOR_CONFIG_VERSION };
    defaulted = true;
  }
  if (!isPlainObject(value)) return fail('must be a JSON object.');

  let current: Record<string, unknown> = value;
  const declared = current['version'] ?? 0;
  if (typeof declared !== 'number' || !Number.isInteger(declared) || declared < 0) return fail(`has an invalid version (${JSON.stringify(declared)}).`);
  if (declared > CURRENT_VALIDATOR_CONFIG_VERSION) {
    return fail(`was saved by a newer version of Release Train (version ${declared}; this one reads up to ${CURRENT_VALIDATOR_CONFIG_VERSION}).`);
  }
  for (let v = declared; v < CURRENT_VALIDATOR_CONFIG_VERSION; v += 1) {
    const migrate = migrations[v];
    if (!migrate) return fail(`has version ${declared}, which cannot be upgraded; edit the validator and save it again.`);
    current = migrate(current, kind);
  }

  const parsed = schema.safeParse(current);
  if (!parsed.success) {
    const issues = flattenZodIssues(parsed.error);
    const first = issues[0];
    return fail(`is not valid (${first ? `${first.path}: ${first.message}` : 'invalid'}); edit the validator and save it again.`, issues);
  }
  const result: ParsedValidatorConfig<K> = { ok: true, config: parsed.data, defaulted };
  if (declared < CURRENT_VALIDATOR_CONFIG_VERSION && !defaulted) result.migratedFrom = declared;
  return result;
}

/** The defaults of a validator, as a configuration UI starts from them. */
export function defaultValidatorConfig<K extends ValidatorKind>(kind: K): ValidatorConfigs[K] {
  const parsed = parseValidatorConfig(kind, undefined);
  if (!parsed.ok) throw new Error(parsed.message); // cannot happen: the defaults are valid by construction (tested)
  return parsed.config;
}

/**
 * What a configuration UI hands to `workflowRules.onConfigure`: the configuration validated, stripped of unknown
 * keys and serialised, or a message when it is invalid or over Jira's 32 KB limit.
 */
export function serializeValidatorConfig<K extends ValidatorKind>(
  kind: K,
  config: unknown,
): { ok: true; json: string } | { ok: false; message: string; issues?: FieldIssue[] } {
  const parsed = parseValidatorConfig(kind, isPlainObject(config) ? { version: CURRENT_VALIDATOR_CONFIG_VERSION, ...config } : config);
  if (!parsed.ok) return parsed;
  const json = JSON.stringify(parsed.config);
  if (serializedSize(json) > VALIDATOR_CONFIG_MAX_BYTES) {
    return { ok: false, message: `The '${validatorTitles[kind]}' configuration is larger than Jira's 32 KB limit (${serializedSize(json)} bytes).` };
  }
  return { ok: true, json };
}

// ---------------------------------------------------------------------------------------------------------------
// The validators' configuration resolver (function validator-config-fn): statuses, stage mapping, failure events.

/** One recorded "Jira could not be read" event (the domain's FailureRecord, as stored and listed). */
export const validatorFailureRecordSchema = z.object({
  at: z.string().max(40),
  validator: validatorKindSchema,
  issueKey: z.string().max(255),
  error: z.string().max(500),
  decision: z.enum(['blocked', 'allowed']),
});
export type ValidatorFailureRecordDto = z.infer<typeof validatorFailureRecordSchema>;
/** At most this many failure events are kept (newest first); older ones are dropped. */
export const MAX_VALIDATOR_FAILURE_RECORDS = 200;
export const validatorFailureLogSchema = z.object({ events: z.array(validatorFailureRecordSchema).max(MAX_VALIDATOR_FAILURE_RECORDS) });

const projectStatusDtoSchema = z.object({ id: z.string(), name: z.string(), categoryKey: z.string() });
const mappingProblemDtoSchema = z.object({
  code: z.enum(['UNKNOWN_STAGE', 'UNMAPPED_STATUS', 'UNKNOWN_STATUS', 'STAGE_WITHOUT_STATUS']),
  statusId: z.string().optional(),
  stage: z.string().optional(),
  message: z.string(),
});
export const validatorSetupSchema = z.object({
  projectKey: z.string(),
  projectId: z.string(),
  statuses: z.array(projectStatusDtoSchema),
  /** status id → stage (the stored mapping, or the derived default when none was saved). */
  byStatusId: z.record(z.string(), z.enum(['L2', 'RTE_TRIAGE', 'DEV', 'RTE_REVIEW', 'QA', 'DONE'])),
  /** True while the mapping is the derived default nobody has saved. */
  derived: z.boolean(),
  updatedAt: z.string().optional(),
  canAdminister: z.boolean(),
  errors: z.array(mappingProblemDtoSchema),
  warnings: z.array(mappingProblemDtoSchema),
});
export type ValidatorSetupDto = z.infer<typeof validatorSetupSchema>;

export const validatorConfigProcedures = {
  /** The project's real statuses (read as the user), its stage mapping, and whether the user may edit it. */
  'validators/setup': procedure(z.object({}).strict(), validatorSetupSchema),
  /** Saves the stage mapping (Administer Projects only); refused with every problem when it is incomplete. */
  'validators/save-mapping': procedure(
    z.object({ byStatusId: z.record(z.string().trim().min(1).max(64), z.string().max(64)).refine((r) => Object.keys(r).length <= 500, 'at most 500 statuses') }).strict(),
    validatorSetupSchema,
  ),
  /** Recorded "Jira could not be read" events of this project's validators, newest first. */
  'validators/failures': procedure(z.object({ limit: z.number().int().min(1).max(MAX_VALIDATOR_FAILURE_RECORDS).optional() }).strict(), z.object({ events: z.array(validatorFailureRecordSchema) })),
};

/**
 * The stage mapping's two procedures again, for the project page's "Stage mapping" sub-page (project-pages-fn):
 * the same contracts under their own keys, so each key is served by one resolver. Jira names the project on a
 * project page, so company-managed projects (whose workflow configuration pages name none) edit their mapping there.
 */
export const stageMappingProcedures = {
  'stage-mapping/setup': validatorConfigProcedures['validators/setup'],
  'stage-mapping/save': validatorConfigProcedures['validators/save-mapping'],
};
