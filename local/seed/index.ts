/**
 * Deterministic demo data for the local workspace. `createSeedState(now)` builds the whole emulator state with
 * every date relative to `now` (the demo was designed around 2026-11-16); extensions let feature areas add their
 * own seed parts (entity properties, app configuration) on top.
 */
import { EMULATOR_STATE_VERSION, type EmuIssue, type EmulatorState } from '../emulator/state';
import { jiraDateTime } from '../emulator/dates';
import { createRng } from './prng';
import { buildIssue, planRegressionBugs, planRtIssues, type BuiltIssue } from './bugs';
import { ISSUE_TYPE, LINK_TYPE, PRIORITY, PROJECT, RESOLUTION, seedFields, seedIssueTypes, seedLinkTypes, seedPriorities, seedProjects, seedResolutions, seedStatuses, seedWorkflows, STATUS } from './project';
import { DAY, releaseDate420, seedBoards, seedSprints, seedVersions, sprintWindows, VERSION } from './sprints';
import { APP_ACCOUNT_ID, people, seedPermissionScheme, seedRoles, seedUsers } from './users';
import { doc } from './adf';
import { rcPromotionRegressionSeed } from './rc-promotion';
import { seedRegressionRecords } from './regression';
import { seedMoveRules } from './move-rules';
import { seedCoverage } from './coverage';

export type SeedExtension = (state: EmulatorState) => void;
export const SEED_BASE_DATE = new Date('2026-11-16T12:00:00.000Z');
const SEED = 0x5eed_2026;

function simpleIssue(projectId: string, summary: string, body: string, created: number, reporter: string, done: boolean): EmuIssue {
  const t = jiraDateTime(new Date(created));
  return {
    id: '',
    key: '',
    projectId,
    fields: {
      summary,
      description: doc({ type: 'paragraph', content: [{ type: 'text', text: body }] }),
      issueTypeId: ISSUE_TYPE.TASK,
      statusId: done ? STATUS.DONE : STATUS.TO_DO,
      priorityId: PRIORITY.MEDIUM,
      resolutionId: done ? RESOLUTION.DONE : null,
      resolutionDate: done ? jiraDateTime(new Date(created + 2 * DAY)) : null,
      assigneeId: null,
      reporterId: reporter,
      creatorId: reporter,
      labels: [],
      componentIds: [],
      fixVersionIds: [],
      affectsVersionIds: [],
      created: t,
      updated: done ? jiraDateTime(new Date(created + 2 * DAY)) : t,
      statusCategoryChangeDate: done ? jiraDateTime(new Date(created + 2 * DAY)) : t,
      custom: {},
    },
    histories: done
      ? [{ id: '', authorAccountId: reporter, created: jiraDateTime(new Date(created + 2 * DAY)), items: [
          { field: 'status', fieldtype: 'jira', fieldId: 'status', from: STATUS.TO_DO, fromString: 'To Do', to: STATUS.DONE, toString: 'Done' },
          { field: 'resolution', fieldtype: 'jira', fieldId: 'resolution', from: null, fromString: null, to: RESOLUTION.DONE, toString: 'Done' },
        ] }]
      : [],
    properties: {},
  };
}

