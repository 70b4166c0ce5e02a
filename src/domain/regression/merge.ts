import { REGRESSION_SCHEMA_VERSION } from './limits';
import { assembleCheck, clockOf, groupValues, lastChange, sameClock, sameGroup, storedClock, time, type GroupPart } from './field-clocks';
import { checkFieldGroups, type CheckFieldGroup, type FieldClock, type RegressionCheck, type RegressionCycle, type RegressionRecord } from './types';

/**
 * Three-way merge of two testers' concurrent edits, field group by field group, so neither's results are lost.
 *
 * The caller does optimistic concurrency: read (base, revision n) → edit (mine) → write; when the stored
 * revision moved on meanwhile, re-read (theirs) and write merge(base, mine, theirs).
 *
 * Per check id (within the cycle of the same RC), per field group (text, result, note, bug; see field-clocks.ts):
 * - changed on one side only → that side's values and clock, so a rename on one side and a result on the
 *   other both survive;
 * - changed on both to different values → the later group clock wins (tie: mine, the writer doing the merge),
 *   and a decision names both sides' clocks so the caller can say whose change was replaced;
 * - a check added on both sides (same id) is merged the same way, group by group;
 * - deleted on one side → deleted only if the other side did not modify it; otherwise the modification stays.
 * Order: the side that reordered wins (both: mine); checks only the other side has are placed after their
 * predecessor there (or at the end, when they were added at the end). foundBugs: a three-way set merge. revision: the higher of the two.
 */

export type MergeDecision = {
  rc: string;
  checkId: string;
  kept: 'mine' | 'theirs';
  why: 'both-changed' | 'both-added' | 'modified-not-deleted';
  /** The field group both sides changed (absent for modified-not-deleted, which concerns the whole check). */
  group?: CheckFieldGroup;
  /** Who changed the group on each side, and when. */
  mine?: FieldClock;
  theirs?: FieldClock;
};

export type MergeOutcome = { record: RegressionRecord; decisions: MergeDecision[] };

export function mergeRecords(base: RegressionRecord | undefined, mine: RegressionRecord, theirs: RegressionRecord): MergeOutcome {
  const decisions: MergeDecision[] = [];
  const rcs = orderedRcs(mine, theirs);
  const cycles: RegressionCycle[] = [];
  for (const rc of rcs) {
    const b = base?.cycles.find((c) => c.rc === rc);
    const m = mine.cycles.find((c) => c.rc === rc);
    const t = theirs.cycles.find((c) => c.rc === rc);
    const startedAt = earliest([m?.startedAt, t?.startedAt, b?.startedAt]);
    const checks = mergeChecks(rc, b?.checks ?? [], m?.checks ?? [], t?.checks ?? [], decisions);
    cycles.push({ rc, startedAt, checks });
  }
  return {
    record: {
      schemaVersion: REGRESSION_SCHEMA_VERSION,
      cycles,
      foundBugs: mergeSet(base?.foundBugs ?? [], mine.foundBugs, theirs.foundBugs),
      revision: Math.max(mine.revision, theirs.revision),
    },
    decisions,
  };
}

/** Theirs' cycles in their order, then mine's new ones; stably sorted by start so "current" stays last. */
function orderedRcs(mine: RegressionRecord, theirs: RegressionRecord): string[] {
  const list: Array<{ rc: string; startedAt: string }> = [];
  const seen = new Set<string>();
  for (const c of [...theirs.cycles, ...mine.cycles]) {
    if (!seen.has(c.rc)) {
      seen.add(c.rc);
      list.push(c);
    }
  }
  return list
    .map((c, i) => ({ ...c, i, t: time(c.startedAt) }))
    .sort((a, b) => a.t - b.t || a.i - b.i)
    .map((c) => c.rc);
}

