/**
 * Jira's field metadata for editing: `GET /rest/api/3/issue/{key}/editmeta` (the fields the edit screen offers, with
 * their allowed values and operations) and the `fields` of a transition's screen (`GET …/transitions?expand=
 * transitions.fields`). Same shapes as Jira's FieldMetadata: { required, schema, name, key, operations, allowedValues }.
 */
import type { RouteContext } from '../handler';
import type { EmuIssue, EmuTransition } from '../state';
import { SPRINT_FIELD_ID } from '../state';
import { ok, projectById, requirePermission, route, visibleIssue } from './common';

const SYSTEM: Record<string, { name: string; schema: Record<string, unknown>; operations: string[] }> = {
  summary: { name: 'Summary', schema: { type: 'string', system: 'summary' }, operations: ['set'] },
  priority: { name: 'Priority', schema: { type: 'priority', system: 'priority' }, operations: ['set'] },
  assignee: { name: 'Assignee', schema: { type: 'user', system: 'assignee' }, operations: ['set'] },
  labels: { name: 'Labels', schema: { type: 'array', items: 'string', system: 'labels' }, operations: ['add', 'set', 'remove'] },
  components: { name: 'Components', schema: { type: 'array', items: 'component', system: 'components' }, operations: ['add', 'set', 'remove'] },
  fixVersions: { name: 'Fix versions', schema: { type: 'array', items: 'version', system: 'fixVersions' }, operations: ['set', 'add', 'remove'] },
  versions: { name: 'Affects versions', schema: { type: 'array', items: 'version', system: 'versions' }, operations: ['set', 'add', 'remove'] },
  description: { name: 'Description', schema: { type: 'string', system: 'description' }, operations: ['set'] },
};

/** The metadata of one field on `issue`'s edit (or transition) screen, or undefined when the field is unknown. */
export function fieldMeta(ctx: RouteContext, issue: EmuIssue, fieldId: string, required = false): Record<string, unknown> | undefined {
  const project = projectById(ctx.state, issue.projectId)!;
  const sys = SYSTEM[fieldId];
  if (sys) {
    const allowed =
      fieldId === 'priority'
        ? ctx.state.priorities.map((p) => ctx.render.priority(p.id))
        : fieldId === 'components'
          ? project.components.map((c) => ctx.render.component(c.id))
          : fieldId === 'fixVersions' || fieldId === 'versions'
            ? ctx.state.versions.filter((v) => v.projectId === project.id && !v.archived).map((v) => ctx.render.version(v))
            : undefined;
    return {
      required,
      schema: sys.schema,
      name: sys.name,
      key: fieldId,
      ...(fieldId === 'assignee' ? { autoCompleteUrl: `${ctx.base}/rest/api/3/user/assignable/search?issueKey=${issue.key}&query=` } : {}),
      hasDefaultValue: false,
      operations: sys.operations,
      ...(allowed ? { allowedValues: allowed } : {}),
    };
  }
  const field = ctx.state.fields.find((f) => f.id === fieldId && f.custom);
  if (!field || fieldId === SPRINT_FIELD_ID) return undefined;
  return {
    required,
    schema: field.schema ?? { type: 'any', custom: '', customId: 0 },
    name: field.name,
    key: fieldId,
    hasDefaultValue: false,
    operations: ['set'],
    ...(field.options ? { allowedValues: field.options.map((o) => ({ self: `${ctx.base}/rest/api/3/customFieldOption/${o.id}`, value: o.value, id: o.id })) } : {}),
  };
}

/** The fields the edit screen offers: the system fields above and every custom field (the emulator has one screen). */
function editmeta(ctx: RouteContext) {
  const { issue, project } = visibleIssue(ctx.state, ctx.actor, ctx.params[0]!);
  // Jira answers an empty field map to a user who may not edit the issue.
  try {
    requirePermission(ctx.state, ctx.actor, project, 'EDIT_ISSUES');
  } catch {
    return ok({ fields: {} });
  }
  const ids = [...Object.keys(SYSTEM), ...ctx.state.fields.filter((f) => f.custom).map((f) => f.id)];
  const fields: Record<string, unknown> = {};
  for (const id of ids) {
    const meta = fieldMeta(ctx, issue, id, id === 'summary');
    if (meta) fields[id] = meta;
  }
  return ok({ fields });
}

/** A transition's screen fields (`expand=transitions.fields`), each as on the edit screen; required ones marked. */
export function transitionScreenFields(ctx: RouteContext, issue: EmuIssue, t: EmuTransition): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of t.screen?.fields ?? []) {
    const meta = fieldMeta(ctx, issue, f.id, f.required === true);
    if (meta) out[f.id] = meta;
  }
  return out;
}

/** A transition's screen fields that are required and left empty by the request: Jira's 400 errors map. */
export function missingScreenFields(t: EmuTransition, given: Record<string, unknown>, current: (fieldId: string) => unknown): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const f of t.screen?.fields ?? []) {
    if (!f.required) continue;
    const v = f.id in given ? given[f.id] : current(f.id);
    const empty = v === undefined || v === null || (Array.isArray(v) && v.length === 0) || v === '';
    if (empty) errors[f.id] = `${f.name ?? f.id} is required.`;
  }
  return errors;
}

export const editmetaRoutes = [route('GET', /^\/rest\/api\/3\/issue\/([^/]+)\/editmeta$/, editmeta)];
