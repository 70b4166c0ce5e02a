/**
 * Setting issue fields the way Jira's create/edit/transition screens do: validate each value, apply it, and
 * produce the changelog items Jira would record. Errors are collected per field (Jira's `errors` map).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { adfToPlainText } from './adf-text';
import { schemaProblem, type FieldSchema } from './forge-field-schema';
import { jiraDateTime } from './dates';
import { ApiError, fieldErrors } from './errors';
import type { EmuChangeItem, EmuIssue, EmuProject, EmulatorState } from './state';
import { REPRO_STEPS_FIELD_ID, SPRINT_FIELD_ID, STORY_POINTS_FIELD_ID } from './state';

const MAX_PROPERTY_LIKE = 32_768;
const cannotSet = (id: string) => `Field '${id}' cannot be set. It is not on the appropriate screen, or unknown.`;
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function isAdfDoc(v: unknown): boolean {
  return isObj(v) && v['type'] === 'doc' && v['version'] === 1 && Array.isArray(v['content']);
}

/** Appends a changelog history (id from the global counter) and bumps `updated`. */
export function addHistory(state: EmulatorState, issue: EmuIssue, authorAccountId: string, items: EmuChangeItem[], now: Date) {
  if (items.length === 0) return;
  const created = jiraDateTime(now);
  issue.histories.push({ id: String(state.counters.historyId++), authorAccountId, created, items });
  issue.fields.updated = created;
}

export function sprintNames(state: EmulatorState, ids: number[]): string {
  return ids.map((id) => state.sprints.find((s) => s.id === id)?.name ?? String(id)).join(', ');
}

/** The Sprint field change Jira records: ids and names comma-separated, closed sprints kept in the value. */
export function setSprints(state: EmulatorState, issue: EmuIssue, next: number[]): EmuChangeItem[] {
  const prev = (issue.fields.custom[SPRINT_FIELD_ID] as number[] | undefined) ?? [];
  if (prev.length === next.length && prev.every((v, i) => v === next[i])) return [];
  if (next.length) issue.fields.custom[SPRINT_FIELD_ID] = next;
  else delete issue.fields.custom[SPRINT_FIELD_ID];
  return [
    {
      field: 'Sprint',
      fieldtype: 'custom',
      fieldId: SPRINT_FIELD_ID,
      from: prev.length ? prev.join(', ') : null,
      fromString: prev.length ? sprintNames(state, prev) : null,
      to: next.length ? next.join(', ') : null,
      toString: next.length ? sprintNames(state, next) : null,
    },
  ];
}

/** Moving to sprint `target` (or the backlog when null) keeps the closed sprints the issue was in, as Jira does. */
export function sprintsAfterMove(state: EmulatorState, issue: EmuIssue, target: number | null): number[] {
  const prev = (issue.fields.custom[SPRINT_FIELD_ID] as number[] | undefined) ?? [];
  const closed = prev.filter((id) => state.sprints.find((s) => s.id === id)?.state === 'closed');
  return target === null ? closed : closed.includes(target) ? closed : [...closed, target];
}

type Ref = { id?: unknown; name?: unknown; key?: unknown; value?: unknown; accountId?: unknown };

function findNamed<T extends { id: string; name: string }>(list: T[], ref: unknown): T | undefined {
  if (!isObj(ref)) return undefined;
  const r = ref as Ref;
  if (r.id !== undefined) return list.find((x) => x.id === String(r.id));
  if (typeof r.name === 'string') return list.find((x) => x.name.toLowerCase() === (r.name as string).toLowerCase());
  return undefined;
}

export type FieldSetter = {
  state: EmulatorState;
  project: EmuProject;
  issue: EmuIssue;
  errors: Record<string, string>;
  items: EmuChangeItem[];
  now: Date;
};

function listChange(
  s: FieldSetter,
  fieldId: string,
  label: string,
  current: string[],
  next: string[],
  name: (id: string) => string,
): string[] {
  for (const id of current) if (!next.includes(id)) s.items.push({ field: label, fieldtype: 'jira', fieldId, from: id, fromString: name(id), to: null, toString: null });
  for (const id of next) if (!current.includes(id)) s.items.push({ field: label, fieldtype: 'jira', fieldId, from: null, fromString: null, to: id, toString: name(id) });
  return next;
}

