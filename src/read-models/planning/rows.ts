/**
 * The planning read model's rows: one per open bug, holding what the planning page's ranking reads (the search
 * fields of read-jira.ts without the description and the repro field) and the repro analyser's verdict on them,
 * computed once when the row is written (the verdict only changes when the bug does, and then `updated` moves
 * and the row is written again). Pure: no storage, no Jira.
 */
import { z } from 'zod';
import { analyseReproSteps } from '../../domain/repro-steps';
import { issueSchema, type JiraIssue } from '../../jira/schemas';
import type { FieldIds } from '../../resolvers/sprint-planning/read-jira';

export const planRowSchema = z.object({
  id: z.string(),
  key: z.string(),
  /** Jira's `updated` of the issue when the row was read (ms since epoch): an older read never replaces a newer one. */
  updated: z.number(),
  /** The repro analyser read the description / repro field as clear. */
  clear: z.boolean(),
  fields: z.record(z.string(), z.unknown()),
});
export type PlanRow = z.infer<typeof planRowSchema>;

/** Keys Jira adds that the page never reads: dropped at any depth to keep rows small. */
const NOISE = new Set(['self', 'iconUrl', 'avatarUrls', 'expand', 'emailAddress', 'timeZone', 'accountType', 'active', 'colorName', 'hierarchyLevel', 'subtask', 'avatarId', 'entityId', 'description']);

function prune(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(prune);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (!NOISE.has(k)) out[k] = prune(v);
  return out;
}

/** The fields a row is read with: the page's search fields plus `updated`. */
export function rowFields(searchFields: readonly string[]): string[] {
  return [...new Set([...searchFields, 'updated'])];
}

/** A search result (read with `rowFields`) → its row; the analyser runs here, once per version of the bug. */
export function toPlanRow(issue: JiraIssue, ids: FieldIds): PlanRow {
  const raw = issue.fields as Record<string, unknown>;
  const fields: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw)) {
    if (k === 'description' || k === ids.reproSteps) continue;
    fields[k] = prune(v);
  }
  const field = ids.reproSteps ? raw[ids.reproSteps] : undefined;
  const clear = analyseReproSteps({ summary: issue.fields.summary, description: issue.fields.description, field: (field ?? null) as never }).verdict === 'clear';
  const updated = Date.parse(issue.fields.updated ?? '');
  return { id: issue.id, key: issue.key, updated: Number.isFinite(updated) ? updated : 0, clear, fields };
}

/** A row back into the search result shape the page's mapping (toPlanBug) reads. */
export function rowToIssue(row: PlanRow): JiraIssue {
  return issueSchema.parse({ id: row.id, key: row.key, fields: row.fields });
}

/** Which shard of `shards` holds an issue (by numeric id, so a bug stays in its shard when its key changes). */
export function shardOf(issueId: string, shards: number): number {
  const n = Number(issueId);
  if (Number.isSafeInteger(n)) return n % shards;
  let h = 0;
  for (const ch of issueId) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return h % shards;
}

/**
 * Applies a change to a shard's rows: `row` replaces the one with the same id unless the stored one is newer
 * (an event replayed out of order); `remove` drops it. Returns whether the shard changed.
 */
export function applyToShard(rows: Map<string, PlanRow>, change: { row: PlanRow } | { removeId: string; at?: number }): boolean {
  if ('row' in change) {
    const stored = rows.get(change.row.id);
    if (stored && stored.updated > change.row.updated) return false;
    if (stored && JSON.stringify(stored) === JSON.stringify(change.row)) return false;
    rows.set(change.row.id, change.row);
    return true;
  }
  const stored = rows.get(change.removeId);
  if (!stored) return false;
  // A removal read before a newer write of the same bug (it was reopened since) must not drop that write.
  if (change.at !== undefined && stored.updated > change.at) return false;
  rows.delete(change.removeId);
  return true;
}
