import * as z from 'zod';
import type { Procedures } from './procedure';
import {
  CHECK_ID_PATTERN,
  FIELD_LIMITS,
  ISSUE_KEY_PATTERN,
  REGRESSION_SCHEMA_VERSION,
  SCHEMA_LIMITS,
} from '../domain/regression/limits';
import { checkFieldGroups, checkResults, type FieldClock, type Person, type RegressionCheck, type RegressionCycle, type RegressionRecord } from '../domain/regression/types';

/**
 * The focused-regression record (stored on the bug as an issue entity property) and the payloads/results of
 * the regression panel's resolvers. Field caps: src/domain/regression/limits.ts; the total size is checked
 * on every write (src/domain/regression/size.ts).
 */

/** The issue entity property key; declared as a `jira:entityProperty` in the manifest to be searchable. */
export const REGRESSION_PROPERTY_KEY = 'release-train-regression';

export const isoDateTimeSchema = z.iso.datetime({ offset: true });
export const issueKeySchema = z.string().max(FIELD_LIMITS.issueKey).regex(ISSUE_KEY_PATTERN, 'must be an issue key such as BUG-42');
export const accountIdSchema = z.string().min(1).max(FIELD_LIMITS.accountId);
export const checkIdSchema = z.string().regex(CHECK_ID_PATTERN, 'must be 1–64 letters, digits, - or _');
export const rcNameSchema = z.string().trim().min(1).max(FIELD_LIMITS.rc);
export const checkResultSchema = z.enum(checkResults);

export const personSchema = z.object({
  accountId: accountIdSchema,
  name: z.string().max(FIELD_LIMITS.personName),
}) satisfies z.ZodType<Person, unknown>;

/** When and by whom a field group of a check was last changed (records before per-group clocks have none). */
export const fieldClockSchema = z.object({
  at: isoDateTimeSchema,
  by: accountIdSchema,
  name: z.string().max(FIELD_LIMITS.personName).optional(),
}) satisfies z.ZodType<FieldClock, unknown>;

const areaSchema = z.string().trim().min(1).max(FIELD_LIMITS.area);
const titleSchema = z.string().trim().min(1).max(FIELD_LIMITS.title);
const noteSchema = z.string().max(FIELD_LIMITS.note);

export const regressionCheckSchema = z.object({
  id: checkIdSchema,
  area: areaSchema,
  title: titleSchema,
  result: checkResultSchema,
  tester: personSchema.optional(),
  at: isoDateTimeSchema.optional(),
  note: noteSchema.optional(),
  reportedBugKey: issueKeySchema.optional(),
  updatedAt: isoDateTimeSchema,
  updatedBy: accountIdSchema,
  updatedByName: z.string().max(FIELD_LIMITS.personName).optional(),
  clocks: z.partialRecord(z.enum(checkFieldGroups), fieldClockSchema).optional(),
}) satisfies z.ZodType<RegressionCheck, unknown>;

export const regressionCycleSchema = z
  .object({
    rc: rcNameSchema,
    startedAt: isoDateTimeSchema,
    checks: z.array(regressionCheckSchema).max(SCHEMA_LIMITS.checksPerCycle),
  })
  .superRefine((cycle, ctx) => {
    const seen = new Set<string>();
    cycle.checks.forEach((c, i) => {
      if (seen.has(c.id)) ctx.addIssue({ code: 'custom', path: ['checks', i, 'id'], message: `duplicate check id '${c.id}'` });
      seen.add(c.id);
    });
  }) satisfies z.ZodType<RegressionCycle, unknown>;

export const regressionRecordSchema = z
  .object({
    schemaVersion: z.literal(REGRESSION_SCHEMA_VERSION),
    cycles: z.array(regressionCycleSchema).max(SCHEMA_LIMITS.cycles),
    foundBugs: z.array(issueKeySchema).max(SCHEMA_LIMITS.foundBugs),
    revision: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  })
  .superRefine((record, ctx) => {
    const seen = new Set<string>();
    record.cycles.forEach((c, i) => {
      if (seen.has(c.rc)) ctx.addIssue({ code: 'custom', path: ['cycles', i, 'rc'], message: `two cycles for '${c.rc}'` });
      seen.add(c.rc);
    });
  }) satisfies z.ZodType<RegressionRecord, unknown>;

// ---- Stored form and write notices ----

/**
 * What the manifest's `jira:entityProperty` indexes (paths `index.latestRc`, `index.latestVerdict`), so JQL can
 * find bugs by their latest regression: `issue.property[release-train-regression].index.latestVerdict = failed`
 * (aliases `regressionRc`, `regressionVerdict`). Written next to the record on every save and derived from it;
 * the record schema ignores it on read, so it can never disagree with the record.
 */
