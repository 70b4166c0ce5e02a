import type { Stage } from '../bug-flow/stages';

/**
 * Inputs of the sprint-planning rules. The resolver builds these from Jira (search + sprint field changelog);
 * the rules never trust them blindly: NaN points, unreadable dates, duplicate keys and negative budgets are
 * reported, not crashed on.
 */

/** Jira's default priority names. Other names are accepted and ranked as Medium (see rank.ts). */
export const jiraPriorities = ['Highest', 'High', 'Medium', 'Low', 'Lowest'] as const;
export type JiraPriority = (typeof jiraPriorities)[number];

export type PlanBug = {
  key: string;
  summary: string;
  /** Jira priority name: Highest/High/Medium/Low/Lowest (custom names rank as Medium). */
  priority: JiraPriority | (string & {});
  /** S1..S4, Sev1, Critical/Major/Minor/Trivial, Blocker... (see severityLevel in rank.ts). */
  severity?: string;
  /** ISO timestamp. */
  createdAt: string;
  /** Stage in the release-train loop (bug-flow). DONE bugs are not planned. */
  stage: Stage;
  /** Jira status name, for display only. */
  status?: string;
  storyPoints?: number;
  components: string[];
  labels: string[];
  assignee?: string | null;
  /** Linked support tickets, or the value of a customer-impact field. */
  customerImpact: number;
  foundInRegression: boolean;
  reproClear: boolean;
  /** A planner pinned the bug to a sprint: auto-plan puts it there whatever the budget says. */
  pinned?: { sprintId: number };
  /** The open (active or future) sprint the bug is in now; absent when it is in the backlog. */
  currentSprintId?: number;
  /** Every sprint the bug has been in, from the sprint field changelog (any order, duplicates allowed). */
  sprintHistory: number[];
  /** ISO timestamp of resolution; absent while open. */
  resolvedAt?: string;
};

export type SprintState = 'closed' | 'active' | 'future';

export type PlanSprint = {
  id: number;
  name: string;
  state: SprintState;
  startDate?: string;
  endDate?: string;
  completeDate?: string;
  goal?: string;
  /** A budget set on this sprint; wins over a velocity share. */
  bugBudget?: { points?: number; count?: number };
};

/** What a budget counts: story points of bugs, or bugs (teams that do not estimate bugs). */
export type BudgetUnit = 'points' | 'count';

/** A move of one bug: `null` is the backlog. */
export type PlanMove = { key: string; fromSprintId: number | null; toSprintId: number | null };