function mergeChecks(
  rc: string,
  base: readonly RegressionCheck[],
  mine: readonly RegressionCheck[],
  theirs: readonly RegressionCheck[],
  decisions: MergeDecision[],
): RegressionCheck[] {
  const B = new Map(base.map((c) => [c.id, c]));
  const M = new Map(mine.map((c) => [c.id, c]));
  const T = new Map(theirs.map((c) => [c.id, c]));
  const merged = new Map<string, RegressionCheck>();
  for (const id of new Set([...M.keys(), ...T.keys()])) {
    const b = B.get(id);
    const m = M.get(id);
    const t = T.get(id);
    let kept: RegressionCheck | undefined;
    if (m && t) kept = sameCheck(m, t) ? m : mergeCheck(rc, b, m, t, decisions);
    else if (!b) kept = m ?? t;
    else {
      // Deleted on one side: respected only if the surviving side did not modify the check.
      const survivor = (m ?? t) as RegressionCheck;
      if (!sameCheck(survivor, b)) {
        kept = survivor;
        decisions.push({ rc, checkId: id, kept: m ? 'mine' : 'theirs', why: 'modified-not-deleted' });
      }
    }
    if (kept) merged.set(id, kept);
  }
  const order = mergeOrder(base, mine, theirs);
  return order.filter((id) => merged.has(id)).map((id) => merged.get(id) as RegressionCheck);
}

/** One check present on both sides: each field group from the side that changed it (both: the later clock). */
function mergeCheck(rc: string, b: RegressionCheck | undefined, m: RegressionCheck, t: RegressionCheck, decisions: MergeDecision[]): RegressionCheck {
  const parts = {} as Record<CheckFieldGroup, GroupPart>;
  for (const group of checkFieldGroups) {
    const mChanged = !b || !sameGroup(m, b, group);
    const tChanged = !b || !sameGroup(t, b, group);
    let side: RegressionCheck;
    if (mChanged && tChanged) {
      const mc = clockOf(m, group);
      const tc = clockOf(t, group);
      side = time(tc.at) > time(mc.at) ? t : m;
      if (!sameGroup(m, t, group)) {
        decisions.push({ rc, checkId: m.id, kept: side === m ? 'mine' : 'theirs', why: b ? 'both-changed' : 'both-added', group, mine: mc, theirs: tc });
      }
    } else side = mChanged ? m : t;
    parts[group] = { values: groupValues(side, group), clock: storedClock(side, group) };
  }
  return assembleCheck(m.id, parts, lastChange(time(t.updatedAt) > time(m.updatedAt) ? t : m));
}

function mergeOrder(base: readonly RegressionCheck[], mine: readonly RegressionCheck[], theirs: readonly RegressionCheck[]): string[] {
  const ids = (l: readonly RegressionCheck[]) => l.map((c) => c.id);
  const baseIds = ids(base);
  const mineReordered = reordered(baseIds, ids(mine));
  // The side that reordered sets the order (both: mine); otherwise theirs, which holds the stored order.
  const [first, other] = mineReordered ? [ids(mine), ids(theirs)] : [ids(theirs), ids(mine)];
  const out = [...first];
  const placed = new Set(out);
  // Additions at the end of their side stay at the end; others go right after their predecessor there.
  let lastShared = -1;
  other.forEach((id, i) => {
    if (placed.has(id)) lastShared = i;
  });
  let after: string | undefined;
  other.forEach((id, i) => {
    if (placed.has(id)) {
      after = id;
      return;
    }
    const at = i > lastShared ? out.length : after === undefined ? 0 : out.indexOf(after) + 1;
    out.splice(at, 0, id);
    placed.add(id);
    after = id;
  });
  return out;
}

/** Did the relative order of the ids both lists share change? */
function reordered(base: readonly string[], side: readonly string[]): boolean {
  const inSide = new Set(side);
  const inBase = new Set(base);
  const a = base.filter((id) => inSide.has(id));
  const b = side.filter((id) => inBase.has(id));
  return a.some((id, i) => id !== b[i]);
}

function mergeSet(base: readonly string[], mine: readonly string[], theirs: readonly string[]): string[] {
  const removed = new Set(base.filter((k) => !mine.includes(k) || !theirs.includes(k)));
  return [...new Set([...theirs, ...mine])].filter((k) => !removed.has(k));
}

function earliest(values: Array<string | undefined>): string {
  const present = values.filter((v): v is string => v !== undefined);
  return present.reduce((a, b) => (time(b) < time(a) ? b : a), present[0] ?? '');
}

export function sameCheck(a: RegressionCheck, b: RegressionCheck): boolean {
  return (
    a.id === b.id &&
    checkFieldGroups.every((g) => sameGroup(a, b, g)) &&
    a.updatedAt === b.updatedAt &&
    a.updatedBy === b.updatedBy &&
    a.updatedByName === b.updatedByName &&
    checkFieldGroups.every((g) => sameClock(storedClock(a, g), storedClock(b, g)))
  );
}
