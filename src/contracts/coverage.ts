import * as z from 'zod';
import type { Procedures } from './procedure';
import { checkIdSchema, checkResultSchema, isoDateTimeSchema, issueKeySchema, personSchema, rcNameSchema, regressionCheckSchema, regressionRecordSchema } from './regression';
import { MAX_SIGNOFF_ENTRIES, MAX_SIGNOFF_NOTE, SIGNOFF_SCHEMA_VERSION } from '../domain/coverage/signoff';
import { MAX_SUITE_RUNS } from '../domain/coverage/area-suite';
import { MAX_RAN_PER_AREA } from '../domain/coverage/compute';
import type { AreaSuite, SignoffEntry, SignoffRecord, SuiteRun } from '../domain/coverage/types';

/**
 * Regression coverage per release candidate (areas changed vs regressed, area suites, the check library),
 * QA sign-off of features (issue entity property) and the development state from Jira's development information.
 * Stored: area suites and coverage settings in app storage; sign-offs on the issue (property below).
 */

/** The issue entity property of a feature's QA sign-off; declared as a `jira:entityProperty` in the manifest. */
export const SIGNOFF_PROPERTY_KEY = 'release-train-qa-signoff';

const projectKey = z.string().regex(/^[A-Z][A-Z0-9_]{0,19}$/, 'must be a project key such as BUG');
const versionId = z.string().regex(/^\d{1,18}$/, 'must be a Jira version id');
const area = z.string().trim().min(1).max(80);
const gateMode = z.enum(['off', 'warn', 'block']);

export const suiteRunSchema = z.object({ rc: rcNameSchema, checkId: checkIdSchema, result: checkResultSchema, at: isoDateTimeSchema, by: z.string().min(1).max(128) }) satisfies z.ZodType<SuiteRun, unknown>;
export const areaSuiteSchema = z.object({
  schemaVersion: z.literal(1),
  area,
  record: regressionRecordSchema,
  runs: z.array(suiteRunSchema).max(MAX_SUITE_RUNS),
}) satisfies z.ZodType<AreaSuite, unknown>;

export const signoffDecisionSchema = z.enum(['signed-off', 'rejected']);
export const signoffEntrySchema = z.object({
  id: checkIdSchema,
  rc: rcNameSchema,
  decision: signoffDecisionSchema,
  by: personSchema,
  at: isoDateTimeSchema,
  note: z.string().max(MAX_SIGNOFF_NOTE).optional(),
}) satisfies z.ZodType<SignoffEntry, unknown>;
export const signoffRecordSchema = z.object({
  schemaVersion: z.literal(SIGNOFF_SCHEMA_VERSION),
  entries: z.array(signoffEntrySchema).max(MAX_SIGNOFF_ENTRIES * 2),
  revision: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
}) satisfies z.ZodType<SignoffRecord, unknown>;

/** Coverage settings of a project (app storage `coverage:settings:<PROJECT>`). */
export const coverageSettingsSchema = z.object({
  /** Labels starting with this name an area (`area:search` → "search"); '' turns label areas off. */
  areaLabelPrefix: z.string().trim().max(40).default('area:'),
  /** A custom field whose values are areas (select, multi-select or labels field), besides components. */
  areaFieldId: z.string().regex(/^customfield_\d{1,10}$/, 'must be a custom field id such as customfield_10050').optional(),
  /** How many candidates back "never regressed" looks (the selected one included). */
  window: z.number().int().min(1).max(10).default(3),
  coverageGate: gateMode.default('warn'),
  developmentGate: gateMode.default('warn'),
});
export type CoverageSettings = z.infer<typeof coverageSettingsSchema>;

// ---- Views ----

const counts = z.object({ run: z.number().int(), passed: z.number().int(), failed: z.number().int(), blocked: z.number().int(), notRun: z.number().int() });
const flakySchema = z.object({ area: z.string(), checkId: z.string(), title: z.string(), failedAt: z.string(), passedAt: z.string() });
export const areaCoverageSchema = z.object({
  area: z.string(),
  changedBy: z.array(issueKeySchema).max(1000),
  changed: z.boolean(),
  checks: counts,
  regressed: z.boolean(),
  failed: z.boolean(),
  suite: z.object({ total: z.number().int(), run: z.number().int() }).nullable(),
  ran: z.array(z.object({ title: z.string(), result: z.enum(['passed', 'failed', 'blocked']), by: z.string().optional(), at: z.string().optional(), source: z.string() })).max(MAX_RAN_PER_AREA),
  flaky: z.array(flakySchema).max(200),
});
export const candidateCoverageSchema = z.object({
  rc: z.string(),
  areas: z.array(areaCoverageSchema).max(500),
  changedCount: z.number().int(),
  changedRegressedCount: z.number().int(),
  share: z.number().min(0).max(1).nullable(),
  unregressed: z.array(z.object({ area: z.string(), changedBy: z.array(issueKeySchema).max(1000) })).max(500),
  full: z.object({ suites: z.number().int(), checks: z.number().int(), run: z.number().int(), share: z.number().min(0).max(1).nullable() }),
  unmappedChecks: z.number().int(),
});

export const featureRowSchema = z.object({
  key: issueKeySchema,
  summary: z.string().max(255),
  type: z.string(),
  status: z.string(),
  done: z.boolean(),
  signoff: signoffEntrySchema.nullable(),
  /** The stored sign-off could not be read (shown, never overwritten). */
  signoffInvalid: z.boolean().optional(),
  openPullRequest: z.boolean(),
  failingBuild: z.boolean(),
  branch: z.boolean(),
});

