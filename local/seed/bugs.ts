/**
 * The RT project's issues with realistic histories: ~150 bugs over every stage of the loop, a few stories and
 * tasks, the two release candidates' bugs, regression bugs linked to the fixes they broke, escaped bugs.
 * Every issue is first described as a plan (path through the statuses, people, times), then built into an
 * EmuIssue with the changelog Jira would have recorded.
 */
import type { EmuChangeItem, EmuHistory, EmuIssue } from '../emulator/state';
import { DOC_IMPACT_FIELD_ID, REPRO_CONFIRMED_FIELD_ID, REPRO_STEPS_FIELD_ID, SEVERITY_FIELD_ID, SPRINT_FIELD_ID, STORY_POINTS_FIELD_ID } from '../emulator/state';
import { jiraDateTime } from '../emulator/dates';
import { description, reproField, doc, type Quality } from './adf';
import type { Rng } from './prng';
import { COMPONENT_NAMES, ISSUE_TYPE, OPTION, PRIORITY, PROJECT, RESOLUTION, STATUS, type ComponentName } from './project';
import { DAY, dayZero, releaseDate420, sprintWindows, VERSION, type SprintWindow } from './sprints';
import { storyTexts, taskTexts, textsFor, type BugText } from './texts';
import { people } from './users';

export type StatusName = 'Open' | 'Triage' | 'In Progress' | 'RTE Review' | 'In QA' | 'Done';
const statusId: Record<StatusName, string> = { Open: STATUS.OPEN, Triage: STATUS.TRIAGE, 'In Progress': STATUS.IN_PROGRESS, 'RTE Review': STATUS.RTE_REVIEW, 'In QA': STATUS.IN_QA, Done: STATUS.DONE };
const HOUR = 3_600_000;

export type IssuePlan = {
  ref: string;
  type: 'Bug' | 'Story' | 'Task';
  path: StatusName[];
  created: number;
  end: number;
  reporter: string;
  dev: string;
  qa: string;
  rte: string;
  text: BugText;
  quality: Quality;
  component: ComponentName;
  priorityId: string;
  severity?: keyof typeof OPTION.SEVERITY;
  points?: number;
  labels: string[];
  fixVersionId?: string;
  affectsVersionIds: string[];
  /** Dev confirms repro steps, RTE answers documentation impact during the loop (fields + labels). */
  rcFields: boolean;
  sprint: 'auto' | 'none' | 'deprioritize' | 'future';
  reproField: boolean;
};

export type BuiltIssue = { plan: IssuePlan; issue: EmuIssue; times: { inQa?: number } };

/** Statuses visited, from the initial one, ending at the last visit of `final`. */
export function pathTo(final: StatusName, rng: Rng, o: { later?: boolean; skipReview?: boolean; qaBounce?: boolean; rteBounce?: boolean; needsInfo?: boolean }): StatusName[] {
  const seq: StatusName[] = [];
  const start: StatusName = o.later ? (final === 'Triage' || rng.chance(0.5) ? 'Triage' : 'In Progress') : 'Open';
  if (start === 'Open') {
    seq.push('Open');
    if (o.needsInfo) seq.push('Triage', 'Open');
    seq.push('Triage');
  } else seq.push(start);
  if (start !== 'In Progress') seq.push('In Progress');
  if (o.rteBounce) seq.push('RTE Review', 'In Progress');
  if (!o.skipReview) seq.push('RTE Review');
  seq.push('In QA');
  if (o.qaBounce) seq.push('In Progress', 'RTE Review', 'In QA');
  seq.push('Done');
  const last = seq.lastIndexOf(final);
  return seq.slice(0, last + 1);
}

/** Evenly-ish random times for `n` transitions between `from` and `to`. */
function stepTimes(rng: Rng, n: number, from: number, to: number): number[] {
  if (n === 0) return [];
  const w = Array.from({ length: n }, () => 0.3 + rng.next() * 1.4);
  const total = w.reduce((a, b) => a + b, 0);
  let acc = 0;
  return w.map((x) => {
    acc += x;
    return Math.round(from + ((to - from) * acc) / total);
  });
}

