import { MAX_VALIDATOR_FAILURE_RECORDS, validatorFailureLogSchema, type ValidatorFailureRecordDto } from '../contracts/validator-config';
import type { FailureRecord } from '../domain/validators/failure-policy';
import type { KeyValueStore } from '../storage/key-value-store';
import { repository } from '../storage/repository';

/**
 * Every "Jira could not be read" event of a validator, newest first, in one bounded list per project
 * (`validator-failures:<project key>`; `_` when the project is unknown, e.g. on create). Read-modify-write: two
 * events at the same instant may lose one; the list is a diagnostic aid, not an audit trail.
 */
const failureLogs = (store: KeyValueStore) => repository(store, 'validator-failures', validatorFailureLogSchema);

export const projectOfIssueKey = (issueKey: string): string => {
  const m = /^([A-Z][A-Z0-9_]*)-\d+$/i.exec(issueKey);
  return m?.[1]?.toUpperCase() ?? '_';
};

export async function recordValidatorFailure(store: KeyValueStore, record: FailureRecord): Promise<void> {
  const repo = failureLogs(store);
  const id = projectOfIssueKey(record.issueKey);
  let events: ValidatorFailureRecordDto[] = [];
  try {
    events = (await repo.get(id))?.events ?? [];
  } catch {
    events = []; // a corrupt log is replaced rather than blocking the record
  }
  const entry: ValidatorFailureRecordDto = { ...record, issueKey: record.issueKey.slice(0, 255), error: record.error.slice(0, 500) };
  await repo.set(id, { events: [entry, ...events].slice(0, MAX_VALIDATOR_FAILURE_RECORDS) });
}

export async function listValidatorFailures(store: KeyValueStore, projectKey: string, limit = MAX_VALIDATOR_FAILURE_RECORDS): Promise<ValidatorFailureRecordDto[]> {
  const events = (await failureLogs(store).get(projectKey.toUpperCase()))?.events ?? [];
  return events.slice(0, limit);
}
