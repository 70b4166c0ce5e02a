/**
 * Floors of the dev-set quality gate (F1 of "the report lacks the part"), just under what the shipped training
 * reaches (bench/repro-steps.bench.ts). The issue targets (S2R 0.82, EB 0.93) are NOT reached held-out.
 *   full set (trained on it):  S2R 0.964  EB 0.876  OB 0.422 (0.476 with the hand-set observed-result rules the bench applies)
 *   5-fold stratified CV:      S2R 0.792  EB 0.869  OB 0.468
 *   leave-one-system-out:      S2R 0.789  EB 0.869  OB 0.350
 */
export const FLOORS = {
  full: { steps: 0.95, expected: 0.87, actual: 0.4 },
  cv: { steps: 0.78, expected: 0.86, actual: 0.4 },
  loso: { steps: 0.775, expected: 0.86, actual: 0.3 },
} as const;
