/**
 * Reads what the planning page needs from Jira, within a fixed call budget:
 *
 *   constant part   listBoards, listFields, myPermissions (parallel) → getBoardConfiguration, listSprints (parallel);
 *                   the status → stage mapping from app storage (one project-statuses call only the first time it is
 *                   derived, see project-stage-mapping.ts)
 *                   (listSprints pages every 50 sprints of the board, closed ones included: Jira lists closed
 *                   sprints first and cannot return only the last few);
 *                   one search page (maxResults 100) of the bugs resolved since the oldest closed sprint the signals
 *                   look at, newest first, with only the fields the signals and velocity read (see readBugs for
 *                   what happens when more than 100 were resolved)
 *   per open bug    one JQL search page per 100 open bugs, naming only the fields read below
 *
 * Carry-over without changelogs: Jira keeps every sprint an unfinished issue has been in in the Sprint field value
 * (a carried-over bug in sprint 24 reads "RT Sprint 22, RT Sprint 23, RT Sprint 24", which is how Jira's issue view
 * shows it). So the field value already is the sprint history the ranking and the signals need, and no per-issue
 * changelog call is made. (The value loses a sprint only when someone removes the issue from a sprint before that
 * sprint closes, which is not a carry-over anyway.)
 */
import { z } from 'zod';
import { guessStage, stageOf, type StatusStageMapping } from '../../domain/bug-flow/status-mapping';
import type { Stage } from '../../domain/bug-flow/stages';
import { analyseReproSteps } from '../../domain/repro-steps';
import { closedSprintsInOrder, type PlanBug, type PlanSprint } from '../../domain/sprint-plan';
import { isJiraError } from '../../jira/errors';
import type { JiraGateway } from '../../jira/gateway';
import type { JiraBoard, JiraField, JiraIssue, JiraSprint } from '../../jira/schemas';
import { AppError } from '../app-error';

export const SEARCH_PAGE_SIZE = 100;
/** Safety limit on bugs read for one page load. */
export const MAX_BUGS = 20_000;
/** Closed sprints the signals look at (inflow/outflow, capacity use). */
export const SIGNAL_SPRINTS = 5;
/** Resolved bugs read for the signals and velocity: one search page, whatever the project's size. */
export const RESOLVED_PAGE_SIZE = 100;
export const REGRESSION_LABEL = 'found-in-regression';
const REPRO_CONFIRMED_LABEL = 'repro-confirmed';

export type FieldIds = { sprint: string; storyPoints?: string; severity?: string; reproSteps?: string; reproConfirmed?: string };

export type BoardContext = {
  boards: JiraBoard[];
  board: JiraBoard | null;
  sprints: PlanSprint[];
  fields: FieldIds;
  canPlan: boolean;
};

const customType = (f: JiraField): string => {
  const schema = f.schema as { custom?: unknown } | undefined;
  return typeof schema?.custom === 'string' ? schema.custom : '';
};
const byName = (fields: JiraField[], ...names: string[]) => fields.find((f) => names.some((n) => f.name.toLowerCase() === n.toLowerCase()))?.id;

export function resolveFieldIds(fields: JiraField[], estimationFieldId: string | undefined): FieldIds {
  const sprint = fields.find((f) => customType(f) === 'com.pyxis.greenhopper.jira:gh-sprint')?.id ?? byName(fields, 'Sprint') ?? 'customfield_10020';
  const storyPoints =
    estimationFieldId && estimationFieldId !== 'issueCount'
      ? estimationFieldId
      : (fields.find((f) => customType(f) === 'com.pyxis.greenhopper.jira:jsw-story-points')?.id ?? byName(fields, 'Story point estimate', 'Story Points'));
  return {
    sprint,
    storyPoints,
    severity: byName(fields, 'Severity'),
    reproSteps: fields.find((f) => /repro/i.test(customType(f)))?.id ?? byName(fields, 'Reproduction steps'),
    reproConfirmed: byName(fields, 'Repro steps confirmed'),
  };
}

