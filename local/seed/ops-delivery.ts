/**
 * Demo data of the ops outcome loop and the delivery metrics (a seed extension the workspace starts with; additive:
 * nothing is written where the data already has it):
 * - the OPS project's own workflow "Release operations": To Do → In Progress → Done, plus "Deploy failed" and
 *   "Rolled back", so hand-offs can be moved to the status of their outcome;
 * - a shipped train 4.1.0 (4.1.0-rc.1 … rc.3, production version 4.1.0): rc.2 was promoted and deployed, ops rolled it
 *   back the next day; the RTE cut rc.3, promoted it, and it was deployed. Four bugs shipped in it; one bug escaped
 *   4.1.0 after its deployment and was fixed in 4.2.0;
 * - hand-off issues in OPS carrying both properties (`release-train-handoff`, `release-train-deployment`), and the
 *   4.2.0 hand-off (OPS-1) given its record and deployment.
 * `opsHandoffConfigSeed` (an extension) maps outcomes to those statuses; `pendingHandoffSeed` (for tests) adds a
 * hand-off of 4.3.0-rc.2 awaiting deployment.
 */
import type { EmuChangeItem, EmuHistory, EmuIssue, EmulatorState } from '../emulator/state';
import { jiraDateTime } from '../emulator/dates';
import { SEVERITY_FIELD_ID } from '../emulator/state';
import { doc } from './adf';
import { ISSUE_TYPE, OPTION, PRIORITY, PROJECT, RESOLUTION, STATUS } from './project';
import { DAY, dayZero, releaseDate420, VERSION } from './sprints';
import { people } from './users';

const HANDOFF = 'release-train-handoff';
const DEPLOYMENT = 'release-train-deployment';
const HOUR = 3_600_000;
/** Statuses of the ops workflow that the base seed does not have. */
export const OPS_STATUS = { DEPLOY_FAILED: '10030', ROLLED_BACK: '10031' } as const;
export const OPS_TRANSITION = { TO_DO: '11', IN_PROGRESS: '21', DONE: '31', DEPLOY_FAILED: '41', ROLLED_BACK: '51' } as const;

const iso = (ms: number) => new Date(ms).toISOString();
const names: Record<string, string> = { [STATUS.OPEN]: 'Open', [STATUS.TRIAGE]: 'Triage', [STATUS.IN_PROGRESS]: 'In Progress', [STATUS.RTE_REVIEW]: 'RTE Review', [STATUS.IN_QA]: 'In QA', [STATUS.DONE]: 'Done', [STATUS.TO_DO]: 'To Do', [OPS_STATUS.DEPLOY_FAILED]: 'Deploy failed', [OPS_STATUS.ROLLED_BACK]: 'Rolled back' };

function opsWorkflow(state: EmulatorState): void {
  if (state.workflows.some((w) => w.name === 'Release operations')) return;
  for (const [id, name, category, description] of [
    [OPS_STATUS.DEPLOY_FAILED, 'Deploy failed', 'indeterminate', 'The deployment failed; ops retries or rolls back.'],
    [OPS_STATUS.ROLLED_BACK, 'Rolled back', 'done', 'The release was rolled back in production.'],
  ] as const) {
    if (!state.statuses.some((s) => s.id === id)) state.statuses.push({ id, name, description, category });
  }
  for (const w of state.workflows) w.projectKeys = w.projectKeys.filter((k) => k !== 'OPS');
  const t = (id: string, to: string) => ({ id, name: names[to]!, toStatusId: to, fromStatusIds: [], validators: [] });
  state.workflows.push({
    name: 'Release operations',
    projectKeys: ['OPS'],
    statusIds: [STATUS.TO_DO, STATUS.IN_PROGRESS, STATUS.DONE, OPS_STATUS.DEPLOY_FAILED, OPS_STATUS.ROLLED_BACK],
    initial: { id: '1', name: 'Create', toStatusId: STATUS.TO_DO, fromStatusIds: [], validators: [] },
    transitions: [
      t(OPS_TRANSITION.TO_DO, STATUS.TO_DO),
      t(OPS_TRANSITION.IN_PROGRESS, STATUS.IN_PROGRESS),
      t(OPS_TRANSITION.DONE, STATUS.DONE),
      t(OPS_TRANSITION.DEPLOY_FAILED, OPS_STATUS.DEPLOY_FAILED),
      t(OPS_TRANSITION.ROLLED_BACK, OPS_STATUS.ROLLED_BACK),
    ],
  });
}

