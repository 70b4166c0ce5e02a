/** The seed's fixed ids, for tests and the local server. */
export { ISSUE_TYPE, STATUS, PRIORITY, RESOLUTION, PROJECT, LINK_TYPE, RT_TRANSITION, SIMPLE_TRANSITION, OPTION } from './project';
export { BOARD_ID, SPRINT_IDS, VERSION } from './sprints';
export { ROLE, APP_ACCOUNT_ID } from './users';
export { SPRINT_FIELD_ID, STORY_POINTS_FIELD_ID, SEVERITY_FIELD_ID, REPRO_STEPS_FIELD_ID, DOC_IMPACT_FIELD_ID, REPRO_CONFIRMED_FIELD_ID } from '../emulator/state';
import { people } from './users';
export const USERS = {
  l2: people.l2.map((u) => u.accountId),
  rte: people.rte.map((u) => u.accountId),
  dev: people.dev.map((u) => u.accountId),
  qa: people.qa.map((u) => u.accountId),
  planner: people.planner.map((u) => u.accountId),
  ops: people.ops.map((u) => u.accountId),
};
