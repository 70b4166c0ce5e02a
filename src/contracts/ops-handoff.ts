import * as z from 'zod';
import { deploymentOutcomeSchema, deploymentReportSchema, handoffRecordSchema } from './handoff';
import { procedure } from './procedure';

/**
 * The ops outcome loop: the hand-off issue panel (`ops/handoff`, `ops/report`), the ops view of the project pages
 * (`ops/handoffs`) and what the RC page reads back (`ops/train-outcomes`, `ops/cut-next-candidate`).
 */
const issueKey = z.string().regex(/^[A-Z][A-Z0-9_]{0,19}-[1-9][0-9]{0,10}$/, 'must be an issue key such as OPS-12');
const projectKey = z.string().regex(/^[A-Z][A-Z0-9_]{0,19}$/, 'must be a project key such as OPS');

export const outcomeStatusSchema = z.enum(['awaiting', 'deployed', 'failed', 'rolled-back']);

export const handoffOutcomeSchema = z.object({
  status: outcomeStatusSchema,
  latest: deploymentReportSchema.optional(),
  deployedAt: z.string().optional(),
  deployments: z.number().int().min(0),
  rollbacks: z.number().int().min(0),
});

export const opsPanelViewSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('not-handoff'), issueKey }),
  z.object({ state: z.literal('unreadable'), issueKey, problem: z.string().max(1000) }),
  z.object({
    state: z.literal('handoff'),
    issueKey,
    record: handoffRecordSchema,
    reports: z.array(deploymentReportSchema).max(200),
    outcome: handoffOutcomeSchema,
    /** Whether the caller may report (Edit Issues on the hand-off, from Jira, as the caller). */
    canReport: z.boolean(),
    refusal: z.string().max(1000).optional(),
    /** After a report: the status the hand-off was moved to, or why it was not. */
    transition: z.object({ moved: z.boolean(), message: z.string().max(500) }).optional(),
  }),
]);
export type OpsPanelView = z.infer<typeof opsPanelViewSchema>;

export const reportInputSchema = z.object({
  issueKey,
  outcome: deploymentOutcomeSchema,
  /** When it happened (ISO date-time with offset). */
  at: z.iso.datetime({ offset: true }),
  environment: z.string().trim().min(1, 'name the environment').max(200),
  note: z.string().max(5000).default(''),
});

export const handoffRowSchema = z.object({
  issueKey,
  summary: z.string().max(500),
  statusName: z.string().max(255),
  assignee: z.string().max(255).optional(),
  projectKey: z.string(),
  train: z.string(),
  productionVersionName: z.string(),
  candidateName: z.string(),
  promotedAt: z.string(),
  outcome: handoffOutcomeSchema,
});
export type HandoffRow = z.infer<typeof handoffRowSchema>;

export const trainOutcomeSchema = z.object({
  projectKey: z.string(),
  train: z.string(),
  status: z.enum(['awaiting', 'deployed', 'failed', 'reopened']),
  handoffKey: issueKey,
  candidateName: z.string(),
  promotedAt: z.string(),
  latest: deploymentReportSchema.optional(),
  deployedAt: z.string().optional(),
  /** The next candidate the RTE can cut for a reopened train, when one is not there yet. */
  nextCandidateName: z.string().optional(),
  /** An unreleased candidate cut after the rollback, when there is one. */
  cutCandidateName: z.string().optional(),
});
export type TrainOutcomeView = z.infer<typeof trainOutcomeSchema>;

export const opsHandoffPanelProcedures = {
  'ops/handoff': procedure(z.object({ issueKey }), opsPanelViewSchema),
  'ops/report': procedure(reportInputSchema, opsPanelViewSchema),
};

export const opsProjectPageProcedures = {
  'ops/handoffs': procedure(
    z.object({ projectKey }),
    z.object({
      projectKey,
      pending: z.array(handoffRowSchema).max(500),
      recent: z.array(handoffRowSchema).max(500),
      unreadable: z.array(z.object({ issueKey, problem: z.string() })).max(500),
      truncated: z.boolean(),
      /** Why the lists are empty for the caller: the ops project the hand-offs go to is hidden from them. */
      hidden: z.string().optional(),
    }),
  ),
  'ops/train-outcomes': procedure(
    z.object({ projectKey }),
    z.object({ outcomes: z.array(trainOutcomeSchema).max(500), unreadable: z.array(z.object({ issueKey, problem: z.string() })).max(500), hidden: z.string().optional() }),
  ),
  'ops/cut-next-candidate': procedure(
    z.object({ projectKey, train: z.string().min(1).max(255) }),
    z.object({ version: z.object({ id: z.string(), name: z.string() }), created: z.boolean() }),
  ),
};