type Ctx = { state: EmulatorState; nextHistory: () => string };

function addIssue(ctx: Ctx, projectKey: 'RT' | 'OPS', issue: Omit<EmuIssue, 'id' | 'key'>): EmuIssue {
  const { state } = ctx;
  const n = (state.counters.issueNumber[projectKey] ?? 0) + 1;
  state.counters.issueNumber[projectKey] = n;
  const full: EmuIssue = { ...issue, id: String(state.counters.issueId++), key: `${projectKey}-${n}` };
  state.issues.push(full);
  return full;
}

/** A bug that went round the loop: Open → Triage → In Progress → RTE Review → In QA → Done, `hours` in each. */
function shippedBug(ctx: Ctx, o: { summary: string; created: number; hours: [number, number, number, number, number]; fix: string[]; affects?: string[]; severity?: keyof typeof OPTION.SEVERITY }): EmuIssue {
  const path = [STATUS.OPEN, STATUS.TRIAGE, STATUS.IN_PROGRESS, STATUS.RTE_REVIEW, STATUS.IN_QA, STATUS.DONE];
  const actors = [people.rte[0]!, people.dev[0]!, people.rte[0]!, people.qa[0]!, people.qa[0]!];
  let at = o.created;
  const histories: EmuHistory[] = o.hours.map((h, i) => {
    at += h * HOUR;
    const items: EmuChangeItem[] = [{ field: 'status', fieldtype: 'jira', fieldId: 'status', from: path[i]!, fromString: names[path[i]!]!, to: path[i + 1]!, toString: names[path[i + 1]!]! }];
    if (i === 4) items.push({ field: 'resolution', fieldtype: 'jira', fieldId: 'resolution', from: null, fromString: null, to: RESOLUTION.DONE, toString: 'Done' });
    return { id: ctx.nextHistory(), authorAccountId: actors[i]!.accountId, created: jiraDateTime(new Date(at)), items };
  });
  const done = jiraDateTime(new Date(at));
  return addIssue(ctx, 'RT', {
    projectId: PROJECT.RT,
    fields: {
      summary: o.summary,
      description: doc({ type: 'paragraph', content: [{ type: 'text', text: `${o.summary}. Steps, expected and actual result are in the reproduction steps.` }] }),
      issueTypeId: ISSUE_TYPE.BUG,
      statusId: STATUS.DONE,
      priorityId: PRIORITY.HIGH,
      resolutionId: RESOLUTION.DONE,
      resolutionDate: done,
      assigneeId: people.dev[0]!.accountId,
      reporterId: people.l2[0]!.accountId,
      creatorId: people.l2[0]!.accountId,
      labels: [],
      componentIds: [],
      fixVersionIds: o.fix,
      affectsVersionIds: o.affects ?? [],
      created: jiraDateTime(new Date(o.created)),
      updated: done,
      statusCategoryChangeDate: done,
      custom: o.severity ? { [SEVERITY_FIELD_ID]: { self: `/rest/api/3/customFieldOption/${OPTION.SEVERITY[o.severity]}`, value: o.severity, id: OPTION.SEVERITY[o.severity] } } : {},
    },
    histories,
    properties: {},
  });
}

