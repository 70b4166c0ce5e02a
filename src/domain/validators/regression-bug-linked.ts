import type { CommonValidatorConfig } from './kinds';
import { appliesToIssueType, block, effectiveAffectsVersions, effectiveLinks, hasLabel, pass, type IssueSnapshot, type ValidatorDecision } from './issue-snapshot';
import { compileRcPattern, isReleaseCandidate, rcExample } from './release-candidate';

export type LinkDirection = 'any' | 'inward' | 'outward';

export type RegressionBugLinkedConfig = CommonValidatorConfig & {
  /** How a bug is known as found in regression. */
  regressionLabel: string;
  /**
   * The link to the fix it was found while testing. Default: "Relates", either direction, because every Jira site
   * has it. Sites with a causal type can ask for e.g. `{ typeName: 'Problem/Incident', direction: 'inward' }`
   * ("is caused by" the fix).
   */
  link: { typeName: string; direction: LinkDirection };
  requireRcInAffectsVersions: boolean;
  rcPattern: string;
  /** Check only on create and on the bug's first transition (it has no status changes yet). */
  onlyFirstTransition: boolean;
};

export type RegressionBugLinkedInput = { config: RegressionBugLinkedConfig; issue: IssueSnapshot };

/** A bug found in regression must link its fix and name the release candidate in Affects versions. */
export function decideRegressionBugLinked({ config, issue }: RegressionBugLinkedInput): ValidatorDecision {
  if (!appliesToIssueType(issue, config.issueTypes) || !hasLabel(issue, config.regressionLabel)) return pass();
  if (config.onlyFirstTransition && issue.statusChanges.length > 0) return pass();

  const todo: string[] = [];
  const typeName = config.link.typeName.toLowerCase();
  const linked = effectiveLinks(issue).some(
    (l) => l.typeName.toLowerCase() === typeName && (config.link.direction === 'any' || l.direction === config.link.direction),
  );
  if (!linked) {
    const how = config.link.direction === 'any' ? '' : config.link.direction === 'inward' ? ' (this bug on the inward side)' : ' (this bug on the outward side)';
    todo.push(`link the fix it was found while testing with a '${config.link.typeName}' link${how}`);
  }
  if (config.requireRcInAffectsVersions) {
    const rc = compileRcPattern(config.rcPattern);
    const affects = effectiveAffectsVersions(issue);
    if (!affects.some((v) => isReleaseCandidate(v, rc))) {
      const current = affects.length > 0 ? affects.map((v) => `'${v}'`).join(', ') : 'none';
      todo.push(`set Affects versions to ${rcExample(config.rcPattern)} it was found in (Affects versions now: ${current})`);
    }
  }
  if (todo.length === 0) return pass();
  const list = todo.map((t, i) => `(${i + 1}) ${t}`).join('; ');
  return block(`This bug is labelled '${config.regressionLabel}', so it must point at the fix and release candidate it was found in: ${list}.`);
}