type Event = { at: number; author: string; items: EmuChangeItem[] };
const statusItem = (from: StatusName, to: StatusName): EmuChangeItem => ({ field: 'status', fieldtype: 'jira', fieldId: 'status', from: statusId[from], fromString: from, to: statusId[to], toString: to });

function sprintEvents(plan: IssuePlan, triagedAt: number | undefined, doneAt: number | undefined, windows: SprintWindow[], now: number, names: Map<number, string>, rng: Rng): { events: Event[]; value: number[] } {
  const planner = people.planner[0]!.accountId;
  if (plan.sprint === 'none' || triagedAt === undefined) return { events: [], value: [] };
  const events: Event[] = [];
  let value: number[] = [];
  const change = (at: number, next: number[]) => {
    events.push({ at, author: planner, items: [{ field: 'Sprint', fieldtype: 'custom', fieldId: SPRINT_FIELD_ID, from: value.length ? value.join(', ') : null, fromString: value.length ? value.map((id) => names.get(id)).join(', ') : null, to: next.join(', '), toString: next.map((id) => names.get(id)).join(', ') }] });
    value = next;
  };
  if (plan.sprint === 'future') {
    const w = windows[rng.chance(0.7) ? 4 : 5]!;
    change(Math.min(now - 2 * HOUR, triagedAt + 4 * HOUR), [w.id]);
    return { events, value };
  }
  let k = windows.findIndex((w) => w.end > triagedAt);
  if (k < 0 || k > 3) k = 3;
  if (doneAt !== undefined && doneAt < windows[0]!.start) return { events: [], value: [] };
  const planAt = Math.max(triagedAt + 60_000, Math.min(Math.max(triagedAt + 2 * HOUR, windows[k]!.start - DAY), doneAt !== undefined ? doneAt - HOUR : now - HOUR));
  change(planAt, [windows[k]!.id]);
  while (windows[k]!.state === 'closed' && !(doneAt !== undefined && doneAt <= windows[k]!.complete!)) {
    const completeAt = windows[k]!.complete!;
    if (plan.sprint === 'deprioritize' && k >= 1) {
      // Carried over once, then pushed back to the backlog at the sprint review: the closed sprints stay in the value.
      change(completeAt, [...value]);
      events.pop();
      break;
    }
    change(completeAt, [...value, windows[k + 1]!.id]);
    k++;
  }
  return { events, value };
}