export function createSeedState(now: Date = SEED_BASE_DATE, extensions: SeedExtension[] = []): EmulatorState {
  const rng = createRng(SEED);
  const nowMs = now.getTime();
  const sprints = seedSprints(now);
  const ctx = { now: nowMs, windows: sprintWindows(now), sprintNames: new Map(sprints.map((s) => [s.id, s.name])), rng };

  const built: BuiltIssue[] = planRtIssues(now, rng).map((p) => buildIssue(p, ctx));
  const byRef = new Map(built.map((b) => [b.plan.ref, b]));
  const rc1Fix = built.filter((b) => b.plan.fixVersionId === VERSION.RC1 && b.plan.path.at(-1) === 'Done' && b.times.inQa).sort((a, b) => a.times.inQa! - b.times.inQa!)[0]!;
  const rc2Fix = built.filter((b) => b.plan.ref.startsWith('rc2-')).sort((a, b) => a.times.inQa! - b.times.inQa!)[0]!;
  const regression = planRegressionBugs(now, rng, { rc1: rc1Fix, rc2: rc2Fix }).map((r) => ({ ...r, built: buildIssue(r.plan, ctx) }));
  for (const r of regression) byRef.set(r.plan.ref, r.built);

  const rtIssues = [...built, ...regression.map((r) => r.built)].map((b) => b.issue);
  // Support tickets (customer impact) and the ops hand-off of the last release.
  const escaped = built.filter((b) => b.plan.ref.startsWith('escaped-'));
  const supIssues = escaped.slice(0, 5).map((b, i) =>
    simpleIssue(PROJECT.SUP, `Customer ticket: ${b.plan.text.summary.toLowerCase()}`, `Customer ${['ACME GmbH', 'Northwind', 'Globex', 'Initech', 'Umbrella Retail'][i]!} reports: ${b.plan.text.actual}`, Date.parse(b.issue.fields.created) - 3 * 3_600_000, people.l2[i % 2]!.accountId, false),
  );
  const extraSup = built.filter((b) => b.plan.path.at(-1) !== 'Done' && b.plan.priorityId === PRIORITY.HIGHEST && !b.plan.ref.startsWith('escaped-')).slice(0, 2);
  extraSup.forEach((b, i) => supIssues.push(simpleIssue(PROJECT.SUP, `Customer ticket: ${b.plan.text.summary.toLowerCase()}`, `Enterprise customer ${i === 0 ? 'Stark Logistics' : 'Wayne Foods'} is blocked by this.`, Date.parse(b.issue.fields.created) - 3_600_000, people.l2[0]!.accountId, false)));
  const opsIssues = [simpleIssue(PROJECT.OPS, 'Deploy 4.2.0 to production', 'Release 4.2.0 was promoted by the RTE. Deploy the web, API and mobile builds; notes in the release page.', releaseDate420(now) - 3_600_000, people.rte[0]!.accountId, true)];

  // Ids and keys in creation order, histories numbered globally in time order (as in a real site).
  const all = [...rtIssues, ...supIssues, ...opsIssues].sort((a, b) => Date.parse(a.fields.created) - Date.parse(b.fields.created));
  const numbers: Record<string, number> = {};
  const keyOf: Record<string, string> = { [PROJECT.RT]: 'RT', [PROJECT.SUP]: 'SUP', [PROJECT.OPS]: 'OPS' };
  all.forEach((issue, i) => {
    issue.id = String(10001 + i);
    const pk = keyOf[issue.projectId]!;
    numbers[pk] = (numbers[pk] ?? 0) + 1;
    issue.key = `${pk}-${numbers[pk]}`;
  });
  const histories = all.flatMap((i) => i.histories).sort((a, b) => Date.parse(a.created) - Date.parse(b.created));
  histories.forEach((h, i) => (h.id = String(10000 + i)));

  let linkId = 10000;
  const issueLinks: EmulatorState['issueLinks'] = [
    ...regression.map((r) => ({ id: String(linkId++), typeId: LINK_TYPE.RELATES, inwardIssueId: byRef.get(r.fixRef)!.issue.id, outwardIssueId: r.built.issue.id })),
    ...[...escaped.slice(0, 5), ...extraSup].map((b, i) => ({ id: String(linkId++), typeId: LINK_TYPE.RELATES, inwardIssueId: b.issue.id, outwardIssueId: supIssues[i]!.id })),
  ];
  // One duplicate pair among the open bugs, for realism.
  const openBugs = built.filter((b) => b.plan.path.at(-1) === 'Open');
  if (openBugs.length > 2) issueLinks.push({ id: String(linkId++), typeId: LINK_TYPE.DUPLICATE, inwardIssueId: openBugs[0]!.issue.id, outwardIssueId: openBugs[1]!.issue.id });

  const state: EmulatorState = {
    version: EMULATOR_STATE_VERSION,
    seededAt: now.toISOString(),
    users: seedUsers(),
    appAccountId: APP_ACCOUNT_ID,
    issueTypes: seedIssueTypes(),
    statuses: seedStatuses(),
    priorities: seedPriorities(),
    resolutions: seedResolutions(),
    roles: seedRoles(),
    permissionScheme: seedPermissionScheme(),
    projects: seedProjects(),
    workflows: seedWorkflows(),
    fields: seedFields(),
    linkTypes: seedLinkTypes(),
    issueLinks,
    issues: all,
    versions: seedVersions(now),
    boards: seedBoards(),
    sprints,
    counters: { issueId: 10001 + all.length, historyId: 10000 + histories.length, linkId, versionId: 10020, sprintId: 7, issueNumber: numbers },
    appStorage: {},
  };
  // Built-in area seeds first (they only add what is absent), then the caller's extensions.
  for (const extend of [rcPromotionRegressionSeed, seedRegressionRecords, seedMoveRules, seedCoverage, ...extensions]) extend(state);
  return state;
}

export { SEED_BASE_DATE as seedBaseDate };
export * as seedIds from './ids';
export { rcPromotionConfigSeed } from './rc-promotion';
export { opsDeliverySeed, opsHandoffConfigSeed, pendingHandoffSeed } from './ops-delivery';
