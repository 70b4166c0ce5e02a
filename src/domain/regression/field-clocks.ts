import { checkFieldGroups, type CheckFieldGroup, type EditContext, type FieldClock, type RegressionCheck } from './types';

/**
 * Per-field-group clocks of a check (see RegressionCheck.clocks): read a group's clock, compare a group's
 * values, stamp groups on an edit, and rebuild a check from groups taken from different versions (the merge).
 */

export type GroupValues = Pick<RegressionCheck, 'area' | 'title' | 'result' | 'tester' | 'at' | 'note' | 'reportedBugKey'>;
/** One group of a check: its values, and its clock (undefined: not changed since the check was created). */
export type GroupPart = { values: Partial<GroupValues>; clock: FieldClock | undefined };

/** The check's last change, as a clock. */
export const lastChange = (check: RegressionCheck): FieldClock => ({
  at: check.updatedAt,
  by: check.updatedBy,
  ...(check.updatedByName !== undefined ? { name: check.updatedByName } : {}),
});

/** The group's own clock; a record from before clocks existed (no `clocks`) counts every group as changed last. */
export function storedClock(check: RegressionCheck, group: CheckFieldGroup): FieldClock | undefined {
  return check.clocks === undefined ? lastChange(check) : check.clocks[group];
}

/** The group's clock for comparisons: a group never changed since creation is as old as the check's last change at most. */
export function clockOf(check: RegressionCheck, group: CheckFieldGroup): FieldClock {
  return storedClock(check, group) ?? lastChange(check);
}

/** The values of one group (absent optional fields left out). */
export function groupValues(check: RegressionCheck, group: CheckFieldGroup): Partial<GroupValues> {
  const present = <K extends keyof GroupValues>(...keys: K[]): Partial<GroupValues> =>
    Object.fromEntries(keys.filter((k) => check[k] !== undefined).map((k) => [k, check[k]]));
  switch (group) {
    case 'text':
      return present('area', 'title');
    case 'result':
      return present('result', 'tester', 'at');
    case 'note':
      return present('note');
    case 'bug':
      return present('reportedBugKey');
  }
}

export function sameGroup(a: RegressionCheck, b: RegressionCheck, group: CheckFieldGroup): boolean {
  const x = groupValues(a, group);
  const y = groupValues(b, group);
  return (
    x.area === y.area &&
    x.title === y.title &&
    x.result === y.result &&
    x.tester?.accountId === y.tester?.accountId &&
    x.tester?.name === y.tester?.name &&
    x.at === y.at &&
    x.note === y.note &&
    x.reportedBugKey === y.reportedBugKey
  );
}

export function time(iso: string): number {
  const t = Date.parse(iso);
  return Number.isFinite(t) ? t : 0;
}

export const sameClock = (a: FieldClock | undefined, b: FieldClock | undefined): boolean =>
  a === b || (a !== undefined && b !== undefined && a.at === b.at && a.by === b.by && a.name === b.name);

/**
 * A check from its id and, per group, the values and clock to use. updatedAt/updatedBy become the latest
 * clock (ties: the first of `prefer`, else group order), or `unchanged` when no group changed since creation.
 */
export function assembleCheck(id: string, parts: Record<CheckFieldGroup, GroupPart>, unchanged: FieldClock, prefer: readonly CheckFieldGroup[] = []): RegressionCheck {
  const order = [...prefer, ...checkFieldGroups.filter((g) => !prefer.includes(g))];
  const latest = order.reduce<FieldClock>((best, g) => {
    const c = parts[g].clock;
    return c && time(c.at) > time(best.at) ? c : best;
  }, order.map((g) => parts[g].clock).find((c) => c !== undefined) ?? unchanged);
  const values = Object.assign({}, ...checkFieldGroups.map((g) => parts[g].values)) as GroupValues;
  const clocks: Partial<Record<CheckFieldGroup, FieldClock>> = {};
  for (const g of checkFieldGroups) {
    const c = parts[g].clock;
    if (c) clocks[g] = c;
  }
  return { id, ...values, updatedAt: latest.at, updatedBy: latest.by, ...(latest.name !== undefined ? { updatedByName: latest.name } : {}), clocks };
}

/** `next` (the edited check) with the given groups stamped with `ctx`; the other groups keep `before`'s clocks. */
export function stampGroups(before: RegressionCheck, next: RegressionCheck, groups: readonly CheckFieldGroup[], ctx: EditContext): RegressionCheck {
  const now: FieldClock = { at: ctx.now, by: ctx.actor.accountId, name: ctx.actor.name };
  const parts = Object.fromEntries(
    checkFieldGroups.map((g) => [g, { values: groupValues(next, g), clock: groups.includes(g) ? now : storedClock(before, g) }]),
  ) as Record<CheckFieldGroup, GroupPart>;
  return assembleCheck(next.id, parts, now, groups);
}
