/** Readable times and durations for the ops hand-off and the delivery metrics (no raw ISO timestamps on screen). */
export const readableTime = (iso?: string) => {
  const t = iso ? Date.parse(iso) : Number.NaN;
  return Number.isFinite(t) ? new Date(t).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }) + ' UTC' : 'an unknown time';
};

export const readableDay = (iso?: string) => {
  const t = iso ? Date.parse(iso) : Number.NaN;
  return Number.isFinite(t) ? new Date(t).toLocaleDateString('en-GB', { dateStyle: 'medium', timeZone: 'UTC' }) : 'an unknown day';
};

/** 90 min → "1.5 h", 3 days → "3.0 days". */
export function readableDuration(ms: number): string {
  const h = ms / 3_600_000;
  if (h < 1) return `${Math.max(1, Math.round(ms / 60_000))} min`;
  if (h < 48) return `${h.toFixed(1)} h`;
  return `${(h / 24).toFixed(1)} days`;
}

export const outcomeText: Record<'awaiting' | 'deployed' | 'failed' | 'rolled-back', string> = {
  awaiting: 'Awaiting deployment',
  deployed: 'Deployed',
  failed: 'Deployment failed',
  'rolled-back': 'Rolled back',
};
export const outcomeKind = { awaiting: 'info', deployed: 'success', failed: 'danger', 'rolled-back': 'warning' } as const;

/** A `datetime-local` input value (UTC) ↔ ISO. */
export const toLocalInput = (d: Date) => d.toISOString().slice(0, 16);
export const fromLocalInput = (v: string) => (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(v) ? `${v}:00.000Z` : '');
