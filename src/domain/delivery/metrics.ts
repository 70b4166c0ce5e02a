import type { DeploymentReport } from '../../contracts/handoff';
import { distribution, type MetricStage, metricStages } from '../rc-readiness/metrics';
import { chronological, type Handoff, trainOutcomes } from './handoff-outcome';

/**
 * Delivery metrics per production release, from Jira data and the deployments ops recorded on the hand-offs.
 * A release is a train's production release ("4.3.0"); its candidates ("4.3.0-rc.1"…) are never releases: the caller
 * maps every candidate version of a bug to its train before calling. Definitions (also shown on screen):
 * - Deployment: a "deployed" report on a hand-off. The release's deployment time is its first one.
 * - Deployment frequency: deployments in the window ÷ weeks (and ÷ 30-day months) of the window.
 * - Lead time: bug created → first deployment of a release it was fixed in; per stage the loop's stages from the
 *   bug's history, then QA done → released (the promotion) and released → deployed.
 * - Escaped bug: a bug whose Affects version is a release, created after that release was deployed (or, with no
 *   deployment recorded, after it was released).
 * - Change failure rate: deployments followed, before the release's next deployment, by a rollback or an escaped
 *   bug at or above the severity threshold (a bug without severity counts) ÷ deployments in the window.
 * - Time to restore: a rollback → the next deployment; an escaped bug (threshold as above) → the first deployment,
 *   after it was filed, of a release it was fixed in.
 * - Regression loops: the candidates a release's train needed.
 */

export const deliveryStages = [...metricStages, 'RELEASE', 'DEPLOY'] as const;
export type DeliveryStage = (typeof deliveryStages)[number];

export type DeliveryBug = {
  key: string;
  createdAt: string;
  /** Production releases the fix shipped in (train names, candidates already mapped to their train). */
  fixReleases: string[];
  /** Production releases named in Affects versions (train names). */
  affectsReleases: string[];
  severity?: string;
  /** When the bug reached Done (QA finished). */
  doneAt?: string;
  stageDurationsMs?: Partial<Record<MetricStage, number>>;
};

export type DeliveryRelease = {
  /** The production release, e.g. "4.3.0". */
  name: string;
  released: boolean;
  /** Jira's release date of the production version (a day). */
  releaseDate?: string;
  /** How many candidates the train needed; undefined when unknown. */
  candidateCount?: number;
  handoffs: Handoff[];
};

export type SeverityPolicy = { order: readonly string[]; threshold?: string };

export type DeliveryInput = { now: string; windowDays?: number; releases: readonly DeliveryRelease[]; bugs: readonly DeliveryBug[]; severity?: SeverityPolicy };

export type Figure = { count: number; medianMs: number | null; p85Ms: number | null; reason?: string };
export type Deployment = { release: string; at: string; environment: string; handoffKey: string; candidateName: string; promotedAt: string };
export type Failure = { release: string; deploymentAt: string; cause: 'rollback' | 'escaped-bug'; at: string; key: string; note?: string; restoredAt?: string };

export type ReleaseFigures = {
  release: string;
  status: 'not-released' | 'no-handoff' | 'awaiting' | 'deployed' | 'failed' | 'reopened';
  deployedAt?: string;
  deployments: number;
  rollbacks: number;
  loops: number | null;
  loopsReason?: string;
  leadTime: Figure;
  escapedBugs: string[];
  escapedReason?: string;
  failedDeployments: number;
  restore: Figure;
};

export type DeliveryMetrics = {
  window: { from: string; to: string; days: number };
  deployments: Deployment[];
  frequency: { inWindow: number; perWeek: number | null; perMonth: number | null; reason?: string; weeks: Array<{ weekStart: string; count: number }> };
  leadTime: Figure;
  perStage: Record<DeliveryStage, Figure>;
  changeFailureRate: { deployments: number; failed: number; rate: number | null; reason?: string; threshold?: string; failures: Failure[] };
  timeToRestore: Figure & { open: Failure[] };
  releases: ReleaseFigures[];
};

const DAY = 86_400_000;
const t = (iso: string | undefined) => (iso === undefined ? Number.NaN : Date.parse(iso));
const finite = (n: number) => Number.isFinite(n);
/** A date-only release date counts from the end of its day (the promotion time is used when known). */
const dayEnd = (d: string) => (/^\d{4}-\d{2}-\d{2}$/.test(d) ? Date.parse(d) + DAY - 1 : Date.parse(d));

function figure(values: number[], reason: string): Figure {
  const d = distribution(values);
  return d.count === 0 ? { ...d, reason } : d;
}

/** Whether an escaped bug counts as a failure: at or above the threshold in `order` (most severe first). */
export function meetsThreshold(severity: string | undefined, policy: SeverityPolicy | undefined): boolean {
  if (!policy?.threshold || severity === undefined) return true;
  const rank = (s: string) => policy.order.findIndex((o) => o.toLowerCase() === s.toLowerCase());
  const limit = rank(policy.threshold);
  const r = rank(severity);
  return limit < 0 || r < 0 || r <= limit;
}

