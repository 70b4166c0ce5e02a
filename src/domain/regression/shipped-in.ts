import { DEFAULT_RC_PATTERN, compileRcPattern, isReleaseCandidate } from '../validators/release-candidate';

/**
 * The release a bug shipped in, from its fix versions: a released production version (named outside the
 * candidate pattern, e.g. "4.3.0"), else a released candidate (the old way of releasing a candidate itself). With
 * it, the candidate the bug shipped from (its last candidate fix version, released or not). Undefined when the bug
 * has no released fix version: it has not shipped.
 */
export type ShippedIn = { release: string; releaseDate?: string; candidate?: string };
type FixVersion = { name: string; released?: boolean; releaseDate?: string };

export function shippedIn(fixVersions: readonly FixVersion[], rcPattern: string = DEFAULT_RC_PATTERN): ShippedIn | undefined {
  const pattern = compileRcPattern(rcPattern);
  const released = fixVersions.filter((v) => v.released === true);
  const byDate = (a: FixVersion, b: FixVersion) => (a.releaseDate ?? '').localeCompare(b.releaseDate ?? '');
  const production = released.filter((v) => !isReleaseCandidate(v.name, pattern)).sort(byDate).at(-1) ?? released.sort(byDate).at(-1);
  if (!production) return undefined;
  const candidate = fixVersions.filter((v) => isReleaseCandidate(v.name, pattern)).at(-1);
  return { release: production.name, ...(production.releaseDate ? { releaseDate: production.releaseDate } : {}), ...(candidate && candidate.name !== production.name ? { candidate: candidate.name } : {}) };
}
