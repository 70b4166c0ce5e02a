/** Date helpers shared by the rules. Unreadable dates give NaN, and callers decide what NaN means. */

export const DAY_MS = 24 * 60 * 60 * 1000;

export function toTime(iso: string | undefined): number {
  return typeof iso === 'string' ? Date.parse(iso) : Number.NaN;
}

/** Whole days between two times (0 when either is unreadable or `to` is earlier). */
export function daysBetween(from: number, to: number): number {
  if (!Number.isFinite(from) || !Number.isFinite(to) || to <= from) return 0;
  return Math.floor((to - from) / DAY_MS);
}

/** A non-negative finite number, or undefined (NaN, Infinity, negatives and non-numbers are not sizes). */
export function validAmount(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}

/** Rounds to one decimal, for figures shown to people. */
export function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
