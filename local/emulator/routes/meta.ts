import { ApiError, badRequest, fieldErrors, notFound } from '../errors';
import { hasPermission, PERMISSIONS, rolesOf } from '../permissions';
import type { EmuVersion, EmulatorState } from '../state';
import type { RouteContext } from '../handler';
import { bodyObject, ok, requirePermission, route, visibleIssue, visibleProject, workflowOf } from './common';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function mypermissions(ctx: RouteContext) {
  const q = ctx.req.query;
  const raw = q.get('permissions');
  if (!raw) throw badRequest('The permissions query parameter is required. Specify the permissions to check, e.g. permissions=BROWSE_PROJECTS,EDIT_ISSUES.');
  const keys = raw.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = keys.find((k) => !PERMISSIONS[k]);
  if (unknown) throw badRequest(`Invalid permission key: ${unknown}`);
  const issueKey = q.get('issueKey') ?? q.get('issueId');
  const projectKey = q.get('projectKey') ?? q.get('projectId');
  const scope = issueKey ? [visibleIssue(ctx.state, ctx.actor, issueKey).project] : projectKey ? [visibleProject(ctx.state, ctx.actor, projectKey)] : ctx.state.projects;
  const permissions: Record<string, unknown> = {};
  for (const key of keys) {
    const p = PERMISSIONS[key]!;
    permissions[key] = { id: p.id, key, name: p.name, type: 'PROJECT', description: p.description, havePermission: scope.some((project) => hasPermission(ctx.state, ctx.actor, project, key)) };
  }
  return ok({ permissions });
}

function versionById(ctx: RouteContext): { version: EmuVersion } {
  const v = ctx.state.versions.find((x) => x.id === ctx.params[0]);
  const project = v ? ctx.state.projects.find((p) => p.id === v.projectId) : undefined;
  if (!v || !project || !hasPermission(ctx.state, ctx.actor, project, 'BROWSE_PROJECTS')) throw notFound(`Could not find version for id '${ctx.params[0]!}'`);
  return { version: v };
}

function checkVersionFields(b: Record<string, unknown>, errors: Record<string, string>) {
  if (b['name'] !== undefined && (typeof b['name'] !== 'string' || b['name'].trim() === '')) errors['name'] = 'You must specify a valid version name';
  else if (typeof b['name'] === 'string' && b['name'].length > 255) errors['name'] = 'The version name must not exceed 255 characters.';
  if (b['description'] !== undefined && typeof b['description'] !== 'string') errors['description'] = 'The description must be text.';
  for (const d of ['releaseDate', 'startDate']) if (b[d] !== undefined && b[d] !== null && (typeof b[d] !== 'string' || !DATE.test(b[d] as string))) errors[d] = `Invalid date format. Please enter the date in the format "yyyy-MM-dd".`;
  for (const f of ['released', 'archived']) if (b[f] !== undefined && typeof b[f] !== 'boolean') errors[f] = `'${f}' must be true or false.`;
}

const today = (d: Date) => d.toISOString().slice(0, 10);

async function createVersion(ctx: RouteContext) {
  const b = bodyObject(ctx);
  const projectRef = b['projectId'] ?? b['project'];
  const project = projectRef === undefined ? undefined : ctx.state.projects.find((p) => p.id === String(projectRef) || p.key === String(projectRef).toUpperCase());
  if (!project) throw fieldErrors({ project: 'Project must be specified to create a version.' });
  visibleProject(ctx.state, ctx.actor, project.key);
  requirePermission(ctx.state, ctx.actor, project, 'ADMINISTER_PROJECTS');
  const errors: Record<string, string> = {};
  if (b['name'] === undefined) errors['name'] = 'You must specify a valid version name';
  checkVersionFields(b, errors);
  if (Object.keys(errors).length) throw fieldErrors(errors);
  const created = await ctx.store.update((state: EmulatorState) => {
    const name = (b['name'] as string).trim();
    if (state.versions.some((v) => v.projectId === project.id && v.name.toLowerCase() === name.toLowerCase())) throw fieldErrors({ name: 'A version with this name already exists in this project.' });
    const v: EmuVersion = {
      id: String(state.counters.versionId++),
      projectId: project.id,
      name,
      description: (b['description'] as string | undefined) ?? '',
      archived: (b['archived'] as boolean | undefined) ?? false,
      // As in Jira: `released` is "not applicable when creating a version" (release it with PUT /version/{id}).
      released: false,
      ...(b['startDate'] ? { startDate: b['startDate'] as string } : {}),
      ...(b['releaseDate'] ? { releaseDate: b['releaseDate'] as string } : {}),
    };
    state.versions.push(v);
    return v;
  });
  return ok(ctx.render.version(created), 201);
}

