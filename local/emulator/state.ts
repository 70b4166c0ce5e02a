/**
 * The whole Jira emulator state: one JSON-serialisable object, persisted as one file. Stored issues keep
 * references (ids, account ids) rather than Jira's expanded objects; `render.ts` turns them into the REST v3
 * shapes on the way out, so the data file stays small and consistent.
 */
export const EMULATOR_STATE_VERSION = 1;

export type StatusCategoryKey = 'new' | 'indeterminate' | 'done';

export type EmuUser = {
  accountId: string;
  displayName: string;
  emailAddress: string;
  accountType: 'atlassian' | 'app';
  timeZone: string;
  active: boolean;
  /** Groups the user belongs to (`/rest/api/3/user/groups`); Jira's groupId may be null. Absent: none. */
  groups?: EmuGroup[];
};
export type EmuGroup = { name: string; groupId: string | null };

export type EmuIssueType = { id: string; name: string; description: string; subtask: false; hierarchyLevel: number };
export type EmuStatus = { id: string; name: string; description: string; category: StatusCategoryKey };
export type EmuPriority = { id: string; name: string };
export type EmuResolution = { id: string; name: string; description: string };
export type EmuComponent = { id: string; name: string; description: string };

/** Workflow rules the local server runs on a transition (Forge validator module key + its saved JSON config). */
export type EmuValidatorRef = { key: string; configuration: string };
export type EmuTransition = {
  id: string;
  name: string;
  toStatusId: string;
  /** Statuses it is available from; empty = global ("any status"). A global transition is hidden in its own target status. */
  fromStatusIds: string[];
  validators: EmuValidatorRef[];
  /** The transition's screen: fields Jira shows (and, when required, asks for) before the move. */
  screen?: { fields: Array<{ id: string; name?: string; required?: boolean }> };
};
export type EmuWorkflow = {
  name: string;
  projectKeys: string[];
  statusIds: string[];
  /** The create transition (Jira's id 1): where new issues start and which validators run on create. */
  initial: EmuTransition;
  transitions: EmuTransition[];
};

export type EmuRole = { id: number; name: string; description: string };
export type EmuProject = {
  id: string;
  key: string;
  name: string;
  description: string;
  leadAccountId: string;
  issueTypeIds: string[];
  components: EmuComponent[];
  /** Role id (as string) → member account ids. */
  roleMembers: Record<string, string[]>;
  /** Role id (as string) → groups that hold the role (group role actors). Absent: none. */
  roleGroups?: Record<string, EmuGroup[]>;
  /** Project entity properties (key → JSON value); absent until one is set. */
  properties?: Record<string, unknown>;
};

/** permission key → role ids granted it (the project's permission scheme; one scheme shared by all projects). */
export type EmuPermissionScheme = Record<string, number[]>;

export type EmuFieldSchema = { type: string; items?: string; system?: string; custom?: string; customId?: number };
export type EmuField = {
  id: string;
  key: string;
  name: string;
  custom: boolean;
  navigable: boolean;
  searchable: boolean;
  orderable: boolean;
  clauseNames: string[];
  schema?: EmuFieldSchema;
  /** Select fields: the allowed options. */
  options?: Array<{ id: string; value: string }>;
};

export type EmuLinkType = { id: string; name: string; inward: string; outward: string };
/**
 * As POSTed to /issueLink: Jira reads it "inwardIssue <type.outward> outwardIssue" (RT-1 blocks RT-2); the inward
 * issue's `issuelinks` names the other as `outwardIssue`, the outward issue's names it as `inwardIssue`.
 */
export type EmuIssueLink = { id: string; typeId: string; inwardIssueId: string; outwardIssueId: string };

export type EmuChangeItem = {
  field: string;
  fieldtype: 'jira' | 'custom';
  fieldId?: string;
  from: string | null;
  fromString: string | null;
  to: string | null;
  toString: string | null;
};
export type EmuHistory = { id: string; authorAccountId: string; created: string; items: EmuChangeItem[] };

/** System fields as references; custom field values (`customfield_*`) are kept as Jira returns them, except Sprint (ids). */
export type EmuIssueFields = {
  summary: string;
  description: unknown | null;
  issueTypeId: string;
  statusId: string;
  priorityId: string | null;
  resolutionId: string | null;
  resolutionDate: string | null;
  /** Due date (yyyy-mm-dd), when set. */
  dueDate?: string | null;
  assigneeId: string | null;
  reporterId: string | null;
  creatorId: string | null;
  labels: string[];
  componentIds: string[];
  fixVersionIds: string[];
  affectsVersionIds: string[];
  created: string;
  updated: string;
  statusCategoryChangeDate: string;
  /** customfield_* → value. Sprint (customfield_10020) holds sprint ids, rendered as sprint objects. */
  custom: Record<string, unknown>;
};

export type EmuIssue = {
  id: string;
  key: string;
  projectId: string;
  fields: EmuIssueFields;
  histories: EmuHistory[];
  properties: Record<string, unknown>;
  /** What Jira's GitHub/Bitbucket/GitLab integrations report (read only through JQL `development[…]` fields). */
  development?: EmuDevelopment;
};

/** Counts per kind, as Jira's development information summarises them (draft pull requests count as open). */
export type EmuDevelopment = {
  pullrequests?: { open?: number; merged?: number; declined?: number };
  builds?: { failing?: number; successful?: number };
  branches?: number;
  commits?: number;
};

export type EmuVersion = {
  id: string;
  projectId: string;
  name: string;
  description: string;
  archived: boolean;
  released: boolean;
  startDate?: string;
  releaseDate?: string;
};

export type EmuBoard = { id: number; name: string; type: 'scrum' | 'kanban'; projectId: string; estimationFieldId: string };
export type EmuSprint = {
  id: number;
  name: string;
  state: 'closed' | 'active' | 'future';
  originBoardId: number;
  goal: string;
  startDate?: string;
  endDate?: string;
  completeDate?: string;
};

export type EmulatorState = {
  version: typeof EMULATOR_STATE_VERSION;
  /** Seed clock the data was generated for (ISO). */
  seededAt: string;
  users: EmuUser[];
  /** The Forge app's own user (asApp() acts as this account). */
  appAccountId: string;
  issueTypes: EmuIssueType[];
  statuses: EmuStatus[];
  priorities: EmuPriority[];
  resolutions: EmuResolution[];
  roles: EmuRole[];
  permissionScheme: EmuPermissionScheme;
  projects: EmuProject[];
  workflows: EmuWorkflow[];
  fields: EmuField[];
  linkTypes: EmuLinkType[];
  issueLinks: EmuIssueLink[];
  issues: EmuIssue[];
  versions: EmuVersion[];
  boards: EmuBoard[];
  sprints: EmuSprint[];
  /** Next ids to hand out. */
  counters: { issueId: number; historyId: number; linkId: number; versionId: number; sprintId: number; issueNumber: Record<string, number> };
  /** The app's @forge/kvs data (key → value), kept in the same file. */
  appStorage: Record<string, unknown>;
};

export const SPRINT_FIELD_ID = 'customfield_10020';
export const STORY_POINTS_FIELD_ID = 'customfield_10016';
export const SEVERITY_FIELD_ID = 'customfield_10040';
export const REPRO_STEPS_FIELD_ID = 'customfield_10100';
export const DOC_IMPACT_FIELD_ID = 'customfield_10101';
export const REPRO_CONFIRMED_FIELD_ID = 'customfield_10102';