type Report = { outcome: 'deployed' | 'failed' | 'rolled-back'; at: number; note?: string };
const historyValue = (reports: Report[]) => {
  const list = reports.map((r) => ({ outcome: r.outcome, at: iso(r.at), environment: 'production', note: r.note ?? '', reportedBy: people.ops[0]!.accountId, reportedByName: people.ops[0]!.displayName, reportedAt: iso(r.at + HOUR) }));
  const last = list.at(-1);
  const deployed = list.find((r) => r.outcome === 'deployed');
  return { reports: list, index: { status: last?.outcome ?? 'awaiting', ...(deployed ? { deployedAt: deployed.at } : {}) } };
};
const handoffRecord = (train: string, production: { id: string; name: string }, candidate: { id: string; name: string }, promotedAt: number) => ({
  projectKey: 'RT',
  train,
  productionVersionId: production.id,
  productionVersionName: production.name,
  candidateVersionId: candidate.id,
  candidateName: candidate.name,
  promotionId: `RT:${candidate.id}`,
  promotedBy: people.rte[0]!.accountId,
  promotedAt: iso(promotedAt),
});

function handoffIssue(ctx: Ctx, o: { release: string; candidate: string; promotedAt: number; statusId: string; record: unknown; reports: Report[] }): EmuIssue {
  const closed = o.statusId !== STATUS.TO_DO && o.statusId !== STATUS.IN_PROGRESS;
  const last = o.reports.at(-1)?.at ?? o.promotedAt;
  return addIssue(ctx, 'OPS', {
    projectId: PROJECT.OPS,
    fields: {
      summary: `Deploy ${o.release} to production (from ${o.candidate})`,
      description: doc({ type: 'paragraph', content: [{ type: 'text', text: `Release ${o.release} was promoted from ${o.candidate} by the RTE. Deploy, smoke test and monitor; report the outcome in the Release hand-off panel.` }] }),
      issueTypeId: ISSUE_TYPE.TASK,
      statusId: o.statusId,
      priorityId: PRIORITY.HIGH,
      resolutionId: closed && o.statusId === STATUS.DONE ? RESOLUTION.DONE : null,
      resolutionDate: closed && o.statusId === STATUS.DONE ? jiraDateTime(new Date(last)) : null,
      assigneeId: people.ops[0]!.accountId,
      reporterId: people.rte[0]!.accountId,
      creatorId: people.rte[0]!.accountId,
      labels: [],
      componentIds: [],
      fixVersionIds: [],
      affectsVersionIds: [],
      created: jiraDateTime(new Date(o.promotedAt)),
      updated: jiraDateTime(new Date(last)),
      statusCategoryChangeDate: jiraDateTime(new Date(last)),
      custom: {},
    },
    histories: [],
    properties: { [HANDOFF]: o.record, ...(o.reports.length ? { [DEPLOYMENT]: historyValue(o.reports) } : {}) },
  });
}

