/**
 * Size bounds of the regression record, stored as one issue entity property (Jira: at most 32,768 characters).
 *
 * Two tiers: what an edit may create (OP_LIMITS) and what the schema accepts (SCHEMA_LIMITS, twice as much).
 * A three-way merge of two edits that each stayed within OP_LIMITS can hold up to twice as many checks,
 * cycles or found bugs; the schema must still accept that, or a merged record would become unreadable.
 * The total size is enforced separately on every write (size.ts), since the field caps alone cannot keep
 * a long loop with many notes under Jira's limit.
 */
export const REGRESSION_SCHEMA_VERSION = 1 as const;

/** Jira's limit for an issue entity property value. */
export const ENTITY_PROPERTY_MAX_CHARS = 32_768;
/** What we let a write reach: headroom below Jira's limit. */
export const REGRESSION_RECORD_BUDGET_CHARS = 30_000;

export const FIELD_LIMITS = {
  id: 64,
  area: 80,
  title: 200,
  note: 1_000,
  rc: 255,
  accountId: 128,
  personName: 255,
  issueKey: 32,
} as const;

export const OP_LIMITS = { cycles: 15, checksPerCycle: 40, foundBugs: 100 } as const;
export const SCHEMA_LIMITS = { cycles: 30, checksPerCycle: 80, foundBugs: 200 } as const;

export const CHECK_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
export const ISSUE_KEY_PATTERN = /^[A-Z][A-Z0-9_]{0,19}-[1-9][0-9]{0,10}$/;
