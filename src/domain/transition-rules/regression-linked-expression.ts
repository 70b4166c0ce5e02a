import type { RegressionBugLinkedConfig } from '../validators/regression-bug-linked';
import { rcExample } from '../validators/release-candidate';

/**
 * "Regression bug is linked" as a Jira expression, for a configuration that does not need the bug's history
 * (`onlyFirstTransition: false`): labels, links, Affects versions and the issue type are all in Jira's `issue`
 * (with the transition screen's changes), so Jira decides it with no invocation of the app. Same decision and the
 * same refusal text as `decideRegressionBugLinked` (test/domain/transition-rules checks them against each other).
 *
 * Written in the subset Jira expressions share with JavaScript (arrow functions, ternaries, list map/some/filter/
 * reduce, `==`, string `+`, `toLowerCase`, `match` with a RegExp), so the local workspace evaluates the same text
 * (local/server/expression-validator.ts). Values from the configuration are embedded as JSON string literals.
 */
const lit = (s: string) => JSON.stringify(s);

export function regressionLinkedExpression(config: RegressionBugLinkedConfig): string {
  const types = JSON.stringify(config.issueTypes.map((t) => t.toLowerCase()));
  const applies = config.issueTypes.length === 0 ? 'true' : `${types}.includes(issue.issueType.name.toLowerCase())`;
  const labelled = `issue.labels.some(l => l.toLowerCase() == ${lit(config.regressionLabel.toLowerCase())})`;
  const direction = config.link.direction === 'any' ? '' : ` && k.direction == ${lit(config.link.direction)}`;
  const linked = `issue.links.some(k => k.type.name.toLowerCase() == ${lit(config.link.typeName.toLowerCase())}${direction})`;
  const rcOk = config.requireRcInAffectsVersions
    ? `issue.versions.some(v => v.name.length <= 255 && v.name.match(new RegExp(${lit(config.rcPattern)}, 'i')) != null)`
    : 'true';
  const how = config.link.direction === 'any' ? '' : config.link.direction === 'inward' ? ' (this bug on the inward side)' : ' (this bug on the outward side)';
  const linkTodo = lit(`link the fix it was found while testing with a '${config.link.typeName}' link${how}`);
  const current = `(issue.versions.length == 0 ? 'none' : issue.versions.map(v => "'" + v.name + "'").reduce((a, b) => a == '' ? b : a + ', ' + b, ''))`;
  const rcTodo = `${lit(`set Affects versions to ${rcExample(config.rcPattern)} it was found in (Affects versions now: `)} + ${current} + ')'`;
  const prefix = lit(`This bug is labelled '${config.regressionLabel}', so it must point at the fix and release candidate it was found in: `);
  // p: [linked, rc ok]. The todo list is numbered as the function numbers it.
  return (
    `!(${applies}) || !(${labelled}) ? true : [[${linked}, ${rcOk}]].map(p => p[0] && p[1] ? true : ` +
    `${prefix} + (p[0] ? '' : '(1) ' + ${linkTodo}) + (p[1] ? '' : (p[0] ? '(1) ' : '; (2) ') + ${rcTodo}) + '.')[0]`
  );
}
