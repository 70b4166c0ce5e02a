/** Turns what was read from Jira and the stored settings into the page's view, with the pure sprint-plan rules. */
import type { AutoPlanPreview, PlanBugView, PlanSprintView, PlanView, SignalsView, SprintPlanSettings } from '../../contracts/sprint-planning';
import { stages, type Stage } from '../../domain/bug-flow/stages';
import {
  autoPlan,
  bugSize,
  carryOverCount,
  closedSprintsInOrder,
  compareKeys,
  plannedLoad,
  rankBugs,
  rankEntries,
  resolveBudget,
  sprintSignals,
  toTime,
  upcomingSprintsInOrder,
  velocityFromClosedSprints,
  type BudgetSettings,
  type PlanSprint,
} from '../../domain/sprint-plan';
import type { BoardContext, ReadBug, SprintCompletion } from './read-jira';
import { RESOLVED_PAGE_SIZE, SIGNAL_SPRINTS } from './read-jira';

const LIST_LIMIT = 200;
const isOpen = (bug: ReadBug): boolean => bug.stage !== 'DONE' && !bug.resolvedAt;

/** Bug capacity the team really used per closed sprint: bugs that were in it and were resolved within its window. */
export function completedBySprint(bugs: readonly ReadBug[], sprints: readonly PlanSprint[], settings: SprintPlanSettings): Map<number, number> {
  const out = new Map<number, number>();
  for (const sprint of closedSprintsInOrder(sprints)) {
    const start = toTime(sprint.startDate);
    const end = toTime(sprint.completeDate ?? sprint.endDate);
    if (!Number.isFinite(start) || !Number.isFinite(end)) continue;
    let used = 0;
    for (const bug of bugs) {
      const resolved = toTime(bug.resolvedAt);
      if (resolved >= start && resolved < end && bug.sprintHistory.includes(sprint.id)) used += bugSize(bug, settings.unit, settings.unestimatedPoints ?? 0) ?? 0;
    }
    out.set(sprint.id, used);
  }
  return out;
}

export type PlanInputs = {
  board: BoardContext;
  bugs: ReadBug[];
  settings: SprintPlanSettings;
  now: Date;
  resolvedCutoff?: string;
  /** What the team completed per closed sprint (all issues), for the team velocity. */
  teamCompletion?: ReadonlyMap<number, SprintCompletion>;
};

/**
 * How many of the last closed sprints the signals and the velocity use: SIGNAL_SPRINTS, or, when the resolved
 * bugs were cut at one search page (`resolvedCutoff`, the oldest resolved date read), only the most recent ones
 * that started after it: for those every bug resolved in the sprint was read.
 */
export function signalSprintCount(sprints: readonly PlanSprint[], resolvedCutoff?: string): number {
  const last = closedSprintsInOrder(sprints).slice(-SIGNAL_SPRINTS);
  if (resolvedCutoff === undefined) return last.length;
  const cutoff = toTime(resolvedCutoff);
  let n = 0;
  for (let i = last.length - 1; i >= 0 && toTime(last[i]?.startDate) > cutoff; i -= 1) n += 1;
  return n;
}

function coverageWarning(inputs: PlanInputs, n: number): string | undefined {
  if (inputs.resolvedCutoff === undefined) return undefined;
  const what = n === 0 ? 'no closed sprint is covered completely, so velocity and flow are unknown' : `the signals and the velocity use only the last ${n === 1 ? 'closed sprint' : `${n} closed sprints`}, which those cover completely`;
  return `More than ${RESOLVED_PAGE_SIZE} bugs were resolved in the last ${SIGNAL_SPRINTS} closed sprints; only the ${RESOLVED_PAGE_SIZE} most recent are read: ${what}.`;
}

const round1 = (n: number): number => Math.round(n * 10) / 10;

type Velocity = { value: number; bugs: number; note: string; shareOfTeam?: number };

