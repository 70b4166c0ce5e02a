import type { JiraGateway } from './gateway';

/**
 * The OAuth scopes Atlassian's REST reference lists for each gateway operation (developer.atlassian.com, "Scopes"
 * of each endpoint): the classic scope for Jira platform endpoints, the granular ones for the Jira Software agile
 * API (which has no classic scopes). manifest.yml must declare the union over the operations the app calls, and
 * nothing else; test/app/manifest-scopes.test.ts checks both. Typed over the gateway so a new operation cannot be
 * added without its scopes.
 */
export type JiraOperationName = Exclude<keyof JiraGateway, 'callCount'>;

export const jiraOperationScopes: Record<JiraOperationName, readonly string[]> = {
  myself: ['read:jira-user'], // GET /rest/api/3/myself
  myPermissions: ['read:jira-work'], // GET /rest/api/3/mypermissions
  searchPage: ['read:jira-work'], // POST /rest/api/3/search/jql
  searchAll: ['read:jira-work'],
  approximateCount: ['read:jira-work'], // POST /rest/api/3/search/approximate-count
  getIssue: ['read:jira-work'], // GET /rest/api/3/issue/{key}
  getChangelog: ['read:jira-work'], // GET /rest/api/3/issue/{key}/changelog
  getTransitions: ['read:jira-work'], // GET /rest/api/3/issue/{key}/transitions
  transitionIssue: ['write:jira-work'], // POST /rest/api/3/issue/{key}/transitions
  editIssue: ['write:jira-work'], // PUT /rest/api/3/issue/{key}
  createIssue: ['write:jira-work'], // POST /rest/api/3/issue
  linkIssues: ['write:jira-work'], // POST /rest/api/3/issueLink
  getIssueLinkTypes: ['read:jira-work'], // GET /rest/api/3/issueLinkType
  getIssueProperty: ['read:jira-work'], // GET /rest/api/3/issue/{key}/properties/{property}
  setIssueProperty: ['write:jira-work'], // PUT /rest/api/3/issue/{key}/properties/{property}
  getProjectProperty: ['read:jira-work'], // GET /rest/api/3/project/{key}/properties/{property}
  setProjectProperty: ['manage:jira-project'], // PUT /rest/api/3/project/{key}/properties/{property}
  getProject: ['read:jira-work'], // GET /rest/api/3/project/{key}
  getProjectStatuses: ['read:jira-work'], // GET /rest/api/3/project/{key}/statuses
  listProjectRoles: ['read:jira-work'], // GET /rest/api/3/project/{key}/roledetails
  getProjectRoleActors: ['read:jira-work'], // GET /rest/api/3/project/{key}/role/{id}
  getUserGroups: ['read:jira-user'], // GET /rest/api/3/user/groups
  getMyProjectRoles: ['read:jira-work'], // GET /rest/api/3/project/{key}/roledetails?currentMember=true
  listVersions: ['read:jira-work'], // GET /rest/api/3/project/{key}/versions
  getVersion: ['read:jira-work'], // GET /rest/api/3/version/{id}
  createVersion: ['manage:jira-project'], // POST /rest/api/3/version
  updateVersion: ['manage:jira-project'], // PUT /rest/api/3/version/{id}
  releaseVersion: ['manage:jira-project'],
  listFields: ['read:jira-work'], // GET /rest/api/3/field
  listBoards: ['read:board-scope:jira-software', 'read:project:jira'], // GET /rest/agile/1.0/board
  getBoardConfiguration: ['read:board-scope.admin:jira-software', 'read:project:jira'], // GET /rest/agile/1.0/board/{id}/configuration
  listSprints: ['read:sprint:jira-software'], // GET /rest/agile/1.0/board/{id}/sprint
  // POST /rest/agile/1.0/sprint/{id}/issue and POST /rest/agile/1.0/backlog/issue
  moveIssues: ['write:sprint:jira-software', 'write:board-scope:jira-software'],
};
