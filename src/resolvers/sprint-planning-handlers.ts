/**
 * The bug sprint-planning page's resolver handlers. Jira is read and written as the calling user (Jira's own
 * permissions apply: planning needs Schedule issues); budgets, pins and the manual order live in app storage.
 */
import { sprintPlanningProcedures, sprintPlanSettingsSchema, teamCompletionSchema, type MoveOutcome, type PlanMoveInput, type PlanView, type SprintPlanSettings } from '../contracts/sprint-planning';
import { batchMoves, invertMoves } from '../domain/sprint-plan';
import type { JiraGateway } from '../jira/gateway';
import { repository } from '../storage/repository';
import { AppError } from './app-error';
import type { HandlerContext, Handlers } from './define-resolver';
import { projectStageMapping } from './project-stage-mapping';
import { buildPreview, buildView, type PlanInputs } from './sprint-planning/build-view';
import { buildProgressWarning, readPlanningBugs, type ReadModelState } from '../read-models/planning/page-read';
import { readBoardContext, readCurrentSprints, readTeamCompletion, type BoardContext, type ReadBugsResult, type SprintCompletion } from './sprint-planning/read-jira';

export { sprintPlanningProcedures };

/** A project that never saved settings: budgets follow the bugs the team fixed per sprint (share 1 of the bug velocity, not of the team's). */
export const DEFAULT_SETTINGS: SprintPlanSettings = sprintPlanSettingsSchema.parse({ velocityShare: 1 });

const settingsRepo = (ctx: HandlerContext) => repository(ctx.services.storage, 'sprint-plan', sprintPlanSettingsSchema);

function caller(ctx: HandlerContext): { gw: JiraGateway; projectKey: string; accountId: string } {
  if (!ctx.accountId) throw new AppError('UNAUTHORIZED', 'Sprint planning needs a signed-in Jira user.');
  if (!ctx.projectKey) throw new AppError('BAD_REQUEST', "Open this page from a project: Jira gave it no project.");
  return { gw: ctx.services.jira('user', ctx.accountId), projectKey: ctx.projectKey, accountId: ctx.accountId };
}

async function readSettings(ctx: HandlerContext, projectKey: string): Promise<SprintPlanSettings> {
  return (await settingsRepo(ctx).get(projectKey)) ?? DEFAULT_SETTINGS;
}

const completionRepo = (ctx: HandlerContext) => repository(ctx.services.storage, 'sprint-velocity', teamCompletionSchema);

/**
 * What the team completed in each closed sprint the velocity uses: from app storage, reading from Jira only the
 * sprints not stored yet (a closed sprint never changes), so a page load reads them once per sprint closed.
 */
async function teamCompletion(ctx: HandlerContext, gw: JiraGateway, board: BoardContext): Promise<{ completion: Map<number, SprintCompletion>; pages: number }> {
  if (!board.board) return { completion: new Map(), pages: 0 };
  const repo = completionRepo(ctx);
  const id = String(board.board.id);
  const stored = (await repo.get(id)) ?? teamCompletionSchema.parse({});
  const known = new Map(Object.entries(stored.sprints).map(([k, v]) => [Number(k), v]));
  const read = await readTeamCompletion(gw, board, new Set(known.keys()));
  if (read.completed.size > 0) {
    for (const [sprintId, done] of read.completed) known.set(sprintId, done);
    // Keep the sprints the velocity can still use; older ones fall out of the window for good.
    const keep = new Set(board.sprints.filter((s) => s.state === 'closed').map((s) => s.id));
    await repo.set(id, { version: 1, sprints: Object.fromEntries([...known].filter(([k]) => keep.has(k)).map(([k, v]) => [String(k), v])) });
  }
  return { completion: known, pages: read.pages };
}

/** What the planning read model needs: the caller's gateway for the page's reads, the app's for its upkeep. */
const readEnv = (ctx: HandlerContext, gw: JiraGateway) => ({ user: gw, app: ctx.services.jira('app'), kv: ctx.services.storage, ...(ctx.services.queue ? { queue: ctx.services.queue } : {}), now: () => ctx.services.now() });

