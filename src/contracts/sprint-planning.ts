import * as z from 'zod';
import type { Procedures } from './procedure';
import { procedure } from './procedure';
import { stageLabels, stages } from '../domain/bug-flow/stages';

/**
 * The bug sprint-planning page: its stored settings (app storage, one value per project) and its resolver
 * payloads (keys namespaced `sprint/…`). Who plans is never taken from a payload: handlers use the caller.
 */

const issueKey = z.string().regex(/^[A-Z][A-Z0-9_]{0,19}-[1-9][0-9]{0,10}$/, 'must be an issue key such as RT-12');
const sprintId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const boardId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const amount = z.number().finite().min(0).max(100_000);
const shortText = z.string().max(500);
const budgetUnitSchema = z.enum(['points', 'count']);
export const MAX_MOVES_PER_CALL = 2000;
export const MAX_OVERRIDE_KEYS = 2000;

/** Stored per project under `sprint-plan:<projectKey>`; parsed on every read. */
export const sprintPlanSettingsSchema = z.object({
  version: z.literal(1).default(1),
  unit: budgetUnitSchema.default('points'),
  /** Share of velocity given to bugs when a sprint has no budget of its own (0..1). */
  velocityShare: z.number().min(0).max(1).optional(),
  /**
   * What the share is of: the team's velocity (every issue completed per sprint; what the page saves), or, for
   * projects that never saved settings and values saved before team velocity existed, the bugs fixed per sprint.
   */
  velocityShareOf: z.enum(['bugs', 'team']).default('bugs'),
  /** Points unit: the size assumed for a bug without story points (absent: such bugs need an estimate). */
  unestimatedPoints: amount.optional(),
  /** Per sprint id (as a string key): the bug budget in points and/or bugs. */
  budgets: z.record(z.string().regex(/^\d{1,15}$/), z.object({ points: amount.optional(), count: amount.optional() })).default({}),
  /** Bug key → sprint id it is pinned to. */
  pins: z.record(issueKey, sprintId).default({}),
  /** The planner's manual order (keys first, in this order). */
  override: z.array(issueKey).max(MAX_OVERRIDE_KEYS).default([]),
  /** Projects whose linked issues count as customer tickets; empty = any other project. */
  supportProjectKeys: z.array(z.string().regex(/^[A-Z][A-Z0-9_]{0,19}$/)).max(20).default([]),
  updatedAt: z.string().max(40).optional(),
  updatedByAccountId: z.string().max(128).optional(),
});
export type SprintPlanSettings = z.infer<typeof sprintPlanSettingsSchema>;

/** Stored per board under `sprint-velocity:<boardId>`: what the team completed in each closed sprint (it never changes). */
export const teamCompletionSchema = z.object({
  version: z.literal(1).default(1),
  sprints: z.record(z.string().regex(/^\d{1,15}$/), z.object({ points: z.number().min(0), count: z.number().int().min(0) })).default({}),
});
export type TeamCompletion = z.infer<typeof teamCompletionSchema>;

const stageSchema = z.enum(stages);
/** Stage names for the planning page's filters and rows. */
export const planStageLabels = stageLabels;
const sprintStateSchema = z.enum(['closed', 'active', 'future']);

export const planBugViewSchema = z.object({
  key: issueKey,
  summary: shortText,
  priority: z.string().max(100),
  severity: z.string().max(100).optional(),
  stage: stageSchema,
  status: z.string().max(255).optional(),
  storyPoints: z.number().optional(),
  components: z.array(z.string().max(255)).max(100),
  labels: z.array(z.string().max(255)).max(100),
  assignee: z.object({ accountId: z.string().max(128), displayName: z.string().max(255) }).nullable(),
  createdAt: z.string().max(40),
  /** Upcoming sprint the bug is in; null = backlog. */
  sprintId: sprintId.nullable(),
  pinnedSprintId: sprintId.optional(),
  /** Distinct closed sprints the bug left unfinished (from the Sprint field value). */
  carryOvers: z.number().int().min(0),
  customerImpact: z.number().int().min(0),
  foundInRegression: z.boolean(),
  ready: z.boolean(),
  notReadyReason: shortText.optional(),
  /** Backlog bugs only: 1-based rank, score and reasons. */
  rank: z.number().int().positive().optional(),
  /** Backlog bugs whose place comes from the planner's manual order (they come first, in that order). */
  placedByPlanner: z.literal(true).optional(),
  score: z.number().optional(),
  reasons: z.array(shortText).max(20),
});
export type PlanBugView = z.infer<typeof planBugViewSchema>;

