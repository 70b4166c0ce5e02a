export const validatorKinds = ['repro-steps-clear', 'follows-loop', 'rte-review-complete', 'regression-bug-linked', 'regression-clean'] as const;
export type ValidatorKind = (typeof validatorKinds)[number];

export const validatorTitles: Readonly<Record<ValidatorKind, string>> = {
  'repro-steps-clear': 'Repro steps are clear',
  'follows-loop': 'Bug follows the release-train loop',
  'rte-review-complete': 'RTE review complete',
  'regression-bug-linked': 'Regression bug is linked',
  'regression-clean': 'Regression is clean before Done',
};

/** What to do when Jira cannot be read: block (default) or let the transition through and record it. */
export type OnJiraError = 'block' | 'allow-and-record';

/**
 * What to do when a fault will not go away by retrying (403, 404, a reply that is not JSON, corrupt stored data):
 * block with a message for the admin (default), or, only when an admin chose it explicitly, allow and record.
 */
export type OnPermanentError = 'block' | 'allow-and-record';

/**
 * Every validator configuration has these. `issueTypes` empty = every issue type. `onJiraError` covers transient
 * faults only (timeouts, 429, 5xx); `onPermanentError` the faults retrying cannot fix.
 */
export type CommonValidatorConfig = { version: 1; issueTypes: string[]; onJiraError: OnJiraError; onPermanentError: OnPermanentError };

/** Where a yes/answered flag lives: one of some labels, or a custom field (its name is kept for messages). */
export type FlagSource = { source: 'label'; labels: string[] } | { source: 'field'; fieldId: string; fieldName?: string };
