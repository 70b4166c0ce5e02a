import * as z from 'zod';
import type { Procedures } from './procedure';
import { promotionSteps, MIN_OVERRIDE_REASON, type AuditEntry, type PromotionState, type StepResult } from '../domain/rc-readiness/promotion';
import type { GateResult } from '../domain/rc-readiness/types';
import type { CandidateStanding } from '../domain/rc-readiness/train-release';
import { metricStages } from '../domain/rc-readiness/metrics';
import { patternProblem } from '../domain/rc-readiness/train-naming';
import { MAX_EVIDENCE } from '../domain/rc-readiness/gates';
import { DEFAULT_PRODUCTION_NAMING, productionNamingProblem } from '../domain/rc-readiness/train-release';
import { DEFAULT_HANDOFF_TEMPLATE, handoffTemplateSchema } from './handoff';

/** The gates name at most this many issues as evidence (the page says "N+" at the cap). */
export { MAX_EVIDENCE };

/**
 * The RC-promotion page: promotion state and audit entry (app storage) and the page's resolver payloads
 * (keys namespaced `rc/…`). Who promotes is never taken from a payload: the resolver uses the caller's identity.
 */

const isoDateTime = z.iso.datetime({ offset: true });
const issueKey = z.string().regex(/^[A-Z][A-Z0-9_]{0,19}-[1-9][0-9]{0,10}$/);
const projectKey = z.string().regex(/^[A-Z][A-Z0-9_]{0,19}$/, 'must be a project key such as BUG');
const versionId = z.string().regex(/^\d{1,18}$/, 'must be a Jira version id');
const actorSchema = z.object({ accountId: z.string().min(1).max(128), name: z.string().max(255) });
const keyList = z.array(issueKey).max(1000);

export const gateResultSchema = z.object({
  id: z.union([
    z.enum(['issues-done', 'rte-reviewed', 'regression-passed', 'no-open-regression-bugs', 'repro-confirmed', 'earlier-candidates-done', 'changed-areas-regressed', 'development-clean']),
    z.templateLiteral(['jql:', z.string()]),
  ]),
  title: z.string().max(500),
  passed: z.boolean(),
  evidence: z.array(issueKey).max(MAX_EVIDENCE),
  detail: z.string().max(2000),
  severity: z.literal('warn').optional(),
}) satisfies z.ZodType<GateResult, unknown>;

export const promotionStepSchema = z.enum(promotionSteps);

export const stepResultSchema = z.object({
  productionVersionId: z.string().max(32).optional(),
  productionVersionName: z.string().max(255).optional(),
  nextRcVersionId: z.string().max(32).optional(),
  movedIssueKeys: keyList.optional(),
  archivedVersionIds: z.array(z.string().max(32)).max(500).optional(),
  auditKey: z.string().max(500).optional(),
  handoffIssueKey: issueKey.optional(),
  note: z.string().max(1000).optional(),
}) satisfies z.ZodType<StepResult, unknown>;

const overrideRecordSchema = z.object({
  by: actorSchema,
  reason: z.string().min(MIN_OVERRIDE_REASON).max(1000),
  at: isoDateTime,
  failingGates: z.array(gateResultSchema.shape.id).max(100),
  unfinishedKeys: keyList,
});

export const promotionStateSchema = z.object({
  id: z.string().min(1).max(250),
  projectKey,
  versionId,
  versionName: z.string().min(1).max(255),
  release: z.string().min(1).max(255),
  productionName: z.string().min(1).max(255),
  candidates: z.array(z.object({ id: versionId, name: z.string().max(255), n: z.number().int() })).max(500),
  steps: z.array(promotionStepSchema).max(promotionSteps.length),
  status: z.enum(['in-progress', 'done', 'failed']),
  startedAt: isoDateTime,
  startedBy: actorSchema,
  override: overrideRecordSchema.optional(),
  nextRcName: z.string().max(255).optional(),
  opsProjectKey: projectKey.optional(),
  completedSteps: z.array(z.object({ step: promotionStepSchema, at: isoDateTime, result: stepResultSchema })).max(promotionSteps.length),
  lastError: z.object({ step: promotionStepSchema, message: z.string().max(1000), at: isoDateTime }).optional(),
}) satisfies z.ZodType<PromotionState, unknown>;