export const coverageViewSchema = z.object({
  rc: z.string(),
  versionId,
  release: z.string(),
  /** The window, oldest first, the selected candidate last: how much each got. */
  candidates: z.array(candidateCoverageSchema.pick({ rc: true, changedCount: true, changedRegressedCount: true, share: true, full: true })).max(10),
  selected: candidateCoverageSchema,
  neverRegressed: z.array(z.string()).max(500),
  window: z.number().int(),
  /** Why full regression is not happening in the selected candidate: each gap with its areas and issues (empty: none). */
  fullRegressionGaps: z
    .array(
      z.object({
        code: z.enum(['changed-not-regressed', 'failed-checks', 'blocked-checks', 'no-area-suites', 'changed-without-suite', 'suites-not-run', 'never-regressed']),
        message: z.string().max(2000),
        areas: z.array(z.string()).max(500),
        issueKeys: z.array(issueKeySchema).max(1000),
      }),
    )
    .max(20),
  features: z.array(featureRowSchema).max(1000),
  development: z.object({
    openPullRequests: z.array(issueKeySchema).max(1000),
    failingBuilds: z.array(issueKeySchema).max(1000),
    branches: z.array(issueKeySchema).max(1000),
    error: z.string().optional(),
  }),
  settings: coverageSettingsSchema,
  /** The search stopped at its limit: figures rest on the first issues only. */
  truncated: z.boolean(),
});
export type CoverageView = z.infer<typeof coverageViewSchema>;

export const libraryCheckSchema = z.object({
  id: checkIdSchema,
  area: z.string(),
  title: z.string(),
  runs: z.number().int(),
  failures: z.number().int(),
  failedIn: z.array(z.string()).max(100),
  lastResult: z.enum(['passed', 'failed', 'blocked']).optional(),
  lastRc: z.string().optional(),
  sources: z.array(z.string()).max(5),
});
export const libraryOutputSchema = z.object({ checks: z.array(libraryCheckSchema).max(500), areas: z.array(z.string()).max(500) });

export const suiteViewSchema = z.object({
  area: z.string(),
  rc: z.string(),
  versionId,
  /** The candidate's cycle (null: the area regression has not started in this candidate). */
  checks: z.array(regressionCheckSchema).nullable(),
  /** Earlier candidates of this suite, oldest first, with their counts. */
  history: z.array(z.object({ rc: z.string(), total: z.number().int(), run: z.number().int(), failed: z.number().int() })),
  flaky: z.array(flakySchema),
  revision: z.number().int(),
  canEdit: z.boolean(),
});
export type SuiteView = z.infer<typeof suiteViewSchema>;

const suiteRef = { projectKey, versionId, area };
const pulled = z.array(z.object({ id: checkIdSchema, title: z.string().trim().min(1).max(200) })).max(40);

export const coverageProcedures = {
  'coverage/candidate': { input: z.object({ projectKey, versionId }), output: coverageViewSchema },
  'coverage/library': { input: z.object({ projectKey }), output: libraryOutputSchema },
  'coverage/suite': { input: z.object(suiteRef), output: suiteViewSchema },
  'coverage/suite-start': { input: z.object({ ...suiteRef, checks: pulled }), output: suiteViewSchema },
  'coverage/suite-add': { input: z.object({ ...suiteRef, checks: pulled.min(1) }), output: suiteViewSchema },
  'coverage/suite-result': {
    input: z.object({ ...suiteRef, checkId: checkIdSchema, result: checkResultSchema, note: z.string().max(1000).optional() }),
    output: suiteViewSchema,
  },
  'coverage/settings': { input: z.object({ projectKey }), output: z.object({ settings: coverageSettingsSchema, canAdminister: z.boolean(), problem: z.string().optional() }) },
  'coverage/settings-save': { input: z.object({ projectKey, settings: coverageSettingsSchema }), output: z.object({ settings: coverageSettingsSchema, canAdminister: z.boolean(), problem: z.string().optional() }) },
} as const satisfies Procedures;

// ---- The issue panel side: QA sign-off of features, the library for a bug's checklist ----

export const signoffViewSchema = z.object({
  issueKey: issueKeySchema,
  issueType: z.string(),
  /** Bugs are signed off through their focused regression (the QA regression panel), not here. */
  isBug: z.boolean(),
  summary: z.string(),
  currentRc: z.string().nullable(),
  record: signoffRecordSchema.nullable(),
  storedInvalid: z.object({ message: z.string() }).optional(),
  current: signoffEntrySchema.nullable(),
  canEdit: z.boolean(),
});
export type SignoffView = z.infer<typeof signoffViewSchema>;

export const signoffProcedures = {
  'signoff/get': { input: z.object({ issueKey: issueKeySchema }), output: signoffViewSchema },
  'signoff/record': {
    input: z.object({ issueKey: issueKeySchema, rc: rcNameSchema, id: checkIdSchema, decision: signoffDecisionSchema, note: z.string().max(MAX_SIGNOFF_NOTE).optional() }),
    output: signoffViewSchema,
  },
  /** The project's check library, for pulling checks into this bug's checklist. */
  'regression/library': { input: z.object({ issueKey: issueKeySchema }), output: libraryOutputSchema },
} as const satisfies Procedures;
