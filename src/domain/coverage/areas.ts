/**
 * An issue's areas: its components, its labels that carry the area prefix (default `area:`, so `area:search`
 * is the area "search"), and the values of a configurable area field. Areas are compared case-insensitively
 * and shown as first seen.
 */
export const DEFAULT_AREA_LABEL_PREFIX = 'area:';
const MAX_AREA = 80;

export type AreaSource = { components: readonly string[]; labels: readonly string[]; fieldValues?: readonly string[] };

export const areaKey = (area: string) => area.replace(/\s+/g, ' ').trim().toLowerCase();

export function areasOf(issue: AreaSource, labelPrefix: string = DEFAULT_AREA_LABEL_PREFIX): string[] {
  const prefix = labelPrefix.trim().toLowerCase();
  const fromLabels = prefix ? issue.labels.filter((l) => l.toLowerCase().startsWith(prefix) && l.length > prefix.length).map((l) => l.slice(prefix.length)) : [];
  return uniqueAreas([...issue.components, ...fromLabels, ...(issue.fieldValues ?? [])]);
}

/** Deduplicated (case and spacing ignored), blank ones dropped, each cut to the checks' area length. */
export function uniqueAreas(areas: Iterable<string>): string[] {
  const seen = new Map<string, string>();
  for (const raw of areas) {
    const a = raw.replace(/\s+/g, ' ').trim().slice(0, MAX_AREA);
    if (a && !seen.has(areaKey(a))) seen.set(areaKey(a), a);
  }
  return [...seen.values()];
}

/** Values of an area field as Jira returns them: a string, an option ({ value }), a list of either. */
export function fieldAreaValues(raw: unknown): string[] {
  const one = (v: unknown): string[] =>
    typeof v === 'string' ? [v] : v && typeof v === 'object' && typeof (v as { value?: unknown }).value === 'string' ? [(v as { value: string }).value] : [];
  return Array.isArray(raw) ? raw.slice(0, 50).flatMap(one) : one(raw);
}

/** "Broken by" links: any link type whose name or either direction speaks of breaking ("breaks", "is broken by"). */
export const isBrokenByLink = (type: { name?: string; inward?: string; outward?: string }) => [type.name, type.inward, type.outward].some((t) => /\bbr(eak|oken|oke)/i.test(t ?? ''));