function resolveList<T extends { id: string; name: string }>(s: FieldSetter, fieldId: string, list: T[], value: unknown, what: string): string[] | undefined {
  if (!Array.isArray(value)) {
    s.errors[fieldId] = `${what} must be a list such as [{ "name": "…" }].`;
    return undefined;
  }
  const ids: string[] = [];
  for (const ref of value) {
    const found = findNamed(list, ref);
    if (!found) {
      const shown = isObj(ref) ? String((ref as Ref).name ?? (ref as Ref).id ?? '?') : String(ref);
      s.errors[fieldId] = `${what} with name or id '${shown}' does not exist.`;
      return undefined;
    }
    if (!ids.includes(found.id)) ids.push(found.id);
  }
  return ids;
}

const fieldValidation = z.object({ expression: z.string(), errorMessage: z.string() });
const forgeFieldModules = z.object({
  modules: z.object({
    'jira:customField': z
      .array(z.looseObject({ key: z.string(), schema: z.looseObject({}).optional(), edit: z.looseObject({ validation: fieldValidation.optional() }).optional(), validation: fieldValidation.optional() }))
      .default([]),
  }),
});
/** What Jira checks a Forge object field's values against: the module's `schema` and its validation's message. */
export type ForgeFieldChecks = { schema?: FieldSchema; validationMessage?: string };
const fieldChecks = new Map<string, ForgeFieldChecks>();

/** The checks manifest.yml declares for the Forge custom field module `moduleKey`; read once per module key. */
export function manifestFieldChecks(moduleKey: string, manifestPath = join(__dirname, '..', '..', 'manifest.yml')): ForgeFieldChecks {
  let checks = fieldChecks.get(moduleKey);
  if (!checks) {
    const manifest = forgeFieldModules.parse(parse(readFileSync(manifestPath, 'utf8')));
    const module = manifest.modules['jira:customField'].find((f) => f.key === moduleKey);
    checks = { schema: module?.schema as FieldSchema | undefined, validationMessage: (module?.edit?.validation ?? module?.validation)?.errorMessage };
    fieldChecks.set(moduleKey, checks);
  }
  return checks;
}

/** The `edit.validation.errorMessage` (or the legacy top-level `validation`'s) of the module (Jira shows it when the validation expression refuses a value). */
export const manifestValidationMessage = (moduleKey: string): string | undefined => manifestFieldChecks(moduleKey).validationMessage;

/** `…/static/<module key>`: how Jira names the type of a Forge custom field. */
const forgeModuleKey = (field: { schema?: { custom?: string } } | undefined): string | undefined => /\/static\/([^/]+)$/.exec(field?.schema?.custom ?? '')?.[1];

const filled = (x: unknown): boolean => typeof x === 'string' && x.trim().length > 0;

/**
 * Jira's checks of a Reproduction steps value: the size, the manifest's schema (its limits on steps and parts), then
 * the manifest's validation expression (null, or a non-blank step and a non-blank expected and actual result),
 * refused with its message.
 */
export function validateReproSteps(v: unknown, checks: ForgeFieldChecks): string | undefined {
  if (v === null) return undefined;
  if (!isObj(v) || !Array.isArray(v['steps'])) return 'Reproduction steps must be an object with a steps list.';
  if (JSON.stringify(v).length > MAX_PROPERTY_LIKE) return 'Reproduction steps are over the 32,768 character limit.';
  const problem = checks.schema ? schemaProblem(v, checks.schema, 'Reproduction steps') : undefined;
  if (problem) return problem;
  const steps = v['steps'];
  if (checks.validationMessage !== undefined && !(steps.some(filled) && filled(v['expected']) && filled(v['actual']))) return checks.validationMessage;
  return undefined;
}

