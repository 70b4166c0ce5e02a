import type { PlanBug, PlanSprint } from '../../src/domain/sprint-plan';
import { jiraDateTime, parseJiraDateTime } from '../../local/emulator/dates';
import type { EmuIssue } from '../../local/emulator/state';
import type { EmulatorState } from '../../local/emulator/store';
import type { SeedExtension } from '../../local/seed';

/** The fixed "now" of sprint-plan scenarios: a Monday. */
export const NOW = '2026-03-02T09:00:00.000Z';

let nextBug = 1;
let nextSprint = 100;

/** An open, triaged, ready bug of 3 points in the backlog, created at NOW; override what the scenario is about. */
export function aBug(overrides: Partial<PlanBug> = {}): PlanBug {
  const n = nextBug++;
  return {
    key: `BUG-${n}`,
    summary: `Bug number ${n}`,
    priority: 'Medium',
    createdAt: NOW,
    stage: 'DEV',
    status: 'In Progress',
    storyPoints: 3,
    components: [],
    labels: [],
    assignee: null,
    customerImpact: 0,
    foundInRegression: false,
    reproClear: true,
    sprintHistory: [],
    ...overrides,
  };
}

/** A future sprint without dates or budget. */
export function aSprint(overrides: Partial<PlanSprint> = {}): PlanSprint {
  const id = overrides.id ?? nextSprint++;
  return { id, name: `Sprint ${id}`, state: 'future', ...overrides };
}

const DAY = 24 * 60 * 60 * 1000;

/**
 * `count` consecutive two-week sprints starting at `firstStart` with ids from `firstId`: the ones that end
 * before `now` are closed (completeDate = endDate), the one containing `now` is active, later ones future.
 */
export function twoWeekSprints(count: number, firstStart: string, firstId: number, now: string = NOW, overrides: Partial<PlanSprint> = {}): PlanSprint[] {
  const start0 = Date.parse(firstStart);
  const nowMs = Date.parse(now);
  return Array.from({ length: count }, (_, i) => {
    const start = start0 + i * 14 * DAY;
    const end = start + 14 * DAY;
    const state: PlanSprint['state'] = end <= nowMs ? 'closed' : start <= nowMs ? 'active' : 'future';
    const iso = (t: number): string => new Date(t).toISOString();
    return aSprint({
      id: firstId + i,
      name: `Sprint ${firstId + i}`,
      state,
      startDate: iso(start),
      endDate: iso(end),
      ...(state === 'closed' ? { completeDate: iso(end) } : {}),
      ...overrides,
    });
  });
}

/** An ISO time `days` after `iso` (negative for before). */
export function daysAfter(iso: string, days: number): string {
  return new Date(Date.parse(iso) + days * DAY).toISOString();
}

/** Adds a copy of `template` to the project of its key under the next id and key, without history; returns it to edit. */
export function cloneIssue(state: EmulatorState, template: EmuIssue): EmuIssue {
  const copy = JSON.parse(JSON.stringify(template)) as EmuIssue;
  const project = template.key.slice(0, template.key.indexOf('-'));
  copy.id = String(state.counters.issueId++);
  const number = (state.counters.issueNumber[project] ?? 0) + 1;
  state.counters.issueNumber[project] = number;
  copy.key = `${project}-${number}`;
  copy.histories = [];
  state.issues.push(copy);
  return copy;
}

/** Adds n open, triaged, ready bugs to RT's backlog (copies of a seeded In Progress bug without sprints, 1-5 points). */
export const extraBugs =
  (n: number): SeedExtension =>
  (state: EmulatorState) => {
    const template = state.issues.find((i) => i.key.startsWith('RT-') && i.fields.issueTypeId === '10004' && i.fields.statusId === '10003');
    if (!template) throw new Error('seed has no In Progress bug to copy');
    for (let k = 0; k < n; k += 1) {
      const copy = cloneIssue(state, template);
      copy.fields.summary = `Extra backlog bug ${k + 1}`;
      delete copy.fields.custom['customfield_10020'];
      copy.fields.custom['customfield_10016'] = [1, 2, 3, 5][k % 4];
    }
  };

/**
 * Adds n Done bugs to RT, resolved inside closed sprint `sprintId`'s window (newest first from its end, one
 * minute apart) with that sprint in their Sprint field: the signals' outflow and the bug velocity.
 */
export const resolvedBugs =
  (n: number, sprintId: number): SeedExtension =>
  (state: EmulatorState) => {
    const template = state.issues.find((i) => i.key.startsWith('RT-') && i.fields.issueTypeId === '10004' && i.fields.statusId === '10006' && i.fields.resolutionDate);
    const sprint = state.sprints.find((s) => s.id === sprintId);
    if (!template || !sprint?.startDate || !sprint.endDate) throw new Error('seed has no resolved bug or no dated sprint to copy');
    const end = parseJiraDateTime(sprint.endDate);
    const stamp = (ms: number) => jiraDateTime(new Date(ms));
    for (let k = 0; k < n; k += 1) {
      const copy = cloneIssue(state, template);
      copy.fields.summary = `Resolved bug ${k + 1} of sprint ${sprintId}`;
      copy.fields.created = stamp(parseJiraDateTime(sprint.startDate) - 7 * DAY);
      copy.fields.resolutionDate = stamp(end - 3_600_000 - k * 60_000);
      copy.fields.custom['customfield_10020'] = [sprintId];
      copy.fields.custom['customfield_10016'] = 1;
    }
  };