export function buildIssue(plan: IssuePlan, ctx: { now: number; windows: SprintWindow[]; sprintNames: Map<number, string>; rng: Rng }): BuiltIssue {
  const { rng } = ctx;
  const times = stepTimes(rng, plan.path.length - 1, plan.created, plan.end);
  const events: Event[] = [];
  let assignee: string | null = null;
  let triagedAt: number | undefined = plan.path[0] === 'Open' ? undefined : plan.created;
  let doneAt: number | undefined;
  let inQa: number | undefined;
  const labels = plan.labels.filter((l) => !['repro-confirmed', 'docs-impact', 'no-docs-impact'].includes(l));
  const custom: Record<string, unknown> = {};
  let docImpact: 'Yes' | 'No' | undefined;
  let prevAt = plan.created;
  if (plan.path[0] === 'In Progress') assignee = plan.dev;
  for (let i = 1; i < plan.path.length; i++) {
    const from = plan.path[i - 1]!;
    const to = plan.path[i]!;
    const at = times[i - 1]!;
    const items: EmuChangeItem[] = [statusItem(from, to)];
    let author = plan.rte;
    if (to === 'Triage') author = from === 'Open' ? plan.reporter : plan.rte;
    else if (to === 'Open') author = plan.rte;
    else if (to === 'In Progress') author = from === 'In QA' ? plan.qa : from === 'RTE Review' ? plan.rte : plan.dev;
    else if (to === 'RTE Review') author = plan.dev;
    else if (to === 'In QA') author = plan.rte;
    else if (to === 'Done') author = plan.qa;
    if (to === 'Triage' && triagedAt === undefined) triagedAt = at;
    if (to === 'In Progress' && assignee === null) {
      // The RTE assigns the bug while triaging, a little before development starts.
      events.push({ at: Math.round(prevAt + (at - prevAt) * 0.6), author: plan.rte, items: [{ field: 'assignee', fieldtype: 'jira', fieldId: 'assignee', from: null, fromString: null, to: plan.dev, toString: nameOf(plan.dev) }] });
      assignee = plan.dev;
    }
    if (plan.rcFields && to === 'RTE Review' && custom[REPRO_CONFIRMED_FIELD_ID] === undefined) {
      custom[REPRO_CONFIRMED_FIELD_ID] = { value: 'Yes', id: OPTION.REPRO_CONFIRMED.Yes };
      items.push({ field: 'Repro steps confirmed', fieldtype: 'custom', fieldId: REPRO_CONFIRMED_FIELD_ID, from: null, fromString: null, to: OPTION.REPRO_CONFIRMED.Yes, toString: 'Yes' });
      items.push({ field: 'labels', fieldtype: 'jira', fieldId: 'labels', from: null, fromString: labels.join(' ') || null, to: null, toString: [...labels, 'repro-confirmed'].join(' ') });
      labels.push('repro-confirmed');
    }
    if (plan.rcFields && to === 'In QA' && docImpact === undefined) {
      docImpact = rng.chance(0.35) ? 'Yes' : 'No';
      custom[DOC_IMPACT_FIELD_ID] = { value: docImpact, id: OPTION.DOC_IMPACT[docImpact] };
      const label = docImpact === 'Yes' ? 'docs-impact' : 'no-docs-impact';
      items.push({ field: 'Documentation impact', fieldtype: 'custom', fieldId: DOC_IMPACT_FIELD_ID, from: null, fromString: null, to: OPTION.DOC_IMPACT[docImpact], toString: docImpact });
      items.push({ field: 'labels', fieldtype: 'jira', fieldId: 'labels', from: null, fromString: labels.join(' ') || null, to: null, toString: [...labels, label].join(' ') });
      labels.push(label);
    }
    if (to === 'In QA') inQa = at;
    if (to === 'Done') {
      doneAt = at;
      items.push({ field: 'resolution', fieldtype: 'jira', fieldId: 'resolution', from: null, fromString: null, to: RESOLUTION.DONE, toString: 'Done' });
    }
    events.push({ at, author, items });
    prevAt = at;
  }
  const sprints = sprintEvents(plan, triagedAt, doneAt, ctx.windows, ctx.now, ctx.sprintNames, rng);
  events.push(...sprints.events);
  events.sort((a, b) => a.at - b.at);
  if (plan.points !== undefined) custom[STORY_POINTS_FIELD_ID] = plan.points;
  if (plan.severity) custom[SEVERITY_FIELD_ID] = { self: `/rest/api/3/customFieldOption/${OPTION.SEVERITY[plan.severity]}`, value: plan.severity, id: OPTION.SEVERITY[plan.severity] };
  if (plan.reproField) custom[REPRO_STEPS_FIELD_ID] = reproField(plan.text);
  if (sprints.value.length) custom[SPRINT_FIELD_ID] = sprints.value;
  for (const k of [REPRO_CONFIRMED_FIELD_ID, DOC_IMPACT_FIELD_ID]) if (custom[k]) custom[k] = { self: `/rest/api/3/customFieldOption/${(custom[k] as { id: string }).id}`, ...(custom[k] as object) };
  const last = events.length ? events[events.length - 1]!.at : plan.created;
  const final = plan.path[plan.path.length - 1]!;
  const histories: EmuHistory[] = events.map((e) => ({ id: '', authorAccountId: e.author, created: jiraDateTime(new Date(e.at)), items: e.items }));
  const catChange = [...events].reverse().find((e) => e.items.some((i) => i.field === 'status'));
  const issue: EmuIssue = {
    id: '',
    key: '',
    projectId: PROJECT.RT,
    fields: {
      summary: plan.text.summary,
      description: plan.type === 'Bug' ? description(plan.text, plan.quality, rng.pick) : doc({ type: 'paragraph', content: [{ type: 'text', text: plan.text.expected }] }),
      issueTypeId: plan.type === 'Bug' ? ISSUE_TYPE.BUG : plan.type === 'Story' ? ISSUE_TYPE.STORY : ISSUE_TYPE.TASK,
      statusId: statusId[final],
      priorityId: plan.priorityId,
      resolutionId: final === 'Done' ? RESOLUTION.DONE : null,
      resolutionDate: final === 'Done' && doneAt !== undefined ? jiraDateTime(new Date(doneAt)) : null,
      assigneeId: assignee,
      reporterId: plan.reporter,
      creatorId: plan.reporter,
      labels,
      componentIds: [String(10100 + COMPONENT_NAMES.indexOf(plan.component))],
      fixVersionIds: plan.fixVersionId ? [plan.fixVersionId] : [],
      affectsVersionIds: plan.affectsVersionIds,
      created: jiraDateTime(new Date(plan.created)),
      updated: jiraDateTime(new Date(last)),
      statusCategoryChangeDate: jiraDateTime(new Date(catChange?.at ?? plan.created)),
      custom,
    },
    histories,
    properties: {},
  };
  return { plan, issue, times: { inQa } };
}

