import type { EmuIssue, EmulatorState } from '../state';
import { SPRINT_FIELD_ID } from '../state';
import { parseJiraDateTime } from '../dates';
import { JqlError, type JqlClause, type JqlExpr, type JqlField, type JqlOperand, type JqlOperator, type JqlQuery } from './ast';
import { adfToPlainText } from '../adf-text';

export type JqlContext = { state: EmulatorState; currentAccountId: string | null; now: Date };
export type CompiledJql = { matches(issue: EmuIssue): boolean; compare(a: EmuIssue, b: EmuIssue): number; bounded: boolean };

type Kind = 'enum' | 'text' | 'date' | 'number';
/** Each value an issue has for a field, as the lower-cased aliases it can be named by (id, key, name…). */
type FieldDef = {
  label: string;
  kind: Kind;
  values(issue: EmuIssue): string[][];
  /** For enum fields: is a literal one of the known values? Unknown literals are a Jira error. */
  known?(literal: string): boolean;
  functions?: Record<string, (args: string[]) => string[]>;
  sortKey?(issue: EmuIssue): string | number | null;
  /** Numeric/date value for range operators. */
  numeric?(issue: EmuIssue): number | null;
  text?(issue: EmuIssue): string;
};

const lc = (s: string) => s.toLowerCase();
const EQUALITY: JqlOperator[] = ['=', '!=', 'in', 'not in', 'is', 'is not'];
const RANGE: JqlOperator[] = ['>', '>=', '<', '<='];

function allowedOps(def: FieldDef): JqlOperator[] {
  if (def.kind === 'text') return ['~', '!~', 'is', 'is not'];
  if (def.kind === 'date' || def.kind === 'number') return [...EQUALITY, ...RANGE];
  return EQUALITY;
}

/** Relative ("-7d", "2w", "-4h") or absolute ("2026-11-01", "2026/11/01 10:00") JQL dates, to epoch ms. */
export function parseJqlDate(value: string, now: Date): number {
  const rel = /^([+-]?)(\d{1,6})\s*([wdhm])$/i.exec(value.trim());
  if (rel) {
    const unit = { w: 7 * 86_400_000, d: 86_400_000, h: 3_600_000, m: 60_000 }[lc(rel[3]!) as 'w' | 'd' | 'h' | 'm'];
    const sign = rel[1] === '-' ? -1 : 1;
    return now.getTime() + sign * Number(rel[2]) * unit;
  }
  const abs = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T](\d{1,2}):(\d{2}))?$/.exec(value.trim());
  if (abs) {
    const [, y, mo, d, h, mi] = abs;
    const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h ?? 0), Number(mi ?? 0));
    if (!Number.isNaN(ms)) return ms;
  }
  throw new JqlError(
    `Date value '${value}' for a date field is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.`,
  );
}

function dateFunctions(now: Date): Record<string, (args: string[]) => string[]> {
  const day = (offset: number) => {
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + offset));
    return [String(d.getTime())];
  };
  return { now: () => [String(now.getTime())], startofday: () => day(0), endofday: () => [String(Number(day(1)[0]) - 1)] };
}

