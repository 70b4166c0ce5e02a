/**
 * Shared schemas of the repro-steps area: the "Reproduction steps" field value and the analyser's result.
 * Imported by resolvers and Custom UI alike (`@rt/contracts/repro-steps`).
 */
import * as z from 'zod';
import { procedure } from './procedure';
import { REPRO_TEXT_PARTS, type ReproAnalysis, type ReproStepsFieldValue } from '../domain/repro-steps/types';

export { REPRO_TEXT_PARTS, type ReproTextPart } from '../domain/repro-steps/types';

export const REPRO_MAX_STEPS = 100;
export const REPRO_MAX_STEP_LENGTH = 2_000;
export const REPRO_MAX_TEXT_LENGTH = 2_000;

const text = z.string().max(REPRO_MAX_TEXT_LENGTH);

export const reproStepsFieldValueSchema = z.object({
  preconditions: text.optional(),
  steps: z.array(z.string().max(REPRO_MAX_STEP_LENGTH)).max(REPRO_MAX_STEPS),
  expected: text.optional(),
  actual: text.optional(),
  environment: text.optional(),
  build: text.optional(),
  frequency: text.optional(),
});

export const findingCodeSchema = z.enum([
  'EMPTY', 'MISSING_STEPS', 'MISSING_EXPECTED', 'MISSING_ACTUAL', 'VAGUE_STEPS', 'SINGLE_STEP',
  'EXPECTED_EQUALS_ACTUAL', 'NO_BUILD', 'NO_ENVIRONMENT', 'TRUNCATED',
]);

export const reproFindingSchema = z.object({
  code: findingCodeSchema,
  severity: z.enum(['error', 'warning', 'info']),
  message: z.string(),
  hint: z.string(),
});

export const reproAnalysisSchema = z.object({
  source: z.enum(['field', 'description']),
  parts: z.object({
    preconditions: z.string().optional(),
    steps: z.array(z.string()).max(REPRO_MAX_STEPS),
    expected: z.string().optional(),
    actual: z.string().optional(),
    environment: z.string().optional(),
    build: z.string().optional(),
    frequency: z.string().optional(),
    attachmentsMentioned: z.boolean(),
  }),
  has: z.object({ steps: z.boolean(), expected: z.boolean(), actual: z.boolean(), environment: z.boolean() }),
  findings: z.array(reproFindingSchema),
  score: z.number().int().min(0).max(100),
  verdict: z.enum(['clear', 'needs-work', 'missing']),
});

export type ReproStepsFieldValueDto = z.infer<typeof reproStepsFieldValueSchema>;
export type ReproAnalysisDto = z.infer<typeof reproAnalysisSchema>;

// Compile-time checks that the domain types and the schemas describe the same shapes.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const fieldShapesMatch: Same<ReproStepsFieldValueDto, ReproStepsFieldValue> = true;
const analysisShapesMatch: Same<ReproAnalysisDto, ReproAnalysis> = true;
void fieldShapesMatch;
void analysisShapesMatch;

// ---------------------------------------------------------------------------------------------------------------
// The "Reproduction steps" field's resolver (function repro-field-fn): live check, existing-issue check, paste split.

/** Longest description (plain text or ADF as JSON) the live check accepts; Jira's own limit is 32,767 characters. */
export const REPRO_MAX_DESCRIPTION_CHARS = 200_000;
/** Longest pasted text 'repro/split' accepts. */
export const REPRO_MAX_PASTE_CHARS = 100_000;
/** The manifest key of the field module; Jira reports Forge fields with schema.custom `…/static/<key>`. */
export const REPRO_FIELD_MODULE_KEY = 'repro-steps-field';
export const REPRO_FIELD_NAME = 'Reproduction steps';