async function updateVersion(ctx: RouteContext) {
  const { version } = versionById(ctx);
  const project = ctx.state.projects.find((p) => p.id === version.projectId)!;
  requirePermission(ctx.state, ctx.actor, project, 'ADMINISTER_PROJECTS');
  const b = bodyObject(ctx);
  const errors: Record<string, string> = {};
  checkVersionFields(b, errors);
  if (Object.keys(errors).length) throw fieldErrors(errors);
  const updated = await ctx.store.update((state: EmulatorState) => {
    const v = state.versions.find((x) => x.id === version.id)!;
    if (typeof b['name'] === 'string') {
      const name = b['name'].trim();
      if (state.versions.some((o) => o.id !== v.id && o.projectId === v.projectId && o.name.toLowerCase() === name.toLowerCase())) throw fieldErrors({ name: 'A version with this name already exists in this project.' });
      v.name = name;
    }
    if (typeof b['description'] === 'string') v.description = b['description'];
    if (typeof b['archived'] === 'boolean') v.archived = b['archived'];
    if (b['startDate'] !== undefined) b['startDate'] === null ? delete v.startDate : (v.startDate = b['startDate'] as string);
    if (b['releaseDate'] !== undefined) b['releaseDate'] === null ? delete v.releaseDate : (v.releaseDate = b['releaseDate'] as string);
    if (typeof b['released'] === 'boolean') {
      if (b['released'] && !v.released && !v.releaseDate) v.releaseDate = today(ctx.now());
      v.released = b['released'];
    }
    return { ...v };
  });
  return ok(ctx.render.version(updated));
}

function renderProject(ctx: RouteContext, key: string) {
  const p = visibleProject(ctx.state, ctx.actor, key);
  return {
    expand: 'description,lead,issueTypes,url,projectKeys,permissions,insight',
    self: `${ctx.base}/rest/api/3/project/${p.id}`,
    id: p.id,
    key: p.key,
    name: p.name,
    description: p.description,
    lead: ctx.render.user(p.leadAccountId),
    components: p.components.map((c) => ctx.render.component(c.id)),
    issueTypes: p.issueTypeIds.map((id) => ctx.render.issueType(id)),
    assigneeType: 'UNASSIGNED',
    versions: ctx.state.versions.filter((v) => v.projectId === p.id).map((v) => ctx.render.version(v)),
    roles: Object.fromEntries(ctx.state.roles.map((r) => [r.name, `${ctx.base}/rest/api/3/project/${p.id}/role/${r.id}`])),
    avatarUrls: ctx.render.avatar('pid', p.id),
    projectTypeKey: 'software',
    simplified: false,
    style: 'classic',
    isPrivate: false,
  };
}