export const regressionIndexSchema = z.object({
  latestRc: z.string().max(FIELD_LIMITS.rc),
  latestVerdict: z.enum(['passed', 'failed', 'incomplete', 'none']),
});
export type RegressionIndex = z.infer<typeof regressionIndexSchema>;

/** Told to the panel when its view was stale: others' changes were kept and this change applied on top. */
export const mergeNoticeSchema = z.object({
  message: z.string(),
  fromRevision: z.number().int(),
  toRevision: z.number().int(),
  /**
   * Same-field conflicts: a field group of a check someone else changed after the panel loaded it (or at the
   * same moment). `replaced`: 'theirs' when this write replaced their change, 'yours' when their later change
   * was kept instead of this one. `by` names the other person; `result` is the check's result after this write.
   */
  overwritten: z.array(
    z.object({
      checkId: z.string(),
      title: z.string(),
      by: z.string(),
      result: checkResultSchema,
      field: z.enum(checkFieldGroups).optional(),
      replaced: z.enum(['theirs', 'yours']).optional(),
    }),
  ),
});
export type MergeNotice = z.infer<typeof mergeNoticeSchema>;

/** One stage of the bug's path through the loop (L2 → RTE → Dev → RTE → QA), from its changelog. */
export const pathStepSchema = z.object({
  stage: z.string(),
  label: z.string(),
  enteredAt: z.string(),
  leftAt: z.string().optional(),
  by: z.string().optional(),
});
export const bugPathSchema = z.object({
  steps: z.array(pathStepSchema),
  /** How often QA sent the fix back to Dev (Dev → QA rounds beyond the first). */
  sentBackFromQa: z.number().int(),
});

export const regressionFixIssueSchema = z.object({
  key: issueKeySchema,
  summary: z.string(),
  status: z.string(),
  fixVersions: z.array(z.string()),
});

// ---- What the panel shows ----

const resultCountsSchema = z.object({
  'not-run': z.number().int(),
  passed: z.number().int(),
  failed: z.number().int(),
  blocked: z.number().int(),
  total: z.number().int(),
});

export const rcVerdictSchema = z.object({
  rc: z.string(),
  verdict: z.enum(['passed', 'failed', 'incomplete', 'none']),
  counts: resultCountsSchema,
});

export const loopSummarySchema = z.object({
  rcCount: z.number().int(),
  rcs: z.array(z.string()),
  passedIn: z.string().optional(),
  latestVerdict: z.enum(['passed', 'failed', 'incomplete']).optional(),
  foundBugs: z.array(z.string()),
  foundByRc: z.array(z.object({ rc: z.string(), bugKeys: z.array(z.string()) })),
  sentence: z.string(),
});

export const suggestedCheckSchema = z.object({
  id: checkIdSchema,
  area: z.string(),
  title: z.string(),
  reason: z.string(),
  score: z.number(),
});

export const regressionPanelSchema = z.object({
  issueKey: issueKeySchema,
  /** The RC the checklist is for (the bug's release-candidate fix version), when it has one. */
  currentRc: z.string().nullable(),
  /** null when the stored data is invalid: the panel then shows `storedInvalid` and does not offer edits. */
  record: regressionRecordSchema.nullable(),
  storedInvalid: z.object({ message: z.string() }).optional(),
  verdicts: z.array(rcVerdictSchema),
  loop: loopSummarySchema,
  suggestions: z.array(suggestedCheckSchema),
  /** Whether the current user may edit the issue (Jira's EDIT_ISSUES, checked with the user's own rights). */
  canEdit: z.boolean(),
  /** The bug itself (summary, status, fix versions), for the header. */
  issue: regressionFixIssueSchema.optional(),
  /** Present after a write whose view was stale. */
  notice: mergeNoticeSchema.optional(),
  /** Set when the issue is not a bug (the panel is for bugs): the panel shows one line instead of the checklist. */
  notABug: z.object({ issueType: z.string() }).optional(),
  /** The release the bug shipped in (a released fix version), with the candidate it shipped from; its regression is then closed. */
  shippedIn: z.object({ release: z.string(), releaseDate: z.string().optional(), candidate: z.string().optional() }).optional(),
  /** The bug's path through the loop (get-panel only; absent when the changelog or stage mapping could not be read). */
  path: bugPathSchema.optional(),
});
export type RegressionPanel = z.infer<typeof regressionPanelSchema>;

// ---- Resolver payloads (keys namespaced `regression/…`) ----

