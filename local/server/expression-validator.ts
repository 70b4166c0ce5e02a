/**
 * Jira-expression validators in the local workspace. Jira evaluates a `jira:workflowValidator`'s `expression` with
 * the acting `user`, `issue`, `project`, `transition` and `config`; the emulator has no Jira expression engine, so
 * the workspace evaluates the SAME text as JavaScript. That is sound only for expressions written in the subset the
 * two languages share (arrow functions, ternaries, list map/some/includes, ==, string +): Release Train's
 * role rule is (src/domain/move-rules/expression.ts). What is emulated: `user.accountId`, `user.displayName`,
 * `user.groups` (the emulator has no groups: always empty), `user.getProjectRoles(project)` (the acting demo user's
 * roles in the issue's project, from the emulator's role members), `project.key/id/properties[...]` (project
 * entity properties), `issue.key`, `transition.id/name/from/to` (ids as strings), `config`. Not emulated: Jira's
 * static type check and its expression limits, and every other Jira expression feature.
 * As in Jira, an expression that throws or returns neither true nor a string fails the validation.
 */
import type { EmulatorState } from '../emulator/state';
import { rolesOf } from '../emulator/permissions';
import type { TransitionValidation } from '../emulator/handler';
import { Renderer } from '../emulator/render';
import { expressionIssue } from './expression-issue';

export type ExpressionOutcome = { result: true } | { result: false; errorMessage: string };

/** Evaluates `expression` as JavaScript with the given context variables (see the module comment for why). */
export function evaluateExpression(expression: string, context: Record<string, unknown>): unknown {
  const names = Object.keys(context);
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the manifest's own expression, never user input
  const run = new Function(...names, `"use strict"; return (${expression});`) as (...args: unknown[]) => unknown;
  return run(...names.map((n) => context[n]));
}

/** Jira's reading of a validator expression's value: true passes; a string is the error message; anything else fails. */
export function outcomeOf(value: unknown, fallbackMessage: string): ExpressionOutcome {
  if (value === true) return { result: true };
  if (typeof value === 'string' && value !== '') return { result: false, errorMessage: value };
  return { result: false, errorMessage: fallbackMessage };
}

/** The context variables Jira gives a validator expression, built from the emulator's data for the acting user. */
export function expressionContext(state: EmulatorState, t: Pick<TransitionValidation, 'issueKey' | 'transitionId' | 'fromStatusId' | 'toStatusId' | 'accountId'> & { modifiedFields?: Record<string, unknown> }, config: unknown): Record<string, unknown> {
  const issue = state.issues.find((i) => i.key === t.issueKey);
  const project = state.projects.find((p) => p.id === issue?.projectId);
  const user = state.users.find((u) => u.accountId === t.accountId);
  const status = (id: string) => {
    const s = state.statuses.find((x) => x.id === id);
    return s ? { id: s.id, name: s.name } : { id, name: id };
  };
  const projectVar = { id: project?.id ?? '', key: project?.key ?? '', properties: { ...(project?.properties ?? {}) } };
  return {
    user: {
      accountId: t.accountId,
      displayName: user?.displayName ?? t.accountId,
      groups: [] as string[],
      getProjectRoles: () => (project ? rolesOf(project, t.accountId).map((id) => ({ id, name: state.roles.find((r) => r.id === id)?.name ?? String(id) })) : []),
    },
    // The fields Release Train's expressions read, with the transition screen's changes (expression-issue.ts).
    issue: issue ? expressionIssue(issue.key, new Renderer(state, '').allFields(issue), t.modifiedFields) : { key: t.issueKey },
    project: projectVar,
    transition: { id: t.transitionId, from: t.fromStatusId ? status(t.fromStatusId) : null, to: status(t.toStatusId) },
    config,
  };
}

export function runExpressionValidator(expression: string, fallbackMessage: string, context: Record<string, unknown>): ExpressionOutcome {
  try {
    return outcomeOf(evaluateExpression(expression, context), fallbackMessage);
  } catch (e) {
    return { result: false, errorMessage: `${fallbackMessage} (the expression failed: ${e instanceof Error ? e.message : String(e)})` };
  }
}