function buildFields(ctx: JqlContext): Map<string, FieldDef> {
  const s = ctx.state;
  const byId = <T extends { id: string }>(list: T[]) => new Map(list.map((x) => [x.id, x]));
  const projects = byId(s.projects);
  const statuses = byId(s.statuses);
  const types = byId(s.issueTypes);
  const priorities = byId(s.priorities);
  const resolutions = byId(s.resolutions);
  const versions = byId(s.versions);
  const users = new Map(s.users.map((u) => [u.accountId, u]));
  const sprints = new Map(s.sprints.map((x) => [String(x.id), x]));
  const components = new Map(s.projects.flatMap((p) => p.components.map((c) => [c.id, c] as const)));
  const issuesById = new Map(s.issues.map((i) => [i.id, i]));
  const categoryNames: Record<string, [string, string]> = { new: ['To Do', '2'], indeterminate: ['In Progress', '4'], done: ['Done', '3'] };
  const priorityRank = new Map(s.priorities.map((p, i) => [p.id, s.priorities.length - i]));

  const knownIn = (aliases: string[][]) => {
    const set = new Set(aliases.flat().map(lc));
    return (literal: string) => set.has(lc(literal));
  };
  const userAliases = (id: string | null) => {
    if (!id) return [];
    const u = users.get(id);
    return [[id, ...(u ? [u.emailAddress, u.displayName] : [])].map(lc)];
  };
  const userDef = (label: string, get: (i: EmuIssue) => string | null): FieldDef => ({
    label,
    kind: 'enum',
    values: (i) => userAliases(get(i)),
    functions: { currentuser: () => (ctx.currentAccountId ? [lc(ctx.currentAccountId)] : []) },
    sortKey: (i) => {
      const id = get(i);
      return id ? (users.get(id)?.displayName ?? id) : null;
    },
  });
  const versionDef = (label: string, get: (i: EmuIssue) => string[]): FieldDef => ({
    label,
    kind: 'enum',
    values: (i) => get(i).map((id) => [id, versions.get(id)?.name ?? ''].map(lc)),
    known: knownIn(s.versions.map((v) => [v.id, v.name])),
    functions: {
      releasedversions: () => s.versions.filter((v) => v.released).map((v) => v.id),
      unreleasedversions: () => s.versions.filter((v) => !v.released).map((v) => v.id),
    },
  });
  // Timestamps repeat across issues and queries: parsed once per text (a query over 50,000 issues parses each date).
  const parsedDates = new Map<string, number>();
  const ms = (text: string) => {
    let v = parsedDates.get(text);
    if (v === undefined) parsedDates.set(text, (v = parseJiraDateTime(text)));
    return v;
  };
  const dateDef = (label: string, get: (i: EmuIssue) => string | null): FieldDef => ({
    label,
    kind: 'date',
    values: (i) => (get(i) ? [[String(ms(get(i)!))]] : []),
    numeric: (i) => (get(i) ? ms(get(i)!) : null),
    sortKey: (i) => (get(i) ? ms(get(i)!) : null),
    functions: dateFunctions(ctx.now),
  });
  const keyDef: FieldDef = {
    label: 'key',
    kind: 'enum',
    values: (i) => [[i.key, i.id].map(lc)],
    sortKey: (i) => Number(i.id),
    functions: {
      linkedissues: (args) => {
        const [key, description] = args;
        const target = s.issues.find((i) => lc(i.key) === lc(key ?? '') || i.id === key);
        if (!target) throw new JqlError(`Issue '${key ?? ''}' could not be found in function 'linkedIssues'.`);
        const out: string[] = [];
        for (const link of s.issueLinks) {
          const type = s.linkTypes.find((t) => t.id === link.typeId);
          if (!type) continue;
          // From the target's side: as the inward issue it "<inward>s" the other; as the outward one it "<outward>s" it.
          if (link.inwardIssueId === target.id && (!description || lc(description) === lc(type.inward) || lc(description) === lc(type.name)))
            out.push(link.outwardIssueId);
          if (link.outwardIssueId === target.id && (!description || lc(description) === lc(type.outward) || lc(description) === lc(type.name)))
            out.push(link.inwardIssueId);
        }
        return out;
      },
    },
  };
  const textOf = (i: EmuIssue) => `${i.fields.summary}\n${adfToPlainText(i.fields.description)}`;

  const defs: Array<[string[], FieldDef]> = [
    [['project'], { label: 'project', kind: 'enum', values: (i) => {
      const p = projects.get(i.projectId);
      return p ? [[p.id, p.key, p.name].map(lc)] : [];
    }, known: knownIn(s.projects.map((p) => [p.id, p.key, p.name])), sortKey: (i) => projects.get(i.projectId)?.key ?? null }],
    [['issuetype', 'type'], { label: 'issuetype', kind: 'enum', values: (i) => [[i.fields.issueTypeId, types.get(i.fields.issueTypeId)?.name ?? ''].map(lc)], known: knownIn(s.issueTypes.map((t) => [t.id, t.name])), sortKey: (i) => types.get(i.fields.issueTypeId)?.name ?? null }],
    [['status'], { label: 'status', kind: 'enum', values: (i) => [[i.fields.statusId, statuses.get(i.fields.statusId)?.name ?? ''].map(lc)], known: knownIn(s.statuses.map((t) => [t.id, t.name])), sortKey: (i) => statuses.get(i.fields.statusId)?.name ?? null }],
    [['statuscategory'], { label: 'statusCategory', kind: 'enum', values: (i) => {
      const cat = statuses.get(i.fields.statusId)?.category ?? 'new';
      return [[cat, ...categoryNames[cat]!].map(lc)];
    }, known: knownIn(Object.entries(categoryNames).map(([k, v]) => [k, ...v])) }],
    [['priority'], { label: 'priority', kind: 'enum', values: (i) => (i.fields.priorityId ? [[i.fields.priorityId, priorities.get(i.fields.priorityId)?.name ?? ''].map(lc)] : []), known: knownIn(s.priorities.map((p) => [p.id, p.name])), sortKey: (i) => (i.fields.priorityId ? (priorityRank.get(i.fields.priorityId) ?? 0) : null) }],
    [['resolution'], { label: 'resolution', kind: 'enum', values: (i) => (i.fields.resolutionId ? [[i.fields.resolutionId, resolutions.get(i.fields.resolutionId)?.name ?? ''].map(lc)] : []), known: knownIn([...s.resolutions.map((r) => [r.id, r.name]), ['unresolved']]) }],
    [['labels', 'label'], { label: 'labels', kind: 'enum', values: (i) => i.fields.labels.map((l) => [lc(l)]) }],
    [['component'], { label: 'component', kind: 'enum', values: (i) => i.fields.componentIds.map((id) => [id, components.get(id)?.name ?? ''].map(lc)), known: knownIn([...components.values()].map((c) => [c.id, c.name])) }],
    [['assignee'], userDef('assignee', (i) => i.fields.assigneeId)],
    [['reporter'], userDef('reporter', (i) => i.fields.reporterId)],
    [['creator'], userDef('creator', (i) => i.fields.creatorId)],
    [['fixversion'], versionDef('fixVersion', (i) => i.fields.fixVersionIds)],
    [['affectedversion'], versionDef('affectedVersion', (i) => i.fields.affectsVersionIds)],
    [['sprint', 'cf[10020]'], { label: 'sprint', kind: 'enum', values: (i) => ((i.fields.custom[SPRINT_FIELD_ID] as number[] | undefined) ?? []).map((id) => [String(id), sprints.get(String(id))?.name ?? ''].map(lc)), known: knownIn(s.sprints.map((x) => [String(x.id), x.name])), functions: {
      opensprints: () => s.sprints.filter((x) => x.state !== 'closed').map((x) => String(x.id)),
      closedsprints: () => s.sprints.filter((x) => x.state === 'closed').map((x) => String(x.id)),
      futuresprints: () => s.sprints.filter((x) => x.state === 'future').map((x) => String(x.id)),
    } }],
    [['key', 'issuekey', 'issue', 'id'], keyDef],
    [['created', 'createddate'], dateDef('created', (i) => i.fields.created)],
    [['updated', 'updateddate'], dateDef('updated', (i) => i.fields.updated)],
    [['resolved', 'resolutiondate'], dateDef('resolved', (i) => i.fields.resolutionDate)],
    [['summary'], { label: 'summary', kind: 'text', values: (i) => [[lc(i.fields.summary)]], text: (i) => i.fields.summary, sortKey: (i) => lc(i.fields.summary) }],
    [['description'], { label: 'description', kind: 'text', values: (i) => (i.fields.description ? [['x']] : []), text: (i) => adfToPlainText(i.fields.description) }],
    [['text'], { label: 'text', kind: 'text', values: () => [['x']], text: textOf }],
    [['issuelinktype'], { label: 'issueLinkType', kind: 'enum', values: (i) => s.issueLinks.flatMap((l) => {
      const t = s.linkTypes.find((x) => x.id === l.typeId);
      if (!t) return [];
      const out: string[][] = [];
      if (l.inwardIssueId === i.id) out.push([lc(t.inward)]);
      if (l.outwardIssueId === i.id) out.push([lc(t.outward)]);
      return out;
    }), known: knownIn(s.linkTypes.map((t) => [t.inward, t.outward])) }],
    [['rank'], { label: 'rank', kind: 'enum', values: () => [], sortKey: (i) => Number(i.id) }],
  ];
  const map = new Map<string, FieldDef>();
  for (const [names, def] of defs) for (const n of names) map.set(n, def);
  for (const [name, def] of developmentFields()) map.set(name, def);

  // Custom fields by id, cf[n] and name.
  for (const f of s.fields.filter((x) => x.custom && x.id !== SPRINT_FIELD_ID)) {
    const isNumber = f.schema?.type === 'number';
    const isText = f.schema?.type === 'string';
    const raw = (i: EmuIssue) => i.fields.custom[f.id];
    const def: FieldDef = {
      label: f.name,
      kind: isNumber ? 'number' : isText ? 'text' : 'enum',
      values: (i) => {
        const v = raw(i);
        if (v === undefined || v === null) return [];
        if (typeof v === 'number' || typeof v === 'string') return [[lc(String(v))]];
        if (typeof v === 'object' && 'value' in (v as object)) {
          const o = v as { value: string; id?: string };
          return [[o.value, o.id ?? ''].map(lc)];
        }
        return [['set']];
      },
      numeric: (i) => (typeof raw(i) === 'number' ? (raw(i) as number) : null),
      sortKey: (i) => (typeof raw(i) === 'number' ? (raw(i) as number) : null),
      text: (i) => (typeof raw(i) === 'string' ? (raw(i) as string) : JSON.stringify(raw(i) ?? '')),
    };
    const n = f.id.replace('customfield_', '');
    for (const alias of [f.id, `cf[${n}]`, f.name]) map.set(lc(alias), def);
  }
  return map;
}