export function opsDeliverySeed(state: EmulatorState): void {
  opsWorkflow(state);
  if (state.versions.some((v) => v.name === '4.1.0')) return;
  const d0 = dayZero(new Date(state.seededAt));
  const ctx: Ctx = { state, nextHistory: () => String(state.counters.historyId++) };
  const version = (name: string, description: string, released: boolean, releaseDay?: number) => {
    const v = { id: String(state.counters.versionId++), projectId: PROJECT.RT, name, description, archived: false, released, ...(releaseDay !== undefined ? { releaseDate: new Date(releaseDay).toISOString().slice(0, 10) } : {}) };
    state.versions.push(v);
    return v;
  };
  // The 4.1.0 train: rc.2 promoted on day -55, deployed day -54 and rolled back day -53; rc.3 promoted day -50, deployed day -49.
  const rc1 = version('4.1.0-rc.1', 'First release candidate of 4.1.0', false);
  const rc2 = version('4.1.0-rc.2', 'Second release candidate of 4.1.0', false);
  const rc3 = version('4.1.0-rc.3', 'Third release candidate of 4.1.0, cut after the rollback of rc.2', false);
  const prod = version('4.1.0', 'September release (production)', true, d0 - 50 * DAY);
  const promoted2 = d0 - 55 * DAY + 10 * HOUR;
  const promoted3 = d0 - 50 * DAY + 10 * HOUR;
  const bugs = [
    { summary: 'Saved cards are not offered at checkout after login', created: d0 - 75 * DAY, hours: [20, 30, 50, 6, 24] as [number, number, number, number, number], fix: [rc1.id, prod.id] },
    { summary: 'Search suggestions show archived products', created: d0 - 72 * DAY, hours: [8, 18, 70, 10, 30] as [number, number, number, number, number], fix: [rc1.id, prod.id] },
    { summary: 'Password reset mail links to the staging site', created: d0 - 66 * DAY, hours: [4, 6, 20, 3, 12] as [number, number, number, number, number], fix: [rc2.id, prod.id] },
    { summary: 'Checkout returns 500 when the basket holds a gift card', created: d0 - 53 * DAY + 12 * HOUR, hours: [2, 2, 30, 4, 10] as [number, number, number, number, number], fix: [rc3.id, prod.id] },
  ];
  for (const b of bugs) shippedBug(ctx, b);
  // Escaped: filed after 4.1.0's second deployment, fixed in 4.2.0.
  shippedBug(ctx, { summary: 'Order history is empty for accounts merged in 4.1.0', created: d0 - 44 * DAY, hours: [6, 10, 40, 5, 20], fix: [VERSION.V420], affects: [prod.id], severity: 'Major' });

  handoffIssue(ctx, {
    release: '4.1.0',
    candidate: rc2.name,
    promotedAt: promoted2,
    statusId: OPS_STATUS.ROLLED_BACK,
    record: handoffRecord('4.1.0', prod, rc2, promoted2),
    reports: [
      { outcome: 'deployed', at: promoted2 + 22 * HOUR },
      { outcome: 'rolled-back', at: promoted2 + 46 * HOUR, note: 'Checkout returned 500 for baskets with gift cards; rolled back to 4.0.2 within 20 minutes.' },
    ],
  });
  handoffIssue(ctx, { release: '4.1.0', candidate: rc3.name, promotedAt: promoted3, statusId: STATUS.DONE, record: handoffRecord('4.1.0', prod, rc3, promoted3), reports: [{ outcome: 'deployed', at: promoted3 + 20 * HOUR, note: 'Smoke tests green; gift card checkout verified.' }] });

  // The 4.2.0 hand-off of the base seed (released before candidates were used: its own version was promoted).
  const ops420 = state.issues.find((i) => i.projectId === PROJECT.OPS && i.fields.summary === 'Deploy 4.2.0 to production');
  const v420 = state.versions.find((v) => v.id === VERSION.V420);
  if (ops420 && v420 && !(HANDOFF in ops420.properties)) {
    const promoted = releaseDate420(new Date(state.seededAt)) - HOUR;
    ops420.properties[HANDOFF] = handoffRecord('4.2.0', v420, v420, promoted);
    ops420.properties[DEPLOYMENT] = historyValue([{ outcome: 'deployed', at: promoted + 26 * HOUR }]);
  }
}

/** Outcome → status of the ops workflow (app storage, like the promotion settings: an extension). */
export function opsHandoffConfigSeed(state: EmulatorState): void {
  state.appStorage['ops-handoff:config:OPS'] ??= { outcomeStatuses: { deployed: 'Done', failed: 'Deploy failed', 'rolled-back': 'Rolled back' } };
}

/** For tests: 4.3.0-rc.2 promoted an hour ago, its hand-off awaiting deployment (as the promotion leaves it). */
export function pendingHandoffSeed(state: EmulatorState): void {
  const rc2 = state.versions.find((v) => v.id === VERSION.RC2)!;
  const now = Date.parse(state.seededAt);
  const ctx: Ctx = { state, nextHistory: () => String(state.counters.historyId++) };
  handoffIssue(ctx, { release: '4.3.0', candidate: rc2.name, promotedAt: now - HOUR, statusId: STATUS.TO_DO, record: handoffRecord('4.3.0', { id: rc2.id, name: '4.3.0' }, rc2, now - HOUR), reports: [] });
}