const allUsers = Object.values(people).flat();
const nameOf = (accountId: string) => allUsers.find((u) => u.accountId === accountId)?.displayName ?? accountId;

/** All RT plans. `now` is the seed clock; everything is an offset from its day. */
export function planRtIssues(now: Date, rng: Rng): IssuePlan[] {
  const d0 = dayZero(now);
  const nowMs = now.getTime();
  const release = releaseDate420(now);
  const textPools = new Map(COMPONENT_NAMES.map((c) => [c, rng.shuffle(textsFor(c))]));
  const nextText = (c: ComponentName) => textPools.get(c)!.pop()!;
  const plans: IssuePlan[] = [];
  let n = 0;
  // Working hours on the given day, never later than two hours before `now`.
  const at = (dayOffset: number) => Math.min(d0 + dayOffset * DAY + rng.int(8, 17) * HOUR + rng.int(0, 59) * 60_000, nowMs - 2 * HOUR - rng.int(0, 59) * 60_000);

  const base = (final: StatusName, created: number, end: number, o: Partial<IssuePlan> & { pathOpts?: Parameters<typeof pathTo>[2] } = {}): IssuePlan => {
    const component = o.component ?? rng.pick(COMPONENT_NAMES);
    const priorityId = o.priorityId ?? rng.weighted([[PRIORITY.HIGHEST, 8], [PRIORITY.HIGH, 25], [PRIORITY.MEDIUM, 45], [PRIORITY.LOW, 17], [PRIORITY.LOWEST, 5]]);
    const severity = ({ [PRIORITY.HIGHEST]: 'Critical', [PRIORITY.HIGH]: rng.pick(['Major', 'Critical']), [PRIORITY.MEDIUM]: rng.pick(['Moderate', 'Major']), [PRIORITY.LOW]: 'Minor', [PRIORITY.LOWEST]: 'Minor' } as const)[priorityId as '1'];
    const early = final === 'Open';
    const quality: Quality = o.quality ?? (early ? rng.weighted([['useless', 4], ['missing-expected', 2], ['missing-build', 1], ['prose', 1], ['excellent', 2]]) : rng.weighted([['excellent', 6], ['prose', 2.5], ['missing-build', 1.5]]));
    const extraLabels = rng.chance(0.5) ? [rng.pick(['customer-reported', 'ios', 'android', 'web', 'performance', 'security', 'ux', 'data-loss'])] : [];
    return {
      ref: o.ref ?? `bug-${n++}`,
      type: 'Bug',
      path: o.path ?? pathTo(final, rng, o.pathOpts ?? {}),
      created,
      end: Math.max(end, created + HOUR),
      reporter: o.reporter ?? rng.pick(people.l2).accountId,
      dev: rng.pick(people.dev).accountId,
      qa: rng.pick(people.qa).accountId,
      rte: rng.pick(people.rte).accountId,
      text: o.text ?? nextText(component),
      quality,
      component,
      priorityId,
      severity: o.severity ?? severity,
      points: rng.chance(0.85) ? rng.pick([1, 2, 3, 3, 5, 5, 8]) : undefined,
      labels: [...extraLabels, ...(o.labels ?? [])],
      fixVersionId: o.fixVersionId,
      affectsVersionIds: o.affectsVersionIds ?? [],
      rcFields: o.rcFields ?? false,
      sprint: o.sprint ?? (final === 'Open' ? 'none' : 'auto'),
      reproField: o.reproField ?? (quality === 'excellent' && rng.chance(0.4)),
    };
  };
  const variants = (): Parameters<typeof pathTo>[2] => ({ later: rng.chance(0.08), needsInfo: rng.chance(0.15), rteBounce: rng.chance(0.1), qaBounce: rng.chance(0.15) });

  // Generic bugs. Done before the 4.2.0 release → fixed in 4.2.0; after it → in rc.1.
  for (let i = 0; i < 30; i++) {
    const resolved = at(-rng.int(28, 72));
    plans.push(base('Done', resolved - rng.int(3, 20) * DAY, Math.min(resolved, release - HOUR), { fixVersionId: rng.chance(0.9) ? VERSION.V420 : undefined, pathOpts: { ...variants(), skipReview: rng.chance(0.12) } }));
  }
  for (let i = 0; i < 16; i++) {
    const resolved = at(-rng.int(13, 24));
    plans.push(base('Done', resolved - rng.int(4, 18) * DAY, resolved, { fixVersionId: VERSION.RC1, rcFields: rng.chance(0.8), pathOpts: { ...variants(), later: false, skipReview: i === 0 } }));
  }
  for (let i = 0; i < 26; i++) plans.push(base('Open', at(-rng.int(0, 13)), nowMs - rng.int(1, 20) * HOUR, { pathOpts: { needsInfo: rng.chance(0.2) } }));
  for (let i = 0; i < 20; i++) {
    const created = at(-rng.int(2, 45));
    const mode = i < 4 ? 'deprioritize' : i < 10 ? 'none' : i < 15 ? 'future' : 'auto';
    const c = mode === 'deprioritize' ? d0 - rng.int(40, 46) * DAY : created;
    plans.push(base('Triage', c, Math.min(nowMs - HOUR, c + rng.int(1, 4) * DAY), { sprint: mode, pathOpts: { needsInfo: rng.chance(0.15), later: rng.chance(0.08) } }));
  }
  for (let i = 0; i < 18; i++) {
    const created = at(-rng.int(5, 48));
    plans.push(base('In Progress', created, nowMs - rng.int(2, 60) * HOUR, { fixVersionId: rng.chance(0.3) ? VERSION.RC1 : undefined, pathOpts: variants() }));
  }
  for (let i = 0; i < 9; i++) plans.push(base('RTE Review', at(-rng.int(6, 40)), nowMs - rng.int(2, 48) * HOUR, { fixVersionId: rng.chance(0.5) ? VERSION.RC1 : undefined, rcFields: true, pathOpts: { ...variants(), later: false } }));
  for (let i = 0; i < 10; i++) plans.push(base('In QA', at(-rng.int(6, 40)), nowMs - rng.int(2, 48) * HOUR, { fixVersionId: rng.chance(0.6) ? VERSION.RC1 : undefined, rcFields: true, pathOpts: { ...variants(), later: false } }));

  // rc.2: every bug done, RTE-reviewed after its latest Dev stage, repro confirmed, docs answered.
  for (let i = 0; i < 12; i++) {
    const resolved = at(-rng.int(1, 9));
    plans.push(base('Done', resolved - rng.int(6, 16) * DAY, resolved, { ref: `rc2-${i}`, fixVersionId: VERSION.RC2, rcFields: true, quality: 'excellent', reproField: rng.chance(0.5), pathOpts: { qaBounce: i % 4 === 0, rteBounce: i % 5 === 1 } }));
  }
  // Escaped bugs: customers hit them in 4.2.0 after its release.
  for (let i = 0; i < 6; i++) {
    const final = (['Triage', 'In Progress', 'Open', 'In QA', 'Triage', 'RTE Review'] as const)[i]!;
    plans.push(base(final, release + rng.int(2, 20) * DAY, nowMs - rng.int(3, 40) * HOUR, { ref: `escaped-${i}`, affectsVersionIds: [VERSION.V420], labels: ['customer-reported'], rcFields: final === 'RTE Review' || final === 'In QA', quality: 'excellent', priorityId: i < 2 ? PRIORITY.HIGHEST : PRIORITY.HIGH, pathOpts: {} }));
  }
  // Stories and tasks share the workflow; one story ships in each RC.
  storyTexts.forEach((summary, i) => {
    const final = (['Done', 'Done', 'In Progress', 'Triage', 'Done', 'In QA'] as const)[i]!;
    const resolved = at(-rng.int(2, 20));
    plans.push({ ...base(final, resolved - rng.int(8, 20) * DAY, final === 'Done' ? resolved : nowMs - 5 * HOUR, { rcFields: true, fixVersionId: i === 0 ? VERSION.RC2 : i === 1 || i === 5 ? VERSION.RC1 : undefined, pathOpts: {} }), ref: `story-${i}`, type: 'Story', text: { summary, steps: [], expected: `As a customer I can: ${summary.toLowerCase()}.`, actual: '', env: '' }, severity: undefined, reproField: false });
  });
  taskTexts.forEach((summary, i) => {
    const final = (['Done', 'Open', 'In Progress', 'Triage'] as const)[i]!;
    plans.push({ ...base(final, at(-rng.int(10, 30)), nowMs - rng.int(5, 100) * HOUR, { pathOpts: {} }), ref: `task-${i}`, type: 'Task', text: { summary, steps: [], expected: summary + '.', actual: '', env: '' }, severity: undefined, reproField: false });
  });
  return plans;
}

