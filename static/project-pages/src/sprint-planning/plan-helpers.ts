/** Pure helpers of the planning page: filters, amounts, move chunks. No React, no bridge. */
import type { MoveOutcome, PlanBugView, PlanMoveInput, PlanView } from '@rt/contracts';

export type Filters = { priority: string; component: string; stage: string; assignee: string; label: string };
export const noFilters: Filters = { priority: '', component: '', stage: '', assignee: '', label: '' };

export function matches(bug: PlanBugView, f: Filters): boolean {
  if (f.priority && bug.priority !== f.priority) return false;
  if (f.component && !bug.components.includes(f.component)) return false;
  if (f.stage && bug.stage !== f.stage) return false;
  if (f.assignee === '-' ? bug.assignee !== null : f.assignee && bug.assignee?.accountId !== f.assignee) return false;
  if (f.label && !bug.labels.includes(f.label)) return false;
  return true;
}

export const isFiltered = (f: Filters): boolean => Object.values(f).some((v) => v !== '');

/** How much of a budget a bug takes in the page's unit (undefined: no estimate). */
export function sizeOf(bug: PlanBugView, view: Pick<PlanView, 'settings'>): number | undefined {
  if (view.settings.unit === 'count') return 1;
  return bug.storyPoints ?? view.settings.unestimatedPoints;
}

export const unitWord = (unit: 'points' | 'count', n: number): string => (unit === 'points' ? (n === 1 ? 'point' : 'points') : n === 1 ? 'bug' : 'bugs');
export const round1 = (n: number): number => Math.round(n * 10) / 10;
export const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** Moves for the selected keys to `target` (null = backlog), leaving out bugs already there. */
export function movesFor(keys: Iterable<string>, target: number | null, bugs: ReadonlyMap<string, PlanBugView>): PlanMoveInput[] {
  const out: PlanMoveInput[] = [];
  for (const key of keys) {
    const bug = bugs.get(key);
    if (!bug || bug.sprintId === target) continue;
    out.push({ key, fromSprintId: bug.sprintId, toSprintId: target });
  }
  return out;
}

/** Resolver calls of at most `size` moves each, so the page can show progress between them (each call batches ≤ 50 per agile call). */
export function chunk<T>(items: readonly T[], size = 100): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export function sprintName(view: { sprints: ReadonlyArray<{ id: number; name: string }> }, id: number | null): string {
  if (id === null) return 'Backlog';
  return view.sprints.find((s) => s.id === id)?.name ?? `Sprint ${id}`;
}

/**
 * Moves whose resolver call failed or was never sent, checked against what Jira has now (`fresh`, null when the
 * reload failed too): a bug already at its target did move (the failed call got that far), every other one did
 * not move, with the call's error as the reason.
 */
export function settleUnsent(unsent: readonly PlanMoveInput[], error: string, fresh: Pick<PlanView, 'bugs'> | null): { moved: PlanMoveInput[]; failed: MoveOutcome[] } {
  const now = new Map((fresh?.bugs ?? []).map((b) => [b.key, b.sprintId]));
  const moved: PlanMoveInput[] = [];
  const failed: MoveOutcome[] = [];
  for (const m of unsent) {
    if (fresh && now.has(m.key) && now.get(m.key) === m.toSprintId) moved.push(m);
    else failed.push({ ...m, status: 'failed', reason: fresh ? `Not moved: ${error}` : `Not confirmed (the page could not reload): ${error}` });
  }
  return { moved, failed };
}

/** The moves that undo `moves` taken at face value (reverse order, from and to swapped). */
export function invertMoves(moves: readonly PlanMoveInput[]): PlanMoveInput[] {
  return [...moves].reverse().map((m) => ({ key: m.key, fromSprintId: m.toSprintId, toSprintId: m.fromSprintId }));
}
