import type { FlagSource } from './kinds';
import { effectiveField, hasLabel, isAffirmative, isAnswered, type IssueSnapshot } from './issue-snapshot';

/** Answered: one of the labels is set, or the field holds any answer ("No" is an answer). */
export function flagAnswered(issue: IssueSnapshot, flag: FlagSource): boolean {
  return flag.source === 'label' ? flag.labels.some((l) => hasLabel(issue, l)) : isAnswered(effectiveField(issue, flag.fieldId));
}

/** Confirmed: one of the labels is set, or the field says yes (true, "Yes", a ticked checkbox). */
export function flagConfirmed(issue: IssueSnapshot, flag: FlagSource): boolean {
  return flag.source === 'label' ? flag.labels.some((l) => hasLabel(issue, l)) : isAffirmative(effectiveField(issue, flag.fieldId));
}

/** "the label 'docs-impact' or 'no-docs-impact'" / "the field 'Documentation impact'". */
export function describeFlag(flag: FlagSource): string {
  if (flag.source === 'field') return `the field '${flag.fieldName ?? flag.fieldId}'`;
  const quoted = flag.labels.map((l) => `'${l}'`);
  if (quoted.length <= 1) return `the label ${quoted[0] ?? '(none configured)'}`;
  return `the label ${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1] ?? ''}`;
}
