/**
 * "Paste free text, get steps": turns pasted prose or a pasted template into the structured field value.
 * Labelled parts ("Expected: …") go to their fields; list items become steps; otherwise each line, and
 * inside a single run-on line each sentence or "then" clause, becomes a step.
 */
import { cuesOf, listMarker } from './cues';
import { extractParts, MAX_PART, MAX_STEPS, stepsFromLines } from './extract-parts';
import { parseSections } from './parse-sections';
import type { ReproStepsFieldValue } from './types';

/** Sentence ends and "then" joints; flat alternation, linear. */
const CLAUSE_BREAK = /(?<=[.!?;])\s+|,?\s+(?:and then|then|after that|afterwards)\s+/i;

export function splitIntoSteps(freeText: string): ReproStepsFieldValue {
  const text = typeof freeText === 'string' ? freeText : '';
  const extracted = extractParts(text);
  const labelled = extracted.labelled;
  const { parts } = extracted;
  const out: ReproStepsFieldValue = { steps: [] };

  if (labelled.steps) {
    out.steps = parts.steps.slice(0, MAX_STEPS);
  } else {
    // Unlabelled: take every prose line, minus the lines that state expected/actual/environment.
    const { sections } = parseSections(text);
    const lines = sections.filter((s) => s.kind === 'intro' || s.kind === 'body').flatMap((s) => s.lines);
    const listed = lines.filter((l) => listMarker(l.text) !== null);
    let steps: string[];
    if (listed.length >= 2) {
      steps = stepsFromLines(listed);
    } else {
      const candidates = lines.filter((l) => {
        if (l.text === '') return false;
        const c = cuesOf(l.lower);
        return !(c.expected && !c.imperative) && !(labelled.actual && c.actual && !c.imperative);
      });
      steps = stepsFromLines(candidates);
      if (steps.length === 1) steps = splitRunOn(steps[0]!);
    }
    out.steps = steps.slice(0, MAX_STEPS);
  }
  for (const key of ['preconditions', 'environment', 'build', 'frequency'] as const) {
    const v = parts[key];
    if (v) out[key] = v.slice(0, MAX_PART);
  }
  // Expected/actual: a labelled one always; an inferred sentence only when it did not become a step.
  for (const key of ['expected', 'actual'] as const) {
    const v = parts[key];
    if (v && (labelled[key] || !out.steps.includes(v))) out[key] = v.slice(0, MAX_PART);
  }
  return out;
}

function splitRunOn(line: string): string[] {
  return line
    .split(CLAUSE_BREAK)
    .map((s) => s.trim().replace(/^(?:and then|and|so|then)\s+/i, ''))
    .filter((s) => s.length > 0)
    .slice(0, MAX_STEPS);
}
