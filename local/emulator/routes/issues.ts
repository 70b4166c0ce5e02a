import { jiraDateTime } from '../dates';
import { ApiError, badRequest, fieldErrors, notFound } from '../errors';
import { addHistory, applyFields, applyUpdate, setResolution, throwIfErrors, type FieldSetter } from '../issue-fields';
import { selectFields } from '../render';
import { hasPermission } from '../permissions';
import type { EmuIssue, EmuTransition, EmulatorState } from '../state';
import type { RouteContext } from '../handler';
import { inlineChangelog, ISSUE_CHANGELOG_CAP } from './search';
import { missingScreenFields, transitionScreenFields } from './editmeta';

/** A field's current value as GET issue renders it (for a transition screen's required fields). */
function getIssueFieldValue(ctx: RouteContext, issue: EmuIssue, fieldId: string): unknown {
  return ctx.render.allFields(issue)[fieldId];
}
import { bodyObject, findIssueIn, intParam, isObj, noContent, ok, projectById, requirePermission, route, visibleIssue, visibleProject, workflowOf } from './common';

export const MAX_PROPERTY_LENGTH = 32_768;
const KEY = '([^/]+)';

/** Transitions available from the issue's status: global ones (except into the current status) and explicit ones. */
export function availableTransitions(state: EmulatorState, issue: EmuIssue): EmuTransition[] {
  const project = projectById(state, issue.projectId)!;
  const wf = workflowOf(state, project.key);
  return wf.transitions.filter((t) => (t.fromStatusIds.length === 0 ? t.toStatusId !== issue.fields.statusId : t.fromStatusIds.includes(issue.fields.statusId)));
}

/** What GET transitions lists: like Jira, nothing for a user without Transition Issues in the issue's project. */
function listedTransitions(ctx: RouteContext, issue: EmuIssue): EmuTransition[] {
  const project = projectById(ctx.state, issue.projectId);
  return hasPermission(ctx.state, ctx.actor, project, 'TRANSITION_ISSUES') ? availableTransitions(ctx.state, issue) : [];
}

function renderTransition(ctx: RouteContext, t: EmuTransition, issue?: EmuIssue) {
  const hasScreen = (t.screen?.fields.length ?? 0) > 0;
  return {
    id: t.id,
    name: t.name,
    to: ctx.render.status(t.toStatusId),
    hasScreen,
    isGlobal: t.fromStatusIds.length === 0,
    isInitial: false,
    isAvailable: true,
    isConditional: false,
    isLooped: false,
    // `expand=transitions.fields`: the screen's fields with their metadata, as Jira returns them.
    ...(issue ? { fields: transitionScreenFields(ctx, issue, t) } : {}),
  };
}

function getIssue(ctx: RouteContext) {
  const { issue } = visibleIssue(ctx.state, ctx.actor, ctx.params[0]!);
  const fieldsParam = ctx.req.query.get('fields');
  const requested = fieldsParam === null ? undefined : fieldsParam.split(',').map((s) => s.trim()).filter(Boolean);
  const expand = (ctx.req.query.get('expand') ?? '').split(',').map((s) => s.trim());
  const propsParam = ctx.req.query.get('properties');
  const body: Record<string, unknown> = {
    expand: 'renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations',
    id: issue.id,
    self: `${ctx.base}/rest/api/3/issue/${issue.id}`,
    key: issue.key,
    fields: selectFields(ctx.render.allFields(issue), requested, ctx.state, true),
  };
  if (expand.includes('changelog')) body['changelog'] = inlineChangelog(ctx, issue, ISSUE_CHANGELOG_CAP);
  if (expand.includes('transitions')) body['transitions'] = listedTransitions(ctx, issue).map((t) => renderTransition(ctx, t));
  if (propsParam) {
    const keys = propsParam.split(',').map((s) => s.trim());
    body['properties'] = Object.fromEntries(keys.filter((k) => k in issue.properties).map((k) => [k, issue.properties[k]]));
  }
  return ok(body);
}

function getChangelog(ctx: RouteContext) {
  const { issue } = visibleIssue(ctx.state, ctx.actor, ctx.params[0]!);
  const startAt = intParam(ctx.req.query, 'startAt', 0, 0);
  const maxResults = intParam(ctx.req.query, 'maxResults', 100, 1, 100);
  const values = issue.histories.slice(startAt, startAt + maxResults).map((h) => ctx.render.history(h));
  const total = issue.histories.length;
  const isLast = startAt + values.length >= total;
  const self = `${ctx.base}/rest/api/3/issue/${issue.key}/changelog?maxResults=${maxResults}&startAt=${startAt}`;
  return ok({ self, ...(isLast ? {} : { nextPage: `${ctx.base}/rest/api/3/issue/${issue.key}/changelog?maxResults=${maxResults}&startAt=${startAt + maxResults}` }), maxResults, startAt, total, isLast, values });
}

