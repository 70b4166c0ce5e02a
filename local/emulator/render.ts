/** Stored emulator records → Jira Cloud REST v3 / agile 1.0 JSON. */
import type { EmuHistory, EmuIssue, EmuSprint, EmuStatus, EmuUser, EmuVersion, EmulatorState } from './state';
import { SPRINT_FIELD_ID } from './state';

const categories = {
  new: { id: 2, key: 'new', colorName: 'blue-gray', name: 'To Do' },
  indeterminate: { id: 4, key: 'indeterminate', colorName: 'yellow', name: 'In Progress' },
  done: { id: 3, key: 'done', colorName: 'green', name: 'Done' },
} as const;

export class Renderer {
  constructor(readonly state: EmulatorState, readonly base: string) {}

  avatar(kind: string, id: string) {
    const u = `${this.base}/secure/useravatar?${kind}=${encodeURIComponent(id)}`;
    return { '48x48': u, '24x24': u, '16x16': u, '32x32': u };
  }

  user(accountId: string | null): Record<string, unknown> | null {
    if (!accountId) return null;
    const u = this.state.users.find((x) => x.accountId === accountId);
    if (!u) return { accountId, displayName: 'Former user', active: false, accountType: 'atlassian' };
    return this.userFull(u);
  }
  userFull(u: EmuUser) {
    return {
      self: `${this.base}/rest/api/3/user?accountId=${encodeURIComponent(u.accountId)}`,
      accountId: u.accountId,
      accountType: u.accountType,
      emailAddress: u.emailAddress,
      avatarUrls: this.avatar('accountId', u.accountId),
      displayName: u.displayName,
      active: u.active,
      timeZone: u.timeZone,
      locale: 'en_US',
    };
  }

  statusCategory(key: EmuStatus['category']) {
    return { self: `${this.base}/rest/api/3/statuscategory/${categories[key].id}`, ...categories[key] };
  }
  status(id: string) {
    const s = this.state.statuses.find((x) => x.id === id);
    if (!s) return { id, name: 'Unknown', statusCategory: this.statusCategory('new') };
    return {
      self: `${this.base}/rest/api/3/status/${s.id}`,
      description: s.description,
      iconUrl: `${this.base}/images/icons/statuses/generic.png`,
      name: s.name,
      id: s.id,
      statusCategory: this.statusCategory(s.category),
    };
  }
  issueType(id: string) {
    const t = this.state.issueTypes.find((x) => x.id === id);
    return { self: `${this.base}/rest/api/3/issuetype/${id}`, id, description: t?.description ?? '', iconUrl: `${this.base}/images/icons/issuetypes/${(t?.name ?? 'task').toLowerCase()}.svg`, name: t?.name ?? 'Unknown', subtask: false, hierarchyLevel: t?.hierarchyLevel ?? 0 };
  }
  priority(id: string | null) {
    if (!id) return null;
    const p = this.state.priorities.find((x) => x.id === id);
    return { self: `${this.base}/rest/api/3/priority/${id}`, iconUrl: `${this.base}/images/icons/priorities/${(p?.name ?? 'medium').toLowerCase()}.svg`, name: p?.name ?? 'Unknown', id };
  }
  resolution(id: string | null) {
    if (!id) return null;
    const r = this.state.resolutions.find((x) => x.id === id);
    return { self: `${this.base}/rest/api/3/resolution/${id}`, id, description: r?.description ?? '', name: r?.name ?? 'Unknown' };
  }
  project(id: string) {
    const p = this.state.projects.find((x) => x.id === id);
    return { self: `${this.base}/rest/api/3/project/${id}`, id, key: p?.key ?? '', name: p?.name ?? '', projectTypeKey: 'software', simplified: false, avatarUrls: this.avatar('pid', id) };
  }
  version(v: EmuVersion) {
    return {
      self: `${this.base}/rest/api/3/version/${v.id}`,
      id: v.id,
      name: v.name,
      description: v.description,
      archived: v.archived,
      released: v.released,
      ...(v.startDate ? { startDate: v.startDate } : {}),
      ...(v.releaseDate ? { releaseDate: v.releaseDate } : {}),
      ...(v.releaseDate && !v.released ? { overdue: false } : {}),
      projectId: Number(v.projectId),
    };
  }
  versionRef(id: string) {
    const v = this.state.versions.find((x) => x.id === id);
    if (!v) return null;
    const { projectId: _p, ...rest } = this.version(v);
    return rest;
  }
  component(id: string) {
    for (const p of this.state.projects) {
      const c = p.components.find((x) => x.id === id);
      if (c) return { self: `${this.base}/rest/api/3/component/${c.id}`, id: c.id, name: c.name, description: c.description };
    }
    return null;
  }
  /** Agile sprint object. */
  sprint(s: EmuSprint) {
    return {
      id: s.id,
      self: `${this.base}/rest/agile/1.0/sprint/${s.id}`,
      state: s.state,
      name: s.name,
      ...(s.startDate ? { startDate: s.startDate } : {}),
      ...(s.endDate ? { endDate: s.endDate } : {}),
      ...(s.completeDate ? { completeDate: s.completeDate } : {}),
      ...(s.state !== 'future' || s.startDate ? { createdDate: s.startDate } : {}),
      originBoardId: s.originBoardId,
      goal: s.goal,
    };
  }
  /** The Sprint custom field's value on an issue (Jira Cloud: a list of sprint objects with boardId). */
  sprintFieldValue(ids: number[]) {
    const out = ids
      .map((id) => this.state.sprints.find((s) => s.id === id))
      .filter((s): s is EmuSprint => s !== undefined)
      .map((s) => ({ id: s.id, name: s.name, state: s.state, boardId: s.originBoardId, goal: s.goal, ...(s.startDate ? { startDate: s.startDate } : {}), ...(s.endDate ? { endDate: s.endDate } : {}), ...(s.completeDate ? { completeDate: s.completeDate } : {}) }));
    return out.length ? out : null;
  }
  linkedIssue(id: string) {
    const i = this.state.issues.find((x) => x.id === id);
    if (!i) return { id, key: 'UNKNOWN' };
    return {
      id: i.id,
      key: i.key,
      self: `${this.base}/rest/api/3/issue/${i.id}`,
      fields: { summary: i.fields.summary, status: this.status(i.fields.statusId), priority: this.priority(i.fields.priorityId), issuetype: this.issueType(i.fields.issueTypeId) },
    };
  }
  issueLinks(issue: EmuIssue) {
    const out: unknown[] = [];
    for (const l of this.state.issueLinks) {
      const t = this.state.linkTypes.find((x) => x.id === l.typeId);
      if (!t) continue;
      const type = { id: t.id, name: t.name, inward: t.inward, outward: t.outward, self: `${this.base}/rest/api/3/issueLinkType/${t.id}` };
      const self = `${this.base}/rest/api/3/issueLink/${l.id}`;
      // Seen from the inward issue, the other one is the outward issue, and vice versa.
      if (l.inwardIssueId === issue.id) out.push({ id: l.id, self, type, outwardIssue: this.linkedIssue(l.outwardIssueId) });
      if (l.outwardIssueId === issue.id) out.push({ id: l.id, self, type, inwardIssue: this.linkedIssue(l.inwardIssueId) });
    }
    return out;
  }

