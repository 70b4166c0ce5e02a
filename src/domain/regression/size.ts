import { fail, ok, type Result } from '../../contracts/result';
import { ENTITY_PROPERTY_MAX_CHARS, REGRESSION_RECORD_BUDGET_CHARS } from './limits';
import type { RegressionRecord } from './types';

/**
 * Length of the record as JSON, counting every non-ASCII character as its `\uXXXX` escape (6 characters).
 * That is an upper bound for any way Jira may serialise it, so a record that fits here fits in Jira.
 */
export function serializedLength(value: unknown): number {
  const json = JSON.stringify(value) ?? '';
  let extra = 0;
  for (let i = 0; i < json.length; i++) if (json.charCodeAt(i) > 0x7e) extra += 5;
  return json.length + extra;
}

export type SizeReport = { length: number; budget: number; jiraLimit: number };

/** Ok with the measured length, or a clear TOO_LARGE-style failure naming the figures and what to do. */
export function checkRecordSize(record: RegressionRecord, budget = REGRESSION_RECORD_BUDGET_CHARS): Result<SizeReport> {
  const length = serializedLength(record);
  if (length <= budget) return ok({ length, budget, jiraLimit: ENTITY_PROPERTY_MAX_CHARS });
  return fail(
    'BAD_REQUEST',
    `The regression checklist would take ${length} characters, over the ${budget} this app allows ` +
      `(Jira keeps at most ${ENTITY_PROPERTY_MAX_CHARS} per issue property). Shorten notes or remove checks, then try again.`,
  );
}

/** The record as it should be written: revision bumped, size checked. */
export function prepareWrite(record: RegressionRecord, budget = REGRESSION_RECORD_BUDGET_CHARS): Result<RegressionRecord> {
  const next: RegressionRecord = { ...record, revision: record.revision + 1 };
  const size = checkRecordSize(next, budget);
  return size.ok ? ok(next) : size;
}
