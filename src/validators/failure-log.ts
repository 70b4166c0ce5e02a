import { MAX_VALIDATOR_FAILURE_RECORDS, validatorFailureLogSchema, validatorFailureRecordSchema, type ValidatorFailureRecordDto } from '../contracts/validator-config';
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

/**
 * Adds one event to the project's log. A log that cannot be read (the store failing, or a value that does not
 * parse) is never overwritten: one failed read must not erase the history. The event is then kept on its own
 * key (`validator-failures-unmerged:<project>:<time>`, one small value per event) and listed with the log, and the
 * answer says so; only when that write fails too is the event lost (and the caller logs it).
 */
export async function recordValidatorFailure(store: KeyValueStore, record: FailureRecord): Promise<'logged' | 'kept-aside'> {
  const repo = failureLogs(store);
  const id = projectOfIssueKey(record.issueKey);
  const entry: ValidatorFailureRecordDto = { ...record, issueKey: record.issueKey.slice(0, 255), error: record.error.slice(0, 500) };
  let events: ValidatorFailureRecordDto[];
  try {
    events = (await repo.get(id))?.events ?? [];
  } catch {
    await asideEvents(store).set(`${id}:${entry.at}:${Math.random().toString(36).slice(2, 8)}`, entry);
    return 'kept-aside';
  }
  await repo.set(id, { events: [entry, ...events].slice(0, MAX_VALIDATOR_FAILURE_RECORDS) });
  return 'logged';
}

const asideEvents = (store: KeyValueStore) => repository(store, 'validator-failures-unmerged', validatorFailureRecordSchema);

/** The project's events, newest first: the log plus any kept aside while the log could not be read. */
export async function listValidatorFailures(store: KeyValueStore, projectKey: string, limit = MAX_VALIDATOR_FAILURE_RECORDS): Promise<ValidatorFailureRecordDto[]> {
  const id = projectKey.toUpperCase();
  const events = (await failureLogs(store).get(id))?.events ?? [];
  const aside = (await asideEvents(store).list(MAX_VALIDATOR_FAILURE_RECORDS)).filter((e) => e.id.startsWith(`${id}:`)).map((e) => e.value);
  return [...aside, ...events].sort((a, b) => b.at.localeCompare(a.at)).slice(0, limit);
}
