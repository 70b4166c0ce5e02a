/**
 * Repro-steps analyser (pure: no I/O, no clock, no randomness).
 *
 *   analyseReproSteps({ summary, description, field }) → ReproAnalysis
 *     Reads the structured field when it is set and non-empty, the description (ADF or text) otherwise.
 *   splitIntoSteps(freeText) → ReproStepsFieldValue   paste → structured field value
 *   unplacedSentences(freeText, value) → string[]       sentences of the paste that went into no part
 *   adfToText(doc) → string                          ADF → text with lists/headings/code kept
 *
 * Detection: learned logistic model (learned.ts, weights generated into learned-model.ts by scripts/train-repro-model.ts)
 * over text-features.ts (cue features of model.ts + generic words); thresholds in extract-parts.ts; score weights: score.ts.
 * Documentation: docs/repro-steps-analyser.md.
 */
import { adfToText } from './adf-to-text';
import { cuesOf } from './cues';
import { extractParts, LABEL_BONUS, MAX_PART, MAX_STEPS, THRESHOLDS } from './extract-parts';
import { findingsFor, isPlaceholderResult } from './findings';
import { asksForSteps, isBoxPlaceholder, placeholderKind } from './placeholder-text';
import { scoreOf, verdictOf } from './score';
import { REPRO_TEXT_PARTS, type ReproAnalysis, type ReproParts, type ReproStepsFieldValue } from './types';

export { adfToText } from './adf-to-text';
export { splitIntoSteps, unplacedSentences } from './split-steps';
export { isPlaceholderText, placeholderKind, asksForSteps, type PlaceholderKind } from './placeholder-text';
export { SCORE_WEIGHTS, SCORE_PENALTIES, CLEAR_AT } from './score';
export { THRESHOLDS, STEP_WEIGHTS, MAX_CUE_LINES } from './extract-parts';
export { MODEL, HAND_WEIGHTS, FEATURES } from './model';
export { LEARNED_MODEL } from './learned-model';
export { REPRO_TEXT_PARTS } from './types';
export type {
  Finding, FindingCode, FindingSeverity, ReproAnalysis, ReproParts, ReproStepsFieldValue, ReproTextPart, ReproVerdict,
} from './types';

export type ReproInput = {
  summary?: string;
  /** ADF document, plain string, or null/undefined. */
  description?: unknown;
  field?: ReproStepsFieldValue | null;
};

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim().slice(0, MAX_PART) : undefined);

/** True when the field holds anything worth analysing (a step or any text part). */
export function isFieldFilled(field: unknown): field is ReproStepsFieldValue {
  if (typeof field !== 'object' || field === null) return false;
  const f = field as Record<string, unknown>;
  const steps = Array.isArray(f.steps) ? f.steps : [];
  if (steps.some((s) => typeof s === 'string' && s.trim() !== '')) return true;
  return REPRO_TEXT_PARTS.some((k) => str(f[k]) !== undefined);
}

export function analyseReproSteps(input: ReproInput): ReproAnalysis {
  const summary = typeof input?.summary === 'string' ? input.summary.slice(0, MAX_PART) : undefined;
  return isFieldFilled(input?.field) ? analyseField(input.field, summary) : analyseDescription(input?.description, summary);
}

function analyseField(field: ReproStepsFieldValue, summary: string | undefined): ReproAnalysis {
  const rawSteps: unknown[] = Array.isArray(field.steps) ? field.steps : [];
  const written = rawSteps
    .filter((s): s is string => typeof s === 'string' && s.trim() !== '')
    .slice(0, MAX_STEPS)
    .map((s) => s.trim().slice(0, MAX_PART));
  // Template and skeleton text is no step ("[steps here]", "N/A"); a list that still asks for its steps ("(Add the exact
  // actions that led to the failure.)") has not been written yet, whatever skeleton items stand around the prompt.
  const steps = written.some(asksForSteps) ? [] : written.filter((s) => !isBoxPlaceholder(s));
  const parts: ReproParts = { steps, attachmentsMentioned: false };
  for (const key of REPRO_TEXT_PARTS) {
    const v = str(field[key]);
    // Expected and actual keep their text (the hint names it to replace); the other parts count only with content.
    if (v !== undefined && (key === 'expected' || key === 'actual' || !isBoxPlaceholder(v))) parts[key] = v;
  }
  parts.attachmentsMentioned = [...steps, parts.actual ?? '', parts.preconditions ?? ''].some((s) => cuesOf(s.toLowerCase()).attachment);
  const has = {
    steps: steps.length > 0,
    // "-", "see title", "tbd" fill the box but state no result: the check asks for one (the text stays shown).
    expected: parts.expected !== undefined && !isPlaceholderResult(parts.expected) && !isBoxPlaceholder(parts.expected),
    actual: parts.actual !== undefined && !isPlaceholderResult(parts.actual) && !isBoxPlaceholder(parts.actual),
    environment: parts.environment !== undefined || parts.build !== undefined,
  };
  return finish('field', parts, has, summary, false, false);
}

function analyseDescription(description: unknown, summary: string | undefined): ReproAnalysis {
  const text = adfToText(description);
  const { parts, evidence, labelled, truncated } = extractParts(text);
  // "Environment: N/A", "Build: TBD": a filler names no environment or build (prompts are skipped while reading).
  for (const key of ['preconditions', 'environment', 'build', 'frequency'] as const) if (parts[key] !== undefined && placeholderKind(parts[key]!) !== null) delete parts[key];
  // "Expected: -", "Actual: see title": a labelled part that states nothing counts for nothing (as in the field). The rest
  // of the report may still state an expectation (its evidence comes from cues); the observed result's evidence without
  // a label is mostly the prior that reports state one, so a placeholder Actual is missing.
  const placeholder = (part: 'expected' | 'actual'): boolean => parts[part] !== undefined && isPlaceholderResult(parts[part]!);
  const has = {
    steps: evidence.steps >= THRESHOLDS.steps,
    expected: placeholder('expected') ? labelled.expected && evidence.expected - LABEL_BONUS >= THRESHOLDS.expected : evidence.expected >= THRESHOLDS.expected,
    actual: evidence.actual >= THRESHOLDS.actual && !placeholder('actual'),
    environment: parts.environment !== undefined || parts.build !== undefined,
  };
  if (!has.steps) parts.steps = [];
  if (!has.expected) delete parts.expected;
  if (!has.actual) delete parts.actual;
  return finish('description', parts, has, summary, text.trim() === '', truncated);
}

function finish(
  source: 'field' | 'description',
  parts: ReproParts,
  has: ReproAnalysis['has'],
  summary: string | undefined,
  empty: boolean,
  truncated: boolean,
): ReproAnalysis {
  const findings = findingsFor({ parts, has, summary, empty, truncated });
  const score = empty ? 0 : scoreOf(has, parts, findings);
  return { source, parts, has, findings, score, verdict: verdictOf(has, score, findings) };
}
