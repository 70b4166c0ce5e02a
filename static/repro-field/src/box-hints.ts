/**
 * Hints for the Reproduction steps field: the analyser's hints tell a writer of free text to add "Expected: …" or
 * "Build: …" lines; the field has a box for each of those parts, so these name the box instead. On the issue view
 * the boxes are one Edit away, so there the hint starts with "Edit, then …".
 */
import type { ReproAnalysisDto } from '@rt/contracts';

type Finding = ReproAnalysisDto['findings'][number];
type FindingCode = Finding['code'];

export const BOX_HINTS: Partial<Record<FindingCode, string>> = {
  EMPTY: 'Write the actions in the Steps to reproduce boxes, one per step, then fill Expected result and Actual result.',
  MISSING_STEPS: 'Write one action per step in the Steps to reproduce boxes, each starting with a verb ("Open …", "Click …"); Enter adds a step.',
  MISSING_EXPECTED: 'Fill the Expected result box: what should happen after the last step.',
  MISSING_ACTUAL: 'Fill the Actual result box: what happens instead, with the exact error text.',
  EXPECTED_EQUALS_ACTUAL: 'Make the Expected result and Actual result boxes differ: Expected result is what should happen; Actual result is what you saw instead.',
  NO_BUILD: 'Fill the Build / version box: the app version or build number where you saw it.',
  NO_ENVIRONMENT: 'Fill the Environment box: OS / browser / device and versions.',
};

/**
 * A result box that holds text the check does not count ("see title", "tbd", "-"): the finding says the result is
 * missing, so the hint names the text to replace rather than telling the writer to fill a box that is not empty.
 */
const REPLACE_HINTS: Partial<Record<FindingCode, { part: 'expected' | 'actual'; box: string; what: string }>> = {
  MISSING_EXPECTED: { part: 'expected', box: 'Expected result', what: 'what should happen after the last step' },
  MISSING_ACTUAL: { part: 'actual', box: 'Actual result', what: 'what happens instead, with the exact error text' },
};

/** Where the check is shown: beside the editor's boxes, or on the issue view (read-only, with Edit). */
export type HintPlace = 'editor' | 'view';

const editThen = (hint: string): string => `Edit, then ${hint.charAt(0).toLowerCase()}${hint.slice(1)}`;
const quoted = (t: string, max = 40): string => `"${t.length > max ? `${t.slice(0, max - 1)}…` : t}"`;

/**
 * The hint to show for a finding. For the field's own analysis: the box-specific one (the analyser's when the
 * finding has none; "Replace "tbd" in the … box" when a result box holds text the check does not count), led by
 * "Edit, then" on the view. For a description's analysis: the analyser's label hint.
 */
export function hintFor(f: Finding, analysis: Pick<ReproAnalysisDto, 'source' | 'parts'>, place: HintPlace): string {
  if (analysis.source !== 'field') return f.hint;
  const replace = REPLACE_HINTS[f.code];
  const held = replace ? analysis.parts[replace.part]?.trim() : undefined;
  const hint = replace && held ? `Replace ${quoted(held)} in the ${replace.box} box with ${replace.what}.` : (BOX_HINTS[f.code] ?? f.hint);
  return place === 'view' ? editThen(hint) : hint;
}