async function transition(ctx: RouteContext) {
  const { issue, project } = visibleIssue(ctx.state, ctx.actor, ctx.params[0]!);
  requirePermission(ctx.state, ctx.actor, project, 'TRANSITION_ISSUES');
  const b = bodyObject(ctx);
  const tr = b['transition'];
  const id = isObj(tr) && (typeof tr['id'] === 'string' || typeof tr['id'] === 'number') ? String(tr['id']) : undefined;
  if (!id) throw badRequest("Specify a transition: { transition: { id: '…' } }.");
  const t = availableTransitions(ctx.state, issue).find((x) => x.id === id);
  if (!t) throw badRequest(`Transition id '${id}' is not valid for this issue.`);
  const fields = b['fields'] === undefined ? {} : b['fields'];
  if (!isObj(fields)) throw badRequest("'fields' must be an object.");
  const update = b['update'] === undefined ? {} : b['update'];
  if (!isObj(update)) throw badRequest("'update' must be an object.");
  // Dry run on a copy: bad field values are a 400 before any validator runs, as in Jira.
  dryRunFields(ctx, issue, fields, update);
  // A required field of the transition's screen left empty: Jira's 400 with the field named.
  const missing = missingScreenFields(t, fields, (id) => (getIssueFieldValue(ctx, issue, id)));
  if (Object.keys(missing).length) throw fieldErrors(missing);
  const fromStatusId = issue.fields.statusId;
  if (ctx.hooks.runValidators) {
    const outcome = await ctx.hooks.runValidators({
      issueKey: issue.key,
      issueId: issue.id,
      transitionId: t.id,
      fromStatusId,
      toStatusId: t.toStatusId,
      modifiedFields: JSON.parse(JSON.stringify(fields)) as Record<string, unknown>,
      validators: t.validators.map((v) => ({ ...v })),
      accountId: ctx.actor.accountId,
    });
    if (!outcome.ok) throw new ApiError(400, [outcome.errorMessage], {});
  }
  await ctx.store.update((state) => {
    const live = findIssueIn(state, issue.id);
    if (!live) throw notFound('The issue was deleted while it was being transitioned.');
    const now = ctx.now();
    const s: FieldSetter = { state, project: projectById(state, live.projectId)!, issue: live, errors: {}, items: [], now };
    applyFields(s, fields, { creating: false });
    applyUpdate(s, update);
    throwIfErrors(s);
    const from = state.statuses.find((x) => x.id === live.fields.statusId);
    const to = state.statuses.find((x) => x.id === t.toStatusId)!;
    if (from?.id !== to.id) {
      s.items.unshift({ field: 'status', fieldtype: 'jira', fieldId: 'status', from: from?.id ?? null, fromString: from?.name ?? null, to: to.id, toString: to.name });
      live.fields.statusId = to.id;
      if ((from?.category ?? 'new') !== to.category) live.fields.statusCategoryChangeDate = jiraDateTime(now);
      // The simplified workflows' post functions: resolution Done on entering a done status, cleared on leaving.
      if (to.category === 'done' && !live.fields.resolutionId) setResolution(s, state.resolutions[0]?.id ?? null, now);
      if (to.category !== 'done' && live.fields.resolutionId && !('resolution' in fields)) setResolution(s, null, now);
    }
    addHistory(state, live, ctx.actor.accountId, s.items, now);
  });
  return noContent();
}

function dryRunFields(ctx: RouteContext, issue: EmuIssue, fields: Record<string, unknown>, update: Record<string, unknown>) {
  const copyState = ctx.state;
  const copy = JSON.parse(JSON.stringify(issue)) as EmuIssue;
  const s: FieldSetter = { state: copyState, project: projectById(copyState, issue.projectId)!, issue: copy, errors: {}, items: [], now: ctx.now() };
  // Sprint changes read but do not write shared state, so the dry run on a copied issue is side-effect free.
  applyFields(s, fields, { creating: false });
  applyUpdate(s, update);
  throwIfErrors(s);
}

