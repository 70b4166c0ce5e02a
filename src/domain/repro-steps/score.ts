/**
 * Score 0..100 and verdict.
 *
 * Weights (sum 100):            Penalties:
 *   steps to reproduce   40       vague steps              −20
 *   expected result      20       single step = the bug    −15
 *   actual result        20       expected == actual       −20
 *   build / version      10
 *   environment           5
 *   frequency             5
 *
 * Verdict: `missing` when there are no steps (or nothing at all); `clear` when the score is at
 * least 80, no finding is an error and the steps are neither vague nor a single restatement of the bug;
 * `needs-work` otherwise.
 */
import type { Finding, ReproParts, ReproVerdict } from './types';

export const SCORE_WEIGHTS = { steps: 40, expected: 20, actual: 20, build: 10, environment: 5, frequency: 5 } as const;
export const SCORE_PENALTIES = { VAGUE_STEPS: 20, SINGLE_STEP: 15, EXPECTED_EQUALS_ACTUAL: 20 } as const;
export const CLEAR_AT = 80;

export function scoreOf(
  has: { steps: boolean; expected: boolean; actual: boolean },
  parts: ReproParts,
  findings: Finding[],
): number {
  const w = SCORE_WEIGHTS;
  let score =
    (has.steps ? w.steps : 0) +
    (has.expected ? w.expected : 0) +
    (has.actual ? w.actual : 0) +
    (parts.build ? w.build : 0) +
    (parts.environment ? w.environment : 0) +
    (parts.frequency ? w.frequency : 0);
  for (const f of findings) {
    if (f.code in SCORE_PENALTIES) score -= SCORE_PENALTIES[f.code as keyof typeof SCORE_PENALTIES];
  }
  return Math.max(0, Math.min(100, score));
}

export function verdictOf(has: { steps: boolean }, score: number, findings: Finding[]): ReproVerdict {
  if (!has.steps || findings.some((f) => f.code === 'EMPTY')) return 'missing';
  const blocking = (f: Finding): boolean => f.severity === 'error' || f.code === 'VAGUE_STEPS' || f.code === 'SINGLE_STEP';
  if (score >= CLEAR_AT && !findings.some(blocking)) return 'clear';
  return 'needs-work';
}