/**
 * The default budget: the share of the team's velocity (every issue completed per closed sprint) the settings
 * give to bugs. Settings never saved, or saved before team velocity existed, hold a share of the bugs fixed per
 * sprint instead (`velocityShareOf: 'bugs'`): that keeps working, and the page shows what share of the team's
 * velocity it amounts to.
 */
function budgetSettings(inputs: PlanInputs): { budget: BudgetSettings; velocity: Velocity } {
  const { settings, board, bugs } = inputs;
  const n = signalSprintCount(board.sprints, inputs.resolvedCutoff);
  const bugEstimate = n > 0 ? velocityFromClosedSprints(board.sprints, completedBySprint(bugs, board.sprints, settings), n) : { velocity: 0, note: 'velocity unknown.' };
  const teamBySprint = new Map([...(inputs.teamCompletion ?? new Map<number, SprintCompletion>())].map(([id, c]) => [id, settings.unit === 'count' ? c.count : c.points]));
  const team = velocityFromClosedSprints(board.sprints, teamBySprint, SIGNAL_SPRINTS);
  const share = settings.velocityShare;
  const ofTeam = settings.velocityShareOf === 'team';
  const base = ofTeam ? team.velocity : bugEstimate.velocity;
  const budget: BudgetSettings = {
    unit: settings.unit,
    ...(share !== undefined ? { velocityShare: share, velocity: base } : {}),
    ...(settings.unestimatedPoints !== undefined ? { unestimatedPoints: settings.unestimatedPoints } : {}),
  };
  const unit = settings.unit === 'count' ? 'issues' : 'points';
  const bugSprints = 'sprintIds' in bugEstimate ? bugEstimate.sprintIds.length : 0;
  const bugPart = team.velocity > 0 ? ` (${Math.round((100 * bugEstimate.velocity) / team.velocity)} %)` : '';
  const shareOfTeam = share === undefined ? undefined : ofTeam ? share : team.velocity > 0 ? Math.min(1, (share * bugEstimate.velocity) / team.velocity) : undefined;
  const note =
    (team.sprintIds.length > 0
      ? `Team velocity: ${round1(team.velocity)} ${unit} per sprint, everything the team completed (average of the last ${team.sprintIds.length} closed ${team.sprintIds.length === 1 ? 'sprint' : 'sprints'}). `
      : 'Team velocity unknown: no closed sprint with dates. ') +
    `Bugs took ${round1(bugEstimate.velocity)}${bugPart}${bugSprints > 0 ? ` over the last ${bugSprints === 1 ? 'closed sprint' : `${bugSprints} closed sprints`}` : ''}.` +
    (share !== undefined && !ofTeam ? ` The default budget is still ${Math.round(share * 100)} % of the bugs fixed per sprint (settings never saved): saving a share makes it a share of the team velocity.` : '');
  return { budget, velocity: { value: team.velocity, bugs: bugEstimate.velocity, note, ...(shareOfTeam !== undefined ? { shareOfTeam } : {}) } };
}

/** The planning model's sprints with the stored per-sprint budgets. */
function withBudgets(sprints: readonly PlanSprint[], settings: SprintPlanSettings): PlanSprint[] {
  return sprints.map((s) => {
    const own = settings.budgets[String(s.id)];
    return own ? { ...s, bugBudget: own } : s;
  });
}

/** Bugs with their pins from the settings (pins to a sprint no longer upcoming are kept: auto-plan reports them). */
function withPins(bugs: readonly ReadBug[], settings: SprintPlanSettings): ReadBug[] {
  return bugs.map((b) => {
    const pin = settings.pins[b.key];
    return pin !== undefined ? { ...b, pinned: { sprintId: pin } } : b;
  });
}

function notReady(bug: ReadBug, budget: BudgetSettings): string | undefined {
  const why: string[] = [];
  if (bug.reproClear !== true) why.push('repro steps are not clear');
  if (bug.stage === 'L2') why.push('still in L2 (not triaged yet)');
  if (why.length > 0) return `Not ready: ${why.join(' and ')}`;
  if (bugSize(bug, budget.unit, budget.unestimatedPoints) === undefined) return 'No story points: estimate it, or plan bugs by count';
  return undefined;
}

