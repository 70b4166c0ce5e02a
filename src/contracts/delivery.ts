import * as z from 'zod';
import { deliveryStages, type DeliveryMetrics } from '../domain/delivery/metrics';
import { procedure } from './procedure';

/** The delivery metrics page (`delivery/…`): figures per production release, from Jira and the recorded deployments. */
const projectKey = z.string().regex(/^[A-Z][A-Z0-9_]{0,19}$/, 'must be a project key such as RT');

const figureSchema = z.object({ count: z.number().int().min(0), medianMs: z.number().nullable(), p85Ms: z.number().nullable(), reason: z.string().optional() });
const deploymentSchema = z.object({ release: z.string(), at: z.string(), environment: z.string(), handoffKey: z.string(), candidateName: z.string(), promotedAt: z.string() });
const failureSchema = z.object({
  release: z.string(),
  deploymentAt: z.string(),
  cause: z.enum(['rollback', 'escaped-bug']),
  at: z.string(),
  key: z.string(),
  note: z.string().optional(),
  restoredAt: z.string().optional(),
});

export const deliveryMetricsSchema = z.object({
  window: z.object({ from: z.string(), to: z.string(), days: z.number() }),
  deployments: z.array(deploymentSchema),
  frequency: z.object({
    inWindow: z.number(),
    perWeek: z.number().nullable(),
    perMonth: z.number().nullable(),
    reason: z.string().optional(),
    weeks: z.array(z.object({ weekStart: z.string(), count: z.number() })),
  }),
  leadTime: figureSchema,
  perStage: z.object(Object.fromEntries(deliveryStages.map((s) => [s, figureSchema])) as Record<(typeof deliveryStages)[number], typeof figureSchema>),
  changeFailureRate: z.object({
    deployments: z.number(),
    failed: z.number(),
    rate: z.number().nullable(),
    reason: z.string().optional(),
    threshold: z.string().optional(),
    failures: z.array(failureSchema),
  }),
  timeToRestore: figureSchema.extend({ open: z.array(failureSchema) }),
  releases: z.array(
    z.object({
      release: z.string(),
      status: z.enum(['not-released', 'no-handoff', 'awaiting', 'deployed', 'failed', 'reopened']),
      deployedAt: z.string().optional(),
      deployments: z.number(),
      rollbacks: z.number(),
      loops: z.number().nullable(),
      loopsReason: z.string().optional(),
      leadTime: figureSchema,
      escapedBugs: z.array(z.string()),
      escapedReason: z.string().optional(),
      failedDeployments: z.number(),
      restore: figureSchema,
    }),
  ),
}) satisfies z.ZodType<DeliveryMetrics, unknown>;

/** Severity settings of the change failure rate (app storage `delivery:config:<PROJECT>`). */
export const deliveryConfigSchema = z.object({
  /** Severity values, most severe first (the Severity field's options). */
  severityOrder: z.array(z.string().min(1).max(100)).max(50).default(['Critical', 'Major', 'Moderate', 'Minor']),
  /** Escaped bugs below this severity do not count as a failed deployment; none = every escaped bug counts. */
  severityThreshold: z.string().min(1).max(100).optional(),
});
export type DeliveryConfig = z.infer<typeof deliveryConfigSchema>;

export const deliveryProcedures = {
  'delivery/metrics': procedure(
    z.object({ projectKey, windowDays: z.number().int().min(7).max(730).optional() }),
    deliveryMetricsSchema.extend({
      config: deliveryConfigSchema,
      /** Where the figures came from: releases read from frozen figures vs. from Jira this time; hand-offs that could not be read. */
      sources: z.object({ frozenReleases: z.array(z.string()), readReleases: z.array(z.string()), unreadableHandoffs: z.array(z.object({ issueKey: z.string(), problem: z.string() })), opsHidden: z.string().optional() }),
    }),
  ),
  'delivery/config-save': procedure(z.object({ projectKey, config: deliveryConfigSchema }), deliveryConfigSchema),
};