  /** Every field of an issue, keyed by field id, Jira-shaped. */
  allFields(issue: EmuIssue): Record<string, unknown> {
    const f = issue.fields;
    const out: Record<string, unknown> = {
      summary: f.summary,
      description: f.description ?? null,
      issuetype: this.issueType(f.issueTypeId),
      project: this.project(issue.projectId),
      status: this.status(f.statusId),
      statuscategorychangedate: f.statusCategoryChangeDate,
      priority: this.priority(f.priorityId),
      resolution: this.resolution(f.resolutionId),
      resolutiondate: f.resolutionDate,
      duedate: f.dueDate ?? null,
      assignee: this.user(f.assigneeId),
      reporter: this.user(f.reporterId),
      creator: this.user(f.creatorId),
      labels: [...f.labels],
      components: f.componentIds.map((id) => this.component(id)).filter((c) => c !== null),
      fixVersions: f.fixVersionIds.map((id) => this.versionRef(id)).filter((v) => v !== null),
      versions: f.affectsVersionIds.map((id) => this.versionRef(id)).filter((v) => v !== null),
      created: f.created,
      updated: f.updated,
      issuelinks: this.issueLinks(issue),
      environment: null,
    };
    for (const field of this.state.fields) {
      if (!field.custom) continue;
      const v = f.custom[field.id];
      out[field.id] = field.id === SPRINT_FIELD_ID ? this.sprintFieldValue((v as number[] | undefined) ?? []) : v === undefined ? null : JSON.parse(JSON.stringify(v));
    }
    return out;
  }

  history(h: EmuHistory) {
    // A changelog's author is a UserDetails (no locale), unlike /myself's User.
    const { locale: _locale, ...author } = this.user(h.authorAccountId) ?? {};
    return { id: h.id, author, created: h.created, items: h.items.map((i) => ({ ...i })) };
  }
}

/** Field selection as Jira reads `fields`: ids, `*all`, `*navigable`, and `-id` to drop one. */
export function selectFields(all: Record<string, unknown>, requested: string[] | undefined, state: EmulatorState, defaultAll: boolean): Record<string, unknown> {
  const list = requested && requested.length > 0 ? requested : defaultAll ? ['*all'] : [];
  const byName = new Map(state.fields.map((f) => [f.name.toLowerCase(), f.id]));
  const include = new Set<string>();
  const exclude = new Set<string>();
  for (const raw of list) {
    const r = raw.trim();
    if (!r) continue;
    if (r === '*all' || r === '*navigable') {
      for (const k of Object.keys(all)) include.add(k);
      continue;
    }
    const minus = r.startsWith('-');
    const name = minus ? r.slice(1) : r;
    const id = name in all ? name : (byName.get(name.toLowerCase()) ?? name);
    (minus ? exclude : include).add(id);
  }
  const out: Record<string, unknown> = {};
  for (const k of include) if (!exclude.has(k) && k in all) out[k] = all[k];
  return out;
}