export const planSprintViewSchema = z.object({
  id: sprintId,
  name: z.string().max(255),
  state: sprintStateSchema,
  startDate: z.string().max(40).optional(),
  endDate: z.string().max(40).optional(),
  goal: z.string().max(1000).optional(),
  budget: z.number().min(0),
  budgetSource: z.enum(['sprint', 'velocity-share', 'none']),
  /** Load of open bugs in the sprint, in the unit. */
  planned: z.number().min(0),
  bugs: z.number().int().min(0),
  unestimated: z.number().int().min(0),
  over: z.boolean(),
});
export type PlanSprintView = z.infer<typeof planSprintViewSchema>;

const flowSchema = z.object({ sprintId, name: z.string(), inflow: z.number(), outflow: z.number(), inflowAmount: z.number(), outflowAmount: z.number(), net: z.number(), backlogAtEnd: z.number() });
export const signalsViewSchema = z.object({
  summary: z.array(z.string()),
  carriedOver: z.array(z.object({ key: issueKey, summary: shortText, carryOvers: z.number(), sprintsIn: z.number() })),
  flow: z.array(flowSchema),
  trend: z.object({ openNow: z.number(), sprints: z.number(), averageNet: z.number(), growing: z.boolean(), sentence: z.string() }),
  oldHighSeverity: z.array(z.object({ key: issueKey, summary: shortText, severity: z.string(), ageDays: z.number() })),
  /** Per closed sprint: bug work planned into it (Sprint field), finished in it, and its budget. */
  capacityUse: z.array(z.object({ sprintId, name: z.string(), planned: z.number(), used: z.number(), usedShare: z.number().nullable(), budget: z.number() })),
  capacityNeeded: z.object({ needed: z.boolean(), perSprint: z.number(), averageInflow: z.number(), averageOutflow: z.number(), sprints: z.number(), currentBudget: z.number().optional(), suggestedBudget: z.number().optional(), sentence: z.string() }),
  warnings: z.array(z.string()),
});
export type SignalsView = z.infer<typeof signalsViewSchema>;

export const planViewSchema = z.object({
  projectKey: z.string(),
  board: z.object({ id: boardId, name: z.string() }).nullable(),
  boards: z.array(z.object({ id: boardId, name: z.string() })),
  canPlan: z.boolean(),
  settings: z.object({ unit: budgetUnitSchema, velocityShare: z.number().optional(), unestimatedPoints: z.number().optional() }),
  /** Team velocity (all issues completed per closed sprint, in the unit) and the bugs' part of it. */
  velocity: z.object({ value: z.number(), bugs: z.number(), note: z.string() }),
  /** Active then future sprints, in start order. */
  sprints: z.array(planSprintViewSchema),
  /** Open bugs: the ranked backlog (rank set) first, in rank order, then bugs planned in upcoming sprints. */
  bugs: z.array(planBugViewSchema),
  signals: signalsViewSchema,
  filters: z.object({
    priorities: z.array(z.string()),
    components: z.array(z.string()),
    stages: z.array(stageSchema),
    assignees: z.array(z.object({ accountId: z.string(), displayName: z.string() })),
    labels: z.array(z.string()),
  }),
  /** Jira calls the load made, and whether the open-bug list was cut at the safety limit. */
  stats: z.object({ searchCalls: z.number().int(), jiraCalls: z.number().int(), openBugs: z.number().int(), truncated: z.boolean() }),
  /** The planning read model the bugs came from (docs/read-models.md): its build progress while it is built. */
  readModel: z
    .object({ status: z.enum(['off', 'building', 'ready']), read: z.number().int().optional(), total: z.number().int().nullable().optional(), failures: z.number().int().optional(), lastError: z.string().optional(), lastSyncAt: z.string().optional() })
    .optional(),
  warnings: z.array(z.string()),
});
export type PlanView = z.infer<typeof planViewSchema>;

