import { ApiError, badRequest, notFound } from '../errors';
import { hasPermission } from '../permissions';
import { addHistory, setSprints, sprintsAfterMove } from '../issue-fields';
import type { EmuBoard, EmuIssue, EmuProject, EmulatorState } from '../state';
import type { RouteContext } from '../handler';
import { bodyObject, findIssueIn, intParam, noContent, ok, projectById, requirePermission, route } from './common';

export const MAX_SPRINT_MOVE = 50;

function page<T>(ctx: RouteContext, all: T[], dfltMax = 50) {
  const startAt = intParam(ctx.req.query, 'startAt', 0, 0);
  const maxResults = intParam(ctx.req.query, 'maxResults', dfltMax, 1, 50);
  const values = all.slice(startAt, startAt + maxResults);
  return { maxResults, startAt, total: all.length, isLast: startAt + values.length >= all.length, values };
}

function visibleBoard(ctx: RouteContext): { board: EmuBoard; project: EmuProject } {
  const id = Number(ctx.params[0]);
  const board = ctx.state.boards.find((b) => b.id === id);
  const project = board ? projectById(ctx.state, board.projectId) : undefined;
  if (!board || !project || !hasPermission(ctx.state, ctx.actor, project, 'BROWSE_PROJECTS')) throw notFound(`The requested board cannot be viewed because it either does not exist or you do not have permission to view it.`);
  return { board, project };
}

function renderBoard(ctx: RouteContext, b: EmuBoard) {
  const p = projectById(ctx.state, b.projectId)!;
  return {
    id: b.id,
    self: `${ctx.base}/rest/agile/1.0/board/${b.id}`,
    name: b.name,
    type: b.type,
    location: { projectId: Number(p.id), displayName: `${p.name} (${p.key})`, projectName: p.name, projectKey: p.key, projectTypeKey: 'software', avatarURI: `${ctx.base}/secure/projectavatar?pid=${p.id}`, name: `${p.name} (${p.key})` },
  };
}

function sprintOf(ctx: RouteContext) {
  const id = Number(ctx.params[0]);
  const sprint = Number.isInteger(id) ? ctx.state.sprints.find((s) => s.id === id) : undefined;
  if (!sprint) throw notFound('Sprint does not exist or you do not have permission to view it.');
  return sprint;
}

/** The issues named in `{ issues: [...] }` (keys or ids), all visible and schedulable, or a 4xx before anything moves. */
function issuesToMove(ctx: RouteContext): EmuIssue[] {
  const b = bodyObject(ctx);
  const list = b['issues'];
  if (!Array.isArray(list) || list.length === 0 || !list.every((x) => typeof x === 'string' || typeof x === 'number')) throw badRequest("Specify the issues to move: { issues: ['RT-1', …] }.");
  if (list.length > MAX_SPRINT_MOVE) throw badRequest(`Too many issues: at most ${MAX_SPRINT_MOVE} issues can be moved in one operation (got ${list.length}).`);
  return list.map((ref) => {
    const issue = findIssueIn(ctx.state, String(ref));
    const project = issue ? projectById(ctx.state, issue.projectId) : undefined;
    if (!issue || !project || !hasPermission(ctx.state, ctx.actor, project, 'BROWSE_PROJECTS')) throw badRequest(`Issue '${String(ref)}' does not exist or you do not have permission to see it.`);
    requirePermission(ctx.state, ctx.actor, project, 'SCHEDULE_ISSUES');
    return issue;
  });
}

async function move(ctx: RouteContext, issues: EmuIssue[], target: number | null) {
  await ctx.store.update((state: EmulatorState) => {
    const now = ctx.now();
    for (const i of issues) {
      const live = findIssueIn(state, i.id)!;
      addHistory(state, live, ctx.actor.accountId, setSprints(state, live, sprintsAfterMove(state, live, target)), now);
    }
  });
  return noContent();
}

const STATES = ['future', 'active', 'closed'];