/** Applies `fields` (create/edit/transition screens); errors end up in `s.errors`, changelog items in `s.items`. */
export function applyFields(s: FieldSetter, fields: Record<string, unknown>, options: { creating: boolean }) {
  const { state, project, issue } = s;
  const f = issue.fields;
  const users = state.users;
  for (const [fieldId, value] of Object.entries(fields)) {
    switch (fieldId) {
      case 'project':
      case 'issuetype':
        if (!options.creating) s.errors[fieldId] = cannotSet(fieldId);
        break;
      case 'summary': {
        if (typeof value !== 'string' || value.trim() === '') s.errors['summary'] = 'You must specify a summary of the issue.';
        else if (value.length > 255) s.errors['summary'] = 'Summary must be less than 255 characters.';
        else if (value.includes('\n')) s.errors['summary'] = 'The summary is invalid because it contains newline characters.';
        else if (value !== f.summary) {
          s.items.push({ field: 'summary', fieldtype: 'jira', fieldId: 'summary', from: null, fromString: f.summary, to: null, toString: value });
          f.summary = value;
        }
        break;
      }
      case 'description': {
        if (value !== null && !isAdfDoc(value)) s.errors['description'] = 'Operation value must be an Atlassian Document (see the Atlassian Document Format)';
        else if (JSON.stringify(value).length > 300_000) s.errors['description'] = 'The description is too long.';
        else if (JSON.stringify(value) !== JSON.stringify(f.description)) {
          s.items.push({ field: 'description', fieldtype: 'jira', fieldId: 'description', from: null, fromString: adfToPlainText(f.description) || null, to: null, toString: adfToPlainText(value) || null });
          f.description = value;
        }
        break;
      }
      case 'duedate': {
        if (value !== null && (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value))) s.errors['duedate'] = 'Error parsing date string: use the format yyyy-MM-dd.';
        else if ((value ?? null) !== (f.dueDate ?? null)) {
          s.items.push({ field: 'duedate', fieldtype: 'jira', fieldId: 'duedate', from: f.dueDate ?? null, fromString: f.dueDate ?? null, to: value as string | null, toString: value as string | null });
          f.dueDate = value as string | null;
        }
        break;
      }
      case 'labels': {
        if (!Array.isArray(value) || !value.every((l) => typeof l === 'string')) s.errors['labels'] = 'Labels must be a list of texts.';
        else {
          const bad = (value as string[]).find((l) => /\s/.test(l) || l.length === 0 || l.length > 255);
          if (bad !== undefined) s.errors['labels'] = `The label '${bad}' contains spaces which is invalid.`;
          else setLabels(s, [...new Set(value as string[])]);
        }
        break;
      }
      case 'priority': {
        const p = findNamed(state.priorities, value);
        if (!p) s.errors['priority'] = `Specify the Priority (id or name) in the format { "name": "High" }.`;
        else if (p.id !== f.priorityId) {
          const old = state.priorities.find((x) => x.id === f.priorityId);
          s.items.push({ field: 'priority', fieldtype: 'jira', fieldId: 'priority', from: f.priorityId, fromString: old?.name ?? null, to: p.id, toString: p.name });
          f.priorityId = p.id;
        }
        break;
      }
      case 'assignee':
      case 'reporter': {
        const id = value === null ? null : isObj(value) && typeof value['accountId'] === 'string' ? (value['accountId'] as string) : undefined;
        const key = fieldId === 'assignee' ? 'assigneeId' : 'reporterId';
        if (id === undefined || (id !== null && !users.some((u) => u.accountId === id))) s.errors[fieldId] = `Specify a valid value for ${fieldId}: { "accountId": "…" } or null.`;
        else if (id !== f[key]) {
          const name = (a: string | null) => (a ? (users.find((u) => u.accountId === a)?.displayName ?? a) : null);
          s.items.push({ field: fieldId, fieldtype: 'jira', fieldId, from: f[key], fromString: name(f[key]), to: id, toString: name(id) });
          f[key] = id;
        }
        break;
      }
      case 'components': {
        const ids = resolveList(s, 'components', project.components, value, 'Component');
        if (ids) f.componentIds = listChange(s, 'components', 'Component', f.componentIds, ids, (id) => project.components.find((c) => c.id === id)?.name ?? id);
        break;
      }
      case 'fixVersions':
      case 'versions': {
        const projectVersions = state.versions.filter((v) => v.projectId === project.id);
        const ids = resolveList(s, fieldId, projectVersions, value, 'Version');
        const key = fieldId === 'fixVersions' ? 'fixVersionIds' : 'affectsVersionIds';
        if (ids) f[key] = listChange(s, fieldId, fieldId === 'fixVersions' ? 'Fix Version' : 'Version', f[key], ids, (id) => projectVersions.find((v) => v.id === id)?.name ?? id);
        break;
      }
      case 'resolution': {
        const r = value === null ? null : findNamed(state.resolutions, value);
        if (r === undefined) s.errors['resolution'] = 'Specify a valid resolution: { "name": "Done" }.';
        else setResolution(s, r?.id ?? null, s.now);
        break;
      }
      case SPRINT_FIELD_ID: {
        if (value !== null && (typeof value !== 'number' || !state.sprints.some((x) => x.id === value))) s.errors[fieldId] = 'Sprint must be the id of an existing sprint (a number) or null.';
        else if (typeof value === 'number' && state.sprints.find((x) => x.id === value)?.state === 'closed') s.errors[fieldId] = 'Issues cannot be added to a closed sprint.';
        else s.items.push(...setSprints(state, issue, sprintsAfterMove(state, issue, value as number | null)));
        break;
      }
      default: {
        const field = state.fields.find((x) => x.id === fieldId && x.custom);
        if (!field) {
          s.errors[fieldId] = cannotSet(fieldId);
          break;
        }
        setCustom(s, fieldId, value);
      }
    }
  }
}

