import * as z from 'zod';

/**
 * The ops hand-off of a production release, as stored on the hand-off issue (issue entity property
 * `release-train-handoff`). Written by the promotion (create-ops-handoff step); read by the ops panel, the ops view
 * and the delivery metrics. Additive changes only: both sides parse it.
 */
export const HANDOFF_PROPERTY_KEY = 'release-train-handoff';

export const handoffRecordSchema = z.object({
  /** The project whose train shipped (the bug project, not the ops project). */
  projectKey: z.string().min(1),
  /** The train = the production release's name, e.g. "4.3.0". */
  train: z.string().min(1),
  productionVersionId: z.string().min(1),
  productionVersionName: z.string().min(1),
  /** The candidate that was promoted, e.g. "4.3.0-rc.2". */
  candidateVersionId: z.string().min(1),
  candidateName: z.string().min(1),
  promotionId: z.string().min(1),
  promotedBy: z.string().min(1),
  /** ISO timestamp of the promotion. */
  promotedAt: z.string().min(1),
});
export type HandoffRecord = z.infer<typeof handoffRecordSchema>;

/** What ops reports back from the hand-off issue (issue entity property `release-train-deployment`). */
export const DEPLOYMENT_PROPERTY_KEY = 'release-train-deployment';

export const deploymentOutcomeSchema = z.enum(['deployed', 'failed', 'rolled-back']);
export type DeploymentOutcome = z.infer<typeof deploymentOutcomeSchema>;

export const deploymentReportSchema = z.object({
  outcome: deploymentOutcomeSchema,
  /** ISO timestamp of when it happened (deployed / failed / rolled back), not when it was recorded. */
  at: z.string().min(1),
  environment: z.string().min(1).max(200),
  note: z.string().max(5000).default(''),
  reportedBy: z.string().min(1),
  /** Display name of the reporter when recorded (additive; older reports have none). */
  reportedByName: z.string().max(255).optional(),
  reportedAt: z.string().min(1),
});
export type DeploymentReport = z.infer<typeof deploymentReportSchema>;

/** Every report made on the hand-off, oldest first (a deploy can fail, then succeed, then be rolled back). */
export const deploymentHistorySchema = z.object({
  reports: z.array(deploymentReportSchema).max(200),
  /** Additive, for JQL (manifest jira:entityProperty): the latest outcome ('awaiting' | outcome) and the first deployment. */
  index: z.object({ status: z.string().max(20), deployedAt: z.string().max(40).optional() }).optional(),
});
export type DeploymentHistory = z.infer<typeof deploymentHistorySchema>;

/**
 * How the promotion makes the hand-off issue (part of the RC promotion settings): who gets it (an assignee and/or
 * a component of the ops project), when it is due (days after the promotion), its deployment checklist (one task
 * per line, the front-end team's part included) and the rollback notes. Written by the promotion only.
 */
export const DEFAULT_HANDOFF_CHECKLIST = [
  'Deploy the release to production',
  'Front-end team: deploy the web and mobile front-end of the release and clear the CDN cache',
  'Smoke test the main flows (sign-in, search, checkout) in production',
  'Front-end team: smoke test the UI in the supported browsers',
  'Monitor errors, latency and alerts for one hour after the deployment',
  'Report the outcome on this issue (deployed, failed or rolled back)',
] as const;
export const DEFAULT_ROLLBACK_NOTES =
  'If the smoke test fails or errors rise after the deployment: redeploy the previous production release, tell the RTE on this issue with what was seen, and report the rollback here. The RTE cuts the next candidate.';

export const handoffTemplateSchema = z.object({
  issueType: z.string().trim().min(1).max(100).default('Task'),
  assigneeAccountId: z.string().trim().min(1).max(128).optional(),
  component: z.string().trim().min(1).max(255).optional(),
  /** Due date = promotion day + this many days; none when absent. */
  dueInDays: z.number().int().min(0).max(365).optional(),
  checklist: z.array(z.string().trim().min(1).max(500)).max(30).default([...DEFAULT_HANDOFF_CHECKLIST]),
  rollbackNotes: z.string().trim().max(5000).default(DEFAULT_ROLLBACK_NOTES),
});
export type HandoffTemplate = z.infer<typeof handoffTemplateSchema>;
export const DEFAULT_HANDOFF_TEMPLATE: HandoffTemplate = handoffTemplateSchema.parse({});