const toState = (s: string): PlanSprint['state'] => (s === 'active' ? 'active' : s === 'closed' ? 'closed' : 'future');
const toPlanSprint = (s: JiraSprint): PlanSprint => ({
  id: s.id,
  name: s.name,
  state: toState(s.state.toLowerCase()),
  ...(s.startDate ? { startDate: s.startDate } : {}),
  ...(s.endDate ? { endDate: s.endDate } : {}),
  ...(s.completeDate ? { completeDate: s.completeDate } : {}),
  ...(s.goal ? { goal: s.goal } : {}),
});

/** Boards, the chosen scrum board, its sprints, the field ids and whether the caller may plan sprints. */
export async function readBoardContext(gw: JiraGateway, projectKey: string, boardId?: number): Promise<BoardContext> {
  const [boards, fields, permissions] = await Promise.all([
    gw.listBoards(projectKey),
    gw.listFields(),
    gw.myPermissions({ projectKey }, ['SCHEDULE_ISSUES']),
  ]);
  const scrum = boards.filter((b) => b.type === 'scrum');
  const board = boardId !== undefined ? (boards.find((b) => b.id === boardId) ?? null) : (scrum[0] ?? null);
  if (boardId !== undefined && !board) throw new AppError('NOT_FOUND', `Board ${boardId} is not a board of ${projectKey} that you can see.`);
  if (board && board.type !== 'scrum') throw new AppError('BAD_REQUEST', `Board '${board.name}' is a ${board.type} board: bugs are planned on a scrum board's sprints.`);
  if (!board) return { boards: scrum, board: null, sprints: [], fields: resolveFieldIds(fields, undefined), canPlan: permissions['SCHEDULE_ISSUES'] === true };
  const [config, sprints] = await Promise.all([gw.getBoardConfiguration(board.id), gw.listSprints(board.id)]);
  return {
    boards: scrum,
    board,
    sprints: sprints.map(toPlanSprint),
    fields: resolveFieldIds(fields, config.estimation?.field?.fieldId),
    canPlan: permissions['SCHEDULE_ISSUES'] === true,
  };
}

const checkedKey = (projectKey: string): string => {
  if (!/^[A-Z][A-Z0-9_]{0,19}$/.test(projectKey)) throw new AppError('BAD_REQUEST', `'${projectKey}' is not a project key.`);
  return projectKey;
};

/** The open bugs of the project: the backlog, the planned bugs, carry-overs. */
export function openBugsJql(projectKey: string): string {
  return `project = "${checkedKey(projectKey)}" AND issuetype = Bug AND statusCategory != Done ORDER BY created ASC`;
}

/** Bugs resolved since the start of the oldest closed sprint the signals use (else the last 90 days), newest first. */
export function resolvedBugsJql(projectKey: string, sprints: readonly PlanSprint[], now: Date): string {
  const oldest = closedSprintsInOrder(sprints).slice(-SIGNAL_SPRINTS)[0];
  const since = oldest?.startDate && Number.isFinite(Date.parse(oldest.startDate)) ? new Date(Date.parse(oldest.startDate)) : new Date(now.getTime() - 90 * 86_400_000);
  return `project = "${checkedKey(projectKey)}" AND issuetype = Bug AND statusCategory = Done AND resolved >= "${since.toISOString().slice(0, 10)}" ORDER BY resolved DESC`;
}

export function searchFields(ids: FieldIds): string[] {
  return [
    'summary', 'status', 'priority', 'labels', 'components', 'assignee', 'created', 'resolutiondate', 'issuelinks', 'description',
    ids.sprint, ids.storyPoints, ids.severity, ids.reproSteps, ids.reproConfirmed,
  ].filter((f): f is string => typeof f === 'string');
}

const sprintValue = z.array(z.looseObject({ id: z.number(), state: z.string().optional() })).nullable().optional();
const optionValue = z.union([z.looseObject({ value: z.string() }), z.string()]).nullable().optional();

export type ReadBug = PlanBug & { assigneeName?: string };

export type PlanBugOptions = {
  supportProjectKeys: readonly string[];
  mapping: StatusStageMapping;
  /** The repro analyser's verdict when already known (the read model keeps it per bug version); default: analyse now. */
  analysedClear?: (issue: JiraIssue) => boolean;
};

/**
 * One search result → the planning model's bug. `upcomingIds` are the board's active and future sprints. The stage
 * is the project's status → stage mapping (the admin's, or the derived default); a status added to the workflow
 * after the mapping was saved falls back to the name/category guess the default uses.
 */
