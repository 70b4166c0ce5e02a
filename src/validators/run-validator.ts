import { operationPhrase } from '../jira/operation-phrases';
import { parseValidatorConfig, type ValidatorConfigs } from '../contracts/validator-config';
import type { JiraStatus, StatusStageMapping } from '../domain/bug-flow/status-mapping';
import { decideOnInternalError, decideOnJiraError, type FaultClass, type JiraReadFailureInput } from '../domain/validators/failure-policy';
import { unmappedStatusDecision } from '../domain/validators/unmapped-status';
import type { IssueSnapshot, ValidatorDecision } from '../domain/validators/issue-snapshot';
import type { ValidatorKind } from '../domain/validators/kinds';
import { isForgePassThroughError, JiraError } from '../jira/errors';
import { StorageError, type KeyValueStore } from '../storage/key-value-store';
import { services } from '../runtime/services';
import { recordValidatorFailure } from './failure-log';
import { changelogTruncated, ISSUE_INLINE_CHANGELOG_CAP, restOfChangelog } from '../jira/changelog';
import { readIssue, snapshotOf, snapshotOfNewIssue } from './issue-reader';
import { parseValidatorPayload, type ValidatorRequest } from './payload';
import { loadStageMapping } from '../storage/stage-mapping-store';
import { validatorJira, type ValidatorJira } from './validator-jira';

export type Loop = { mapping: StatusStageMapping; statuses: JiraStatus[] };

/** What one validator needs from Jira and how it decides; run-validator does the rest (payload, config, failures). */
export type ValidatorDefinition<K extends ValidatorKind> = {
  kind: K;
  /**
   * Decides from the transition screen alone when it can (no Jira read): a decision, or undefined to read the
   * issue. Not called on create, where `decideOnCreate` decides from the new issue's fields.
   */
  withoutRead?(config: ValidatorConfigs[K], request: ValidatorRequest): ValidatorDecision | undefined;
  decideOnCreate(config: ValidatorConfigs[K], issue: IssueSnapshot, request: ValidatorRequest): ValidatorDecision;
  /** The fields to read, whether the changelog is needed, and issue entity properties to read with them. */
  read(config: ValidatorConfigs[K]): { fields: string[]; changelog: boolean; properties?: string[] };
  needsLoop(config: ValidatorConfigs[K]): boolean;
  /**
   * Without `needsLoop`: a blocking decision is made again with the loop (stage mapping) so its message can say
   * where the bug is and its next step. Loading it never changes the outcome: if it fails, the first message stands.
   */
  loopForMessage?: boolean;
  /** With a truncated inline changelog: true when the whole history could change the decision. */
  needsWholeHistory?(config: ValidatorConfigs[K], issue: IssueSnapshot, request: ValidatorRequest & { issueKey: string }, loop: Loop | undefined): boolean;
  decide(config: ValidatorConfigs[K], issue: IssueSnapshot, request: ValidatorRequest & { issueKey: string }, loop: Loop | undefined): ValidatorDecision;
};

/** A short, person-readable cause for the message and the record ("Jira answered 503 when asked to read the issue"). */
export function whatFailed(error: unknown): unknown {
  if (error instanceof JiraError) return error.status !== undefined ? `Jira answered ${error.status} when asked to ${operationPhrase(error.operation)}` : `${error.kind} error when asking Jira to ${operationPhrase(error.operation)}: ${error.message}`;
  if (error instanceof StorageError) return `app storage could not be read: ${error.message}`;
  return error;
}

/** Jira or app storage could not be read: the failure policy applies. Anything else is a fault in Release Train. */
export const isReadFailure = (error: unknown) => error instanceof JiraError || error instanceof StorageError || isForgePassThroughError(error);

/**
 * Which read failures retrying can fix (timeouts and network errors, 429, 5xx, the store failing) and which it
 * cannot (no access, not found, a rejected request, a reply that is not JSON or not Jira's shape, a stored value
 * that does not parse, a missing grant or permission in the manifest).
 */
export function faultClassOf(error: unknown): FaultClass {
  if (error instanceof JiraError) return error.kind === 'network' || error.kind === 'rate-limited' || error.kind === 'server' || error.kind === 'conflict' ? 'transient' : 'permanent';
  if (error instanceof StorageError) return error.corrupt ? 'permanent' : 'transient';
  return 'permanent';
}

/** App storage whose every failure is a StorageError (the platform's own errors are not), for isReadFailure. */
export function storageErrorsTyped(store: KeyValueStore): KeyValueStore {
  const typed =
    <A extends unknown[], R>(what: string, f: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        return await f(...args);
      } catch (e) {
        throw e instanceof StorageError ? e : new StorageError(e instanceof Error ? e.message : String(e), `${what} ${String(args[0])}`);
      }
    };
  return { get: typed('get', store.get.bind(store)), set: typed('set', store.set.bind(store)), delete: typed('delete', store.delete.bind(store)), list: typed('list', store.list.bind(store)) };
}

/** What every validator function returns to Jira. Exactly `{ result, errorMessage? }`. */
export type ValidatorResponse = { result: boolean; errorMessage?: string };

/**
 * A validator that could not decide: a Jira or storage read failure follows the configured policy, anything else
 * blocks as an internal error; either way the event goes to the failure log (a log write that fails is only logged).
 */