async function createIssue(ctx: RouteContext) {
  const b = bodyObject(ctx);
  const fields = b['fields'];
  if (!isObj(fields)) throw fieldErrors({ fields: "Specify the issue's fields: { fields: { project, issuetype, summary } }." });
  const projRef = fields['project'];
  const project = isObj(projRef)
    ? ctx.state.projects.find((p) => (projRef['id'] !== undefined ? p.id === String(projRef['id']) : typeof projRef['key'] === 'string' && p.key === projRef['key'].toUpperCase()))
    : undefined;
  if (!project) throw fieldErrors({ project: 'Specify a valid project ID or key' });
  visibleProject(ctx.state, ctx.actor, project.key);
  requirePermission(ctx.state, ctx.actor, project, 'CREATE_ISSUES');
  const typeRef = fields['issuetype'];
  const type = isObj(typeRef)
    ? ctx.state.issueTypes.find((t) => project.issueTypeIds.includes(t.id) && (typeRef['id'] !== undefined ? t.id === String(typeRef['id']) : typeof typeRef['name'] === 'string' && t.name.toLowerCase() === typeRef['name'].toLowerCase()))
    : undefined;
  if (!type) throw fieldErrors({ issuetype: 'Specify an issue type' });
  if (fields['summary'] === undefined) throw fieldErrors({ summary: 'You must specify a summary of the issue.' });
  const wf = workflowOf(ctx.state, project.key);
  const rest = Object.fromEntries(Object.entries(fields).filter(([k]) => k !== 'project' && k !== 'issuetype'));
  const draft = (state: EmulatorState, id: string, key: string): EmuIssue => {
    const now = jiraDateTime(ctx.now());
    return {
      id,
      key,
      projectId: project.id,
      fields: {
        summary: '',
        description: null,
        issueTypeId: type.id,
        statusId: wf.initial.toStatusId,
        priorityId: state.priorities.find((p) => p.name === 'Medium')?.id ?? null,
        resolutionId: null,
        resolutionDate: null,
        assigneeId: null,
        reporterId: ctx.actor.accountId,
        creatorId: ctx.actor.accountId,
        labels: [],
        componentIds: [],
        fixVersionIds: [],
        affectsVersionIds: [],
        created: now,
        updated: now,
        statusCategoryChangeDate: now,
        custom: {},
      },
      histories: [],
      properties: {},
    };
  };
  // Validate field values first (400 with Jira's errors map), then run the create validators, then create.
  const probe = draft(ctx.state, '0', `${project.key}-0`);
  const s0: FieldSetter = { state: ctx.state, project, issue: probe, errors: {}, items: [], now: ctx.now() };
  applyFields(s0, rest, { creating: true });
  throwIfErrors(s0);
  if (ctx.hooks.runCreateValidators) {
    const outcome = await ctx.hooks.runCreateValidators({
      projectKey: project.key,
      issueTypeId: type.id,
      issueTypeName: type.name,
      transitionId: wf.initial.id,
      toStatusId: wf.initial.toStatusId,
      fields: JSON.parse(JSON.stringify(fields)) as Record<string, unknown>,
      validators: wf.initial.validators.map((v) => ({ ...v })),
      accountId: ctx.actor.accountId,
    });
    if (!outcome.ok) throw new ApiError(400, [outcome.errorMessage], {});
  }
  const created = await ctx.store.update((state) => {
    const n = (state.counters.issueNumber[project.key] ?? 0) + 1;
    const issue = draft(state, String(state.counters.issueId), `${project.key}-${n}`);
    const s: FieldSetter = { state, project: projectById(state, project.id)!, issue, errors: {}, items: [], now: ctx.now() };
    applyFields(s, rest, { creating: true });
    throwIfErrors(s);
    state.counters.issueId++;
    state.counters.issueNumber[project.key] = n;
    state.issues.push(issue);
    return issue;
  });
  return ok({ id: created.id, key: created.key, self: `${ctx.base}/rest/api/3/issue/${created.id}` }, 201);
}

