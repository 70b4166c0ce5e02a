/** Jira's timestamp format: 2026-11-16T09:30:00.000+0000. */
export function jiraDateTime(d: Date): string {
  return d.toISOString().replace('Z', '+0000');
}
/** Parses a timestamp as stored/returned by the emulator or sent by a client (ISO, with or without offset). */
export function parseJiraDateTime(s: string): number {
  const normalised = s.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  return Date.parse(normalised);
}
export const DAY_MS = 86_400_000;