export const metaRoutes = [
  route('GET', /^\/rest\/api\/3\/myself$/, (ctx) => {
    const u = ctx.state.users.find((x) => x.accountId === ctx.actor.accountId)!;
    return ok(ctx.render.userFull(u));
  }),
  route('GET', /^\/rest\/api\/3\/user$/, (ctx) => {
    const id = ctx.req.query.get('accountId');
    if (!id) throw badRequest('The accountId query parameter needs to be provided.');
    const u = ctx.state.users.find((x) => x.accountId === id);
    if (!u) throw notFound('Specified user does not exist or you do not have required permissions');
    return ok(ctx.render.userFull(u));
  }),
  // Jira requires Browse users and groups (a global permission every emulated user and the app hold).
  route('GET', /^\/rest\/api\/3\/user\/groups$/, (ctx) => {
    const id = ctx.req.query.get('accountId');
    if (!id) throw badRequest('The accountId query parameter needs to be provided.');
    const u = ctx.state.users.find((x) => x.accountId === id);
    if (!u) throw notFound('Specified user does not exist or you do not have required permissions');
    return ok((u.groups ?? []).map((g) => ({ name: g.name, groupId: g.groupId, self: `${ctx.base}/rest/api/3/group?${g.groupId === null ? `groupname=${encodeURIComponent(g.name)}` : `groupId=${g.groupId}`}` })));
  }),
  route('GET', /^\/rest\/api\/3\/users\/search$/, (ctx) => ok(ctx.state.users.filter((u) => u.accountType === 'atlassian').map((u) => ctx.render.userFull(u)))),
  route('GET', /^\/rest\/api\/3\/mypermissions$/, mypermissions),
  route('GET', /^\/rest\/api\/3\/project$/, (ctx) => ok(ctx.state.projects.filter((p) => hasPermission(ctx.state, ctx.actor, p, 'BROWSE_PROJECTS')).map((p) => renderProject(ctx, p.key)))),
  route('GET', /^\/rest\/api\/3\/project\/([^/]+)$/, (ctx) => ok(renderProject(ctx, ctx.params[0]!))),
  route('GET', /^\/rest\/api\/3\/project\/([^/]+)\/statuses$/, (ctx) => {
    const p = visibleProject(ctx.state, ctx.actor, ctx.params[0]!);
    const wf = workflowOf(ctx.state, p.key);
    return ok(
      p.issueTypeIds.map((id) => {
        const t = ctx.state.issueTypes.find((x) => x.id === id)!;
        return { self: `${ctx.base}/rest/api/3/issuetype/${id}`, id, name: t.name, subtask: false, statuses: wf.statusIds.map((sid) => ctx.render.status(sid)) };
      }),
    );
  }),
  route('GET', /^\/rest\/api\/3\/project\/([^/]+)\/roledetails$/, (ctx) => {
    const p = visibleProject(ctx.state, ctx.actor, ctx.params[0]!);
    // As Jira documents: Administer Projects in the project (the app holds every permission here).
    requirePermission(ctx.state, ctx.actor, p, 'ADMINISTER_PROJECTS');
    const onlyMine = ctx.req.query.get('currentMember') === 'true';
    // The app is not a member of any project role (Jira's app users sit outside the project's roles).
    const mine = ctx.actor.isApp ? [] : rolesOf(p, ctx.actor.accountId);
    return ok(
      ctx.state.roles
        .filter((r) => !onlyMine || mine.includes(r.id))
        .map((r) => ({ self: `${ctx.base}/rest/api/3/project/${p.id}/role/${r.id}`, name: r.name, id: r.id, description: r.description, admin: false, default: false, roleConfigurable: true, translatedName: r.name })),
    );
  }),
  route('GET', /^\/rest\/api\/3\/project\/([^/]+)\/role\/(\d+)$/, (ctx) => {
    const p = visibleProject(ctx.state, ctx.actor, ctx.params[0]!);
    requirePermission(ctx.state, ctx.actor, p, 'ADMINISTER_PROJECTS');
    const r = ctx.state.roles.find((x) => x.id === Number(ctx.params[1]));
    if (!r) throw notFound(`Could not find project role with id ${ctx.params[1]}.`);
    const users = p.roleMembers[String(r.id)] ?? [];
    const actors = [
      ...users.map((accountId, i) => ({
        id: r.id * 1000 + i,
        displayName: ctx.state.users.find((u) => u.accountId === accountId)?.displayName ?? accountId,
        type: 'atlassian-user-role-actor',
        actorUser: { accountId },
      })),
      ...(p.roleGroups?.[String(r.id)] ?? []).map((g, i) => ({
        id: r.id * 1000 + users.length + i,
        displayName: g.name,
        type: 'atlassian-group-role-actor',
        actorGroup: { name: g.name, displayName: g.name, ...(g.groupId === null ? {} : { groupId: g.groupId }) },
      })),
    ];
    return ok({ self: `${ctx.base}/rest/api/3/project/${p.id}/role/${r.id}`, name: r.name, id: r.id, description: r.description, actors });
  }),
  route('GET', /^\/rest\/api\/3\/project\/([^/]+)\/components$/, (ctx) => {
    const p = visibleProject(ctx.state, ctx.actor, ctx.params[0]!);
    return ok(p.components.map((c) => ({ ...ctx.render.component(c.id), project: p.key, projectId: Number(p.id), assigneeType: 'PROJECT_DEFAULT', isAssigneeTypeValid: false })));
  }),
  route('GET', /^\/rest\/api\/3\/project\/([^/]+)\/versions$/, (ctx) => {
    const p = visibleProject(ctx.state, ctx.actor, ctx.params[0]!);
    return ok(ctx.state.versions.filter((v) => v.projectId === p.id).map((v) => ctx.render.version(v)));
  }),
  route('GET', /^\/rest\/api\/3\/status$/, (ctx) =>
    ok(ctx.state.statuses.map((s) => ({ ...ctx.render.status(s.id), untranslatedName: s.name, scope: { type: 'GLOBAL' } }))),
  ),
  route('GET', /^\/rest\/api\/3\/issuetype$/, (ctx) => ok(ctx.state.issueTypes.map((t) => ctx.render.issueType(t.id)))),
  route('GET', /^\/rest\/api\/3\/priority$/, (ctx) => ok(ctx.state.priorities.map((p) => ctx.render.priority(p.id)))),
  route('GET', /^\/rest\/api\/3\/field$/, (ctx) =>
    ok(ctx.state.fields.map(({ options: _o, ...f }) => ({ ...f, ...(f.custom ? { untranslatedName: f.name } : {}) }))),
  ),
  route('GET', /^\/rest\/api\/3\/version\/([^/]+)$/, (ctx) => ok(ctx.render.version(versionById(ctx).version))),
  route('POST', /^\/rest\/api\/3\/version$/, createVersion),
  route('PUT', /^\/rest\/api\/3\/version\/([^/]+)$/, updateVersion),
];
export { ApiError };
