import type { NotesAdf } from './release-notes';

/**
 * The ops hand-off issue's description (ADF): what to deploy and why, links back to the production version and
 * the train's issues in Jira, the deployment checklist as Jira tasks (ops ticks them on the issue), the rollback
 * notes, and the cumulative release notes.
 */
export type HandoffDescriptionInput = {
  productionName: string;
  projectKey: string;
  candidateName: string;
  promotedBy: string;
  /** Readable day of the promotion, e.g. "16 Nov 2026". */
  promotedOn: string;
  /** Readable due day, when a due date is configured. */
  dueOn?: string;
  versionUrl?: string;
  issuesUrl?: string;
  checklist: readonly string[];
  rollbackNotes: string;
  notes: NotesAdf;
  /** Unique per hand-off: task ids in ADF must be unique within the document. */
  idPrefix: string;
};

type Mark = { type: 'link'; attrs: { href: string } };
type Text = { type: 'text'; text: string; marks?: Mark[] };
const text = (t: string, href?: string): Text => (href ? { type: 'text', text: t, marks: [{ type: 'link', attrs: { href } }] } : { type: 'text', text: t });
const para = (...content: Text[]) => ({ type: 'paragraph', content });
const heading = (t: string) => ({ type: 'heading', attrs: { level: 3 }, content: [text(t)] });

export function handoffDescription(input: HandoffDescriptionInput): { type: 'doc'; version: 1; content: unknown[] } {
  const intro = `${input.promotedBy} promoted ${input.candidateName} on ${input.promotedOn}: deploy production release ${input.productionName} of ${input.projectKey}${input.dueOn ? ` by ${input.dueOn}` : ''}, then report the outcome on this issue.`;
  const links: Text[] = [];
  if (input.versionUrl) links.push(text('Release in Jira: '), text(`${input.projectKey} ${input.productionName}`, input.versionUrl));
  if (input.issuesUrl) links.push(text(links.length ? ' · ' : ''), text(`every issue shipping in ${input.productionName}`, input.issuesUrl));
  const tasks = input.checklist.map((item, i) => ({
    type: 'taskItem',
    attrs: { localId: `${input.idPrefix}-task-${i + 1}`, state: 'TODO' },
    content: [text(item)],
  }));
  return {
    type: 'doc',
    version: 1,
    content: [
      para(text(intro)),
      ...(links.length ? [para(...links.filter((l) => l.text !== ''))] : []),
      heading('Deployment checklist'),
      ...(tasks.length ? [{ type: 'taskList', attrs: { localId: `${input.idPrefix}-checklist` }, content: tasks }] : [para(text('No checklist is configured.'))]),
      heading('Rollback'),
      para(text(input.rollbackNotes || 'No rollback notes are configured.')),
      ...input.notes.content,
    ],
  };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2026-11-16" or an ISO timestamp → "16 Nov 2026" (UTC day); the input as it is when it is not a date. */
export function readableDay(isoOrDay: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoOrDay);
  const month = m ? MONTHS[Number(m[2]) - 1] : undefined;
  return m && month ? `${Number(m[3])} ${month} ${m[1]}` : isoOrDay;
}

/** The day `days` after an ISO timestamp, as yyyy-mm-dd (for Jira's due date). */
export function dayAfter(iso: string, days: number): string {
  return new Date(Date.parse(iso) + days * 86_400_000).toISOString().slice(0, 10);
}
