import { parseTransitionRulesConfig, type TransitionRules } from '../contracts/transition-rules-config';
import type { ValidatorConfigs } from '../contracts/validator-config';
import type { IssueSnapshot, ValidatorDecision } from '../domain/validators/issue-snapshot';
import type { ValidatorKind } from '../domain/validators/kinds';
import { unmappedStatusDecision } from '../domain/validators/unmapped-status';
import { changelogTruncated, ISSUE_INLINE_CHANGELOG_CAP, restOfChangelog } from '../jira/changelog';
import { services } from '../runtime/services';
import { loadStageMapping } from '../storage/stage-mapping-store';
import { followsLoop } from './follows-loop';
import { readIssue, snapshotOf, snapshotOfNewIssue } from './issue-reader';
import { parseValidatorPayload } from './payload';
import { regressionBugLinked } from './regression-bug-linked';
import { regressionClean } from './regression-clean';
import { reproStepsClear } from './repro-steps-clear';
import { rteReviewComplete } from './rte-review-complete';
import { answerFailure, respond, storageErrorsTyped, type Loop, type ValidatorDefinition, type ValidatorResponse } from './run-validator';
import { validatorJira, type ValidatorJira } from './validator-jira';

/**
 * `transition-rules-validator` (issue 17): the app's function rules on a transition in ONE invocation. The rules
 * and their options come from the configuration (src/contracts/transition-rules-config.ts); each rule keeps its
 * own definition (what it reads, how it decides, its messages), and this pipeline shares between them:
 * - one Jira read: the union of the fields and entity properties the rules read, the changelog inline only when a
 *   rule needs the history for every bug (the loop, the RTE review in the history);
 * - "Regression bug is linked" on the first transition reads the history only for a bug that carries the
 *   regression label AND lacks its link or RC (the only bugs for which "is it the first transition" decides):
 *   then the changelog is read (+1 call) unless it came inline;
 * - one stage-mapping load (app storage) for all the rules that need it;
 * - the first refusal in `ruleOrder` is the answer, with the same message the single-rule validator gives.
 * The documented extra calls of the single-rule validators stay (a history longer than the inline 100 entries
 * that cannot decide, a derived stage mapping meeting a new status).
 */
type AnyDefinition = ValidatorDefinition<ValidatorKind>;
const definitions = {
  'repro-steps-clear': reproStepsClear,
  'follows-loop': followsLoop,
  'rte-review-complete': rteReviewComplete,
  'regression-clean': regressionClean,
  'regression-bug-linked': regressionBugLinked,
} satisfies { [K in ValidatorKind]: ValidatorDefinition<K> };
const defOf = (kind: ValidatorKind) => definitions[kind] as unknown as AnyDefinition;
type AnyConfig = ValidatorConfigs[ValidatorKind];

/** For tests and the bench: calls sent (retries included), and which optional reads happened. */
export type TransitionRulesTrace = { jiraCalls: number; changelogInline: boolean; changelogReadForRegression: boolean; wholeHistoryRead: boolean; mappingDerived: boolean };

export const emptyTransitionRulesTrace = (): TransitionRulesTrace => ({ jiraCalls: 0, changelogInline: false, changelogReadForRegression: false, wholeHistoryRead: false, mappingDerived: false });

/** The failure policy of the rules together: the strictest wins (one rule that blocks on a Jira failure blocks). */
function sharedPolicy(kinds: readonly ValidatorKind[], rules: TransitionRules) {
  const configs = kinds.map((k) => ({ kind: k, config: rules[k] as AnyConfig }));
  const strict = configs.find((c) => c.config.onJiraError === 'block') ?? configs[0]!;
  return {
    validator: strict.kind,
    onJiraError: configs.some((c) => c.config.onJiraError === 'block') ? ('block' as const) : ('allow-and-record' as const),
    onPermanentError: configs.some((c) => c.config.onPermanentError === 'block') ? ('block' as const) : ('allow-and-record' as const),
  };
}