const sortedUnique = (values: Iterable<string>) => [...new Set(values)].filter((v) => v !== '').sort((a, b) => a.localeCompare(b));

export function buildView(inputs: PlanInputs, projectKey: string, stats: PlanView['stats']): PlanView {
  const { board, settings, now } = inputs;
  const sprints = withBudgets(board.sprints, settings);
  const bugs = withPins(inputs.bugs, settings);
  const { budget, velocity } = budgetSettings(inputs);
  const closedIds = new Set(sprints.filter((s) => s.state === 'closed').map((s) => s.id));
  const warnings: string[] = [];

  const upcoming = upcomingSprintsInOrder(sprints);
  const sprintViews: PlanSprintView[] = upcoming.map((s) => {
    const resolved = resolveBudget(s, budget);
    warnings.push(...resolved.warnings);
    const load = plannedLoad(bugs, s.id, budget);
    return {
      id: s.id,
      name: s.name,
      state: s.state,
      ...(s.startDate ? { startDate: s.startDate } : {}),
      ...(s.endDate ? { endDate: s.endDate } : {}),
      ...(s.goal ? { goal: s.goal.slice(0, 1000) } : {}),
      budget: resolved.amount,
      budgetSource: resolved.source,
      planned: load.planned,
      bugs: load.bugs,
      unestimated: load.unestimated,
      // A sprint without a budget is not "over" it: the page says no budget is set.
      over: resolved.source !== 'none' && load.planned > resolved.amount + 1e-9,
    };
  });
  const sprintOrder = new Map(upcoming.map((s, i) => [s.id, i]));

  const open = bugs.filter(isOpen);
  const backlog = open.filter((b) => b.currentSprintId === undefined);
  const ranked = rankBugs(backlog, { now: now.getTime(), closedSprintIds: closedIds, override: settings.override });
  const byKey = new Map(open.map((b) => [b.key, b]));
  const view = (bug: ReadBug, rankInfo?: { rank: number; score: number; reasons: string[]; overridden: boolean }): PlanBugView => {
    const why = notReady(bug, budget);
    return {
      key: bug.key,
      summary: bug.summary,
      priority: bug.priority,
      ...(bug.severity ? { severity: bug.severity } : {}),
      stage: bug.stage,
      ...(bug.status ? { status: bug.status } : {}),
      ...(bug.storyPoints !== undefined ? { storyPoints: bug.storyPoints } : {}),
      components: bug.components,
      labels: bug.labels,
      assignee: bug.assignee ? { accountId: bug.assignee, displayName: bug.assigneeName ?? bug.assignee } : null,
      createdAt: bug.createdAt,
      sprintId: bug.currentSprintId ?? null,
      ...(bug.pinned ? { pinnedSprintId: bug.pinned.sprintId } : {}),
      carryOvers: carryOverCount(bug, closedIds),
      customerImpact: bug.customerImpact,
      foundInRegression: bug.foundInRegression,
      ready: why === undefined,
      ...(why ? { notReadyReason: why } : {}),
      ...(rankInfo ? { rank: rankInfo.rank, score: rankInfo.score } : {}),
      ...(rankInfo?.overridden ? { placedByPlanner: true as const } : {}),
      reasons: rankInfo?.reasons ?? [],
    };
  };
  const bugViews: PlanBugView[] = ranked.map((r) => view(byKey.get(r.key) as ReadBug, r));
  const planned = open
    .filter((b) => b.currentSprintId !== undefined)
    .sort((a, b) => (sprintOrder.get(a.currentSprintId as number) ?? 0) - (sprintOrder.get(b.currentSprintId as number) ?? 0) || compareKeys(a.key, b.key));
  for (const bug of planned) bugViews.push(view(bug));

  const signalSprints = signalSprintCount(board.sprints, inputs.resolvedCutoff);
  const signals = sprintSignals({ bugs, sprints, now: now.getTime(), budget, lastClosedSprints: signalSprints });
  const coverage = coverageWarning(inputs, signalSprints);
  if (coverage) warnings.push(coverage);
  warnings.push(...signals.warnings);
  const signalsView: SignalsView = {
    summary: signals.summary,
    carriedOver: signals.carriedOver.slice(0, LIST_LIMIT).map((c) => ({ key: c.key, summary: c.summary, carryOvers: c.carryOvers, sprintsIn: c.sprintsIn })),
    flow: signals.flow,
    trend: signals.trend,
    oldHighSeverity: signals.oldHighSeverity.slice(0, LIST_LIMIT),
    capacityUse: signals.capacityUse.map((c) => ({ sprintId: c.sprintId, name: c.name, planned: c.planned, used: c.used, usedShare: c.usedShare, budget: c.budget })),
    capacityNeeded: signals.capacityNeeded,
    warnings: signals.warnings,
  };

  const assignees = new Map<string, string>();
  for (const b of open) if (b.assignee) assignees.set(b.assignee, b.assigneeName ?? b.assignee);
  const presentStages = new Set<Stage>(open.map((b) => b.stage));
  return {
    projectKey,
    board: board.board ? { id: board.board.id, name: board.board.name } : null,
    boards: board.boards.map((b) => ({ id: b.id, name: b.name })),
    canPlan: board.canPlan,
    settings: {
      unit: settings.unit,
      // The form edits a share of the team velocity: a bug-velocity share is shown as what it amounts to.
      ...(velocity.shareOfTeam !== undefined ? { velocityShare: velocity.shareOfTeam } : {}),
      ...(settings.unestimatedPoints !== undefined ? { unestimatedPoints: settings.unestimatedPoints } : {}),
    },
    velocity: { value: velocity.value, bugs: velocity.bugs, note: velocity.note },
    sprints: sprintViews,
    bugs: bugViews,
    signals: signalsView,
    filters: {
      priorities: sortedUnique(open.map((b) => b.priority)),
      components: sortedUnique(open.flatMap((b) => b.components)),
      stages: stages.filter((s) => presentStages.has(s)),
      assignees: [...assignees].map(([accountId, displayName]) => ({ accountId, displayName })).sort((a, b) => a.displayName.localeCompare(b.displayName)),
      labels: sortedUnique(open.flatMap((b) => b.labels)),
    },
    stats,
    warnings: [...new Set(warnings)],
  };
}