async function loadView(ctx: HandlerContext, boardId: number | undefined, known?: { board: BoardContext; settings: SprintPlanSettings }): Promise<PlanView> {
  const { gw, projectKey } = caller(ctx);
  const before = gw.callCount();
  // The stage mapping is read alongside the board context: a constant part of the budget (see read-jira.ts).
  const [board, settings, mapping] = await Promise.all([
    known ? known.board : readBoardContext(gw, projectKey, boardId),
    known ? known.settings : readSettings(ctx, projectKey),
    projectStageMapping(ctx, gw, projectKey),
  ]);
  const now = ctx.services.now();
  const [read, team]: [ReadBugsResult & { model?: ReadModelState }, { completion: Map<number, SprintCompletion>; pages: number }] = await Promise.all([
    board.board ? readPlanningBugs(readEnv(ctx, gw), projectKey, board, now, { supportProjectKeys: settings.supportProjectKeys, mapping }) : { bugs: [], pages: 0, truncated: false },
    teamCompletion(ctx, gw, board),
  ]);
  const inputs: PlanInputs = { board, bugs: read.bugs, settings, now, teamCompletion: team.completion, ...(read.resolvedCutoff ? { resolvedCutoff: read.resolvedCutoff } : {}) };
  const view = buildView(inputs, projectKey, { searchCalls: read.pages + team.pages, jiraCalls: gw.callCount() - before, openBugs: read.bugs.filter((b) => b.stage !== 'DONE' && !b.resolvedAt).length, truncated: read.truncated });
  if (!board.board) view.warnings.unshift(`${projectKey} has no scrum board you can see: create one (or ask for access) to plan bugs into sprints.`);
  const building = read.model ? buildProgressWarning(projectKey, read.model, read.bugs.some((b) => b.stage !== 'DONE' && !b.resolvedAt)) : undefined;
  if (building) view.warnings.unshift(building);
  else if (read.truncated) view.warnings.unshift(`Only the first ${read.bugs.length} bugs were read: narrow the project's bug backlog to see them all.`);
  if (read.model) view.readModel = read.model;
  return view;
}

/** Board context + settings for a change; refuses callers who may not plan sprints in the project. */
async function forChange(ctx: HandlerContext, boardId: number | undefined) {
  const { gw, projectKey, accountId } = caller(ctx);
  const [board, settings] = await Promise.all([readBoardContext(gw, projectKey, boardId), readSettings(ctx, projectKey)]);
  if (!board.canPlan) throw new AppError('FORBIDDEN', `You need the Schedule issues permission in ${projectKey} to plan bugs into sprints.`);
  if (!board.board) throw new AppError('NOT_FOUND', `${projectKey} has no scrum board you can see.`);
  return { gw, projectKey, accountId, board, settings };
}

function upcomingSprint(board: BoardContext, sprintId: number): void {
  const sprint = board.sprints.find((s) => s.id === sprintId);
  if (!sprint) throw new AppError('NOT_FOUND', `Sprint ${sprintId} is not a sprint of board '${board.board?.name ?? ''}'.`);
  if (sprint.state === 'closed') throw new AppError('BAD_REQUEST', `Sprint '${sprint.name}' is closed: only active and future sprints can be planned.`);
}

async function saveAndLoad(ctx: HandlerContext, change: Awaited<ReturnType<typeof forChange>>, next: SprintPlanSettings, boardId: number | undefined): Promise<PlanView> {
  const saved: SprintPlanSettings = { ...next, updatedAt: ctx.services.now().toISOString(), updatedByAccountId: change.accountId };
  await settingsRepo(ctx).set(change.projectKey, saved);
  return loadView(ctx, boardId, { board: change.board, settings: saved });
}

/**
 * Moves through the agile API in batches of ≤ 50 per target; each bug's outcome, and the moves that undo it.
 * Where a bug comes from is read from Jira (`current`), not taken from the page, so "already there" and undo are
 * right even when someone else moved the bug meanwhile; keys that are not bugs of the project are not sent.
 */
async function applyMoves(gw: JiraGateway, board: BoardContext, projectKey: string, moves: PlanMoveInput[], current: Map<string, number | null> | undefined) {
  const outcomes = new Map<string, MoveOutcome>();
  const origin = new Map<string, number | null>();
  const target = new Map<string, number | null>();
  for (const m of moves) {
    if (!origin.has(m.key)) origin.set(m.key, current ? (current.get(m.key) ?? null) : m.fromSprintId);
    target.set(m.key, m.toSprintId);
  }
  const valid = new Set(board.sprints.filter((s) => s.state !== 'closed').map((s) => s.id));
  const sendable: PlanMoveInput[] = [];
  for (const [key, to] of target) {
    const from = origin.get(key) ?? null;
    if (current && !current.has(key)) {
      outcomes.set(key, { key, fromSprintId: from, toSprintId: to, status: 'failed', reason: `${key} is not a bug of ${projectKey} (or no longer exists).` });
    } else if (to !== null && !valid.has(to)) {
      const sprint = board.sprints.find((s) => s.id === to);
      outcomes.set(key, { key, fromSprintId: from, toSprintId: to, status: 'failed', reason: sprint ? `Sprint '${sprint.name}' is closed: issues can only be moved to an active or future sprint.` : `Sprint ${to} is not a sprint of this board.` });
    } else if (to === from) outcomes.set(key, { key, fromSprintId: from, toSprintId: to, status: 'moved', reason: 'Already there' });
    else sendable.push({ key, fromSprintId: from, toSprintId: to });
  }
  let agileCalls = 0;
  for (const batch of batchMoves(sendable)) {
    const results = await gw.moveIssues(batch.sprintId, batch.keys);
    agileCalls += results.length;
    for (const r of results) {
      for (const key of r.keys) {
        outcomes.set(key, { key, fromSprintId: origin.get(key) ?? null, toSprintId: target.get(key) ?? null, status: r.ok ? 'moved' : 'failed', ...(r.ok ? {} : { reason: r.error ?? 'Jira refused the move.' }) });
      }
    }
  }
  const list = [...target.keys()].map((k) => outcomes.get(k) as MoveOutcome);
  const done = sendable.filter((m) => outcomes.get(m.key)?.status === 'moved');
  return { outcomes: list, moved: list.filter((o) => o.status === 'moved').length, failed: list.filter((o) => o.status === 'failed').length, agileCalls, undo: invertMoves(done) };
}