export function toPlanBug(issue: JiraIssue, ids: FieldIds, upcomingIds: ReadonlySet<number>, options: PlanBugOptions): ReadBug {
  const f = issue.fields;
  const raw = f as Record<string, unknown>;
  const sprints = sprintValue.safeParse(raw[ids.sprint]);
  const history = sprints.success && sprints.data ? sprints.data.map((s) => s.id) : [];
  const current = sprints.success && sprints.data ? sprints.data.find((s) => upcomingIds.has(s.id))?.id : undefined;
  const categoryKey = f.status?.statusCategory?.key ?? 'indeterminate';
  const status = { id: f.status?.id ?? '', name: f.status?.name ?? '', categoryKey };
  const stage: Stage = stageOf(status.id, options.mapping) ?? guessStage(status) ?? 'DEV';
  const labels = f.labels ?? [];
  const points = ids.storyPoints ? raw[ids.storyPoints] : undefined;
  const sev = ids.severity ? optionValue.safeParse(raw[ids.severity]) : undefined;
  const severity = sev?.success && sev.data ? (typeof sev.data === 'string' ? sev.data : sev.data.value) : undefined;
  const project = issue.key.replace(/-\d+$/, '');
  const customers = new Set<string>();
  for (const link of f.issuelinks ?? []) {
    const other = link.inwardIssue ?? link.outwardIssue;
    if (!other) continue;
    const otherProject = other.key.replace(/-\d+$/, '');
    const isSupport = options.supportProjectKeys.length > 0 ? options.supportProjectKeys.includes(otherProject) : otherProject !== project;
    if (isSupport) customers.add(other.key);
  }
  const done = stage === 'DONE' || categoryKey === 'done';
  return {
    key: issue.key,
    summary: (f.summary ?? '').slice(0, 500),
    priority: f.priority?.name ?? '',
    ...(severity ? { severity } : {}),
    createdAt: f.created ?? '',
    stage: done ? 'DONE' : stage,
    ...(f.status?.name ? { status: f.status.name } : {}),
    ...(typeof points === 'number' && Number.isFinite(points) ? { storyPoints: points } : {}),
    components: (f.components ?? []).map((c) => c.name),
    labels,
    assignee: f.assignee?.accountId ?? null,
    ...(f.assignee?.displayName ? { assigneeName: f.assignee.displayName } : {}),
    customerImpact: customers.size,
    foundInRegression: labels.includes(REGRESSION_LABEL),
    reproClear: done || reproClear(issue, ids, stage, labels, options.analysedClear),
    ...(current !== undefined ? { currentSprintId: current } : {}),
    sprintHistory: history,
    ...(f.resolutiondate ? { resolvedAt: f.resolutiondate } : {}),
  };
}

/**
 * Ready to plan: a bug the RTE has taken past triage (Dev, review, QA) has steps good enough to work on; before
 * that, the steps must be confirmed (field or label) or read as clear by the repro-steps analyser.
 */
function reproClear(issue: JiraIssue, ids: FieldIds, stage: Stage, labels: string[], analysedClear?: (issue: JiraIssue) => boolean): boolean {
  if (stage === 'DEV' || stage === 'RTE_REVIEW' || stage === 'QA') return true;
  if (labels.includes(REPRO_CONFIRMED_LABEL)) return true;
  const raw = issue.fields as Record<string, unknown>;
  const confirmed = ids.reproConfirmed ? optionValue.safeParse(raw[ids.reproConfirmed]) : undefined;
  if (confirmed?.success && confirmed.data && (typeof confirmed.data === 'string' ? confirmed.data : confirmed.data.value) === 'Yes') return true;
  if (analysedClear) return analysedClear(issue);
  const field = ids.reproSteps ? raw[ids.reproSteps] : undefined;
  return analyseReproSteps({ summary: issue.fields.summary, description: issue.fields.description, field: (field ?? null) as never }).verdict === 'clear';
}

/** What the signals and the velocity read of a resolved bug (no description, links or repro fields). */
export function resolvedFields(ids: FieldIds): string[] {
  return ['summary', 'status', 'priority', 'created', 'resolutiondate', ids.sprint, ids.storyPoints, ids.severity].filter((f): f is string => typeof f === 'string');
}

