/**
 * Hints for the Reproduction steps field: the analyser's hints tell a writer of free text to add "Expected: …" or
 * "Build: …" lines; the field has a box for each of those parts, so these name the box instead. On the issue view
 * the boxes are one Edit away, so there the hint starts with "Edit, then …".
 */
import type { ReproAnalysisDto } from '@rt/contracts';
import { BOX_HINTS } from '../../../src/domain/repro-steps/box-hints';

export { BOX_HINTS };

type Finding = ReproAnalysisDto['findings'][number];
type FindingCode = Finding['code'];


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