const jsonLength = (v: unknown): number => {
  try {
    return JSON.stringify(v ?? null).length;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
};

/** A description as Jira REST v3 returns it (ADF object), or plain text, or nothing. */
export const reproDescriptionSchema = z
  .union([z.string(), z.looseObject({ type: z.string() }), z.null()])
  .refine((v) => jsonLength(v) <= REPRO_MAX_DESCRIPTION_CHARS, { message: `The description is longer than ${REPRO_MAX_DESCRIPTION_CHARS} characters.` });

const issueKeySchema = z.string().regex(/^[A-Z][A-Z0-9_]{0,49}-[1-9][0-9]{0,9}$/, 'Not an issue key (like RT-12).');
const fieldIdSchema = z.string().regex(/^customfield_[0-9]{1,12}$/, 'Not a custom field id (like customfield_10100).');

export const reproAnalyseInputSchema = z.object({
  /** The field's draft value; null or empty means "check the description instead". */
  value: reproStepsFieldValueSchema.nullable().optional(),
  summary: z.string().max(REPRO_MAX_TEXT_LENGTH).optional(),
  description: reproDescriptionSchema.optional(),
});

export const reproCheckIssueInputSchema = z.object({
  /** Defaults to the issue the field is shown on. */
  issueKey: issueKeySchema.optional(),
  /** Defaults to the field the frame belongs to, then to the field Jira lists under this app's module. */
  fieldId: fieldIdSchema.optional(),
});

export const reproCheckIssueOutputSchema = z.object({
  issueKey: z.string(),
  fieldId: z.string().nullable(),
  /** The field's stored value (null when the issue has none). */
  value: reproStepsFieldValueSchema.nullable(),
  analysis: reproAnalysisSchema,
});

export const reproSplitInputSchema = z.object({ text: z.string().max(REPRO_MAX_PASTE_CHARS) });

/** Text of a split paste that the field's limits cut: a part's or a step's text past its length, the steps past the last. */
export const reproSplitClipSchema = z.object({
  part: z.union([z.enum(REPRO_TEXT_PARTS), z.literal('steps')]),
  /** The (1-based) step whose text was cut; absent for the steps past the limit (their texts, one per line). */
  step: z.number().int().min(1).max(REPRO_MAX_STEPS).optional(),
  text: z.string().max(REPRO_MAX_PASTE_CHARS),
});
export type ReproSplitClipDto = z.infer<typeof reproSplitClipSchema>;

/** "Import from the description": the issue's description split into a field value, for the editor to preview. */
export const reproImportDescriptionInputSchema = z.object({ issueKey: issueKeySchema.optional() });
const reproSplitOutputSchema = z.object({
  value: reproStepsFieldValueSchema,
  unplaced: z.array(z.string().max(200)).max(10).default([]),
  clipped: z.array(reproSplitClipSchema).max(REPRO_MAX_STEPS + REPRO_TEXT_PARTS.length + 1).default([]),
});
export const reproImportDescriptionOutputSchema = z.object({
  issueKey: z.string(),
  /** Null when the description holds no step, expected or actual result to bring over (or the field is already filled). */
  split: reproSplitOutputSchema.nullable(),
});

export const reproFieldProcedures = {
  /** Live check of a draft: the field value when filled, the summary and description otherwise. */
  'repro/analyse': procedure(reproAnalyseInputSchema, z.object({ analysis: reproAnalysisSchema })),
  /** Check of an existing issue, read as the calling user: its field when set, its description otherwise. */
  'repro/check-issue': procedure(reproCheckIssueInputSchema, reproCheckIssueOutputSchema),
  /** Pasted free text → a structured field value (steps, expected, actual, …). */
  'repro/split': procedure(
    reproSplitInputSchema,
    // unplaced: sentences of the paste that went into no part; clipped: what the field's limits cut from the value.
    // Both for the writer to place by hand.
    reproSplitOutputSchema,
  ),
  /** The issue's description split into the field's parts (read as the user), shown before anything is saved. */
  'repro/import-description': procedure(reproImportDescriptionInputSchema, reproImportDescriptionOutputSchema),
};

export type ReproCheckIssueOutput = z.infer<typeof reproCheckIssueOutputSchema>;

/** Which of Jira's fields is this app's Reproduction steps field (by Forge module key, then by name). */
export function findReproFieldId(fields: ReadonlyArray<{ id: string; name: string; schema?: unknown }>): string | undefined {
  const custom = (f: { schema?: unknown }) => {
    const s = f.schema as { custom?: unknown } | null | undefined;
    return typeof s === 'object' && s !== null && typeof s.custom === 'string' ? s.custom : '';
  };
  return (
    fields.find((f) => custom(f).endsWith(`/static/${REPRO_FIELD_MODULE_KEY}`))?.id ??
    fields.find((f) => f.name.trim().toLowerCase() === REPRO_FIELD_NAME.toLowerCase())?.id
  );
}

/** A field value cut to what the field's schema accepts (pasted or split text can be longer). */
export function clampReproFieldValue(v: { [K in keyof ReproStepsFieldValueDto]?: ReproStepsFieldValueDto[K] }): ReproStepsFieldValueDto {
  const cut = (s: string | undefined, n: number) => (s === undefined ? undefined : s.slice(0, n));
  const out: ReproStepsFieldValueDto = { steps: (v.steps ?? []).slice(0, REPRO_MAX_STEPS).map((s) => s.slice(0, REPRO_MAX_STEP_LENGTH)) };
  for (const k of REPRO_TEXT_PARTS) {
    const c = cut(v[k], REPRO_MAX_TEXT_LENGTH);
    if (c !== undefined) out[k] = c;
  }
  return out;
}
