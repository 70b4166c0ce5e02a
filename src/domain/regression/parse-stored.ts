import { flattenZodIssues, type FieldIssue } from '../../contracts/result';
import { regressionRecordSchema } from '../../contracts/regression';
import { emptyRecord } from './cycles';
import { REGRESSION_SCHEMA_VERSION } from './limits';
import type { RegressionRecord } from './types';

export type StoredInvalidReason = 'not-an-object' | 'no-version' | 'old-version' | 'newer-version' | 'invalid-shape';

export type StoredParse =
  | { ok: true; record: RegressionRecord; /** false: nothing stored yet (an empty record is returned). */ found: boolean }
  | {
      ok: false;
      reason: StoredInvalidReason;
      /** Starts with "Stored regression data is invalid". */
      message: string;
      issues: FieldIssue[];
      /** Exactly what was read, so the caller can keep it (never overwrite it with an empty record). */
      raw: unknown;
    };

/**
 * Older schema versions that can be read, by version: each upgrades one version to the next.
 * None yet: version 1 is the first. Add `0: (raw) => …` style steps here when the shape changes.
 */
const migrations: Record<number, (raw: Record<string, unknown>) => Record<string, unknown>> = {};

const PREFIX = 'Stored regression data is invalid';

/**
 * Parses what was read from the issue property. Never throws (hostile getters and proxies included) and never
 * discards the raw value: an invalid value comes back in `raw` with a message saying why.
 */
export function parseStoredRecord(raw: unknown): StoredParse {
  if (raw === undefined) return { ok: true, record: emptyRecord(), found: false };
  const bad = (reason: StoredInvalidReason, detail: string, issues: FieldIssue[] = []): StoredParse => ({
    ok: false,
    reason,
    message: `${PREFIX}: ${detail}`,
    issues,
    raw,
  });
  try {
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
      return bad('not-an-object', `expected an object, found ${describe(raw)}. It was kept as it is.`);
    }
    let value = raw as Record<string, unknown>;
    const version = value['schemaVersion'];
    if (typeof version !== 'number' || !Number.isInteger(version)) {
      return bad('no-version', 'it has no schemaVersion, so this app cannot tell how to read it. It was kept as it is.');
    }
    if (version > REGRESSION_SCHEMA_VERSION) {
      return bad('newer-version', `it was written by a newer version of Release Train (schema ${version}; this one reads ${REGRESSION_SCHEMA_VERSION}). It was left untouched.`);
    }
    for (let v = version; v < REGRESSION_SCHEMA_VERSION; v++) {
      const step = migrations[v];
      if (!step) return bad('old-version', `schema version ${version} is no longer readable (this app reads ${REGRESSION_SCHEMA_VERSION}). It was kept as it is.`);
      value = step(value);
    }
    const parsed = regressionRecordSchema.safeParse(value);
    if (parsed.success) return { ok: true, record: parsed.data, found: true };
    const issues = flattenZodIssues(parsed.error);
    const first = issues[0];
    return bad('invalid-shape', `${first ? `${first.path}: ${first.message}` : 'unexpected shape'}. It was kept as it is.`, issues);
  } catch (e) {
    return bad('invalid-shape', `it could not be read (${e instanceof Error ? e.message.slice(0, 200) : 'unknown error'}). It was kept as it is.`);
  }
}

function describe(raw: unknown): string {
  if (raw === null) return 'null';
  if (Array.isArray(raw)) return 'a list';
  if (typeof raw === 'string') return `text (${raw.length} characters)`;
  return `a ${typeof raw}`;
}