function setCustom(s: FieldSetter, fieldId: string, value: unknown) {
  const field = s.state.fields.find((x) => x.id === fieldId)!;
  const f = s.issue.fields;
  const old = f.custom[fieldId];
  let next: unknown;
  let fromTo: [string | null, string | null, string | null, string | null];
  const str = (v: unknown) => (v === undefined || v === null ? null : typeof v === 'object' ? ((v as { value?: string }).value ?? JSON.stringify(v)) : String(v));
  if (field.options) {
    if (value === null) next = null;
    else {
      const opt = isObj(value) ? field.options.find((o) => (value['id'] !== undefined ? o.id === String(value['id']) : o.value === value['value'])) : undefined;
      if (!opt) {
        s.errors[fieldId] = `Option value '${isObj(value) ? String(value['value'] ?? value['id']) : String(value)}' is not valid`;
        return;
      }
      next = { self: `/rest/api/3/customFieldOption/${opt.id}`, value: opt.value, id: opt.id };
    }
    const oid = (v: unknown) => (isObj(v) ? String(v['id']) : null);
    fromTo = [oid(old), str(old), oid(next), str(next)];
  } else if (fieldId === STORY_POINTS_FIELD_ID || field.schema?.type === 'number') {
    if (value !== null && (typeof value !== 'number' || !Number.isFinite(value))) {
      s.errors[fieldId] = 'Operation value must be a number';
      return;
    }
    next = value;
    fromTo = [null, str(old), null, str(next)];
  } else if (fieldId === REPRO_STEPS_FIELD_ID) {
    const moduleKey = forgeModuleKey(field);
    const problem = validateReproSteps(value, moduleKey ? manifestFieldChecks(moduleKey) : {});
    if (problem) {
      s.errors[fieldId] = problem;
      return;
    }
    next = value;
    fromTo = [null, old == null ? null : JSON.stringify(old), null, value == null ? null : JSON.stringify(value)];
  } else {
    if (value !== null && typeof value !== 'string') {
      s.errors[fieldId] = 'Operation value must be a string';
      return;
    }
    next = value;
    fromTo = [null, str(old), null, str(next)];
  }
  if (JSON.stringify(old ?? null) === JSON.stringify(next ?? null)) return;
  if (next === null || next === undefined) delete f.custom[fieldId];
  else f.custom[fieldId] = next;
  s.items.push({ field: field.name, fieldtype: 'custom', fieldId, from: fromTo[0], fromString: fromTo[1], to: fromTo[2], toString: fromTo[3] });
}