export const sprintPlanningHandlers: Handlers<typeof sprintPlanningProcedures> = {
  'sprint/load': (input, ctx) => loadView(ctx, input.boardId),

  async 'sprint/set-budget'(input, ctx) {
    const change = await forChange(ctx, input.boardId);
    upcomingSprint(change.board, input.sprintId);
    const budgets = { ...change.settings.budgets };
    const id = String(input.sprintId);
    const { [change.settings.unit]: _old, ...other } = budgets[id] ?? {};
    if (input.amount === null) {
      if (Object.keys(other).length > 0) budgets[id] = other;
      else delete budgets[id];
    } else budgets[id] = { ...other, [change.settings.unit]: input.amount };
    return saveAndLoad(ctx, change, { ...change.settings, budgets }, input.boardId);
  },

  async 'sprint/set-settings'(input, ctx) {
    const change = await forChange(ctx, input.boardId);
    const { velocityShare: _v, unestimatedPoints: _u, ...rest } = change.settings;
    return saveAndLoad(
      ctx,
      change,
      { ...rest, unit: input.unit, velocityShareOf: 'team', ...(input.velocityShare !== null ? { velocityShare: input.velocityShare } : {}), ...(input.unestimatedPoints !== null ? { unestimatedPoints: input.unestimatedPoints } : {}) },
      input.boardId,
    );
  },

  async 'sprint/pin'(input, ctx) {
    const change = await forChange(ctx, input.boardId);
    const pins = { ...change.settings.pins };
    if (input.sprintId !== null) {
      upcomingSprint(change.board, input.sprintId);
      const foreign = input.keys.filter((key) => key.replace(/-\d+$/, '') !== change.projectKey);
      if (foreign.length > 0) throw new AppError('BAD_REQUEST', `${foreign.slice(0, 5).join(', ')}${foreign.length > 5 ? ' …' : ''} ${foreign.length === 1 ? 'is not a bug' : 'are not bugs'} of ${change.projectKey}.`);
    }
    for (const key of input.keys) {
      if (input.sprintId === null) delete pins[key];
      else pins[key] = input.sprintId;
    }
    return saveAndLoad(ctx, change, { ...change.settings, pins }, input.boardId);
  },

  async 'sprint/set-order'(input, ctx) {
    const change = await forChange(ctx, input.boardId);
    return saveAndLoad(ctx, change, { ...change.settings, override: [...new Set(input.keys)] }, input.boardId);
  },

  async 'sprint/auto-plan-preview'(input, ctx) {
    const { gw, projectKey } = caller(ctx);
    const [board, settings, mapping] = await Promise.all([readBoardContext(gw, projectKey, input.boardId), readSettings(ctx, projectKey), projectStageMapping(ctx, gw, projectKey)]);
    if (!board.board) throw new AppError('NOT_FOUND', `${projectKey} has no scrum board you can see.`);
    const now = ctx.services.now();
    const [read, team] = await Promise.all([readPlanningBugs(readEnv(ctx, gw), projectKey, board, now, { supportProjectKeys: settings.supportProjectKeys, mapping }), teamCompletion(ctx, gw, board)]);
    return buildPreview({ board, bugs: read.bugs, settings, now, teamCompletion: team.completion, ...(read.resolvedCutoff ? { resolvedCutoff: read.resolvedCutoff } : {}) });
  },

  async 'sprint/move'(input, ctx) {
    const change = await forChange(ctx, input.boardId);
    const current = await readCurrentSprints(change.gw, change.projectKey, change.board, [...new Set(input.moves.map((m) => m.key))]);
    const result = await applyMoves(change.gw, change.board, change.projectKey, input.moves, current);
    return { ...result, ...(input.refresh ? { view: await loadView(ctx, input.boardId, { board: change.board, settings: change.settings }) } : {}) };
  },
};
