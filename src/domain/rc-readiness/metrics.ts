import { sortKeys } from './issue-keys';

/**
 * Release metrics from Jira data alone.
 * - Lead time: bug created → its fix version's release date (bugs fixed in releases released in the window).
 * - Per stage: time spent in L2, RTE triage, Dev, RTE review and QA (precomputed per bug from the changelog).
 * - Regression loops per release: how many candidates the release's train needed.
 * - Escaped bugs: Affects version is a version already released when the bug was created.
 *   Change-failure rate: released versions in the window that had at least one escaped bug ÷ released versions.
 * - Time to restore: created → released for escaped bugs whose fix was released in the window.
 * Medians are the mean of the two middle values for an even count; p85 is nearest-rank (⌈0.85·n⌉-th value).
 * Jira release dates are days: a date-only value counts as the end of that day (UTC), and a negative
 * duration (bug created later that day) counts as 0.
 */

export const metricStages = ['L2', 'RTE_TRIAGE', 'DEV', 'RTE_REVIEW', 'QA'] as const;
export type MetricStage = (typeof metricStages)[number];

export type MetricsBug = {
  key: string;
  createdAt: string;
  fixVersions: string[];
  affectsVersions: string[];
  stageDurationsMs?: Partial<Record<MetricStage, number>>;
};

export type MetricsRelease = { name: string; released: boolean; releaseDate?: string; candidateCount?: number };

export type MetricsInput = { now: string; windowDays?: number; bugs: readonly MetricsBug[]; releases: readonly MetricsRelease[] };

export type Distribution = { count: number; medianMs: number | null; p85Ms: number | null };

export type ReleaseMetrics = {
  window: { from: string; to: string; days: number };
  releasesInWindow: string[];
  leadTime: Distribution;
  perStage: Record<MetricStage, Distribution>;
  loopsPerRelease: Array<{ release: string; loops: number }>;
  medianLoops: number | null;
  escapedBugs: string[];
  changeFailureRate: { failedReleases: string[]; releases: number; rate: number | null };
  timeToRestore: Distribution;
  /** Escaped bugs not released yet, with their age at `now`. */
  openEscaped: Array<{ key: string; ageMs: number }>;
};

const DAY = 86_400_000;
export const DEFAULT_WINDOW_DAYS = 90;

export function releaseMetrics(input: MetricsInput): ReleaseMetrics {
  const now = Date.parse(input.now);
  if (!Number.isFinite(now)) throw new RangeError(`releaseMetrics: 'now' must be an ISO date-time, got '${String(input.now).slice(0, 40)}'.`);
  const days = Math.max(1, Math.min(input.windowDays ?? DEFAULT_WINDOW_DAYS, 3650));
  const from = now - days * DAY;

  // releaseAt: when the fix counts as shipped (end of a date-only day); releaseFrom: when it was out (start).
  const releaseAt = new Map<string, number>();
  const releaseFrom = new Map<string, number>();
  for (const r of input.releases) {
    const t = r.released && r.releaseDate ? dayEnd(r.releaseDate) : undefined;
    if (t !== undefined && r.releaseDate) {
      releaseAt.set(r.name, t);
      releaseFrom.set(r.name, Date.parse(r.releaseDate));
    }
  }
  const inWindow = input.releases.filter((r) => {
    const t = releaseAt.get(r.name);
    return t !== undefined && t > from && t <= now + DAY; // a release dated today counts
  });
  const windowNames = new Set(inWindow.map((r) => r.name));
  const released = new Set(input.releases.filter((r) => r.released).map((r) => r.name));

  /** When the bug's fix shipped: the earliest release of its fix versions in the window. */
  const shippedAt = (b: MetricsBug): number | undefined => {
    const times = b.fixVersions.filter((v) => windowNames.has(v)).map((v) => releaseAt.get(v) as number);
    return times.length ? Math.min(...times) : undefined;
  };

  const shipped = input.bugs.flatMap((b) => {
    const created = Date.parse(b.createdAt);
    const at = shippedAt(b);
    return at !== undefined && Number.isFinite(created) ? [{ bug: b, leadMs: Math.max(0, at - created) }] : [];
  });

  const perStage = Object.fromEntries(
    metricStages.map((s) => [s, distribution(shipped.map((x) => x.bug.stageDurationsMs?.[s]).filter(isDuration))]),
  ) as Record<MetricStage, Distribution>;

  const isEscaped = (b: MetricsBug): boolean => {
    const created = Date.parse(b.createdAt);
    return b.affectsVersions.some((v) => {
      if (!released.has(v)) return false;
      const t = releaseFrom.get(v);
      // Released without a date: it was released before we looked, so count it.
      return t === undefined || !Number.isFinite(created) || t <= created;
    });
  };
  const escaped = input.bugs.filter(isEscaped);
  const escapedKeys = new Set(escaped.map((b) => b.key));

  const failedReleases = inWindow.filter((r) => escaped.some((b) => b.affectsVersions.includes(r.name))).map((r) => r.name);
  const loopsPerRelease = inWindow
    .filter((r) => r.candidateCount !== undefined && r.candidateCount >= 0)
    .map((r) => ({ release: r.name, loops: r.candidateCount as number }));

  return {
    window: { from: new Date(from).toISOString(), to: new Date(now).toISOString(), days },
    releasesInWindow: inWindow.map((r) => r.name),
    leadTime: distribution(shipped.map((x) => x.leadMs)),
    perStage,
    loopsPerRelease,
    medianLoops: median(loopsPerRelease.map((l) => l.loops)),
    escapedBugs: sortKeys(escapedKeys),
    changeFailureRate: { failedReleases, releases: inWindow.length, rate: inWindow.length ? failedReleases.length / inWindow.length : null },
    timeToRestore: distribution(shipped.filter((x) => escapedKeys.has(x.bug.key)).map((x) => x.leadMs)),
    openEscaped: escaped
      .filter((b) => !b.fixVersions.some((v) => released.has(v)))
      .map((b) => ({ key: b.key, ageMs: Math.max(0, now - Date.parse(b.createdAt)) }))
      .filter((o) => Number.isFinite(o.ageMs))
      .sort((a, b) => b.ageMs - a.ageMs),
  };
}

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

function isDuration(v: number | undefined): v is number {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0;
}

/** "2026-03-10" → end of that day (UTC); a full timestamp as is. */
function dayEnd(date: string): number | undefined {
  const t = Date.parse(date);
  if (!Number.isFinite(t)) return undefined;
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? t + DAY - 1 : t;
}
