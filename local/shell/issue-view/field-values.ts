/**
 * The issue view's field editing, as values: what an editor shows for a field's current value (a draft), and the
 * JSON Jira's PUT /rest/api/3/issue/{key} (or a transition screen) takes for it. Pure, tested directly.
 */
import type { FieldMeta, IssueFields, UserRef } from '../jira-client';

/** How a field is edited: one choice, several choices, a user, or words (labels). */
export type FieldKind = 'single' | 'multi' | 'user' | 'labels';

export function kindOf(meta: FieldMeta): FieldKind | null {
  const { type, items, system } = meta.schema;
  if (system === 'labels' || (type === 'array' && items === 'string')) return 'labels';
  if (type === 'user') return 'user';
  if (type === 'array' && (items === 'version' || items === 'component' || items === 'option')) return 'multi';
  if (type === 'priority' || type === 'option' || (meta.allowedValues && type !== 'array')) return 'single';
  return null;
}

/** A draft: the chosen ids ('' = none) or the labels as typed. */
export type Draft = { ids: string[]; text: string };

type Ref = { id?: string; accountId?: string } | null | undefined;

export function draftOf(meta: FieldMeta, fieldId: string, fields: IssueFields): Draft {
  const v = fields[fieldId] as unknown;
  switch (kindOf(meta)) {
    case 'labels':
      return { ids: [], text: Array.isArray(v) ? (v as string[]).join(' ') : '' };
    case 'user':
      return { ids: (v as Ref)?.accountId ? [(v as Ref)!.accountId!] : [], text: '' };
    case 'multi':
      return { ids: Array.isArray(v) ? (v as Ref[]).map((x) => x?.id ?? '').filter(Boolean) : [], text: '' };
    default:
      return { ids: (v as Ref)?.id ? [(v as Ref)!.id!] : [], text: '' };
  }
}

/** Labels as typed: words split on spaces and commas (Jira labels hold no spaces), each once. */
export function labelsOf(text: string): string[] {
  return [...new Set(text.split(/[\s,]+/).map((l) => l.trim()).filter((l) => l !== ''))];
}

/** The value Jira's edit takes: `fields: { [fieldId]: payload }`. */
export function payloadOf(meta: FieldMeta, draft: Draft): unknown {
  switch (kindOf(meta)) {
    case 'labels':
      return labelsOf(draft.text);
    case 'user':
      return draft.ids[0] ? { accountId: draft.ids[0] } : null;
    case 'multi':
      return draft.ids.map((id) => ({ id }));
    default:
      return draft.ids[0] ? { id: draft.ids[0] } : null;
  }
}

/** A required field left empty, or null. */
export function requiredProblem(meta: FieldMeta, draft: Draft): string | null {
  if (!meta.required) return null;
  const empty = kindOf(meta) === 'labels' ? labelsOf(draft.text).length === 0 : draft.ids.length === 0;
  return empty ? `${meta.name} is required.` : null;
}

/** The text shown for a current value. */
export function shown(meta: FieldMeta, fieldId: string, fields: IssueFields, users: UserRef[] = []): string {
  const d = draftOf(meta, fieldId, fields);
  if (kindOf(meta) === 'labels') return d.text || 'None';
  if (kindOf(meta) === 'user') return d.ids[0] ? (users.find((u) => u.accountId === d.ids[0])?.displayName ?? (fields[fieldId] as UserRef).displayName ?? d.ids[0]) : 'Unassigned';
  const names = d.ids.map((id) => {
    const a = meta.allowedValues?.find((x) => x.id === id);
    return a?.name ?? a?.value ?? id;
  });
  return names.join(', ') || 'None';
}
