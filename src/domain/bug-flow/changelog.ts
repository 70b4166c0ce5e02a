import { classifyMove, defaultLegalMoves, type LegalMove, type MoveVerdict } from './legal-moves';
import { stageOf, type StatusStageMapping } from './status-mapping';
import { stages, type Stage } from './stages';

/** One status change from the changelog (`field: "status"` items), in any order. */
export type StatusChange = { at: string /* ISO */; authorAccountId?: string; authorName?: string; fromStatusId?: string; toStatusId: string };

/**
 * The bug's time in one status. `stage` is the status's stage; a status the mapping does not know keeps the
 * stage the bug was in before (`unmapped: true`), so a detour through e.g. "Blocked" neither resets nor skips
 * the loop. `by*` is who moved the bug into this status (absent for the status it was created in).
 */
export type StageInterval = {
  stage: Stage;
  statusId: string;
  enteredAt: string;
  leftAt?: string;
  byAccountId?: string;
  byName?: string;
  unmapped?: true;
};

type Timed = { change: StatusChange; time: number; index: number };

/** Parses, drops unreadable timestamps and exact duplicates (overlapping changelog pages), sorts stably by time. */
function orderChanges(changes: readonly StatusChange[]): StatusChange[] {
  const timed: Timed[] = [];
  const seen = new Set<string>();
  changes.forEach((change, index) => {
    const time = Date.parse(change.at);
    if (Number.isNaN(time) || typeof change.toStatusId !== 'string') return;
    const identity = `${time}|${change.fromStatusId ?? ''}|${change.toStatusId}`;
    if (seen.has(identity)) return;
    seen.add(identity);
    timed.push({ change, time, index });
  });
  timed.sort((a, b) => a.time - b.time || a.index - b.index);
  return timed.map((t) => t.change);
}

/**
 * The ordered status intervals of a bug, from creation to now (the last one has no `leftAt`).
 * The status it was created in is the first change's `fromStatusId` when the changelog has one (the changelog is
 * the record of what happened), otherwise `initialStatusId`; so a bug created directly in a later status starts
 * there. A status with no stage before it falls back to L2, the start of the loop.
 */
export function stageHistory(
  createdAt: string,
  initialStatusId: string | undefined,
  changes: readonly StatusChange[],
  mapping: StatusStageMapping,
): StageInterval[] {
  const ordered = orderChanges(changes);
  const intervals: StageInterval[] = [];
  const startStatus = ordered[0]?.fromStatusId ?? initialStatusId;
  let stage: Stage = 'L2';
  const open = (statusId: string, enteredAt: string, change?: StatusChange) => {
    const mapped = stageOf(statusId, mapping);
    stage = mapped ?? stage;
    const interval: StageInterval = { stage, statusId, enteredAt };
    if (change?.authorAccountId !== undefined) interval.byAccountId = change.authorAccountId;
    if (change?.authorName !== undefined) interval.byName = change.authorName;
    if (!mapped) interval.unmapped = true;
    intervals.push(interval);
  };
  if (startStatus !== undefined) open(startStatus, createdAt);
  for (const change of ordered) {
    const current = intervals[intervals.length - 1];
    if (current?.statusId === change.toStatusId) continue; // a no-op change would only split the interval
    if (current) current.leftAt = change.at;
    open(change.toStatusId, change.at, change);
  }
  return intervals;
}

function lastIndexOf(intervals: readonly { stage: Stage }[], stage: Stage): number {
  for (let i = intervals.length - 1; i >= 0; i -= 1) if (intervals[i]?.stage === stage) return i;
  return -1;
}

/**
 * True when the bug was in RTE review after its latest Dev stage. With no Dev stage at all (e.g. created in a
 * later status), any RTE review counts; with neither, nothing was reviewed and the answer is false.
 */
export function hasRteReviewAfterLatestDev(intervals: readonly { stage: Stage }[]): boolean {
  const lastDev = lastIndexOf(intervals, 'DEV');
  for (let i = lastDev + 1; i < intervals.length; i += 1) if (intervals[i]?.stage === 'RTE_REVIEW') return true;
  return false;
}