export async function runTransitionRules(payload: unknown, trace?: TransitionRulesTrace): Promise<ValidatorResponse> {
  const parsed = parseValidatorPayload(payload);
  if (!parsed.ok) return respond({ result: false, errorMessage: parsed.message });
  const request = parsed.request;
  const chosen = parseTransitionRulesConfig(request.configuration);
  if (!chosen.ok) return respond({ result: false, errorMessage: `${chosen.message} Until then this transition is blocked; ask your Jira admin.` });
  const { rules, kinds } = chosen;
  const cfg = (k: ValidatorKind) => rules[k] as AnyConfig;

  const svc = services();
  let sent: ValidatorJira | undefined;
  try {
    if (request.issueKey === undefined) {
      const issue = snapshotOfNewIssue(request.modifiedFields);
      for (const k of kinds) {
        const onCreate = issue.issueType === '' ? { ...cfg(k), issueTypes: [] } : cfg(k);
        const d = defOf(k).decideOnCreate(onCreate, issue, request);
        if (!d.result) return respond(d);
      }
      return respond({ result: true });
    }
    // Rules the transition screen decides alone need no read.
    const early = new Map<ValidatorKind, ValidatorDecision>();
    for (const k of kinds) {
      const d = defOf(k).withoutRead?.(cfg(k), request);
      if (d) early.set(k, d);
    }
    const toRead = kinds.filter((k) => !early.has(k));
    if (toRead.length === 0) return respond(kinds.map((k) => early.get(k)!).find((d) => !d.result) ?? { result: true });

    sent = validatorJira(svc);
    const jira = sent.jira;
    const wanted = toRead.map((k) => ({ kind: k, ...defOf(k).read(cfg(k)) }));
    const changelog = wanted.some((w) => w.changelog && w.kind !== 'regression-bug-linked');
    const { issue: raw } = await readIssue(
      jira,
      request.issueKey,
      wanted.flatMap((w) => w.fields),
      changelog,
      [...new Set(wanted.flatMap((w) => w.properties ?? []))],
    );
    if (trace) trace.changelogInline = changelog;
    let issue: IssueSnapshot = snapshotOf(raw, request.modifiedFields);
    const withKey = { ...request, issueKey: request.issueKey };

    const loadLoop = async (needed: string[] = []) => {
      const project = raw.fields.project;
      const key = project?.key ?? withKey.issueKey.replace(/-\d+$/, '');
      const loaded = await loadStageMapping(storageErrorsTyped(svc.storage), jira, { id: project?.id ?? key, key }, svc.now(), needed);
      if (trace) trace.mappingDerived = loaded.derivedNow;
      return { mapping: loaded.mapping, statuses: loaded.statuses, unknown: loaded.unknownToSavedMapping };
    };
    let loop: Loop | undefined;
    if (toRead.some((k) => defOf(k).needsLoop(cfg(k)))) {
      const loaded = await loadLoop([request.fromStatusId, request.toStatusId].filter((id): id is string => id !== undefined));
      if (loaded.unknown.length > 0) return respond(unmappedStatusDecision(loaded.unknown));
      loop = loaded;
    }
    if (changelog && changelogTruncated(raw, ISSUE_INLINE_CHANGELOG_CAP) && toRead.some((k) => defOf(k).needsWholeHistory?.(cfg(k), issue, withKey, loop))) {
      issue = snapshotOf(raw, request.modifiedFields, await restOfChangelog(jira, raw));
      if (trace) trace.wholeHistoryRead = true;
    }

    for (const k of kinds) {
      let decision = early.get(k) ?? (await decideOne(k));
      if (decision.result) continue;
      const def = defOf(k);
      if (!def.needsLoop(cfg(k)) && def.loopForMessage && !loop) {
        loop = await loadLoop().catch(() => undefined);
        if (loop) decision = def.decide(cfg(k), issue, withKey, loop);
      }
      return respond(decision);
    }
    return respond({ result: true });

    async function decideOne(k: ValidatorKind): Promise<ValidatorDecision> {
      const def = defOf(k);
      if (k !== 'regression-bug-linked' || changelog) return def.decide(cfg(k), issue, withKey, loop);
      const config = rules['regression-bug-linked']!;
      if (!config.onlyFirstTransition) return def.decide(config, issue, withKey, loop);
      // Without the history: a bug that passes anyway (not labelled, or linked with its RC) is decided now.
      const withoutHistory = def.decide({ ...config, onlyFirstTransition: false }, issue, withKey, loop);
      if (withoutHistory.result) return withoutHistory;
      if (trace) trace.changelogReadForRegression = true;
      const histories = await jira.getChangelog(raw.key, 0);
      return def.decide(config, snapshotOf(raw, request.modifiedFields, histories), withKey, loop);
    }
  } catch (error) {
    const policy = sharedPolicy(kinds, rules);
    return answerFailure(svc, error, { ...policy, issueKey: request.issueKey }, 'the transition rules validator');
  } finally {
    if (trace) trace.jiraCalls = sent?.sends() ?? 0;
  }
}

