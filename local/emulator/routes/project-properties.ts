/**
 * Project entity properties (`/rest/api/3/project/{projectIdOrKey}/properties/{propertyKey}`): read with Browse
 * projects, written and deleted with Administer Projects (or as the app), 32,768 characters at most, as in Jira.
 * Release Train keeps a project's move rules there for its Jira-expression validator (project.properties[…]).
 */
import { badRequest, notFound } from '../errors';
import type { EmulatorState } from '../state';
import { ok, noContent, requirePermission, route, visibleProject } from './common';

const MAX_PROPERTY_LENGTH = 32_768;
const PATH = /^\/rest\/api\/3\/project\/([^/]+)\/properties\/([^/]+)$/;

const keyOf = (raw: string) => {
  const key = decodeURIComponent(raw);
  if (key.length > 255) throw badRequest('The property key cannot be longer than 255 characters.');
  return key;
};

/** A project's properties (projects seeded before properties existed have none yet). */
export const projectProperties = (state: EmulatorState, projectId: string): Record<string, unknown> => state.projects.find((p) => p.id === projectId)?.properties ?? {};

export const projectPropertyRoutes = [
  route('GET', /^\/rest\/api\/3\/project\/([^/]+)\/properties$/, (ctx) => {
    const p = visibleProject(ctx.state, ctx.actor, ctx.params[0]!);
    return ok({ keys: Object.keys(p.properties ?? {}).map((key) => ({ self: `${ctx.base}/rest/api/3/project/${p.id}/properties/${encodeURIComponent(key)}`, key })) });
  }),
  route('GET', PATH, (ctx) => {
    const p = visibleProject(ctx.state, ctx.actor, ctx.params[0]!);
    const key = keyOf(ctx.params[1]!);
    const props = p.properties ?? {};
    if (!(key in props)) throw notFound(`The property with key '${key}' was not found.`);
    return ok({ key, value: props[key] });
  }),
  route('PUT', PATH, async (ctx) => {
    const p = visibleProject(ctx.state, ctx.actor, ctx.params[0]!);
    if (!ctx.actor.isApp) requirePermission(ctx.state, ctx.actor, p, 'ADMINISTER_PROJECTS');
    const key = keyOf(ctx.params[1]!);
    if (ctx.req.body === undefined) throw badRequest('The property value must be valid JSON (the request body was empty).');
    const text = JSON.stringify(ctx.req.body);
    if (text.length > MAX_PROPERTY_LENGTH) throw badRequest(`The property value is too long: it is ${text.length} characters and the maximum is ${MAX_PROPERTY_LENGTH}.`);
    const existed = await ctx.store.update((state) => {
      const live = state.projects.find((x) => x.id === p.id)!;
      live.properties ??= {};
      const had = key in live.properties;
      live.properties[key] = JSON.parse(text) as unknown;
      return had;
    });
    return { status: existed ? 200 : 201 };
  }),
  route('DELETE', PATH, async (ctx) => {
    const p = visibleProject(ctx.state, ctx.actor, ctx.params[0]!);
    if (!ctx.actor.isApp) requirePermission(ctx.state, ctx.actor, p, 'ADMINISTER_PROJECTS');
    const key = keyOf(ctx.params[1]!);
    if (!(key in (p.properties ?? {}))) throw notFound(`The property with key '${key}' was not found.`);
    await ctx.store.update((state) => void delete state.projects.find((x) => x.id === p.id)!.properties![key]);
    return noContent();
  }),
];