/** The latest Dev interval, for messages ("in Dev since …"). */
export function latestDevInterval(intervals: readonly StageInterval[]): StageInterval | undefined {
  const i = lastIndexOf(intervals, 'DEV');
  return i === -1 ? undefined : intervals[i];
}

/** Consecutive intervals of one stage merged: the bug's path through the loop. */
export type StageVisit = { stage: Stage; statusIds: string[]; enteredAt: string; leftAt?: string; byAccountId?: string; byName?: string };

export function stageVisits(intervals: readonly StageInterval[]): StageVisit[] {
  const visits: StageVisit[] = [];
  for (const interval of intervals) {
    const last = visits[visits.length - 1];
    if (last && last.stage === interval.stage) {
      last.statusIds.push(interval.statusId);
      if (interval.leftAt === undefined) delete last.leftAt;
      else last.leftAt = interval.leftAt;
      continue;
    }
    const visit: StageVisit = { stage: interval.stage, statusIds: [interval.statusId], enteredAt: interval.enteredAt };
    if (interval.leftAt !== undefined) visit.leftAt = interval.leftAt;
    if (interval.byAccountId !== undefined) visit.byAccountId = interval.byAccountId;
    if (interval.byName !== undefined) visit.byName = interval.byName;
    visits.push(visit);
  }
  return visits;
}

/**
 * Milliseconds spent in each stage; the open interval counts up to `now` (ISO). Negative spans (clock skew,
 * a change stamped before creation) count as 0.
 */
export function timeInStages(intervals: readonly StageInterval[], now: string): Record<Stage, number> {
  const totals = Object.fromEntries(stages.map((s) => [s, 0])) as Record<Stage, number>;
  const nowTime = Date.parse(now);
  for (const interval of intervals) {
    const start = Date.parse(interval.enteredAt);
    const end = interval.leftAt === undefined ? nowTime : Date.parse(interval.leftAt);
    const span = end - start;
    if (Number.isFinite(span) && span > 0) totals[interval.stage] += span;
  }
  return totals;
}

/** One change of stage in the bug's path, classified against the loop (illegal ones included: history is history). */
export type StageMove = { at: string; from: Stage; to: Stage; verdict: MoveVerdict; byAccountId?: string; byName?: string };

export function stageMoves(intervals: readonly StageInterval[], moves: readonly LegalMove[] = defaultLegalMoves): StageMove[] {
  const result: StageMove[] = [];
  const visits = stageVisits(intervals);
  for (let i = 1; i < visits.length; i += 1) {
    const prev = visits[i - 1];
    const next = visits[i];
    if (!prev || !next) continue;
    const m: StageMove = { at: next.enteredAt, from: prev.stage, to: next.stage, verdict: classifyMove(prev.stage, next.stage, moves) };
    if (next.byAccountId !== undefined) m.byAccountId = next.byAccountId;
    if (next.byName !== undefined) m.byName = next.byName;
    result.push(m);
  }
  return result;
}

/** How many times the fix went back to Dev, and from where (the release-train "loop count"). */
export type LoopCounts = { fromQa: number; fromRteReview: number; total: number; reopenedAfterDone: number };

export function loopCounts(intervals: readonly StageInterval[]): LoopCounts {
  const counts: LoopCounts = { fromQa: 0, fromRteReview: 0, total: 0, reopenedAfterDone: 0 };
  for (const m of stageMoves(intervals)) {
    if (m.to === 'DEV' && m.from === 'QA') counts.fromQa += 1;
    if (m.to === 'DEV' && m.from === 'RTE_REVIEW') counts.fromRteReview += 1;
    if (m.from === 'DONE' && m.to !== 'DONE') counts.reopenedAfterDone += 1;
  }
  counts.total = counts.fromQa + counts.fromRteReview;
  return counts;
}