export const auditEntrySchema = z.object({
  promotionId: z.string().min(1).max(250),
  projectKey,
  version: z.object({ id: versionId, name: z.string().max(255) }),
  release: z.string().max(255),
  productionName: z.string().max(255).optional(),
  by: actorSchema,
  at: isoDateTime,
  ready: z.boolean(),
  gates: z.array(gateResultSchema).max(100),
  override: overrideRecordSchema.optional(),
  nextRcName: z.string().max(255).optional(),
}) satisfies z.ZodType<AuditEntry, unknown>;

/** Promotion settings of a project (app storage). */
export const promotionConfigSchema = z.object({
  namingPattern: z.string().min(1).max(100).default('{release}-rc.{n}'),
  manualCandidates: z.array(z.object({ versionId, release: z.string().trim().min(1).max(255), n: z.number().int().min(0).max(1_000_000) })).max(500).default([]),
  /** The production version's name per train, with {release} once (e.g. "{release}" → "4.3.0"). */
  productionNaming: z.string().trim().min(1).max(100).default(DEFAULT_PRODUCTION_NAMING),
  /** Archive the train's candidates once its production version is released. */
  archiveCandidates: z.boolean().default(false),
  promoterRole: z.string().trim().min(1).max(255).default('RTE'),
  opsProjectKey: projectKey.optional(),
  adminGates: z.array(z.object({ name: z.string().trim().min(1).max(100), jql: z.string().trim().min(1).max(2000) })).max(20).default([]),
  bugTypes: z.array(z.string().trim().min(1).max(100)).min(1).max(20).default(['Bug']),
  /** How the ops hand-off issue is made (assignee or component, due date, checklist, rollback notes). */
  handoff: handoffTemplateSchema.default(DEFAULT_HANDOFF_TEMPLATE),
});
export type PromotionConfig = z.infer<typeof promotionConfigSchema>;

/** Settings as an admin saves them: the stored shape, plus a naming pattern the trains can actually use. */
export const promotionConfigInputSchema = promotionConfigSchema.superRefine((c, ctx) => {
  const problem = patternProblem(c.namingPattern);
  if (problem) ctx.addIssue({ code: 'custom', path: ['namingPattern'], message: problem });
  const naming = productionNamingProblem(c.productionNaming);
  if (naming) ctx.addIssue({ code: 'custom', path: ['productionNaming'], message: naming });
  const names = c.adminGates.map((g) => g.name.toLowerCase());
  names.forEach((n, i) => names.indexOf(n) !== i && ctx.addIssue({ code: 'custom', path: ['adminGates', i, 'name'], message: 'Two gates have this name.' }));
});

// ---- Page payloads and results ----

const versionOut = z.object({ id: z.string(), name: z.string(), released: z.boolean(), releaseDate: z.string().optional() });
export const candidateStandingSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('open') }),
  z.object({ kind: z.literal('older'), latest: z.string() }),
  z.object({ kind: z.literal('promoted'), productionName: z.string() }),
  z.object({ kind: z.literal('superseded'), productionName: z.string(), promotedCandidate: z.string().optional(), rolledBack: z.boolean().optional() }),
  z.object({ kind: z.literal('promoting'), promotedCandidate: z.string() }),
]) satisfies z.ZodType<CandidateStanding, unknown>;
export const trainsOutputSchema = z.object({
  trains: z.array(
    z.object({
      release: z.string(),
      releaseVersion: versionOut.optional(),
      candidates: z.array(
        z.object({
          version: versionOut,
          n: z.number().int(),
          source: z.enum(['convention', 'manual']),
          /** Where the candidate stands in its train (superseded once the train shipped from another candidate). */
          standing: candidateStandingSchema.optional(),
        }),
      ),
      /** The production version's name and, once the train shipped, the candidate it shipped from. */
      productionName: z.string().optional(),
      shipped: z.object({ productionName: z.string(), fromCandidate: z.string().optional(), on: z.string().optional() }).optional(),
    }),
  ),
  unmatched: z.array(versionOut),
  warnings: z.array(z.string()),
  pattern: z.string(),
});

export const convergenceOutputSchema = z.object({
  rcs: z.array(
    z.object({
      name: z.string(),
      loop: z.number().int(),
      bugsFixed: z.array(z.string()),
      bugsFound: z.array(z.string()),
      openFound: z.array(z.string()),
      regressionComplete: z.boolean(),
    }),
  ),
  status: z.enum(['converged', 'converging', 'not-converging', 'unknown']),
  explanation: z.string(),
});

