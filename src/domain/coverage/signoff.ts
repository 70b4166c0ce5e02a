import { fail, ok, type Result } from '../../contracts/result';
import type { Person } from '../regression/types';
import type { SignoffDecision, SignoffEntry, SignoffRecord } from './types';

/**
 * QA sign-off of a feature (story, task) in a release candidate, kept on the issue as an entity property like the
 * regression record. Every decision is an entry (who, when, note); the latest per candidate is the sign-off.
 * Entries have ids made by the UI, so concurrent writes merge as a union and a retried write adds nothing.
 */
export const SIGNOFF_SCHEMA_VERSION = 1 as const;
export const MAX_SIGNOFF_ENTRIES = 60;
export const MAX_SIGNOFF_NOTE = 1000;

export const emptySignoff = (): SignoffRecord => ({ schemaVersion: SIGNOFF_SCHEMA_VERSION, entries: [], revision: 0 });

export type SignoffEdit = { id: string; rc: string; decision: SignoffDecision; note?: string };

export function addSignoff(record: SignoffRecord, edit: SignoffEdit, actor: Person, now: string): Result<SignoffRecord> {
  const rc = edit.rc.trim();
  if (!rc) return fail('BAD_REQUEST', 'A sign-off names the release candidate it is for.');
  const note = edit.note?.replace(/\s+$/g, '').trim().slice(0, MAX_SIGNOFF_NOTE);
  if (edit.decision === 'rejected' && !note) return fail('BAD_REQUEST', 'Say why the feature is rejected: the note goes to the developer and the RTE.');
  const same = record.entries.find((e) => e.id === edit.id);
  if (same) return same.rc === rc && same.decision === edit.decision ? ok(record) : fail('CONFLICT', 'A different sign-off already has this id.');
  const entry: SignoffEntry = { id: edit.id, rc, decision: edit.decision, by: actor, at: now, ...(note ? { note } : {}) };
  return ok({ ...record, entries: trim([...record.entries, entry]), revision: record.revision + 1 });
}

/** Union of both sides' entries (by id), oldest first; the higher revision. */
export function mergeSignoffs(mine: SignoffRecord, theirs: SignoffRecord): SignoffRecord {
  const byId = new Map<string, SignoffEntry>();
  for (const e of [...theirs.entries, ...mine.entries]) if (!byId.has(e.id)) byId.set(e.id, e);
  return { schemaVersion: SIGNOFF_SCHEMA_VERSION, entries: trim([...byId.values()]), revision: Math.max(mine.revision, theirs.revision) };
}

export const holdsEntry = (record: SignoffRecord, id: string) => record.entries.some((e) => e.id === id);

/** The sign-off of a candidate: its latest entry (by time, then by position). */
export function signoffFor(record: SignoffRecord, rc: string): SignoffEntry | undefined {
  let latest: SignoffEntry | undefined;
  for (const e of record.entries) if (e.rc === rc && (!latest || Date.parse(e.at) >= Date.parse(latest.at))) latest = e;
  return latest;
}

/** What the manifest's jira:entityProperty indexes: `index.latestRc`, `index.latestDecision` (JQL aliases qaSignoffRc, qaSignoff). */
export function signoffIndexOf(record: SignoffRecord): { latestRc: string; latestDecision: SignoffDecision | 'none' } {
  const last = [...record.entries].sort((a, b) => Date.parse(a.at) - Date.parse(b.at)).at(-1);
  return last ? { latestRc: last.rc, latestDecision: last.decision } : { latestRc: '', latestDecision: 'none' };
}

function trim(entries: SignoffEntry[]): SignoffEntry[] {
  return [...entries].sort((a, b) => Date.parse(a.at) - Date.parse(b.at)).slice(-MAX_SIGNOFF_ENTRIES);
}
