/**
 * The planner's manual order (`override` of the ranking: those keys first, in that order, then the rest by score)
 * after moving one backlog bug to the top, or one place up or down.
 */

export type Reorder = 'top' | 'up' | 'down';

/**
 * `order` is the ranked backlog as shown (rank 1 first); its first `placed` keys are the current manual order.
 * Up and down swap places with the nearest bug in `visible` (what the filters show; default: every bug), so a
 * planner never moves a bug past one they cannot see. Returns the new manual order: the new ranking's prefix up
 * to the last position that changed (never shorter than the current manual order), so every other bug keeps its
 * place. null when nothing would change (already first, last, or not in the backlog).
 */
export function reorderBacklog(order: readonly string[], placed: number, key: string, to: Reorder, visible?: ReadonlySet<string>): string[] | null {
  const at = order.indexOf(key);
  if (at < 0) return null;
  const shown = (k: string) => !visible || visible.has(k);
  const next = [...order];
  let end: number;
  if (to === 'top') {
    if (at === 0) return null;
    next.splice(at, 1);
    next.unshift(key);
    end = at;
  } else if (to === 'up') {
    let other = at - 1;
    while (other >= 0 && !shown(order[other] as string)) other -= 1;
    if (other < 0) return null;
    next.splice(at, 1);
    next.splice(other, 0, key);
    end = at;
  } else {
    let other = at + 1;
    while (other < order.length && !shown(order[other] as string)) other += 1;
    if (other >= order.length) return null;
    next.splice(at, 1);
    next.splice(other, 0, key);
    end = other;
  }
  return next.slice(0, Math.max(end + 1, Math.min(Math.max(0, placed), order.length)));
}