export const progressSchema = z.object({ done: z.array(z.string()), remaining: z.array(z.string()), failure: z.string().optional(), summary: z.string() });

export const readinessOutputSchema = z.object({
  version: versionOut,
  release: z.string(),
  issueCount: z.number().int(),
  gates: z.array(gateResultSchema),
  ready: z.boolean(),
  convergence: convergenceOutputSchema,
  promotion: promotionStateSchema.nullable(),
  /** The promotion's audit entry once recorded: its gates are the evidence the promotion was decided on. */
  audit: auditEntrySchema.nullable(),
  /** Whether the caller may promote (project role checked server-side; the button is only a hint). */
  canPromote: z.boolean(),
  /** The configured promoter project role (for the page's explanation). */
  promoterRole: z.string(),
  /** Why the caller may not promote, when they may not. */
  refusal: z.string().optional(),
  /** Where the candidate stands in its train, and the sentence saying why it cannot be promoted (when it cannot). */
  standing: candidateStandingSchema.optional(),
  standingSentence: z.string().optional(),
  /** The production version the train ships as. */
  productionName: z.string().optional(),
  /** Cumulative release notes of the train if this candidate ships (plain text, as the version and the hand-off get them). */
  releaseNotes: z.string().max(200_000).optional(),
  /** Summaries of the issues named as evidence (gates, still-open regression finds), by key, as far as known. */
  summaries: z.record(issueKey, z.string().max(255)).optional(),
});

const candidateRef = { projectKey, versionId };
/** Override: only the reason comes from the page; who and when are set by the resolver. */
const overrideInput = z.object({ reason: z.string().trim().min(MIN_OVERRIDE_REASON).max(1000) });

export const trainsInputSchema = z.object({ projectKey });
export const readinessInputSchema = z.object(candidateRef);
export const promotionPreviewInputSchema = z.object({ ...candidateRef, override: overrideInput.optional() });
export const promotionPreviewOutputSchema = z.object({
  allowed: z.boolean(),
  refusal: z.string().optional(),
  steps: z.array(z.object({ step: promotionStepSchema, title: z.string(), detail: z.string() })),
});
export const promoteInputSchema = z.object({ ...candidateRef, override: overrideInput.optional(), confirm: z.literal(true) });
export const promotionViewOutputSchema = z.object({
  state: promotionStateSchema.nullable(),
  audit: auditEntrySchema.nullable(),
  progress: progressSchema.nullable(),
  /** A run holds the promotion right now (a live lease). An in-progress state without one was interrupted: resume it. */
  running: z.boolean(),
});

/** A stopped promotion given up by a promoter: who, when, why, and the state (and audit) it had. */
export const abandonedPromotionSchema = z.object({
  promotionId: z.string().min(1).max(250),
  by: actorSchema,
  at: isoDateTime,
  reason: z.string().min(MIN_OVERRIDE_REASON).max(1000),
  state: promotionStateSchema,
  audit: auditEntrySchema.nullable(),
});
export const abandonInputSchema = z.object({ ...candidateRef, reason: z.string().trim().min(MIN_OVERRIDE_REASON).max(1000) });

export const configInputSchema = z.object({ projectKey });
export const configOutputSchema = z.object({
  config: promotionConfigSchema,
  /** The caller may change the settings (Administer Projects in the project, by their own rights). */
  canAdminister: z.boolean(),
  /** The project's role names, for the promoter role (only for admins: Jira shows roles to admins only). */
  roles: z.array(z.string()),
  /** The stored settings could not be read (shown as defaults until an admin saves them again). */
  problem: z.string().optional(),
});
export const configSaveInputSchema = z.object({ projectKey, config: promotionConfigInputSchema });

export const rcPromotionProcedures = {
  'rc/trains': { input: trainsInputSchema, output: trainsOutputSchema },
  'rc/readiness': { input: readinessInputSchema, output: readinessOutputSchema },
  'rc/promote-preview': { input: promotionPreviewInputSchema, output: promotionPreviewOutputSchema },
  'rc/promote': { input: promoteInputSchema, output: promotionViewOutputSchema },
  'rc/promotion': { input: readinessInputSchema, output: promotionViewOutputSchema },
  'rc/promotion-abandon': { input: abandonInputSchema, output: promotionViewOutputSchema },
  'rc/config': { input: configInputSchema, output: configOutputSchema },
  'rc/config-save': { input: configSaveInputSchema, output: configOutputSchema },
} as const satisfies Procedures;