export async function answerFailure(
  svc: Pick<ReturnType<typeof services>, 'now' | 'storage'>,
  error: unknown,
  policy: Pick<JiraReadFailureInput, 'validator' | 'onJiraError' | 'onPermanentError'> & { issueKey: string | undefined },
  what: string,
): Promise<ValidatorResponse> {
  const event = { validator: policy.validator, issueKey: policy.issueKey ?? '(new issue)', now: svc.now().toISOString() };
  const readFailure = isReadFailure(error);
  if (!readFailure) console.error(`Release Train: internal error in ${what}`, error);
  const { decision, record } = readFailure
    ? decideOnJiraError({ ...event, error: whatFailed(error), onJiraError: policy.onJiraError, onPermanentError: policy.onPermanentError, fault: faultClassOf(error) })
    : decideOnInternalError({ ...event, error });
  try {
    await recordValidatorFailure(svc.storage, record);
  } catch (e) {
    console.error('Release Train could not record a validator failure', e);
  }
  return respond(decision);
}
export const respond = (d: ValidatorDecision): ValidatorResponse => (d.result ? { result: true } : { result: false, errorMessage: d.errorMessage ?? 'Release Train blocked this transition.' });

/**
 * Whether a validation read Jira, and how often (for tests and the bench; Forge ignores extra keys anyway).
 * `jiraCalls` counts HTTP requests sent, retries included.
 */
export type ValidationTrace = { jiraCalls: number; wholeHistoryRead: boolean; mappingDerived: boolean };

/**
 * The pipeline of every validator: parse Jira's payload → parse the configuration → read the issue (at most one
 * Jira call: fields + changelog together, as the app, with a retry budget of one short retry per validation, see
 * validator-jira.ts) → the stage mapping from app storage → the domain decides.
 * A malformed payload or configuration blocks with a message saying what is wrong (never a crash). When Jira or
 * app storage cannot be read, the failure policy decides (block with "retry", or allow and record) and the event is
 * recorded in app storage; any other error (a fault in Release Train) blocks and is recorded too.
 */
export async function runValidator<K extends ValidatorKind>(def: ValidatorDefinition<K>, payload: unknown, trace?: ValidationTrace): Promise<ValidatorResponse> {
  const parsed = parseValidatorPayload(payload);
  if (!parsed.ok) return respond({ result: false, errorMessage: parsed.message });
  const request = parsed.request;
  const config = parseValidatorConfig(def.kind, request.configuration);
  if (!config.ok) return respond({ result: false, errorMessage: `${config.message} Until then this transition is blocked; ask your Jira admin.` });

  const svc = services();
  let sent: ValidatorJira | undefined;
  try {
    if (request.issueKey === undefined) {
      const issue = snapshotOfNewIssue(request.modifiedFields);
      // A create request that names no issue type: the rule applies (it cannot be told apart from a Bug).
      const onCreate = issue.issueType === '' ? { ...config.config, issueTypes: [] } : config.config;
      return respond(def.decideOnCreate(onCreate, issue, request));
    }
    const early = def.withoutRead?.(config.config, request);
    if (early) return respond(early);

    sent = validatorJira(svc);
    const jira = sent.jira;
    const wanted = def.read(config.config);
    const { issue: raw } = await readIssue(jira, request.issueKey, wanted.fields, wanted.changelog, wanted.properties);
    let issue = snapshotOf(raw, request.modifiedFields);
    const withKey = { ...request, issueKey: request.issueKey };

    const loadLoop = async (needed: string[] = []): Promise<Loop & { unknown: JiraStatus[] }> => {
      const project = raw.fields.project;
      const key = project?.key ?? withKey.issueKey.replace(/-\d+$/, '');
      const loaded = await loadStageMapping(storageErrorsTyped(svc.storage), jira, { id: project?.id ?? key, key }, svc.now(), needed);
      if (trace) trace.mappingDerived = loaded.derivedNow;
      return { mapping: loaded.mapping, statuses: loaded.statuses, unknown: loaded.unknownToSavedMapping };
    };
    let loop: Loop | undefined;
    if (def.needsLoop(config.config)) {
      // The transition's statuses must be in the mapping: a derived one is derived again, a saved one must be fixed.
      const loaded = await loadLoop([request.fromStatusId, request.toStatusId].filter((id): id is string => id !== undefined));
      if (loaded.unknown.length > 0) return respond(unmappedStatusDecision(loaded.unknown));
      loop = loaded;
    }
    if (wanted.changelog && changelogTruncated(raw, ISSUE_INLINE_CHANGELOG_CAP) && def.needsWholeHistory?.(config.config, issue, withKey, loop)) {
      // The rest of the history, from where the inline part ended.
      issue = snapshotOf(raw, request.modifiedFields, await restOfChangelog(jira, raw));
      if (trace) trace.wholeHistoryRead = true;
    }
    const decision = def.decide(config.config, issue, withKey, loop);
    if (decision.result || loop || !def.loopForMessage) return respond(decision);
    loop = await loadLoop().catch(() => undefined);
    return respond(loop ? def.decide(config.config, issue, withKey, loop) : decision);
  } catch (error) {
    return answerFailure(svc, error, { validator: def.kind, issueKey: request.issueKey, onJiraError: config.config.onJiraError, onPermanentError: config.config.onPermanentError }, `the ${def.kind} validator`);
  } finally {
    if (trace) trace.jiraCalls = sent?.sends() ?? 0;
  }
}
