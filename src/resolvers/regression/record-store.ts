import { REGRESSION_PROPERTY_KEY, regressionRecordSchema } from '../../contracts/regression';
import { flattenZodIssues } from '../../contracts/result';
import {
  ENTITY_PROPERTY_MAX_CHARS,
  mergeRecords,
  parseStoredRecord,
  prepareWrite,
  sameRecord,
  storedFits,
  toStoredRecord,
  type MergeDecision,
  type RegressionRecord,
  type StoredParse,
} from '../../domain/regression';
import { JiraError } from '../../jira/errors';
import type { JiraGateway } from '../../jira/gateway';
import type { JiraIssue } from '../../jira/schemas';
import { AppError } from '../app-error';

/**
 * The regression record on the issue (entity property `release-train-regression`), read and written as the user.
 *
 * Jira's entity properties have no compare-and-set, so a write is: re-read → if someone saved since we read,
 * three-way merge (base = what we read, mine = base + this edit, theirs = what is stored now) → write → read
 * back; if what is stored does not hold this edit, someone wrote in between: merge again (at most 4 rounds).
 * The remaining window (another write landing between our re-read and our write, after the other writer's own
 * read-back) cannot be closed without compare-and-set; the read-back makes it the few milliseconds between two calls.
 */

export const FIX_ISSUE_FIELDS = ['summary', 'status', 'fixVersions', 'components', 'labels', 'issuelinks', 'project', 'issuetype', 'created'];

/** The issue (with its changelog when asked), with Jira's 404/403 turned into messages that name it. */
export async function loadIssue(jira: JiraGateway, key: string, changelog = false): Promise<JiraIssue> {
  try {
    return await jira.getIssue(key, { fields: FIX_ISSUE_FIELDS, changelog });
  } catch (e) {
    if (e instanceof JiraError && e.kind === 'not-found') {
      throw new AppError('NOT_FOUND', `Issue ${key} was not found: it may have been deleted or moved, or you do not have permission to see it.`);
    }
    if (e instanceof JiraError && e.kind === 'forbidden') throw new AppError('FORBIDDEN', `You do not have permission to see ${key} in Jira.`);
    throw e;
  }
}

export async function readStored(jira: JiraGateway, key: string): Promise<StoredParse> {
  return parseStoredRecord(await jira.getIssueProperty(key, REGRESSION_PROPERTY_KEY));
}

/** The record to edit, or a CONFLICT that says the stored value is invalid and was left as it is. */
export function editableRecord(stored: StoredParse, key: string): RegressionRecord {
  if (stored.ok) return stored.record;
  throw new AppError(
    'CONFLICT',
    `${stored.message} Nothing was changed. A Jira admin can inspect the issue property '${REGRESSION_PROPERTY_KEY}' on ${key}.`,
  );
}

/** `conflicts`: the same-field decisions of the merges this write went through (latest per check and field). */
export type WriteOutcome = { record: RegressionRecord; merged: boolean; conflicts: MergeDecision[] };

const MAX_ROUNDS = 4;

/** Same checks, cycles and found bugs (revisions aside). */
const sameContent = (a: RegressionRecord, b: RegressionRecord) => sameRecord({ ...a, revision: 0 }, { ...b, revision: 0 });

export async function writeMerged(jira: JiraGateway, key: string, base: RegressionRecord, mine: RegressionRecord): Promise<WriteOutcome> {
  let merged = false;
  let latest = editableRecord(await readStored(jira, key), key);
  let expected = base;
  const conflicts = new Map<string, MergeDecision>();
  for (let round = 0; ; round++) {
    // Someone else wrote since we read (round 0) or since our own write (later rounds).
    merged ||= !sameRecord(latest, expected);
    const moved = !sameRecord(latest, base);
    let candidate = mine;
    if (moved) {
      const outcome = mergeRecords(base, mine, latest);
      candidate = outcome.record;
      for (const d of outcome.decisions) if (d.group) conflicts.set(`${d.rc}\u0000${d.checkId}\u0000${d.group}`, d);
    }
    // Done when what is stored already holds this edit (written by us, or merged in by the other writer).
    if (round > 0 && sameContent(candidate, latest)) return { record: latest, merged, conflicts: [...conflicts.values()] };
    if (round === MAX_ROUNDS) break;
    expected = sized({ ...candidate, revision: Math.max(candidate.revision, latest.revision) });
    await jira.setIssueProperty(key, REGRESSION_PROPERTY_KEY, toStoredRecord(expected));
    latest = editableRecord(await readStored(jira, key), key);
  }
  throw new AppError('CONFLICT', 'Other testers kept saving this checklist at the same moment. Reload the panel and try again; nothing of theirs was lost.');
}

/** Revision bumped, shape validated (zod) and size checked (record budget and the stored form with its index); refused before any write. */
function sized(record: RegressionRecord): RegressionRecord {
  const next = prepareWrite(record);
  if (!next.ok) throw new AppError(next.code, next.message);
  // Validated like every read, so this app never writes what it would then refuse to read.
  const valid = regressionRecordSchema.safeParse(next.data);
  if (!valid.success) {
    const first = flattenZodIssues(valid.error)[0];
    throw new AppError('INTERNAL', `The regression checklist was not saved: the result would be invalid (${first ? `${first.path}: ${first.message}` : 'unexpected shape'}). Nothing was written; reload the panel and try again.`);
  }
  const fit = storedFits(next.data);
  if (!fit.fits) {
    throw new AppError('BAD_REQUEST', `The regression checklist would take ${fit.length} characters, over Jira's ${ENTITY_PROPERTY_MAX_CHARS} per issue property. Shorten notes or remove checks, then try again.`);
  }
  return next.data;
}

