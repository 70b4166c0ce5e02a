/**
 * Hints for the structured editor: the analyser's hints tell a writer of free text to add "Expected: …" or
 * "Build: …" lines; in the editor each of those parts has its own box, so these name the box instead.
 */
import type { ReproAnalysisDto } from '@rt/contracts';

type FindingCode = ReproAnalysisDto['findings'][number]['code'];

export const BOX_HINTS: Partial<Record<FindingCode, string>> = {
  EMPTY: 'Write the actions in the Steps to reproduce boxes, one per step, then fill Expected result and Actual result.',
  MISSING_STEPS: 'Write one action per step in the Steps to reproduce boxes, each starting with a verb ("Open …", "Click …"); Enter adds a step.',
  MISSING_EXPECTED: 'Fill the Expected result box: what should happen after the last step.',
  MISSING_ACTUAL: 'Fill the Actual result box: what happens instead, with the exact error text.',
  EXPECTED_EQUALS_ACTUAL: 'Expected result is what should happen; Actual result is what you saw instead. Make the two boxes differ.',
  NO_BUILD: 'Fill the Build / version box: the app version or build number where you saw it.',
  NO_ENVIRONMENT: 'Fill the Environment box: OS / browser / device and versions.',
};

/** The hint to show for a finding: the box-specific one in the editor (for the field's own analysis), else the analyser's. */
export const hintFor = (f: ReproAnalysisDto['findings'][number], inEditor: boolean): string => (inEditor ? (BOX_HINTS[f.code] ?? f.hint) : f.hint);
