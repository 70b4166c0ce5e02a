import { fail, ok, type Result } from '../../contracts/result';
import { isPlaceholderText } from '../repro-steps/placeholder-text';
import type { RegressionCheck } from './types';

/**
 * The new bug drafted from a failed regression check. Its reproduction goes into the Reproduction steps FIELD, written
 * by the tester in the report dialog: the skeleton is only prompts the dialog shows (placeholders, never stored), so
 * an untouched report can never read as clear. The description says where the bug was found. The bug carries what the
 * "regression bug linked" validator asks for: the label, a link to the fix and the RC in Affects versions.
 */

export const REGRESSION_BUG_LABEL = 'found-in-regression';
export const SUMMARY_MAX = 255;

/** The skeleton's prompts: shown as placeholders in the report dialog; never a stored value (the analyser ignores them). */
export const REGRESSION_BUG_PROMPTS = {
  steps: '(Add the exact actions that led to the failure.)',
  expected: '(What should happen, as it did before the fix.)',
  actual: '(Describe what happened instead.)',
  environment: '(Browser / OS / device.)',
} as const;

type AdfText = { type: 'text'; text: string; marks?: Array<{ type: 'strong' }> };
type AdfParagraph = { type: 'paragraph'; content: AdfText[] };
type AdfHeading = { type: 'heading'; attrs: { level: number }; content: AdfText[] };
type AdfListItem = { type: 'listItem'; content: AdfParagraph[] };
type AdfOrderedList = { type: 'orderedList'; content: AdfListItem[] };
export type AdfBlock = AdfParagraph | AdfHeading | AdfOrderedList;
export type AdfDoc = { type: 'doc'; version: 1; content: AdfBlock[] };

export type FixBugLite = { key: string; summary: string; components?: string[] };

export type RegressionBugDraftInput = {
  fixBug: FixBugLite;
  rc: string;
  check: RegressionCheck;
  /** Link type to the fix (default "Relates", which every Jira site has). */
  linkTypeName?: string;
  label?: string;
};

/** What the tester writes in the report dialog: the Reproduction steps field's value (build = the RC). */
export type RegressionRepro = { steps: string[]; expected: string; actual: string; environment?: string };

export type RegressionBugDraft = {
  issueTypeName: 'Bug';
  summary: string;
  description: AdfDoc;
  affectsVersions: string[];
  labels: string[];
  components: string[];
  link: { typeName: string; issueKey: string };
  /** What the dialog starts with: real values only (the check's note as the actual result, the RC as the build). */
  prefill: { steps: string[]; expected: string; actual: string; environment: string; build: string };
  /** The skeleton, shown as placeholders: suggested step lines ending with the prompt, and one prompt per box. */
  prompts: { steps: string[]; expected: string; actual: string; environment: string };
};

export function draftRegressionBug(input: RegressionBugDraftInput): Result<RegressionBugDraft> {
  const { fixBug, rc, check } = input;
  if (check.result !== 'failed') return fail('CONFLICT', 'Only a failed check can be reported as a regression bug; record it as failed first.');
  if (check.reportedBugKey) return fail('CONFLICT', `A regression bug was already reported from this check: ${check.reportedBugKey}.`);

  const summary = clip(`Regression in ${rc}: ${check.area} — ${check.title}`, SUMMARY_MAX);
  const by = check.tester ? ` by ${check.tester.name || check.tester.accountId}` : '';
  const when = check.at ? ` on ${check.at.slice(0, 10)}` : '';
  const description: AdfDoc = {
    type: 'doc',
    version: 1,
    content: [
      paragraph(`Found during the focused regression of ${fixBug.key} (${clip(fixBug.summary, 200)}) in ${rc}: the check "${check.area} — ${check.title}" failed${by}${when}.`),
      paragraph('The reproduction steps are in the Reproduction steps field.'),
    ],
  };

  return ok({
    issueTypeName: 'Bug',
    summary,
    description,
    affectsVersions: [rc],
    labels: [input.label ?? REGRESSION_BUG_LABEL],
    components: fixBug.components ?? [],
    link: { typeName: input.linkTypeName ?? 'Relates', issueKey: fixBug.key },
    prefill: { steps: [], expected: '', actual: check.note?.trim() ?? '', environment: '', build: rc },
    prompts: {
      steps: [`Use build ${rc}.`, `Go to ${check.area}.`, `${stripDot(check.title)}.`, REGRESSION_BUG_PROMPTS.steps],
      expected: `${stripDot(check.title)}, as it did before the fix for ${fixBug.key}.`,
      actual: REGRESSION_BUG_PROMPTS.actual,
      environment: REGRESSION_BUG_PROMPTS.environment,
    },
  });
}

