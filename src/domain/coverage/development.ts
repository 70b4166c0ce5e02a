/**
 * Development state of a candidate's issues, as Jira knows it from its GitHub, Bitbucket or GitLab integrations.
 * Jira exposes it only through JQL fields (`development[pullrequests].open`, `development[builds].failing`,
 * `development[branches].all`, …), so each question is one search scoped to the candidate's fix version.
 * Jira does not tell draft pull requests from ready ones: "open" counts both.
 */
export const DEVELOPMENT_QUESTIONS = {
  openPullRequests: 'development[pullrequests].open > 0',
  failingBuilds: 'development[builds].failing > 0',
  branches: 'development[branches].all > 0',
} as const;
export type DevelopmentQuestion = keyof typeof DEVELOPMENT_QUESTIONS;

/** A JQL string literal. */
export const jqlQuote = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/** The JQL of one question about the issues whose fix version is `versionId` in `projectKey`. */
export function developmentJql(projectKey: string, versionId: string, question: DevelopmentQuestion): string {
  if (!/^\d{1,18}$/.test(versionId)) throw new Error(`'${versionId}' is not a Jira version id.`);
  return `project = ${jqlQuote(projectKey)} AND fixVersion = ${versionId} AND ${DEVELOPMENT_QUESTIONS[question]} ORDER BY key ASC`;
}
