import type { VersionLite } from '../../domain/rc-readiness';

/** Upper bound of bugs the metrics read (newest first); past it the page says the figures are incomplete. */
export const METRICS_MAX_BUGS = 5000;

const jqlString = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
const day = (d: Date) => d.toISOString().slice(0, 10);

/**
 * The bugs the release metrics of a window need, and no others, newest first:
 * - bugs fixed in a version released in the window (lead time, per stage, time to restore), the window widened by a
 *   day because release dates are days;
 * - escaped bugs (Affects version = a released version) created in the window or not done yet (change-failure rate,
 *   open escaped bugs).
 * Undefined when the project has no released version (nothing to measure).
 */
export function metricsJql(projectKey: string, bugTypes: readonly string[], versions: readonly VersionLite[], from: Date): string | undefined {
  const released = versions.filter((v) => v.released);
  const since = day(new Date(from.getTime() - 86_400_000));
  const inWindow = released.filter((v) => v.releaseDate !== undefined && v.releaseDate >= since);
  if (released.length === 0) return undefined;
  const clauses = [
    ...(inWindow.length ? [`fixVersion in (${inWindow.map((v) => v.id).join(', ')})`] : []),
    `(affectedVersion in (${released.map((v) => v.id).join(', ')}) AND (created >= "${since}" OR statusCategory != Done))`,
  ];
  return `project = ${jqlString(projectKey)} AND issuetype in (${bugTypes.map(jqlString).join(', ')}) AND (${clauses.join(' OR ')}) ORDER BY created DESC`;
}
