import type { EmuBoard, EmuSprint, EmuVersion } from '../emulator/state';
import { jiraDateTime } from '../emulator/dates';
import { STORY_POINTS_FIELD_ID } from '../emulator/state';
import { PROJECT } from './project';

export const DAY = 86_400_000;
export const BOARD_ID = 1;
export const SPRINT_IDS = [1, 2, 3, 4, 5, 6] as const;
export const VERSION = { V420: '10010', RC1: '10011', RC2: '10012' } as const;

/** Midnight UTC of `now`'s day: every seeded date is an offset from it. */
export const dayZero = (now: Date) => Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());

export function seedBoards(): EmuBoard[] {
  return [{ id: BOARD_ID, name: 'RT board', type: 'scrum', projectId: PROJECT.RT, estimationFieldId: STORY_POINTS_FIELD_ID }];
}

/** Two-week sprints: three closed, the active one (started a week ago), two future. */
export type SprintWindow = { id: number; start: number; end: number; complete?: number; state: EmuSprint['state'] };
export function sprintWindows(now: Date): SprintWindow[] {
  const d0 = dayZero(now);
  return SPRINT_IDS.map((id, i) => {
    const start = d0 + (i - 3) * 14 * DAY - 7 * DAY + 9 * 3_600_000;
    const end = start + 14 * DAY;
    const state = i < 3 ? 'closed' : i === 3 ? 'active' : 'future';
    return { id, start, end, state, ...(state === 'closed' ? { complete: end + 2 * 3_600_000 } : {}) };
  });
}

const goals = ['Checkout stability before 4.2.0', 'Release 4.2.0; payment retries', 'Search relevance and 4.3.0 RC fixes', 'Burn down RC blockers for 4.3.0', 'Mobile crash fixes', 'Accounts and API clean-up'];
export function seedSprints(now: Date): EmuSprint[] {
  return sprintWindows(now).map((w, i) => ({
    id: w.id,
    name: `RT Sprint ${21 + i}`,
    state: w.state,
    originBoardId: BOARD_ID,
    goal: goals[i]!,
    startDate: jiraDateTime(new Date(w.start)),
    endDate: jiraDateTime(new Date(w.end)),
    ...(w.complete ? { completeDate: jiraDateTime(new Date(w.complete)) } : {}),
  }));
}

export const releaseDate420 = (now: Date) => dayZero(now) - 26 * DAY;
const date = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function seedVersions(now: Date): EmuVersion[] {
  const d0 = dayZero(now);
  return [
    { id: VERSION.V420, projectId: PROJECT.RT, name: '4.2.0', description: 'October release', archived: false, released: true, startDate: date(d0 - 60 * DAY), releaseDate: date(releaseDate420(now)) },
    { id: VERSION.RC1, projectId: PROJECT.RT, name: '4.3.0-rc.1', description: 'First release candidate of 4.3.0', archived: false, released: false, startDate: date(d0 - 24 * DAY), releaseDate: date(d0 + 4 * DAY) },
    { id: VERSION.RC2, projectId: PROJECT.RT, name: '4.3.0-rc.2', description: 'Second release candidate of 4.3.0', archived: false, released: false, startDate: date(d0 - 12 * DAY), releaseDate: date(d0 + 11 * DAY) },
  ];
}
