/**
 * What each gateway operation does, as a person would say it ("read the project's versions"), so messages never
 * show an internal operation name. The operation name stays on JiraError.operation for logs and tests.
 */
const PHRASES: Readonly<Record<string, string>> = {
  getMyself: 'read your Jira profile',
  getMyPermissions: 'check your permissions',
  searchIssues: 'search for issues',
  countIssues: 'count the issues of a search',
  getIssue: 'read the issue',
  getChangelog: "read the issue's history",
  getTransitions: "read the issue's workflow transitions",
  transitionIssue: 'move the issue to another status',
  editIssue: 'edit the issue',
  createIssue: 'create the issue',
  linkIssues: 'link the issues',
  getIssueLinkTypes: 'read the issue link types',
  getIssueProperty: "read the app's data on the issue",
  setIssueProperty: "save the app's data on the issue",
  getProject: 'read the project',
  getProjectStatuses: "read the project's statuses",
  listProjectRoles: "read the project's roles",
  getProjectRoleActors: "read the members of the project's role",
  getUserGroups: "read the user's groups",
  getMyProjectRoles: 'read your roles in the project',
  listVersions: "read the project's versions (releases)",
  getVersion: 'read the version',
  createVersion: 'create the version',
  updateVersion: 'change the version (release, archive or describe it)',
  listFields: "read the site's fields",
  listBoards: "read the project's boards",
  getBoardConfiguration: "read the board's configuration",
  listSprints: "read the board's sprints",
  moveIssuesToSprint: 'move the issues into the sprint',
  moveIssuesToBacklog: 'move the issues to the backlog',
};

/** "read the project's versions (releases)" for listVersions; a readable fallback for an operation not listed. */
export function operationPhrase(operation: string): string {
  return PHRASES[operation] ?? `do that (${operation.replace(/([A-Z])/g, ' $1').toLowerCase().trim()})`;
}