/** Monday 00:00 UTC of the week of `ms`. */
const weekStart = (ms: number) => {
  const d = new Date(ms);
  const day = (d.getUTCDay() + 6) % 7;
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - day);
};

export function deliveryMetrics(input: DeliveryInput): DeliveryMetrics {
  const now = t(input.now);
  if (!finite(now)) throw new RangeError(`deliveryMetrics: 'now' must be an ISO date-time, got '${String(input.now).slice(0, 40)}'.`);
  const days = Math.max(7, Math.min(input.windowDays ?? 90, 3650));
  const from = now - days * DAY;
  const inWindow = (ms: number) => ms > from && ms <= now;

  // Every deployment of every release, in time order.
  const deployments: Deployment[] = input.releases
    .flatMap((r) =>
      r.handoffs.flatMap((h) =>
        h.reports
          .filter((rep) => rep.outcome === 'deployed' && finite(t(rep.at)))
          .map((rep) => ({ release: r.name, at: new Date(t(rep.at)).toISOString(), environment: rep.environment, handoffKey: h.issueKey, candidateName: h.record.candidateName, promotedAt: h.record.promotedAt })),
      ),
    )
    .sort((a, b) => t(a.at) - t(b.at));
  const firstDeployment = new Map<string, Deployment>();
  for (const d of deployments) if (!firstDeployment.has(d.release)) firstDeployment.set(d.release, d);
  const releaseByName = new Map(input.releases.map((r) => [r.name, r]));
  const rollbacksOf = (r: DeliveryRelease) =>
    r.handoffs.flatMap((h) => chronological(h.reports).filter((x) => x.outcome === 'rolled-back').map((x): [Handoff, DeploymentReport] => [h, x]));
  /** When a release was out: its first deployment, else its promotion or Jira release date. */
  const outSince = (r: DeliveryRelease): number => {
    const d = firstDeployment.get(r.name);
    if (d) return t(d.at);
    const promoted = r.handoffs.map((h) => t(h.record.promotedAt)).filter(finite);
    if (promoted.length) return Math.min(...promoted);
    return r.released && r.releaseDate ? dayEnd(r.releaseDate) : Number.NaN;
  };

  // Escaped bugs: filed against a release after it was out.
  const escapedOf = new Map<string, DeliveryBug[]>();
  for (const b of input.bugs) {
    for (const name of b.affectsReleases) {
      const r = releaseByName.get(name);
      if (!r?.released) continue;
      const since = outSince(r);
      if (finite(since) && t(b.createdAt) > since) escapedOf.set(name, [...(escapedOf.get(name) ?? []), b]);
    }
  }

  // Failures of each deployment: a rollback, or an escaped bug meeting the threshold, before the release's next deployment.
  const failures: Failure[] = [];
  for (const d of deployments) {
    const r = releaseByName.get(d.release)!;
    const next = deployments.find((x) => x.release === d.release && t(x.at) > t(d.at));
    const until = next ? t(next.at) : Number.POSITIVE_INFINITY;
    const within = (ms: number) => ms >= t(d.at) && ms < until;
    for (const [h, rep] of rollbacksOf(r)) if (within(t(rep.at))) failures.push({ release: d.release, deploymentAt: d.at, cause: 'rollback', at: rep.at, key: h.issueKey, note: rep.note });
    for (const b of escapedOf.get(d.release) ?? [])
      if (within(t(b.createdAt)) && meetsThreshold(b.severity, input.severity)) failures.push({ release: d.release, deploymentAt: d.at, cause: 'escaped-bug', at: b.createdAt, key: b.key });
  }
  // Restored by: the next deployment (rollback), the first later deployment of a release the bug was fixed in (escaped bug).
  const bugByKey = new Map(input.bugs.map((b) => [b.key, b]));
  for (const f of failures) {
    const fixes = f.cause === 'escaped-bug' ? new Set(bugByKey.get(f.key)?.fixReleases ?? []) : undefined;
    const restore = deployments.find((x) => t(x.at) > t(f.at) && (fixes ? fixes.has(x.release) : true));
    if (restore) f.restoredAt = restore.at;
  }

  // Lead time: bugs whose fix shipped in a deployed release.
  const shipped = input.bugs.flatMap((b) => {
    const ds = b.fixReleases.map((n) => firstDeployment.get(n)).filter((d): d is Deployment => d !== undefined).sort((a, c) => t(a.at) - t(c.at));
    const d = ds[0];
    const created = t(b.createdAt);
    return d && finite(created) ? [{ bug: b, d, leadMs: Math.max(0, t(d.at) - created) }] : [];
  });
  const shippedInWindow = shipped.filter((s) => inWindow(t(s.d.at)));
  const noDeploymentYet = deployments.length === 0 ? 'no deployment recorded yet' : `no deployment in the last ${days} days`;
  const stageValue = (s: (typeof shipped)[number], stage: DeliveryStage): number | undefined => {
    if (stage === 'RELEASE') {
      const v = t(s.d.promotedAt) - t(s.bug.doneAt);
      return finite(v) ? Math.max(0, v) : undefined;
    }
    if (stage === 'DEPLOY') return Math.max(0, t(s.d.at) - t(s.d.promotedAt));
    const v = s.bug.stageDurationsMs?.[stage];
    return typeof v === 'number' && finite(v) && v >= 0 ? v : undefined;
  };
  const perStage = Object.fromEntries(
    deliveryStages.map((stage) => [
      stage,
      figure(
        shippedInWindow.map((s) => stageValue(s, stage)).filter((v): v is number => v !== undefined),
        shippedInWindow.length === 0 ? (deployments.some((d) => inWindow(t(d.at))) ? 'no bug fix was deployed in the window' : noDeploymentYet) : stage === 'RELEASE' ? 'no deployed bug has a Done time' : 'no deployed bug has a history for this stage',
      ),
    ]),
  ) as Record<DeliveryStage, Figure>;

  // Deployment frequency, with one bar per week of the window.
  const windowDeployments = deployments.filter((d) => inWindow(t(d.at)));
  const weeks: Array<{ weekStart: string; count: number }> = [];
  for (let w = weekStart(from + 1); w <= now; w += 7 * DAY) weeks.push({ weekStart: new Date(w).toISOString().slice(0, 10), count: windowDeployments.filter((d) => weekStart(t(d.at)) === w).length });

  const cfrDeployments = windowDeployments.length;
  const failedDeployments = new Set(failures.filter((f) => inWindow(t(f.deploymentAt))).map((f) => `${f.release}\u0000${f.deploymentAt}`));
  const restored = failures.filter((f) => f.restoredAt !== undefined && inWindow(t(f.restoredAt)));
  const open = failures.filter((f) => f.restoredAt === undefined);

  const outcomes = new Map(trainOutcomes(input.releases.flatMap((r) => r.handoffs)).map((o) => [o.train, o]));
  const releases: ReleaseFigures[] = input.releases.map((r) => {
    const first = firstDeployment.get(r.name);
    const outcome = outcomes.get(r.name);
    const status: ReleaseFigures['status'] = !r.released && r.handoffs.length === 0 ? 'not-released' : r.handoffs.length === 0 ? 'no-handoff' : (outcome?.status ?? 'awaiting');
    const notDeployed =
      status === 'not-released' ? 'not released yet' : status === 'no-handoff' ? 'released without a hand-off to ops, so no deployment was recorded' : 'no deployment recorded yet';
    const own = shipped.filter((s) => s.d.release === r.name);
    const escaped = escapedOf.get(r.name) ?? [];
    const ownFailures = failures.filter((f) => f.release === r.name);
    return {
      release: r.name,
      status,
      ...(first ? { deployedAt: first.at } : {}),
      deployments: deployments.filter((d) => d.release === r.name).length,
      rollbacks: rollbacksOf(r).length,
      loops: r.candidateCount ?? null,
      ...(r.candidateCount === undefined ? { loopsReason: 'no candidate of this release is known' } : {}),
      leadTime: figure(own.map((s) => s.leadMs), first ? 'no bug fixed in this release' : notDeployed),
      escapedBugs: escaped.map((b) => b.key),
      ...(!r.released && !first ? { escapedReason: 'not released yet' } : {}),
      failedDeployments: new Set(ownFailures.map((f) => f.deploymentAt)).size,
      restore: figure(
        ownFailures.filter((f) => f.restoredAt).map((f) => t(f.restoredAt) - t(f.at)),
        ownFailures.length === 0 ? (first ? 'nothing to restore: no rollback and no escaped bug' : notDeployed) : 'not restored yet',
      ),
    };
  });

  const anyFailures = failures.length > 0;
  return {
    window: { from: new Date(from).toISOString(), to: new Date(now).toISOString(), days },
    deployments,
    frequency: {
      inWindow: windowDeployments.length,
      perWeek: windowDeployments.length ? windowDeployments.length / (days / 7) : null,
      perMonth: windowDeployments.length ? windowDeployments.length / (days / 30) : null,
      ...(windowDeployments.length ? {} : { reason: noDeploymentYet }),
      weeks,
    },
    leadTime: figure(
      shippedInWindow.map((s) => s.leadMs),
      windowDeployments.length === 0 ? noDeploymentYet : 'no bug fix was deployed in the window',
    ),
    perStage,
    changeFailureRate: {
      deployments: cfrDeployments,
      failed: failedDeployments.size,
      rate: cfrDeployments ? failedDeployments.size / cfrDeployments : null,
      ...(cfrDeployments ? {} : { reason: noDeploymentYet }),
      ...(input.severity?.threshold ? { threshold: input.severity.threshold } : {}),
      failures,
    },
    timeToRestore: {
      ...figure(
        restored.map((f) => t(f.restoredAt) - t(f.at)),
        !anyFailures ? (deployments.length ? 'nothing to restore: no rollback and no escaped bug after a deployment' : noDeploymentYet) : open.length ? 'not restored yet' : `no restore in the last ${days} days`,
      ),
      open,
    },
    releases,
  };
}