export const REPRO_MAX_STEPS = 100;
export const REPRO_MAX_TEXT = 2000;

/**
 * The Reproduction steps value the tester's report makes, or a BAD_REQUEST naming each part still missing. Blank steps
 * are dropped; template text (a prompt left in, "N/A", lorem ipsum) counts as missing, as the analyser reads it.
 */
export function reproFromReport(repro: RegressionRepro, rc: string): Result<{ steps: string[]; expected: string; actual: string; environment?: string; build: string }> {
  const steps = repro.steps.map((s) => s.trim()).filter((s) => s !== '');
  const missing: string[] = [];
  if (steps.length === 0 || steps.every(isPlaceholderText)) missing.push('at least one step');
  if (steps.some(isPlaceholderText)) missing.push('steps without template text (replace the prompt with the action)');
  const expected = repro.expected.trim();
  const actual = repro.actual.trim();
  if (expected === '' || isPlaceholderText(expected)) missing.push('the expected result');
  if (actual === '' || isPlaceholderText(actual)) missing.push('the actual result');
  if (missing.length > 0) return fail('BAD_REQUEST', `Write ${[...new Set(missing)].join(', ')} before filing the regression bug.`);
  if (steps.length > REPRO_MAX_STEPS) return fail('BAD_REQUEST', `At most ${REPRO_MAX_STEPS} steps; attach a log for the rest.`);
  const long = [...steps, expected, actual, repro.environment ?? ''].find((t) => t.length > REPRO_MAX_TEXT);
  if (long !== undefined) return fail('BAD_REQUEST', `A step or result is over ${REPRO_MAX_TEXT} characters; shorten it or attach a log.`);
  const environment = repro.environment?.trim();
  return ok({ steps, expected, actual, ...(environment && !isPlaceholderText(environment) ? { environment } : {}), build: rc });
}

/** The description with the tester's reproduction as labelled sections (for a site without the Reproduction steps field). */
export function withReproSections(description: AdfDoc, repro: { steps: string[]; expected: string; actual: string; environment?: string; build: string }): AdfDoc {
  return {
    ...description,
    content: [
      description.content[0]!,
      heading('Steps to reproduce'),
      { type: 'orderedList', content: repro.steps.map((s) => ({ type: 'listItem', content: [paragraph(s)] })) },
      heading('Expected result'),
      paragraph(repro.expected),
      heading('Actual result'),
      paragraph(repro.actual),
      ...(repro.environment ? [heading('Environment'), paragraph(repro.environment)] : []),
      { type: 'paragraph', content: [{ type: 'text', text: 'Build: ', marks: [{ type: 'strong' }] }, { type: 'text', text: repro.build }] },
    ],
  };
}

function paragraph(text: string): AdfParagraph {
  return { type: 'paragraph', content: text ? [{ type: 'text', text }] : [] };
}
function heading(text: string): AdfHeading {
  return { type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text }] };
}
function stripDot(s: string): string {
  return s.trim().replace(/[.!]+$/, '');
}
function clip(s: string, max: number): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length <= max ? t : `${t.slice(0, max - 1)}…`;
}

