import { stageOf, statusForStage, type JiraStatus, type StatusStageMapping } from '../bug-flow/status-mapping';
import { parseStoredRecord } from '../regression/parse-stored';
import { findCycle } from '../regression/cycles';
import { currentRcOf, type FixVersionLite } from '../regression/stored-form';
import type { RegressionCheck } from '../regression/types';
import { verdictOfChecks } from '../regression/verdict';
import type { TransitionRef } from './follows-loop';
import type { CommonValidatorConfig } from './kinds';
import { appliesToIssueType, block, effectiveField, pass, type IssueSnapshot, type ValidatorDecision } from './issue-snapshot';
import { rcExample } from './release-candidate';

export type RegressionCleanConfig = CommonValidatorConfig & {
  /** Source of a case-insensitive RegExp a release-candidate version name matches (the bug's current RC). */
  rcPattern: string;
};

export type RegressionCleanInput = {
  config: RegressionCleanConfig;
  issue: IssueSnapshot;
  transition: TransitionRef;
  mapping: StatusStageMapping;
  statuses?: readonly JiraStatus[];
  /** The issue entity property `release-train-regression` as read (undefined: the bug has none). */
  storedRegression: unknown;
};

const QA_PANEL = "the QA regression panel on this issue";
const MAX_LISTED = 5;

/** The fix versions after the transition screen, as the regression panel reads them (released/archived kept). */
function fixVersionsOf(issue: IssueSnapshot): FixVersionLite[] {
  const raw = effectiveField(issue, 'fixVersions');
  if (!Array.isArray(raw)) return issue.fixVersions.map((name) => ({ name }));
  const out: FixVersionLite[] = [];
  for (const v of raw) {
    if (typeof v === 'string') out.push({ name: v });
    else if (v && typeof v === 'object' && typeof (v as { name?: unknown }).name === 'string') {
      const o = v as { name: string; released?: unknown; archived?: unknown };
      out.push({ name: o.name, released: o.released === true, archived: o.archived === true });
    }
  }
  return out;
}

const titles = (checks: readonly RegressionCheck[]) => {
  const shown = checks.slice(0, MAX_LISTED).map((c) => `'${c.title}'`);
  return checks.length > MAX_LISTED ? `${shown.join(', ')} and ${checks.length - MAX_LISTED} more` : shown.join(', ');
};

/**
 * The Done gate: a move that ends the loop (into the Done stage from any other stage) needs the bug's regression
 * for its CURRENT release candidate (its unreleased RC fix version, as the QA panel picks it) to be passed: at
 * least one check, every check passed. A verdict of an older candidate does not count (the fix in the new build
 * was not regressed). The refusal lists the failed, blocked and unrun checks and points to the QA panel.
 * Moves that do not end the loop pass, so the rule can sit on a shared transition.
 */
export function decideRegressionClean(input: RegressionCleanInput): ValidatorDecision {
  const { config, issue, transition, mapping, statuses = [] } = input;
  if (!appliesToIssueType(issue, config.issueTypes)) return pass();
  const from = stageOf(transition.fromStatusId, mapping);
  if (stageOf(transition.toStatusId, mapping) !== 'DONE' || from === 'DONE') return pass();

  const toName = statuses.find((s) => s.id === transition.toStatusId)?.name ?? statusForStage('DONE', mapping, statuses).name;
  const refused = (why: string) => block(`Move to '${toName}' refused: ${why}`);
  const sendBack = statuses.length > 0 ? ` A failed check sends the fix back to Dev ('${statusForStage('DEV', mapping, statuses).name}').` : '';

  const rc = currentRcOf(fixVersionsOf(issue), config.rcPattern);
  if (!rc) {
    return refused(
      `this bug has no release-candidate fix version, so there is no regression to judge. A bug closes only when the regression of the candidate that ` +
        `carries its fix is clean: the RTE sets Fix versions to ${rcExample(config.rcPattern)}, then QA runs the regression in ${QA_PANEL}.`,
    );
  }
  const stored = parseStoredRecord(input.storedRegression);
  if (!stored.ok) {
    return refused(`the regression record on this bug cannot be read (${stored.message}). Open ${QA_PANEL} to see it; a Jira admin may need to repair it.`);
  }
  const cycle = findCycle(stored.record, rc);
  if (!cycle || cycle.checks.length === 0) {
    const older = [...stored.record.cycles].reverse().find((c) => c.rc !== rc && c.checks.length > 0);
    const olderNote = older ? ` The last regression was for ${older.rc} (${verdictOfChecks(older.checks)}); a verdict of an older candidate does not count, because ${rc} is a new build.` : '';
    return refused(`there is no regression checklist for ${rc} yet, the candidate that carries this fix.${olderNote} QA starts the checklist in ${QA_PANEL} and runs it; the bug closes when every check passes.`);
  }
  if (verdictOfChecks(cycle.checks) === 'passed') return pass();
  const failed = cycle.checks.filter((c) => c.result === 'failed');
  const blocked = cycle.checks.filter((c) => c.result === 'blocked');
  const notRun = cycle.checks.filter((c) => c.result === 'not-run');
  const parts: string[] = [];
  if (failed.length > 0) parts.push(`${failed.length} failed (${titles(failed)})`);
  if (blocked.length > 0) parts.push(`${blocked.length} blocked (${titles(blocked)})`);
  if (notRun.length > 0) parts.push(`${notRun.length} not run (${titles(notRun)})`);
  return refused(
    `the regression for ${rc} is not clean: ${parts.join('; ')}, of ${cycle.checks.length} checks. ` +
      `A bug closes only when every check of its current candidate passed: finish the checks in ${QA_PANEL}.${sendBack}`,
  );
}