export type ReadBugsResult = {
  bugs: ReadBug[];
  /** Search calls: ceil(open bugs / 100) for the open bugs (at least 1) + 1 for the resolved ones. */
  pages: number;
  /** The open bugs were cut at MAX_BUGS. */
  truncated: boolean;
  /**
   * Set when more bugs were resolved than one page holds: the resolved date of the oldest one read. Every bug
   * resolved after it was read, so only closed sprints that started after it have complete figures.
   */
  resolvedCutoff?: string;
};

/**
 * Every bug the page needs: the open bugs page by page (ceil(open / 100) calls) and, in parallel, one page of the
 * most recently resolved bugs. When more than 100 bugs were resolved in the signals' sprints, the signals and the
 * velocity use only the closed sprints those 100 cover completely (see signalSprintCount in build-view.ts).
 */
export async function readBugs(gw: JiraGateway, projectKey: string, board: BoardContext, now: Date, options: PlanBugOptions): Promise<ReadBugsResult> {
  const upcomingIds = upcomingSprintIds(board);
  const [open, resolved] = await Promise.all([
    gw.searchAll({ jql: openBugsJql(projectKey), fields: searchFields(board.fields), pageSize: SEARCH_PAGE_SIZE, maxIssues: MAX_BUGS }),
    readResolvedBugs(gw, projectKey, board, now, options),
  ]);
  return {
    bugs: [...open.issues.map((i) => toPlanBug(i, board.fields, upcomingIds, options)), ...resolved.bugs],
    pages: open.pages + 1,
    truncated: open.truncated,
    ...(resolved.resolvedCutoff ? { resolvedCutoff: resolved.resolvedCutoff } : {}),
  };
}

export const upcomingSprintIds = (board: BoardContext): Set<number> => new Set(board.sprints.filter((s) => s.state !== 'closed').map((s) => s.id));

/** One page of the most recently resolved bugs (see readBugs), and the cutoff when more were resolved. */
export async function readResolvedBugs(gw: JiraGateway, projectKey: string, board: BoardContext, now: Date, options: PlanBugOptions): Promise<{ bugs: ReadBug[]; resolvedCutoff?: string }> {
  const resolved = await gw.searchPage(resolvedBugsJql(projectKey, board.sprints, now), resolvedFields(board.fields), RESOLVED_PAGE_SIZE);
  const bugs = resolved.issues.slice(0, RESOLVED_PAGE_SIZE).map((i) => toPlanBug(i, board.fields, upcomingSprintIds(board), options));
  const more = resolved.isLast !== true && !!resolved.nextPageToken;
  const oldest = bugs[bugs.length - 1]?.resolvedAt;
  return { bugs, ...(more && oldest ? { resolvedCutoff: oldest } : {}) };
}

/** Safety limit on completed issues read for the team velocity in one page load (then the rest on later loads). */
export const VELOCITY_MAX_ISSUES = 2_000;

export type SprintCompletion = { points: number; count: number };

/**
 * The team's completed work per closed sprint: every issue (any type, any project on the board) that was in the
 * sprint and was resolved within its window, in story points (the board's estimation field) and in issues.
 * Only the last SIGNAL_SPRINTS closed sprints not in `known` are read (a closed sprint does not change, so the
 * caller caches the result): one JQL search over those sprints, newest resolved first, ceil(issues / 100) pages
 * up to VELOCITY_MAX_ISSUES. Cut there, only the sprints that started after the oldest issue read are complete;
 * the others are left out (`pending`) and read on a later load.
 */