const boardInput = z.object({ boardId: boardId.optional() });

export const planMoveSchema = z.object({ key: issueKey, fromSprintId: sprintId.nullable(), toSprintId: sprintId.nullable() });
export type PlanMoveInput = z.infer<typeof planMoveSchema>;

export const moveOutcomeSchema = z.object({
  key: issueKey,
  fromSprintId: sprintId.nullable(),
  toSprintId: sprintId.nullable(),
  status: z.enum(['moved', 'failed']),
  reason: z.string().max(1000).optional(),
});
export type MoveOutcome = z.infer<typeof moveOutcomeSchema>;

export const autoPlanPreviewSchema = z.object({
  moves: z.array(z.object({ key: issueKey, summary: shortText, fromSprintId: sprintId.nullable(), toSprintId: sprintId, reason: shortText })),
  notPlanned: z.array(z.object({ key: issueKey, summary: shortText, code: z.string(), reason: shortText })),
  perSprint: z.array(z.object({ sprintId, name: z.string(), planned: z.number(), budget: z.number(), remaining: z.number(), over: z.boolean(), bugs: z.number(), added: z.number() })),
  warnings: z.array(z.string()),
});
export type AutoPlanPreview = z.infer<typeof autoPlanPreviewSchema>;

export const sprintPlanningProcedures = {
  /** Board, upcoming sprints with budgets, ranked backlog with reasons, planned bugs, signals and filter options. */
  'sprint/load': procedure(boardInput, planViewSchema),
  /** Sets (amount) or clears (null) one sprint's bug budget in the current unit. */
  'sprint/set-budget': procedure(boardInput.extend({ sprintId, amount: amount.nullable() }), planViewSchema),
  /** Unit, velocity share and the size of an unestimated bug. null clears an optional value. */
  'sprint/set-settings': procedure(
    boardInput.extend({ unit: budgetUnitSchema, velocityShare: z.number().min(0).max(1).nullable(), unestimatedPoints: amount.nullable() }),
    planViewSchema,
  ),
  /** Pins bugs to an upcoming sprint (auto-plan puts them there) or unpins them (null): one call, one reload. */
  'sprint/pin': procedure(boardInput.extend({ keys: z.array(issueKey).min(1).max(MAX_MOVES_PER_CALL), sprintId: sprintId.nullable() }), planViewSchema),
  /** The planner's manual order of bugs (keys first, in this order); [] clears it. */
  'sprint/set-order': procedure(boardInput.extend({ keys: z.array(issueKey).max(MAX_OVERRIDE_KEYS) }), planViewSchema),
  /** What auto-plan would move where; changes nothing. */
  'sprint/auto-plan-preview': procedure(boardInput, autoPlanPreviewSchema),
  /**
   * Moves bugs between sprints and the backlog through the agile API in batches of at most 50. A failed batch does
   * not stop the others; each bug's outcome says moved or failed and why. `refresh` returns the fresh page state.
   * Where each bug is now is read from Jira (one search per 100 keys); `fromSprintId` is only the page's belief,
   * used when Jira refuses that lookup.
   */
  'sprint/move': procedure(
    boardInput.extend({ moves: z.array(planMoveSchema).min(1).max(MAX_MOVES_PER_CALL), refresh: z.boolean().default(true) }),
    z.object({
      outcomes: z.array(moveOutcomeSchema),
      moved: z.number().int(),
      failed: z.number().int(),
      agileCalls: z.number().int(),
      /** Moves that undo what did move (inverse order). */
      undo: z.array(planMoveSchema),
      view: planViewSchema.optional(),
    }),
  ),
} satisfies Procedures;