/**
 * Jira's development fields (`development[pullrequests].open > 0`, `development[builds].failing > 0`,
 * `development[branches].all > 0`, `development[commits].all > 0`…): numbers per issue from its `development` data.
 * `all` is the sum of the kinds. Jira Cloud does not tell draft pull requests apart: a draft counts as open.
 */
function developmentFields(): Array<[string, FieldDef]> {
  type Dev = NonNullable<EmuIssue['development']>;
  const kinds: Record<string, Record<string, (d: Dev) => number>> = {
    pullrequests: { open: (d) => d.pullrequests?.open ?? 0, merged: (d) => d.pullrequests?.merged ?? 0, declined: (d) => d.pullrequests?.declined ?? 0 },
    builds: { failing: (d) => d.builds?.failing ?? 0, successful: (d) => d.builds?.successful ?? 0 },
    branches: {},
    commits: {},
  };
  const allOf: Record<string, (d: Dev) => number> = {
    pullrequests: (d) => (d.pullrequests?.open ?? 0) + (d.pullrequests?.merged ?? 0) + (d.pullrequests?.declined ?? 0),
    builds: (d) => (d.builds?.failing ?? 0) + (d.builds?.successful ?? 0),
    branches: (d) => d.branches ?? 0,
    commits: (d) => d.commits ?? 0,
  };
  const out: Array<[string, FieldDef]> = [];
  for (const [kind, states] of Object.entries(kinds)) {
    for (const [state, get] of Object.entries({ ...states, all: allOf[kind]! })) {
      const label = `development[${kind}].${state}`;
      const value = (i: EmuIssue) => get(i.development ?? {});
      out.push([label, { label, kind: 'number', values: (i) => [[String(value(i))]], numeric: value, sortKey: value }]);
    }
  }
  return out;
}