export async function readTeamCompletion(gw: JiraGateway, board: BoardContext, known: ReadonlySet<number>) {
  const wanted = closedSprintsInOrder(board.sprints)
    .slice(-SIGNAL_SPRINTS)
    .filter((s) => !known.has(s.id) && Number.isFinite(Date.parse(s.startDate ?? '')) && Number.isFinite(Date.parse(s.completeDate ?? s.endDate ?? '')));
  const completed = new Map<number, SprintCompletion>();
  if (wanted.length === 0) return { completed, pending: [] as number[], pages: 0 };
  const since = new Date(Math.min(...wanted.map((s) => Date.parse(s.startDate as string))));
  const ids = board.fields;
  const result = await gw.searchAll({
    jql: `sprint in (${wanted.map((s) => s.id).join(', ')}) AND statusCategory = Done AND resolved >= "${since.toISOString().slice(0, 10)}" ORDER BY resolved DESC`,
    fields: ['resolutiondate', ids.sprint, ids.storyPoints].filter((f): f is string => typeof f === 'string'),
    pageSize: SEARCH_PAGE_SIZE,
    maxIssues: VELOCITY_MAX_ISSUES,
  });
  const issues = result.issues.map((issue) => {
    const raw = issue.fields as Record<string, unknown>;
    const sprints = sprintValue.safeParse(raw[ids.sprint]);
    const points = ids.storyPoints ? raw[ids.storyPoints] : undefined;
    return {
      sprintIds: sprints.success && sprints.data ? sprints.data.map((s) => s.id) : [],
      resolved: Date.parse(issue.fields.resolutiondate ?? ''),
      points: typeof points === 'number' && Number.isFinite(points) && points > 0 ? points : 0,
    };
  });
  const cutoff = result.truncated ? Math.min(...issues.map((i) => i.resolved).filter(Number.isFinite)) : Number.NEGATIVE_INFINITY;
  const pending: number[] = [];
  for (const sprint of wanted) {
    const start = Date.parse(sprint.startDate as string);
    const end = Date.parse((sprint.completeDate ?? sprint.endDate) as string);
    if (start <= cutoff) {
      pending.push(sprint.id);
      continue;
    }
    const done: SprintCompletion = { points: 0, count: 0 };
    for (const i of issues) {
      if (i.resolved >= start && i.resolved < end && i.sprintIds.includes(sprint.id)) {
        done.points += i.points;
        done.count += 1;
      }
    }
    completed.set(sprint.id, done);
  }
  return { completed, pending, pages: result.pages };
}

/**
 * Where each of `keys` is now, read from Jira rather than trusted from the page: its upcoming sprint, or null for
 * the backlog. Only open and done bugs of the project come back (one search page per 100 keys); a key missing from
 * the result is not a bug of the project. Jira refuses a query that names a key that does not exist (or that the
 * caller cannot see): the keys its message names are left out (they are not bugs of the project) and the query runs
 * once more. If the membership still cannot be read, the move is refused: the page's data is never trusted instead.
 */
export async function readCurrentSprints(gw: JiraGateway, projectKey: string, board: BoardContext, keys: readonly string[]): Promise<Map<string, number | null>> {
  const upcomingIds = new Set(board.sprints.filter((s) => s.state !== 'closed').map((s) => s.id));
  const out = new Map<string, number | null>();
  const read = async (part: readonly string[]) => {
    if (part.length === 0) return;
    const result = await gw.searchAll({ jql: `project = "${checkedKey(projectKey)}" AND issuetype = Bug AND key in (${part.join(', ')})`, fields: [board.fields.sprint], pageSize: SEARCH_PAGE_SIZE });
    for (const issue of result.issues) {
      const sprints = sprintValue.safeParse((issue.fields as Record<string, unknown>)[board.fields.sprint]);
      out.set(issue.key, (sprints.success && sprints.data ? sprints.data.find((s) => upcomingIds.has(s.id))?.id : undefined) ?? null);
    }
  };
  for (let i = 0; i < keys.length; i += SEARCH_PAGE_SIZE) {
    const part = keys.slice(i, i + SEARCH_PAGE_SIZE);
    try {
      await read(part);
    } catch (e) {
      if (!(isJiraError(e) && e.kind === 'bad-request')) throw e;
      const named = new Set(e.jiraMessages.flatMap((m) => [...m.matchAll(/'([A-Z][A-Z0-9_]*-\d+)'/gi)].map((x) => x[1]!.toUpperCase())));
      const rest = part.filter((k) => !named.has(k.toUpperCase()));
      if (named.size === 0 || rest.length === part.length) throw membershipUnknown(projectKey, e.message);
      try {
        await read(rest);
      } catch (again) {
        throw membershipUnknown(projectKey, again instanceof Error ? again.message : String(again));
      }
    }
  }
  return out;
}

const membershipUnknown = (projectKey: string, why: string) =>
  new AppError('JIRA_ERROR', `Nothing was moved: Release Train could not confirm that these issues are bugs of ${projectKey} (${why}). Reload the page and try again.`);
