import type { StatusChange } from '../bug-flow/changelog';

export type IssueLinkRef = {
  /** Link type name, e.g. "Relates", "Problem/Incident". */
  typeName: string;
  /**
   * As in Jira's `issuelinks` of this issue: `inward` when the entry names the other issue as `inwardIssue`, so this
   * issue "<type.inward>" the other (a regression bug that "is caused by" its fix); `outward` for `outwardIssue`.
   */
  direction: 'inward' | 'outward';
  otherKey: string;
};

/**
 * What the validators know about an issue: one Jira read (fields + changelog) plus what the transition screen
 * changed. Values in `modifiedFields` (keyed by field id: "labels", "fixVersions", "versions", "description",
 * "customfield_10042", …) win over the stored ones; use the `effective*` helpers, never the raw fields.
 */
export type IssueSnapshot = {
  key: string;
  issueType: string;
  statusId: string;
  labels: string[];
  fixVersions: string[];
  affectsVersions: string[];
  links: IssueLinkRef[];
  /** Custom field values by id, as Jira returns them. */
  fields: Record<string, unknown>;
  /** ADF (REST v3) or text; unknown on purpose: the analyser parses it. */
  description: unknown;
  created: string;
  statusChanges: StatusChange[];
  modifiedFields?: Record<string, unknown>;
  /** Issue entity properties read with the issue (only those a rule asked for). */
  properties?: Record<string, unknown>;
};

export type ValidatorDecision = { result: boolean; errorMessage?: string };

export const pass = (): ValidatorDecision => ({ result: true });
export const block = (errorMessage: string): ValidatorDecision => ({ result: false, errorMessage });

function has(record: Record<string, unknown> | undefined, key: string): record is Record<string, unknown> {
  return record !== undefined && Object.prototype.hasOwnProperty.call(record, key);
}

/** The value of a field after the transition screen: `modifiedFields` first, then the stored value. */
export function effectiveField(issue: IssueSnapshot, fieldId: string): unknown {
  if (has(issue.modifiedFields, fieldId)) return issue.modifiedFields[fieldId];
  if (fieldId === 'description') return issue.description;
  return has(issue.fields, fieldId) ? issue.fields[fieldId] : undefined;
}

/** Names from a Jira list value: ["a"], [{ name: "a" }], [{ value: "a" }]. Undefined when it is not such a list. */
function namesOf(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const names: string[] = [];
  for (const item of value) {
    if (typeof item === 'string') names.push(item);
    else if (item && typeof item === 'object') {
      const named = (item as { name?: unknown; value?: unknown }).name ?? (item as { value?: unknown }).value;
      // A version given only by id cannot be matched by name: the override is unusable.
      if (typeof named !== 'string') return undefined;
      names.push(named);
    } else return undefined;
  }
  return names;
}

function effectiveList(issue: IssueSnapshot, fieldId: string, stored: string[]): string[] {
  if (!has(issue.modifiedFields, fieldId)) return stored;
  return namesOf(issue.modifiedFields[fieldId]) ?? stored;
}

export const effectiveLabels = (issue: IssueSnapshot): string[] => effectiveList(issue, 'labels', issue.labels);
export const effectiveFixVersions = (issue: IssueSnapshot): string[] => effectiveList(issue, 'fixVersions', issue.fixVersions);
export const effectiveAffectsVersions = (issue: IssueSnapshot): string[] => effectiveList(issue, 'versions', issue.affectsVersions);

/**
 * Stored links plus links added on the create/transition screen (`issuelinks` in modifiedFields, either
 * `{ type: { name }, inwardIssue|outwardIssue: { key } }` or wrapped in `{ add: … }`). Malformed entries are skipped.
 */
export function effectiveLinks(issue: IssueSnapshot): IssueLinkRef[] {
  const links = [...issue.links];
  const added = has(issue.modifiedFields, 'issuelinks') ? issue.modifiedFields['issuelinks'] : undefined;
  if (!Array.isArray(added)) return links;
  for (const raw of added) {
    const entry = (raw && typeof raw === 'object' && 'add' in raw ? (raw as { add: unknown }).add : raw) as
      | { type?: { name?: unknown }; inwardIssue?: { key?: unknown }; outwardIssue?: { key?: unknown } }
      | null
      | undefined;
    const typeName = entry?.type?.name;
    if (typeof typeName !== 'string') continue;
    const inward = entry?.inwardIssue?.key;
    const outward = entry?.outwardIssue?.key;
    if (typeof inward === 'string') links.push({ typeName, direction: 'inward', otherKey: inward });
    else if (typeof outward === 'string') links.push({ typeName, direction: 'outward', otherKey: outward });
  }
  return links;
}

/** Case-insensitive label check (Jira labels are case-sensitive, people are not). */
export function hasLabel(issue: IssueSnapshot, label: string): boolean {
  const wanted = label.toLowerCase();
  return effectiveLabels(issue).some((l) => l.toLowerCase() === wanted);
}

/** Whether the issue type is one a validator applies to; an empty list means every type. */
export function appliesToIssueType(issue: IssueSnapshot, issueTypes: readonly string[]): boolean {
  if (issueTypes.length === 0) return true;
  const type = issue.issueType.toLowerCase();
  return issueTypes.some((t) => t.toLowerCase() === type);
}

/** A field holds an answer: a non-empty string, list, option or any boolean/number. */
export function isAnswered(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'string') return value.trim().length > 0;
  if (typeof value === 'boolean' || typeof value === 'number') return true;
  if (Array.isArray(value)) return value.some(isAnswered);
  if (typeof value === 'object') {
    const v = value as { value?: unknown; name?: unknown; content?: unknown };
    if ('value' in v || 'name' in v) return isAnswered(v.value ?? v.name);
    return Object.keys(value).length > 0;
  }
  return false;
}

const negative = new Set(['no', 'n', 'false', '0', 'none', 'not confirmed', 'unconfirmed', 'not yet', '-']);

/** A field says "yes": true, a non-negative text or option, a ticked checkbox (non-empty list). */
export function isAffirmative(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  if (typeof value === 'string') {
    const text = value.trim().toLowerCase();
    return text.length > 0 && !negative.has(text);
  }
  if (Array.isArray(value)) return value.some(isAffirmative);
  if (typeof value === 'object') {
    const v = value as { value?: unknown; name?: unknown };
    return isAffirmative(v.value ?? v.name);
  }
  return false;
}
