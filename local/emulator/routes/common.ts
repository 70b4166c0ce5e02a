import { ApiError, badRequest, forbidden, ISSUE_NOT_FOUND, notFound } from '../errors';
import { hasPermission, type Actor } from '../permissions';
import type { EmuIssue, EmuProject, EmulatorState } from '../state';
import type { Route, RouteContext } from '../handler';

export const route = (method: string, pattern: RegExp, run: Route['run']): Route => ({ method, pattern, run });
export const ok = (body: unknown, status = 200) => ({ status, body });
export const noContent = () => ({ status: 204 });

export const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function bodyObject(ctx: RouteContext): Record<string, unknown> {
  if (!isObj(ctx.req.body)) throw badRequest('The request body must be a JSON object.');
  return ctx.req.body;
}

export function findIssueIn(state: EmulatorState, keyOrId: string): EmuIssue | undefined {
  const upper = keyOrId.toUpperCase();
  return state.issues.find((i) => i.key === upper || i.id === keyOrId);
}
export const projectById = (state: EmulatorState, id: string) => state.projects.find((p) => p.id === id);

/** An issue the actor may browse, else Jira's 404 (Jira does not reveal issues you cannot see). */
export function visibleIssue(state: EmulatorState, actor: Actor, keyOrId: string): { issue: EmuIssue; project: EmuProject } {
  const issue = findIssueIn(state, keyOrId);
  const project = issue ? projectById(state, issue.projectId) : undefined;
  if (!issue || !project || !hasPermission(state, actor, project, 'BROWSE_PROJECTS')) throw notFound(ISSUE_NOT_FOUND);
  return { issue, project };
}

export function visibleProject(state: EmulatorState, actor: Actor, keyOrId: string): EmuProject {
  const p = state.projects.find((x) => x.key === keyOrId.toUpperCase() || x.id === keyOrId);
  if (!p || !hasPermission(state, actor, p, 'BROWSE_PROJECTS')) throw notFound(`No project could be found with key '${keyOrId}'.`);
  return p;
}

const permissionMessages: Record<string, string> = {
  CREATE_ISSUES: 'You do not have permission to create issues in this project.',
  EDIT_ISSUES: 'You do not have permission to edit issues in this project.',
  TRANSITION_ISSUES: 'You do not have permission to transition this issue.',
  LINK_ISSUES: 'You do not have permission to link issues in this project.',
  ADMINISTER_PROJECTS: 'You must have global or project administrator permissions to do this.',
  SCHEDULE_ISSUES: 'You do not have permission to schedule issues (plan sprints) in this project.',
};
export function requirePermission(state: EmulatorState, actor: Actor, project: EmuProject, permission: string) {
  if (!hasPermission(state, actor, project, permission)) throw forbidden(permissionMessages[permission] ?? `You do not have the ${permission} permission.`);
}

export function intParam(q: URLSearchParams, name: string, dflt: number, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  const raw = q.get(name);
  if (raw === null || raw === '') return dflt;
  const n = Number(raw);
  if (!Number.isInteger(n)) throw badRequest(`The '${name}' parameter must be a whole number.`);
  return Math.min(Math.max(n, min), max);
}

export function workflowOf(state: EmulatorState, projectKey: string) {
  const wf = state.workflows.find((w) => w.projectKeys.includes(projectKey));
  if (!wf) throw new ApiError(500, [`Project ${projectKey} has no workflow in the emulator data.`]);
  return wf;
}
