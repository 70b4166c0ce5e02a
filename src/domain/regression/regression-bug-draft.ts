import { fail, ok, type Result } from '../../contracts/result';
import type { RegressionCheck } from './types';

/**
 * The new bug drafted from a failed regression check. Its description uses the section headings the
 * repro-steps analyser recognises (Steps to reproduce / Expected result / Actual result / Environment / Build),
 * and it carries what the "regression bug linked" validator asks for: the label, a link to the fix and the
 * RC in Affects versions.
 */

export const REGRESSION_BUG_LABEL = 'found-in-regression';
export const SUMMARY_MAX = 255;

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

export type RegressionBugDraft = {
  issueTypeName: 'Bug';
  summary: string;
  description: AdfDoc;
  affectsVersions: string[];
  labels: string[];
  components: string[];
  link: { typeName: string; issueKey: string };
  /** The steps as plain text, for previews and tests. */
  steps: string[];
};

export function draftRegressionBug(input: RegressionBugDraftInput): Result<RegressionBugDraft> {
  const { fixBug, rc, check } = input;
  if (check.result !== 'failed') return fail('CONFLICT', 'Only a failed check can be reported as a regression bug; record it as failed first.');
  if (check.reportedBugKey) return fail('CONFLICT', `A regression bug was already reported from this check: ${check.reportedBugKey}.`);

  const summary = clip(`Regression in ${rc}: ${check.area} — ${check.title}`, SUMMARY_MAX);
  const steps = [
    `Use build ${rc}.`,
    `Go to ${check.area}.`,
    `${stripDot(check.title)}.`,
    '(Add the exact actions that led to the failure.)',
  ];
  const expected = `${stripDot(check.title)}, as it did before the fix for ${fixBug.key}.`;
  const actual = check.note?.trim() ? check.note.trim() : '(Describe what happened instead.)';
  const by = check.tester ? ` by ${check.tester.name || check.tester.accountId}` : '';
  const when = check.at ? ` on ${check.at.slice(0, 10)}` : '';

  const description: AdfDoc = {
    type: 'doc',
    version: 1,
    content: [
      paragraph(`Found during the focused regression of ${fixBug.key} (${clip(fixBug.summary, 200)}) in ${rc}: the check "${check.area} — ${check.title}" failed${by}${when}.`),
      heading('Steps to reproduce'),
      { type: 'orderedList', content: steps.map((s) => ({ type: 'listItem', content: [paragraph(s)] })) },
      heading('Expected result'),
      paragraph(expected),
      heading('Actual result'),
      paragraph(actual),
      heading('Environment'),
      paragraph('(Browser / OS / device.)'),
      { type: 'paragraph', content: [{ type: 'text', text: 'Build: ', marks: [{ type: 'strong' }] }, { type: 'text', text: rc }] },
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
    steps,
  });
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

