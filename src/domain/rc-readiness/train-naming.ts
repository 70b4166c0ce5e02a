import { compareNatural } from './issue-keys';
import type { VersionLite } from './types';

/**
 * A release train: a target release (e.g. "4.3.0") and its candidates ("4.3.0-rc.1", "4.3.0-rc.2") as Jira
 * versions. The naming convention is a pattern with `{release}` and `{n}` (default `{release}-rc.{n}`, matched
 * case-insensitively); versions that do not follow it can be mapped by hand.
 */
export const DEFAULT_TRAIN_PATTERN = '{release}-rc.{n}';
const MAX_PATTERN = 100;
const MAX_NAME = 255;
const MAX_N = 1_000_000;

export type NamingConvention = { pattern: string; regex: RegExp };
export type CandidateMapping = { versionId: string; release: string; n: number };
export type Candidate = { version: VersionLite; n: number; source: 'convention' | 'manual' };
export type Train = { release: string; releaseVersion?: VersionLite; candidates: Candidate[] };
export type GroupedTrains = { trains: Train[]; unmatched: VersionLite[]; warnings: string[] };

/** Why a pattern is not usable, or undefined when it is. For the settings form. */
export function patternProblem(pattern: string): string | undefined {
  if (pattern.length === 0 || pattern.length > MAX_PATTERN) return `The pattern must be 1–${MAX_PATTERN} characters.`;
  const count = (p: string) => pattern.split(p).length - 1;
  if (count('{release}') !== 1) return 'The pattern must contain {release} exactly once.';
  if (count('{n}') !== 1) return 'The pattern must contain {n} exactly once.';
  if (pattern.replace('{release}', '').replace('{n}', '').trim() === '') return 'The pattern needs some fixed text between or around {release} and {n}.';
  return undefined;
}

/** Compiles a pattern; an unusable one falls back to the default (never throws). */
export function compileConvention(pattern: string = DEFAULT_TRAIN_PATTERN): NamingConvention {
  const usable = patternProblem(pattern) === undefined ? pattern : DEFAULT_TRAIN_PATTERN;
  const escaped = usable.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // Only literal text plus two groups: linear to match, no user-controlled regex syntax.
  const source = escaped.replace('\\{release\\}', '(.+?)').replace('\\{n\\}', '(\\d{1,7})');
  return { pattern: usable, regex: new RegExp(`^${source}$`, 'i') };
}

export function parseCandidateName(name: string, convention: NamingConvention): { release: string; n: number } | undefined {
  if (name.length > MAX_NAME) return undefined;
  const m = convention.regex.exec(name.trim());
  if (!m) return undefined;
  // Group order follows the placeholders' order in the pattern.
  const releaseFirst = convention.pattern.indexOf('{release}') < convention.pattern.indexOf('{n}');
  const release = (releaseFirst ? m[1] : m[2])?.trim();
  const n = Number(releaseFirst ? m[2] : m[1]);
  if (!release || !Number.isInteger(n) || n < 0 || n > MAX_N) return undefined;
  return { release, n };
}

export function candidateName(release: string, n: number, convention: NamingConvention): string {
  return convention.pattern.replace('{release}', release).replace('{n}', String(n));
}

/**
 * Groups versions into trains. Manual mappings win over the convention. Trains are sorted by release
 * (natural version order), candidates by n. Versions that are neither a candidate nor a train's release are
 * returned as `unmatched` (so the UI can offer to map them by hand).
 */
