/**
 * Jira's product events, locally: wraps the emulator's handler so that every successful issue write (create,
 * edit, transition, sprint move, delete) is followed by the event Forge would deliver to the app's trigger
 * (`avi:jira:created|updated|deleted:issue`, payload `{ eventType, issue: { id, key, fields: { project } } }`),
 * after the reply, as Forge delivers them asynchronously.
 */
import type { FileStore } from '../emulator/store';
import type { EmulatorHandle, EmulatorRequest } from './emulator-transport';

export type IssueEvent = { eventType: 'avi:jira:created:issue' | 'avi:jira:updated:issue' | 'avi:jira:deleted:issue'; issue: { id: string; key: string; fields: { project: { key: string } } } };

const ISSUE = /^\/rest\/api\/3\/issue\/([^/]+)(\/transitions)?$/;
const SPRINT_MOVE = /^\/rest\/agile\/1\.0\/(?:sprint\/[^/]+|backlog)\/issue$/;

export function withIssueEvents(handle: EmulatorHandle, store: FileStore, deliver: (event: IssueEvent) => Promise<unknown>, onError: (e: unknown) => void = (e) => console.error('Issue event handler failed:', e)): EmulatorHandle {
  const find = (idOrKey: string) => store.get().issues.find((i) => i.id === idOrKey || i.key === decodeURIComponent(idOrKey));
  const eventFor = (eventType: IssueEvent['eventType'], issue: { id: string; key: string }): IssueEvent => ({ eventType, issue: { id: issue.id, key: issue.key, fields: { project: { key: issue.key.replace(/-\d+$/, '') } } } });
  return async (req: EmulatorRequest) => {
    const method = req.method.toUpperCase();
    const issueMatch = ISSUE.exec(req.path);
    const before = method === 'DELETE' && issueMatch ? find(issueMatch[1]!) : undefined;
    const reply = await handle(req);
    if (reply.status >= 300) return reply;
    const events: IssueEvent[] = [];
    if (method === 'POST' && req.path === '/rest/api/3/issue') {
      const created = reply.body as { id?: string; key?: string } | undefined;
      if (created?.id && created.key) events.push(eventFor('avi:jira:created:issue', { id: created.id, key: created.key }));
    } else if (issueMatch && (method === 'PUT' || (method === 'POST' && issueMatch[2]))) {
      const issue = find(issueMatch[1]!);
      if (issue) events.push(eventFor('avi:jira:updated:issue', issue));
    } else if (before) {
      events.push(eventFor('avi:jira:deleted:issue', before));
    } else if (method === 'POST' && SPRINT_MOVE.test(req.path)) {
      const keys = (req.body as { issues?: unknown } | undefined)?.issues;
      for (const k of Array.isArray(keys) ? keys : []) {
        const issue = typeof k === 'string' ? find(k) : undefined;
        if (issue) events.push(eventFor('avi:jira:updated:issue', issue));
      }
    }
    if (events.length > 0) setImmediate(() => void (async () => {
      for (const e of events) await deliver(e).catch(onError);
    })());
    return reply;
  };
}