async function editIssue(ctx: RouteContext) {
  const { issue, project } = visibleIssue(ctx.state, ctx.actor, ctx.params[0]!);
  requirePermission(ctx.state, ctx.actor, project, 'EDIT_ISSUES');
  const b = bodyObject(ctx);
  const fields = b['fields'] ?? {};
  const update = b['update'] ?? {};
  if (!isObj(fields) || !isObj(update)) throw badRequest("'fields' and 'update' must be objects.");
  const both = Object.keys(fields).filter((k) => k in update);
  if (both.length) throw fieldErrors(Object.fromEntries(both.map((k) => [k, `Field '${k}' cannot be set in both 'fields' and 'update'.`])));
  await ctx.store.update((state) => {
    const live = findIssueIn(state, issue.id)!;
    const s: FieldSetter = { state, project: projectById(state, live.projectId)!, issue: live, errors: {}, items: [], now: ctx.now() };
    applyFields(s, fields, { creating: false });
    applyUpdate(s, update);
    throwIfErrors(s);
    addHistory(state, live, ctx.actor.accountId, s.items, ctx.now());
  });
  return noContent();
}

function linkTypeRef(state: EmulatorState, ref: unknown) {
  if (!isObj(ref)) return undefined;
  if (ref['id'] !== undefined) return state.linkTypes.find((t) => t.id === String(ref['id']));
  if (typeof ref['name'] === 'string') return state.linkTypes.find((t) => t.name.toLowerCase() === (ref['name'] as string).toLowerCase());
  return undefined;
}
const issueRef = (ref: unknown) => (isObj(ref) ? (typeof ref['key'] === 'string' ? ref['key'] : ref['id'] !== undefined ? String(ref['id']) : undefined) : undefined);

async function createLink(ctx: RouteContext) {
  const b = bodyObject(ctx);
  const type = linkTypeRef(ctx.state, b['type']);
  if (!type) throw notFound(`No issue link type with name '${isObj(b['type']) ? String(b['type']['name'] ?? b['type']['id']) : ''}' found.`);
  const inRef = issueRef(b['inwardIssue']);
  const outRef = issueRef(b['outwardIssue']);
  if (!inRef || !outRef) throw badRequest('Specify inwardIssue and outwardIssue by key or id.');
  const inward = visibleIssue(ctx.state, ctx.actor, inRef);
  const outward = visibleIssue(ctx.state, ctx.actor, outRef);
  if (inward.issue.id === outward.issue.id) throw badRequest('You cannot link an issue to itself.');
  requirePermission(ctx.state, ctx.actor, inward.project, 'LINK_ISSUES');
  requirePermission(ctx.state, ctx.actor, outward.project, 'LINK_ISSUES');
  await ctx.store.update((state) => {
    if (state.issueLinks.some((l) => l.typeId === type.id && l.inwardIssueId === inward.issue.id && l.outwardIssueId === outward.issue.id)) return;
    state.issueLinks.push({ id: String(state.counters.linkId++), typeId: type.id, inwardIssueId: inward.issue.id, outwardIssueId: outward.issue.id });
    const now = ctx.now();
    const a = findIssueIn(state, inward.issue.id)!;
    const o = findIssueIn(state, outward.issue.id)!;
    // The inward issue is the link's source: "RT-1 blocks RT-2", and RT-2 "is blocked by RT-1".
    addHistory(state, a, ctx.actor.accountId, [{ field: 'Link', fieldtype: 'jira', from: null, fromString: null, to: o.key, toString: `This issue ${type.outward} ${o.key}` }], now);
    addHistory(state, o, ctx.actor.accountId, [{ field: 'Link', fieldtype: 'jira', from: null, fromString: null, to: a.key, toString: `This issue ${type.inward} ${a.key}` }], now);
  });
  return { status: 201 };
}

function propertyKey(ctx: RouteContext): string {
  const key = ctx.params[1]!;
  if (key.length === 0 || key.length > 255) throw badRequest('The property key must be between 1 and 255 characters long.');
  return key;
}

