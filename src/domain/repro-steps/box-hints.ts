/**
 * Hints for the Reproduction steps field's boxes: the analyser's hints tell a writer of free text to add "Expected: …"
 * or "Build: …" lines; the field has a box for each part, so these name the box instead. Used by the field's editor
 * (static/repro-field) and by the "Repro steps are clear" validator when it sends the writer to the field.
 */
import type { FindingCode } from './types';

export const BOX_HINTS: Readonly<Partial<Record<FindingCode, string>>> = {
  EMPTY: 'Write the actions in the Steps to reproduce boxes, one per step, then fill Expected result and Actual result.',
  MISSING_STEPS: 'Write one action per step in the Steps to reproduce boxes, each starting with a verb ("Open …", "Click …"); Enter adds a step.',
  MISSING_EXPECTED: 'Fill the Expected result box: what should happen after the last step.',
  MISSING_ACTUAL: 'Fill the Actual result box: what happens instead, with the exact error text.',
  EXPECTED_EQUALS_ACTUAL: 'Make the Expected result and Actual result boxes differ: Expected result is what should happen; Actual result is what you saw instead.',
  NO_BUILD: 'Fill the Build / version box: the app version or build number where you saw it.',
  NO_ENVIRONMENT: 'Fill the Environment box: OS / browser / device and versions.',
};