function propertyDef(propertyKey: string, path: string): FieldDef {
  const get = (i: EmuIssue): unknown => {
    let v: unknown = i.properties[propertyKey];
    for (const part of path ? path.split('.') : []) {
      if (v === null || typeof v !== 'object') return undefined;
      v = (v as Record<string, unknown>)[part];
    }
    return v;
  };
  const scalars = (v: unknown): unknown[] => (Array.isArray(v) ? v : [v]).filter((x) => x !== undefined && x !== null && typeof x !== 'object');
  return {
    label: `issue.property[${propertyKey}]${path ? '.' + path : ''}`,
    kind: 'number',
    values: (i) => scalars(get(i)).map((x) => [lc(String(x))]),
    numeric: (i) => {
      const v = get(i);
      return typeof v === 'number' ? v : typeof v === 'string' && !Number.isNaN(Date.parse(v)) && /^\d{4}-/.test(v) ? Date.parse(v) : null;
    },
    sortKey: (i) => {
      const v = scalars(get(i))[0];
      return v === undefined ? null : typeof v === 'number' ? v : String(v);
    },
  };
}

function resolveField(field: JqlField, fields: Map<string, FieldDef>): FieldDef {
  if (field.kind === 'property') return propertyDef(field.propertyKey, field.path);
  const def = fields.get(lc(field.name));
  if (!def) throw new JqlError(`Field '${field.name}' does not exist or you do not have permission to view it.`);
  return def;
}

/** Operand → the lower-cased literals it stands for (functions expanded); `null` = EMPTY. */
function literals(operand: JqlOperand, def: FieldDef, ctx: JqlContext): string[] | null {
  switch (operand.kind) {
    case 'empty':
      return null;
    case 'value': {
      if (def.kind === 'date') return [String(parseJqlDate(operand.value, ctx.now))];
      if (def.label === 'resolution' && lc(operand.value) === 'unresolved') return null;
      if (def.known && !def.known(operand.value)) throw new JqlError(`The value '${operand.value}' does not exist for the field '${def.label}'.`);
      return [lc(operand.value)];
    }
    case 'function': {
      const fn = def.functions?.[lc(operand.name)];
      if (!fn) throw new JqlError(`Unable to find JQL function '${operand.name}(${operand.args.join(', ')})' for the field '${def.label}'.`);
      return fn(operand.args).map(lc);
    }
    case 'list':
      return operand.items.flatMap((item) => literals(item, def, ctx) ?? ['\u0000empty']);
  }
}

