import { DEFAULT_RC_PATTERN, compileRcPattern, isReleaseCandidate } from '../validators/release-candidate';
import { ENTITY_PROPERTY_MAX_CHARS } from './limits';
import { serializedLength } from './size';
import type { RegressionRecord } from './types';
import { verdictOfChecks, type RcRegressionVerdict } from './verdict';

/**
 * The record as written to the issue entity property: the record plus `index`, the two values the manifest's
 * `jira:entityProperty` indexes for JQL (`index.latestRc`, `index.latestVerdict`). The index is derived on
 * every write and ignored on read (the record schema strips it), so it cannot drift from the record.
 */
export type RegressionIndexValue = { latestRc: string; latestVerdict: RcRegressionVerdict };
export type StoredRegressionRecord = RegressionRecord & { index: RegressionIndexValue };

export function regressionIndexOf(record: RegressionRecord): RegressionIndexValue {
  const last = record.cycles[record.cycles.length - 1];
  return last ? { latestRc: last.rc, latestVerdict: verdictOfChecks(last.checks) } : { latestRc: '', latestVerdict: 'none' };
}

export function toStoredRecord(record: RegressionRecord): StoredRegressionRecord {
  return { ...record, index: regressionIndexOf(record) };
}

/** Does the stored form (with its index) fit in one issue entity property? */
export function storedFits(record: RegressionRecord): { fits: boolean; length: number } {
  const length = serializedLength(toStoredRecord(record));
  return { fits: length <= ENTITY_PROPERTY_MAX_CHARS, length };
}

export type FixVersionLite = { name: string; released?: boolean; archived?: boolean };

/**
 * The release candidate a bug's checklist is for: its unreleased, unarchived fix version named like a release
 * candidate (default "4.3.0-rc.2"); with several, the last one Jira lists. null when it has none.
 */
export function currentRcOf(fixVersions: readonly FixVersionLite[], rcPattern: string = DEFAULT_RC_PATTERN): string | null {
  const pattern = compileRcPattern(rcPattern);
  const candidates = fixVersions.filter((v) => !v.released && !v.archived && isReleaseCandidate(v.name, pattern));
  return candidates[candidates.length - 1]?.name ?? null;
}

/** Equality of two records as data (key order does not matter): did what was written stay written? */
export function sameRecord(a: RegressionRecord, b: RegressionRecord): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
