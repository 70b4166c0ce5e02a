/**
 * The loop's stages the delivery metrics measure per bug, and the distribution figures they use.
 * Medians are the mean of the two middle values for an even count; p85 is nearest-rank (⌈0.85·n⌉-th value).
 */

export const metricStages = ['L2', 'RTE_TRIAGE', 'DEV', 'RTE_REVIEW', 'QA'] as const;
export type MetricStage = (typeof metricStages)[number];

export type Distribution = { count: number; medianMs: number | null; p85Ms: number | null };

export function distribution(values: readonly number[]): Distribution {
  return { count: values.length, medianMs: median(values), p85Ms: percentileNearestRank(values, 0.85) };
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

export function percentileNearestRank(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil(p * s.length));
  return s[rank - 1] as number;
}
