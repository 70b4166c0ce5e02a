/** Small display rules shared by the issue list and the issue view. */
import type { Named, Status, UserRef } from './jira-client';

export type LozengeAppearance = 'default' | 'inprogress' | 'success';

/** Jira colours status lozenges by category: To Do grey, In Progress blue, Done green. */
export function statusAppearance(status: Status | undefined | null): LozengeAppearance {
  switch (status?.statusCategory?.key) {
    case 'indeterminate':
      return 'inprogress';
    case 'done':
      return 'success';
    default:
      return 'default';
  }
}

export function names(list: unknown): string {
  if (!Array.isArray(list)) return '';
  return list
    .map((x) => (typeof x === 'string' ? x : typeof x === 'object' && x !== null && typeof (x as Named).name === 'string' ? (x as Named).name : ''))
    .filter(Boolean)
    .join(', ');
}

export function userName(user: UserRef | null | undefined): string {
  return user ? user.displayName ?? user.accountId : 'Unassigned';
}

/** "12 Mar 2026, 14:05" in the browser's locale-independent short form; invalid dates come back as given. */
export function formatDateTime(value: string | undefined): string {
  if (!value) return '';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCDate()} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()}, ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`;
}

/** Splits a comma-separated input ("ui, login ,") into trimmed, distinct, non-empty values. */
export function splitList(value: string): string[] {
  return [...new Set(value.split(',').map((s) => s.trim()).filter(Boolean))];
}

/** Sprint names from the Jira Software sprint field (an array of sprint objects, or legacy strings). */
export function sprintNames(value: unknown): string {
  if (!Array.isArray(value)) return '';
  return value
    .map((s) => {
      if (typeof s === 'object' && s !== null && typeof (s as { name?: unknown }).name === 'string') {
        const sprint = s as { name: string; state?: string };
        return sprint.state && sprint.state !== 'active' ? `${sprint.name} (${sprint.state})` : sprint.name;
      }
      if (typeof s === 'string') return /name=([^,\]]+)/.exec(s)?.[1] ?? '';
      return '';
    })
    .filter(Boolean)
    .join(', ');
}