export function setLabels(s: FieldSetter, next: string[]) {
  const f = s.issue.fields;
  if (next.length === f.labels.length && next.every((l, i) => l === f.labels[i])) return;
  s.items.push({ field: 'labels', fieldtype: 'jira', fieldId: 'labels', from: null, fromString: f.labels.join(' ') || null, to: null, toString: next.join(' ') || null });
  f.labels = next;
}

export function setResolution(s: FieldSetter, resolutionId: string | null, now: Date) {
  const f = s.issue.fields;
  if (f.resolutionId === resolutionId) return;
  const name = (id: string | null) => (id ? (s.state.resolutions.find((r) => r.id === id)?.name ?? id) : null);
  s.items.push({ field: 'resolution', fieldtype: 'jira', fieldId: 'resolution', from: f.resolutionId, fromString: name(f.resolutionId), to: resolutionId, toString: name(resolutionId) });
  f.resolutionId = resolutionId;
  f.resolutionDate = resolutionId ? jiraDateTime(now) : null;
}

/** `update` operations of an edit: add/remove/set on labels, components, fixVersions, versions. */
export function applyUpdate(s: FieldSetter, update: Record<string, unknown>) {
  for (const [fieldId, ops] of Object.entries(update)) {
    if (!Array.isArray(ops)) {
      s.errors[fieldId] = 'Operations must be a list such as [{ "add": … }].';
      continue;
    }
    const supported = ['labels', 'components', 'fixVersions', 'versions', 'summary', 'description', 'priority', 'assignee'];
    if (!supported.includes(fieldId) && !fieldId.startsWith('customfield_')) {
      s.errors[fieldId] = cannotSet(fieldId);
      continue;
    }
    for (const op of ops) {
      if (!isObj(op) || Object.keys(op).length !== 1) {
        s.errors[fieldId] = 'Each operation must have exactly one of add, remove, set.';
        break;
      }
      const [verb, arg] = Object.entries(op)[0]!;
      if (verb === 'set') {
        applyFields(s, { [fieldId]: arg }, { creating: false });
        continue;
      }
      if (verb !== 'add' && verb !== 'remove') {
        s.errors[fieldId] = `Unsupported operation '${verb}'.`;
        break;
      }
      if (fieldId === 'labels') {
        if (typeof arg !== 'string' || /\s/.test(arg) || arg.length === 0) {
          s.errors['labels'] = `The label '${String(arg)}' contains spaces which is invalid.`;
          break;
        }
        const cur = s.issue.fields.labels;
        setLabels(s, verb === 'add' ? (cur.includes(arg) ? cur : [...cur, arg]) : cur.filter((l) => l !== arg));
        continue;
      }
      if (fieldId === 'components' || fieldId === 'fixVersions' || fieldId === 'versions') {
        const currentIds = fieldId === 'components' ? s.issue.fields.componentIds : fieldId === 'fixVersions' ? s.issue.fields.fixVersionIds : s.issue.fields.affectsVersionIds;
        const list = fieldId === 'components' ? s.project.components : s.state.versions.filter((v) => v.projectId === s.project.id);
        const found = findNamed(list, arg);
        if (!found) {
          s.errors[fieldId] = `${fieldId === 'components' ? 'Component' : 'Version'} '${isObj(arg) ? String(arg['name'] ?? arg['id']) : String(arg)}' does not exist.`;
          break;
        }
        const nextIds = verb === 'add' ? (currentIds.includes(found.id) ? currentIds : [...currentIds, found.id]) : currentIds.filter((id) => id !== found.id);
        applyFields(s, { [fieldId]: nextIds.map((id) => ({ id })) }, { creating: false });
        continue;
      }
      s.errors[fieldId] = `Operation '${verb}' is not supported for ${fieldId}.`;
    }
  }
}

export function throwIfErrors(s: FieldSetter) {
  if (Object.keys(s.errors).length) throw fieldErrors(s.errors);
}
export { ApiError };