export function buildPreview(inputs: PlanInputs): AutoPlanPreview {
  const { settings, now } = inputs;
  const sprints = withBudgets(inputs.board.sprints, settings);
  const bugs = withPins(inputs.bugs, settings);
  const { budget } = budgetSettings(inputs);
  // The ranks the page shows: the whole unplanned backlog, ready or not (auto-plan ranks only the ready ones).
  const closedIds = new Set(sprints.filter((s) => s.state === 'closed').map((s) => s.id));
  const backlog = bugs.filter((b) => isOpen(b) && b.currentSprintId === undefined);
  const backlogRanks = new Map(rankEntries(backlog, { now: now.getTime(), closedSprintIds: closedIds, override: settings.override }, false).map((e, i) => [e.bug.key, i + 1]));
  const plan = autoPlan({ bugs, sprints, now: now.getTime(), budget, override: settings.override, backlogRanks });
  const summary = new Map(bugs.map((b) => [b.key, b.summary]));
  return {
    moves: plan.moves.map((m) => ({ ...m, summary: summary.get(m.key) ?? '' })),
    notPlanned: plan.notPlanned.map((n) => ({ ...n, summary: summary.get(n.key) ?? '' })),
    perSprint: plan.perSprint.map((p) => ({ sprintId: p.sprintId, name: p.name, planned: p.planned, budget: p.budget, remaining: p.remaining, over: p.over, bugs: p.bugs, added: p.added })),
    warnings: plan.warnings,
  };
}