export function groupTrains(
  versions: readonly VersionLite[],
  options: { pattern?: string; manual?: readonly CandidateMapping[] } = {},
): GroupedTrains {
  const convention = compileConvention(options.pattern);
  const warnings: string[] = [];
  if (options.pattern !== undefined && convention.pattern !== options.pattern) {
    warnings.push(`The naming pattern '${options.pattern.slice(0, MAX_PATTERN)}' is not usable (${patternProblem(options.pattern)}); using ${DEFAULT_TRAIN_PATTERN}.`);
  }
  const manual = new Map<string, CandidateMapping>();
  for (const m of options.manual ?? []) manual.set(m.versionId, m);
  const byId = new Map(versions.map((v) => [v.id, v]));
  for (const m of manual.values()) if (!byId.has(m.versionId)) warnings.push(`A hand-picked candidate (version id ${m.versionId}) no longer exists.`);

  const trains = new Map<string, Train>();
  const train = (release: string) => {
    let t = trains.get(release);
    if (!t) trains.set(release, (t = { release, candidates: [] }));
    return t;
  };
  const used = new Set<string>();
  for (const v of versions) {
    const m = manual.get(v.id);
    if (m && m.release.trim() && Number.isInteger(m.n) && m.n >= 0) {
      train(m.release.trim()).candidates.push({ version: v, n: m.n, source: 'manual' });
      used.add(v.id);
      continue;
    }
    const parsed = parseCandidateName(v.name, convention);
    if (parsed) {
      train(parsed.release).candidates.push({ version: v, n: parsed.n, source: 'convention' });
      used.add(v.id);
    }
  }
  for (const v of versions) {
    if (used.has(v.id)) continue;
    const t = trains.get(v.name.trim());
    if (t && !t.releaseVersion) {
      t.releaseVersion = v;
      used.add(v.id);
    }
  }
  for (const t of trains.values()) {
    t.candidates.sort((a, b) => a.n - b.n || compareNatural(a.version.name, b.version.name));
    for (let i = 1; i < t.candidates.length; i++) {
      const [p, c] = [t.candidates[i - 1], t.candidates[i]];
      if (p && c && p.n === c.n) warnings.push(`${t.release} has two candidates numbered ${c.n}: '${p.version.name}' and '${c.version.name}'.`);
    }
  }
  return {
    trains: [...trains.values()].sort((a, b) => compareNatural(a.release, b.release)),
    unmatched: versions.filter((v) => !used.has(v.id)),
    warnings,
  };
}

/** The candidate after `current` in its train: the existing version if there is one, else the name to create. */
export function nextCandidate(
  train: Train,
  currentVersionId: string,
  convention: NamingConvention,
): { n: number; name: string; existing?: VersionLite } {
  const current = train.candidates.find((c) => c.version.id === currentVersionId);
  const top = Math.max(0, ...train.candidates.map((c) => c.n));
  const after = current ? train.candidates.find((c) => c.n > current.n && !c.version.released) : undefined;
  if (after) return { n: after.n, name: after.version.name, existing: after.version };
  return { n: top + 1, name: candidateName(train.release, top + 1, convention) };
}

export type MappingProblem = { index: number; field: 'versionId' | 'release' | 'n'; message: string };

/**
 * Why hand-picked candidates cannot be stored, per entry: only versions of the project that the naming pattern
 * leaves out (neither a candidate nor a train's release version) can be picked, each once, and a picked candidate's
 * number must not be taken by another candidate of its train.
 */
export function manualCandidateProblems(versions: readonly VersionLite[], pattern: string, manual: readonly CandidateMapping[]): MappingProblem[] {
  const problems: MappingProblem[] = [];
  const convention = compileConvention(pattern);
  const byId = new Map(versions.map((v) => [v.id, v]));
  const byPattern = groupTrains(versions, { pattern });
  const outside = new Set(byPattern.unmatched.map((v) => v.id));
  const seen = new Set<string>();
  const refuse = (index: number, field: MappingProblem['field'], message: string) => problems.push({ index, field, message });
  for (const [index, m] of manual.entries()) {
    const v = byId.get(m.versionId);
    if (!v) refuse(index, 'versionId', `Version ${m.versionId} is not a version of this project (it may have been deleted, or you cannot see it).`);
    else if (seen.has(m.versionId)) refuse(index, 'versionId', `${v.name} is picked more than once.`);
    else {
      seen.add(m.versionId);
      const parsed = parseCandidateName(v.name, convention);
      if (parsed) refuse(index, 'versionId', `${v.name} follows the naming pattern ${convention.pattern}: it is already candidate ${parsed.n} of ${parsed.release}.`);
      else if (!outside.has(v.id)) refuse(index, 'versionId', `${v.name} is the release version of the ${v.name} train, not a candidate.`);
      else if (v.name.trim() === m.release.trim()) refuse(index, 'release', `${v.name} cannot be a candidate of its own release.`);
    }
  }
  const refused = new Set(problems.map((p) => p.index));
  const grouped = groupTrains(versions, { pattern, manual: manual.filter((_, i) => !refused.has(i)) });
  manual.forEach((m, index) => {
    if (refused.has(index)) return;
    const other = grouped.trains.find((t) => t.release === m.release.trim())?.candidates.find((c) => c.n === m.n && c.version.id !== m.versionId);
    if (other) problems.push({ index, field: 'n', message: `${m.release.trim()} already has candidate ${m.n} (${other.version.name}); pick another number.` });
  });
  return problems;
}