/** Every write names the revision the UI last saw; the resolver merges if the stored one moved on. */
const writeBase = { issueKey: issueKeySchema, rc: rcNameSchema, baseRevision: z.number().int().min(0) };

export const getPanelInputSchema = z.object({ issueKey: issueKeySchema });
export const startCycleInputSchema = z.object({ ...writeBase });
export const addCheckInputSchema = z.object({
  ...writeBase,
  /** Generated by the UI (crypto.randomUUID), so a retried add does not create a second check. */
  check: z.object({ id: checkIdSchema, area: areaSchema, title: titleSchema }),
});
/** The check's `updatedAt` as the UI last saw it, so a write can tell a same-check conflict from a merge. */
const seenUpdatedAt = isoDateTimeSchema.optional();
export const editCheckInputSchema = z
  .object({ ...writeBase, checkId: checkIdSchema, area: areaSchema.optional(), title: titleSchema.optional(), seenUpdatedAt })
  .refine((v) => v.area !== undefined || v.title !== undefined, 'change the area or the title');
export const reorderChecksInputSchema = z.object({ ...writeBase, order: z.array(checkIdSchema).max(SCHEMA_LIMITS.checksPerCycle) });
export const deleteCheckInputSchema = z.object({ ...writeBase, checkId: checkIdSchema });
export const recordResultInputSchema = z.object({
  ...writeBase,
  checkId: checkIdSchema,
  result: checkResultSchema,
  /** Omitted: keep the note; '': remove it. */
  note: noteSchema.optional(),
  seenUpdatedAt,
});
/** Sets ('' clears) a check's note without touching its result, tester or time. */
export const setNoteInputSchema = z.object({ ...writeBase, checkId: checkIdSchema, note: noteSchema, seenUpdatedAt });
/** What the tester writes in the report dialog: the new bug's Reproduction steps (the build is the RC). */
export const regressionReproSchema = z.object({
  steps: z.array(z.string().max(2000)).max(100),
  expected: z.string().max(2000),
  actual: z.string().max(2000),
  environment: z.string().max(2000).optional(),
});
export const reportRegressionBugInputSchema = z.object({
  ...writeBase,
  checkId: checkIdSchema,
  /** Overrides the drafted summary. */
  summary: z.string().trim().min(1).max(255).optional(),
  repro: regressionReproSchema,
});
export const reportRegressionBugOutputSchema = z.object({
  bugKey: issueKeySchema,
  panel: regressionPanelSchema,
  /** Steps that did not complete after the bug was created (e.g. the link to the fix), said plainly. */
  warnings: z.array(z.string()).optional(),
});

/** The preview of the bug "Report a regression bug" would create. */
export const draftRegressionBugInputSchema = z.object({ issueKey: issueKeySchema, rc: rcNameSchema, checkId: checkIdSchema });
export const draftRegressionBugOutputSchema = z.object({
  summary: z.string(),
  /** Real values the dialog starts with (the check's note as the actual result, the RC as the build). */
  prefill: z.object({ steps: z.array(z.string()), expected: z.string(), actual: z.string(), environment: z.string(), build: z.string() }),
  /** The skeleton, shown as placeholders only. */
  prompts: z.object({ steps: z.array(z.string()), expected: z.string(), actual: z.string(), environment: z.string() }),
  affectsVersion: z.string(),
  labels: z.array(z.string()),
  components: z.array(z.string()),
  linkTo: issueKeySchema,
  linkType: z.string(),
});
export type RegressionBugDraftView = z.infer<typeof draftRegressionBugOutputSchema>;

export const regressionProcedures = {
  'regression/get-panel': { input: getPanelInputSchema, output: regressionPanelSchema },
  'regression/start-cycle': { input: startCycleInputSchema, output: regressionPanelSchema },
  'regression/add-check': { input: addCheckInputSchema, output: regressionPanelSchema },
  'regression/edit-check': { input: editCheckInputSchema, output: regressionPanelSchema },
  'regression/reorder-checks': { input: reorderChecksInputSchema, output: regressionPanelSchema },
  'regression/delete-check': { input: deleteCheckInputSchema, output: regressionPanelSchema },
  'regression/record-result': { input: recordResultInputSchema, output: regressionPanelSchema },
  'regression/set-note': { input: setNoteInputSchema, output: regressionPanelSchema },
  'regression/report-bug': { input: reportRegressionBugInputSchema, output: reportRegressionBugOutputSchema },
  'regression/draft-bug': { input: draftRegressionBugInputSchema, output: draftRegressionBugOutputSchema },
} as const satisfies Procedures;
