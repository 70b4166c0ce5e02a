import type { PlanMove } from './types';

/**
 * Moves for the planning page: apply them to the local plan, undo them, and batch them for the agile API
 * (`POST /rest/agile/1.0/sprint/{id}/issue` and `POST /rest/agile/1.0/backlog/issue` take at most 50 issues).
 */

/** Where each bug is: a sprint id, or null for the backlog. */
export type PlanState = Readonly<Record<string, number | null>>;

export type ApplyResult = {
  state: Record<string, number | null>;
  /** Apply this to `state` to get the previous state back (undo). */
  inverse: PlanMove[];
  /** Moves whose `fromSprintId` did not match where the bug was (the plan changed meanwhile); still applied. */
  stale: PlanMove[];
};

const isTarget = (v: unknown): v is number | null => v === null || (typeof v === 'number' && Number.isFinite(v));

/**
 * Applies moves in order to a copy of `state` (the input is not changed). The inverse is built from where each
 * bug really was, so undo restores the state even when a move's `fromSprintId` was out of date. A bug unknown to
 * the state is taken to be where its move says it came from. Malformed moves are skipped.
 */
export function applyMoves(state: PlanState, moves: readonly PlanMove[]): ApplyResult {
  const next: Record<string, number | null> = { ...state };
  const inverse: PlanMove[] = [];
  const stale: PlanMove[] = [];
  for (const move of Array.isArray(moves) ? moves : []) {
    if (!move || typeof move.key !== 'string' || !isTarget(move.toSprintId)) continue;
    const known = Object.prototype.hasOwnProperty.call(next, move.key);
    const before = known ? (next[move.key] ?? null) : isTarget(move.fromSprintId) ? move.fromSprintId : null;
    if (known && move.fromSprintId !== undefined && move.fromSprintId !== before) stale.push(move);
    next[move.key] = move.toSprintId;
    inverse.push({ key: move.key, fromSprintId: move.toSprintId, toSprintId: before });
  }
  inverse.reverse();
  return { state: next, inverse, stale };
}

/** The inverse of a move list taken at face value: reversed order, from and to swapped. */
export function invertMoves(moves: readonly PlanMove[]): PlanMove[] {
  return [...moves].reverse().map((m) => ({ key: m.key, fromSprintId: m.toSprintId, toSprintId: m.fromSprintId }));
}

export const AGILE_MOVE_LIMIT = 50;

export type MoveBatch = { sprintId: number | 'backlog'; keys: string[] };

/**
 * Groups moves by target into batches of at most `maxPerBatch` (50, the agile API's limit) keys.
 * A bug moved several times goes only where its last move takes it; a bug that ends where it started is not
 * sent at all. Keys keep the order of their last moves; targets the order in which their first key comes.
 */
export function batchMoves(moves: readonly { key: string; fromSprintId?: number | null; toSprintId: number | null }[], maxPerBatch: number = AGILE_MOVE_LIMIT): MoveBatch[] {
  const size = Number.isFinite(maxPerBatch) && maxPerBatch >= 1 ? Math.min(Math.floor(maxPerBatch), AGILE_MOVE_LIMIT) : AGILE_MOVE_LIMIT;
  const origin = new Map<string, number | null | undefined>();
  const finalTarget = new Map<string, number | null>();
  for (const move of Array.isArray(moves) ? moves : []) {
    if (!move || typeof move.key !== 'string' || !isTarget(move.toSprintId)) continue;
    if (!origin.has(move.key)) origin.set(move.key, move.fromSprintId);
    finalTarget.delete(move.key); // re-insert so the key takes the position of its last move
    finalTarget.set(move.key, move.toSprintId);
  }
  const groups = new Map<number | 'backlog', string[]>();
  for (const [key, target] of finalTarget) {
    if (origin.get(key) === target) continue;
    const id = target === null ? 'backlog' : target;
    const keys = groups.get(id) ?? [];
    keys.push(key);
    groups.set(id, keys);
  }
  const batches: MoveBatch[] = [];
  for (const [sprintId, keys] of groups) {
    for (let i = 0; i < keys.length; i += size) batches.push({ sprintId, keys: keys.slice(i, i + size) });
  }
  return batches;
}
