/** Dates as people read them: "16 Nov 2026" and "16 Nov 2026, 10:42" (the browser's locale and time zone). */
export function readableDay(isoOrDay: string): string {
  const t = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(isoOrDay) ? `${isoOrDay}T12:00:00Z` : isoOrDay);
  return Number.isNaN(t) ? isoOrDay : new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' }).format(t);
}

export function readableTime(iso: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(t);
}

/** "1 issue", "2 issues". */
export const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