export const issueRoutes = [
  route('GET', new RegExp(`^/rest/api/3/issue/${KEY}$`), getIssue),
  route('PUT', new RegExp(`^/rest/api/3/issue/${KEY}$`), editIssue),
  route('POST', /^\/rest\/api\/3\/issue$/, createIssue),
  route('GET', new RegExp(`^/rest/api/3/issue/${KEY}/changelog$`), getChangelog),
  route('GET', new RegExp(`^/rest/api/3/issue/${KEY}/transitions$`), (ctx) => {
    const { issue } = visibleIssue(ctx.state, ctx.actor, ctx.params[0]!);
    const only = ctx.req.query.get('transitionId');
    const withFields = (ctx.req.query.get('expand') ?? '').split(',').includes('transitions.fields');
    return ok({ expand: 'transitions', transitions: listedTransitions(ctx, issue).filter((t) => !only || t.id === only).map((t) => renderTransition(ctx, t, withFields ? issue : undefined)) });
  }),
  route('POST', new RegExp(`^/rest/api/3/issue/${KEY}/transitions$`), transition),
  route('POST', /^\/rest\/api\/3\/issueLink$/, createLink),
  route('GET', /^\/rest\/api\/3\/issueLink\/([^/]+)$/, (ctx) => {
    const link = ctx.state.issueLinks.find((l) => l.id === ctx.params[0]);
    if (!link) throw notFound('No issue link with id ' + ctx.params[0]! + ' exists.');
    visibleIssue(ctx.state, ctx.actor, link.inwardIssueId);
    visibleIssue(ctx.state, ctx.actor, link.outwardIssueId);
    const t = ctx.state.linkTypes.find((x) => x.id === link.typeId)!;
    return ok({ id: link.id, type: { ...t, self: `${ctx.base}/rest/api/3/issueLinkType/${t.id}` }, inwardIssue: ctx.render.linkedIssue(link.inwardIssueId), outwardIssue: ctx.render.linkedIssue(link.outwardIssueId) });
  }),
  route('DELETE', /^\/rest\/api\/3\/issueLink\/([^/]+)$/, async (ctx) => {
    const link = ctx.state.issueLinks.find((l) => l.id === ctx.params[0]);
    if (!link) throw notFound('No issue link with id ' + ctx.params[0]! + ' exists.');
    const a = visibleIssue(ctx.state, ctx.actor, link.inwardIssueId);
    requirePermission(ctx.state, ctx.actor, a.project, 'LINK_ISSUES');
    await ctx.store.update((state) => void (state.issueLinks = state.issueLinks.filter((l) => l.id !== link.id)));
    return noContent();
  }),
  route('GET', /^\/rest\/api\/3\/issueLinkType$/, (ctx) => ok({ issueLinkTypes: ctx.state.linkTypes.map((t) => ({ ...t, self: `${ctx.base}/rest/api/3/issueLinkType/${t.id}` })) })),
  route('GET', new RegExp(`^/rest/api/3/issue/${KEY}/properties$`), (ctx) => {
    const { issue } = visibleIssue(ctx.state, ctx.actor, ctx.params[0]!);
    return ok({ keys: Object.keys(issue.properties).map((key) => ({ self: `${ctx.base}/rest/api/3/issue/${issue.id}/properties/${encodeURIComponent(key)}`, key })) });
  }),
  route('GET', new RegExp(`^/rest/api/3/issue/${KEY}/properties/${KEY}$`), (ctx) => {
    const { issue } = visibleIssue(ctx.state, ctx.actor, ctx.params[0]!);
    const key = propertyKey(ctx);
    if (!(key in issue.properties)) throw notFound(`The property with key '${key}' was not found.`);
    return ok({ key, value: issue.properties[key] });
  }),
  route('PUT', new RegExp(`^/rest/api/3/issue/${KEY}/properties/${KEY}$`), async (ctx) => {
    const { issue, project } = visibleIssue(ctx.state, ctx.actor, ctx.params[0]!);
    const key = propertyKey(ctx);
    requirePermission(ctx.state, ctx.actor, project, 'EDIT_ISSUES');
    if (ctx.req.body === undefined) throw badRequest('The property value must be valid JSON (the request body was empty).');
    const text = JSON.stringify(ctx.req.body);
    if (text.length > MAX_PROPERTY_LENGTH) throw badRequest(`The property value is too long: it is ${text.length} characters and the maximum is ${MAX_PROPERTY_LENGTH}.`);
    const existed = await ctx.store.update((state) => {
      const live = findIssueIn(state, issue.id)!;
      const had = key in live.properties;
      live.properties[key] = JSON.parse(text) as unknown;
      return had;
    });
    return { status: existed ? 200 : 201 };
  }),
  route('DELETE', new RegExp(`^/rest/api/3/issue/${KEY}/properties/${KEY}$`), async (ctx) => {
    const { issue, project } = visibleIssue(ctx.state, ctx.actor, ctx.params[0]!);
    const key = propertyKey(ctx);
    requirePermission(ctx.state, ctx.actor, project, 'EDIT_ISSUES');
    if (!(key in issue.properties)) throw notFound(`The property with key '${key}' was not found.`);
    await ctx.store.update((state) => void delete findIssueIn(state, issue.id)!.properties[key]);
    return noContent();
  }),
];
