/**
 * Shared schemas of the repro-steps area: the "Reproduction steps" field value and the analyser's result.
 * Imported by resolvers and Custom UI alike (`@rt/contracts/repro-steps`).
 */
import { z } from 'zod';
import type { ReproAnalysis, ReproStepsFieldValue } from '../domain/repro-steps/types';

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