function compileClause(clause: JqlClause, fields: Map<string, FieldDef>, ctx: JqlContext): (i: EmuIssue) => boolean {
  const def = resolveField(clause.field, fields);
  const op = clause.operator;
  if (!allowedOps(def).includes(op)) {
    throw new JqlError(`The operator '${op}' is not supported by the '${def.label}' field.`);
  }
  if (op === 'is' || op === 'is not') {
    const want = op === 'is';
    return (i) => (def.values(i).length === 0) === want;
  }
  if (op === '~' || op === '!~') {
    if (clause.operand.kind !== 'value') throw new JqlError(`The operator '${op}' needs a text value for the '${def.label}' field.`);
    const terms = lc(clause.operand.value)
      .split(/[^\p{L}\p{N}]+/u)
      .filter((t) => t.length > 0);
    const contains = (i: EmuIssue) => {
      const text = lc(def.text?.(i) ?? '');
      return terms.every((t) => text.includes(t));
    };
    return op === '~' ? contains : (i) => !contains(i);
  }
  const lits = literals(clause.operand, def, ctx);
  if (RANGE.includes(op)) {
    if (!lits || lits.length !== 1) throw new JqlError(`The operator '${op}' needs one value for the '${def.label}' field.`);
    const bound = Number(lits[0]);
    if (Number.isNaN(bound)) throw new JqlError(`The value '${lits[0]!}' is not a number for the '${def.label}' field.`);
    return (i) => {
      const v = def.numeric?.(i) ?? null;
      if (v === null) return false;
      return op === '>' ? v > bound : op === '>=' ? v >= bound : op === '<' ? v < bound : v <= bound;
    };
  }
  if (lits === null) {
    // `= EMPTY` / `!= EMPTY`
    return op === '=' || op === 'in' ? (i) => def.values(i).length === 0 : (i) => def.values(i).length > 0;
  }
  const wanted = new Set(lits);
  const listHasEmpty = wanted.has('\u0000empty');
  const any = (i: EmuIssue) => def.values(i).some((aliases) => aliases.some((a) => wanted.has(a)));
  if (op === '=' || op === 'in') return (i) => any(i) || (listHasEmpty && def.values(i).length === 0);
  // Jira: != and NOT IN never match issues where the field is empty (unless EMPTY is in the list).
  return (i) => (def.values(i).length > 0 ? !any(i) : false);
}

function compileExpr(expr: JqlExpr, fields: Map<string, FieldDef>, ctx: JqlContext): (i: EmuIssue) => boolean {
  switch (expr.kind) {
    case 'clause':
      return compileClause(expr, fields, ctx);
    case 'not': {
      const inner = compileExpr(expr.expr, fields, ctx);
      return (i) => !inner(i);
    }
    case 'and': {
      const l = compileExpr(expr.left, fields, ctx);
      const r = compileExpr(expr.right, fields, ctx);
      return (i) => l(i) && r(i);
    }
    case 'or': {
      const l = compileExpr(expr.left, fields, ctx);
      const r = compileExpr(expr.right, fields, ctx);
      return (i) => l(i) || r(i);
    }
  }
}

export function compileJql(query: JqlQuery, ctx: JqlContext): CompiledJql {
  const fields = buildFields(ctx);
  const matches = query.where ? compileExpr(query.where, fields, ctx) : () => true;
  const orders = query.orderBy.map((o) => {
    const def = resolveField(o.field, fields);
    if (!def.sortKey) throw new JqlError(`Field '${def.label}' does not support sorting.`);
    return { key: def.sortKey, sign: o.direction === 'desc' ? -1 : 1 };
  });
  const compare = (a: EmuIssue, b: EmuIssue): number => {
    for (const o of orders) {
      const x = o.key(a);
      const y = o.key(b);
      if (x === y) continue;
      // Empty values sort last ascending, first descending (as Jira does).
      if (x === null) return o.sign;
      if (y === null) return -o.sign;
      return (x < y ? -1 : 1) * o.sign;
    }
    return Number(b.id) - Number(a.id); // Jira's fallback: newest first
  };
  return { matches, compare, bounded: query.where !== null };
}
