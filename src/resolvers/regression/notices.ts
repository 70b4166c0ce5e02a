import type { MergeNotice } from '../../contracts/regression';
import {
  checkFieldGroups,
  clockOf,
  findCycle,
  sameGroup,
  time,
  type CheckFieldGroup,
  type EditContext,
  type FieldClock,
  type MergeDecision,
  type RegressionRecord,
} from '../../domain/regression';

/**
 * The yellow notice after a write: whether others saved in between (their changes kept), and every same-field
 * conflict, naming the person whose change was replaced (or whose later change replaced this one).
 */

type Overwritten = MergeNotice['overwritten'][number];

const fieldLabel: Record<CheckFieldGroup, string> = { text: 'area and title', result: 'result', note: 'note', bug: 'reported bug' };

/** A display name for an accountId: the clock's name, else a tester's name in the record, else the id. */
function nameOf(clock: FieldClock, record: RegressionRecord): string {
  if (clock.name) return clock.name;
  for (const cycle of record.cycles) {
    for (const c of cycle.checks) {
      if (c.tester?.accountId === clock.by && c.tester.name) return c.tester.name;
      if (c.updatedBy === clock.by && c.updatedByName) return c.updatedByName;
    }
  }
  return clock.by;
}

/**
 * Field groups this edit changes that someone else changed after the panel showed the check (`seenUpdatedAt`
 * is the check's updatedAt as the panel had it): this write replaces their change.
 */
export function staleOverwrites(
  stored: RegressionRecord,
  edited: RegressionRecord,
  rc: string,
  ctx: EditContext,
  seen?: { checkId: string; updatedAt: string | undefined },
): Overwritten[] {
  if (!seen?.updatedAt) return [];
  const before = findCycle(stored, rc)?.checks.find((c) => c.id === seen.checkId);
  const after = findCycle(edited, rc)?.checks.find((c) => c.id === seen.checkId);
  if (!before || !after) return [];
  const seenAt = time(seen.updatedAt);
  return checkFieldGroups.flatMap((field) => {
    const clock = clockOf(before, field);
    if (sameGroup(before, after, field) || clock.by === ctx.actor.accountId || time(clock.at) <= seenAt) return [];
    return [{ checkId: after.id, title: after.title, by: nameOf(clock, stored), result: after.result, field, replaced: 'theirs' as const }];
  });
}

/** Same-field decisions of a merge, from the point of view of the writer ("mine"). */
export function mergeOverwrites(decisions: readonly MergeDecision[], record: RegressionRecord, ctx: EditContext): Overwritten[] {
  return decisions.flatMap((d) => {
    if (!d.group || !d.mine || !d.theirs || d.theirs.by === ctx.actor.accountId) return [];
    const check = findCycle(record, d.rc)?.checks.find((c) => c.id === d.checkId);
    if (!check) return [];
    return [{ checkId: d.checkId, title: check.title, by: nameOf(d.theirs, record), result: check.result, field: d.group, replaced: d.kept === 'mine' ? ('theirs' as const) : ('yours' as const) }];
  });
}

/**
 * `baseRevision`: what the panel showed; `loadedRevision`: what this write read before editing (differs when the
 * panel was stale); `merged`: another write landed during this one.
 */
export function writeNotice(input: {
  baseRevision: number;
  loadedRevision: number;
  stored: RegressionRecord;
  merged: boolean;
  overwritten: Overwritten[];
}): MergeNotice | undefined {
  const seen = new Set<string>();
  const overwritten = input.overwritten.filter((o) => {
    const k = `${o.checkId}\u0000${o.field ?? ''}`;
    return seen.has(k) ? false : (seen.add(k), true);
  });
  const stale = input.loadedRevision !== input.baseRevision;
  if (!stale && !input.merged && overwritten.length === 0) return undefined;
  const first = overwritten[0];
  const more = overwritten.length > 1 ? ` (${overwritten.length - 1} more conflicting change${overwritten.length > 2 ? 's' : ''} likewise.)` : '';
  const what = first ? `the ${fieldLabel[first.field ?? 'result']} of "${first.title}"` : '';
  const message = !first
    ? input.merged && !stale
      ? 'Someone else saved this checklist at the same moment. Both changes were kept; the panel now shows them.'
      : `Someone else saved this checklist after you loaded it (revision ${input.baseRevision} → ${input.stored.revision}). Their changes were kept and yours applied on top; the panel now shows both.`
    : first.replaced === 'yours'
      ? `${first.by} changed ${what} at the same moment, later than you: their change was kept and yours was not applied. Check the panel and redo yours if needed.${more}`
      : `${first.by} changed ${what} after you loaded the panel; your change replaced theirs${first.field === 'result' ? ` (now ${first.result})` : ''}. Check that it is what you meant.${more}`;
  return { message, fromRevision: input.baseRevision, toRevision: stale && !input.merged ? input.loadedRevision : input.stored.revision, overwritten };
}