export const agileRoutes = [
  route('GET', /^\/rest\/agile\/1\.0\/board$/, (ctx) => {
    const ref = ctx.req.query.get('projectKeyOrId');
    const type = ctx.req.query.get('type');
    const name = ctx.req.query.get('name');
    const boards = ctx.state.boards.filter((b) => {
      const p = projectById(ctx.state, b.projectId);
      if (!p || !hasPermission(ctx.state, ctx.actor, p, 'BROWSE_PROJECTS')) return false;
      if (ref && p.key !== ref.toUpperCase() && p.id !== ref) return false;
      if (type && !type.split(',').includes(b.type)) return false;
      return !name || b.name.toLowerCase().includes(name.toLowerCase());
    });
    return ok(page(ctx, boards.map((b) => renderBoard(ctx, b))));
  }),
  route('GET', /^\/rest\/agile\/1\.0\/board\/([^/]+)$/, (ctx) => ok(renderBoard(ctx, visibleBoard(ctx).board))),
  route('GET', /^\/rest\/agile\/1\.0\/board\/([^/]+)\/configuration$/, (ctx) => {
    const { board, project } = visibleBoard(ctx);
    const field = ctx.state.fields.find((f) => f.id === board.estimationFieldId);
    const wf = ctx.state.workflows.find((w) => w.projectKeys.includes(project.key));
    const statusRef = (id: string) => ({ id, self: `${ctx.base}/rest/api/3/status/${id}` });
    const columns = (wf?.statusIds ?? []).map((id) => ({ name: ctx.state.statuses.find((s) => s.id === id)?.name ?? id, statuses: [statusRef(id)] }));
    return ok({
      id: board.id,
      name: board.name,
      type: board.type,
      self: `${ctx.base}/rest/agile/1.0/board/${board.id}/configuration`,
      location: { type: 'project', key: project.key, id: project.id, self: `${ctx.base}/rest/api/3/project/${project.id}`, name: project.name },
      filter: { id: String(10000 + board.id), self: `${ctx.base}/rest/api/3/filter/${10000 + board.id}` },
      columnConfig: { columns, constraintType: 'issueCount' },
      estimation: { type: 'field', field: { fieldId: board.estimationFieldId, displayName: field?.name ?? board.estimationFieldId } },
      ranking: { rankCustomFieldId: 10019 },
    });
  }),
  route('GET', /^\/rest\/agile\/1\.0\/board\/([^/]+)\/sprint$/, (ctx) => {
    const { board } = visibleBoard(ctx);
    const raw = ctx.req.query.get('state');
    const states = raw ? raw.split(',').map((s) => s.trim().toLowerCase()) : STATES;
    const bad = states.find((s) => !STATES.includes(s));
    if (bad !== undefined) throw badRequest(`The sprint state '${bad}' is not valid. Valid states are: future, active, closed.`);
    if (board.type !== 'scrum') throw badRequest('The board does not support sprints.');
    const sprints = ctx.state.sprints.filter((s) => s.originBoardId === board.id && states.includes(s.state)).sort((a, b) => a.id - b.id);
    const p = page(ctx, sprints.map((s) => ctx.render.sprint(s)));
    const { total: _t, ...rest } = p;
    return ok(rest);
  }),
  route('GET', /^\/rest\/agile\/1\.0\/sprint\/([^/]+)$/, (ctx) => ok(ctx.render.sprint(sprintOf(ctx)))),
  route('POST', /^\/rest\/agile\/1\.0\/sprint\/([^/]+)\/issue$/, async (ctx) => {
    const sprint = sprintOf(ctx);
    if (sprint.state === 'closed') throw new ApiError(400, [`Sprint '${sprint.name}' is closed: issues can only be moved to an active or future sprint.`]);
    return move(ctx, issuesToMove(ctx), sprint.id);
  }),
  route('POST', /^\/rest\/agile\/1\.0\/backlog\/issue$/, async (ctx) => move(ctx, issuesToMove(ctx), null)),
];
