import { compareIssueKeys } from './issue-keys';

/**
 * Release notes of a production release, grouped by type, each issue with the candidate it arrived in (when
 * known): plain text (the page, the Jira version's description) and ADF (the ops hand-off issue).
 */

export type NotesIssue = { key: string; summary: string; type: string; /** The candidate the issue arrived in, e.g. "4.3.0-rc.1". */ candidate?: string };
export type ReleaseNotesInput = {
  release: string;
  rc?: string;
  issues: readonly NotesIssue[];
  /** Site URL ("https://acme.atlassian.net"): issue keys become links. */
  baseUrl?: string;
  /** Default 300; the rest are counted, not listed, so the hand-off description stays within Jira's limits. */
  maxIssues?: number;
};

type Mark = { type: 'link'; attrs: { href: string } } | { type: 'strong' };
type Text = { type: 'text'; text: string; marks?: Mark[] };
type Para = { type: 'paragraph'; content: Text[] };
type Block = Para | { type: 'heading'; attrs: { level: number }; content: Text[] } | { type: 'bulletList'; content: Array<{ type: 'listItem'; content: Para[] }> };
export type NotesAdf = { type: 'doc'; version: 1; content: Block[] };
export type ReleaseNotes = { text: string; adf: NotesAdf; groups: Array<{ type: string; keys: string[] }> };

/** Types first in this order; any other type after them, alphabetically. */
const TYPE_ORDER = ['new feature', 'epic', 'story', 'improvement', 'bug', 'task', 'sub-task', 'subtask'];
const HEADINGS: Record<string, string> = { 'new feature': 'New features', story: 'Stories', improvement: 'Improvements', bug: 'Bug fixes', task: 'Tasks', epic: 'Epics' };

export function releaseNotes(input: ReleaseNotesInput): ReleaseNotes {
  const max = Math.max(0, input.maxIssues ?? 300);
  const seen = new Set<string>();
  const issues = input.issues.filter((i) => (seen.has(i.key) ? false : (seen.add(i.key), true)));
  const shown = [...issues].sort((a, b) => compareIssueKeys(a.key, b.key)).slice(0, max);
  const hidden = issues.length - shown.length;

  const groups = new Map<string, { type: string; issues: NotesIssue[] }>();
  for (const i of shown) {
    const t = clean(i.type) || 'Other';
    const g = groups.get(t.toLowerCase()) ?? { type: t, issues: [] };
    g.issues.push(i);
    groups.set(t.toLowerCase(), g);
  }
  const rank = (t: string) => {
    const i = TYPE_ORDER.indexOf(t);
    return i < 0 ? TYPE_ORDER.length : i;
  };
  const ordered = [...groups.entries()].sort(([a], [b]) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0)).map(([k, g]) => ({ ...g, heading: HEADINGS[k] ?? g.type }));

  const title = `Release ${clean(input.release)}${input.rc ? ` (from ${clean(input.rc)})` : ''}`;
  const lines = [title, ''];
  const adf: Block[] = [{ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: title }] }];
  if (shown.length === 0) {
    lines.push('No issues.');
    adf.push(para([{ type: 'text', text: 'No issues.' }]));
  }
  for (const g of ordered) {
    lines.push(`${g.heading} (${g.issues.length})`);
    adf.push({ type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: `${g.heading} (${g.issues.length})` }] });
    const items: Array<{ type: 'listItem'; content: Para[] }> = [];
    for (const i of g.issues) {
      const summary = clean(i.summary).slice(0, 255);
      const arrived = i.candidate ? ` (${clean(i.candidate)})` : '';
      lines.push(`- ${i.key}: ${summary}${arrived}`);
      const keyText: Text = input.baseUrl
        ? { type: 'text', text: i.key, marks: [{ type: 'link', attrs: { href: `${input.baseUrl.replace(/\/+$/, '')}/browse/${encodeURIComponent(i.key)}` } }] }
        : { type: 'text', text: i.key };
      items.push({ type: 'listItem', content: [para([keyText, { type: 'text', text: `: ${summary}${arrived}` }])] });
    }
    adf.push({ type: 'bulletList', content: items });
    lines.push('');
  }
  if (hidden > 0) {
    lines.push(`… and ${hidden} more issue${hidden === 1 ? '' : 's'}.`);
    adf.push(para([{ type: 'text', text: `… and ${hidden} more issue${hidden === 1 ? '' : 's'}.` }]));
  }
  return {
    text: lines.join('\n').trimEnd(),
    adf: { type: 'doc', version: 1, content: adf },
    groups: ordered.map((g) => ({ type: g.type, keys: g.issues.map((i) => i.key) })),
  };
}

function para(content: Text[]): Para {
  return { type: 'paragraph', content };
}
/** One line, no control characters (summaries come from users). */
function clean(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/\s+/g, ' ').trim();
}

/** Jira keeps at most 16,384 bytes in a version's description. */
export const VERSION_DESCRIPTION_MAX_BYTES = 16_384;

/** The notes' text cut at a line so it fits a version's description, saying where the whole list is. */
export function fitVersionDescription(text: string, whereTheRestIs: string, maxBytes = VERSION_DESCRIPTION_MAX_BYTES): string {
  const bytes = (s: string) => new TextEncoder().encode(s).length;
  if (bytes(text) <= maxBytes) return text;
  const tail = `\n… cut to fit Jira's limit; ${whereTheRestIs}`;
  const lines = text.split('\n');
  let out = '';
  for (const line of lines) {
    const next = out ? `${out}\n${line}` : line;
    if (bytes(next) + bytes(tail) > maxBytes) break;
    out = next;
  }
  return `${out}${tail}`.slice(0, maxBytes);
}