/** Regression bugs: found by QA while testing a fix in an RC, with the RC as Affects version (linked afterwards). */
export function planRegressionBugs(now: Date, rng: Rng, fixes: { rc1: BuiltIssue; rc2: BuiltIssue }): Array<{ plan: IssuePlan; fixRef: string }> {
  const nowMs = now.getTime();
  const make = (fix: BuiltIssue, final: StatusName, rc: string, ref: string, fixVersionId?: string) => {
    const fromQa = fix.times.inQa ?? fix.plan.created + DAY;
    const created = Math.min(fromQa + 6 * HOUR, nowMs - 3 * DAY);
    const end = final === 'Done' ? Math.min(created + 3 * DAY, nowMs - 2 * HOUR) : nowMs - 4 * HOUR;
    const text = { ...fix.plan.text, summary: `Regression: ${fix.plan.text.summary.replace(/^./, (c) => c.toLowerCase())} again after the fix` };
    const plan: IssuePlan = {
      ...fix.plan,
      ref,
      type: 'Bug',
      path: pathTo(final, rng, {}),
      created,
      end,
      reporter: fix.plan.qa,
      text,
      quality: 'excellent',
      labels: ['found-in-regression'],
      fixVersionId,
      affectsVersionIds: [rc],
      rcFields: final !== 'Triage',
      sprint: 'auto',
      reproField: true,
      priorityId: PRIORITY.HIGH,
      severity: 'Major',
      points: 2,
    };
    return { plan, fixRef: fix.plan.ref };
  };
  return [
    make(fixes.rc1, 'In Progress', VERSION.RC1, 'regression-rc1-open', VERSION.RC1),
    make(fixes.rc1, 'Triage', VERSION.RC1, 'regression-rc1-triage'),
    make(fixes.rc2, 'Done', VERSION.RC2, 'regression-rc2-done', VERSION.RC2),
  ];
}
