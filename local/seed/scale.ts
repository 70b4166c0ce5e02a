/**
 * A large RT project for scale work: `scaleBugs(n)` grows the demo's ~150 RT bugs to `n` by copying them
 * round-robin (with their histories, sprint values, versions and entity properties, under new ids and keys),
 * varying priority and story points so rankings are not all ties. The demo's own bugs stay as they are, so
 * every page still shows its scenarios; the copies keep the demo's mix of stages (about 60 % open).
 *
 * `npm start -- --bugs 10000`, `npm run reset -- --bugs 50000` or RT_SEED_BUGS=10000 choose the size.
 */
import type { EmulatorState } from '../emulator/state';
import { STORY_POINTS_FIELD_ID } from '../emulator/state';
import { createRng } from './prng';
import { ISSUE_TYPE, PRIORITY, PROJECT } from './project';
import type { SeedExtension } from './index';

export const MAX_SEED_BUGS = 100_000;

/** Reads `--bugs N` (or `--bugs=N`) from argv, else RT_SEED_BUGS; undefined when neither is given. */
export function seedBugsOption(argv: readonly string[] = process.argv.slice(2), env: NodeJS.ProcessEnv = process.env): number | undefined {
  let raw: string | undefined;
  argv.forEach((arg, i) => {
    if (arg === '--bugs') raw = argv[i + 1] ?? '';
    else if (arg.startsWith('--bugs=')) raw = arg.slice('--bugs='.length);
  });
  raw ??= env['RT_SEED_BUGS'];
  if (raw === undefined || raw === '') return undefined;
  const n = Number(raw.replace(/[_,]/g, ''));
  if (!Number.isInteger(n) || n < 1 || n > MAX_SEED_BUGS) throw new Error(`--bugs / RT_SEED_BUGS must be a whole number of bugs from 1 to ${MAX_SEED_BUGS}, not '${raw}'.`);
  return n;
}

/** Bugs of the RT project in a state (what `scaleBugs` counts). */
export function rtBugCount(state: Pick<EmulatorState, 'issues'>): number {
  let n = 0;
  for (const i of state.issues) if (i.projectId === PROJECT.RT && i.fields.issueTypeId === ISSUE_TYPE.BUG) n++;
  return n;
}

const PRIORITIES = [PRIORITY.HIGHEST, PRIORITY.HIGH, PRIORITY.MEDIUM, PRIORITY.MEDIUM, PRIORITY.LOW, PRIORITY.LOWEST];

/** Seed extension: copies RT bugs until the project holds `target` bugs (no-op when it already has as many). */
export function scaleBugs(target: number): SeedExtension {
  return (state) => {
    const templates = state.issues.filter((i) => i.projectId === PROJECT.RT && i.fields.issueTypeId === ISSUE_TYPE.BUG);
    if (templates.length === 0) return;
    const rng = createRng(0x5ca1e + target);
    const missing = target - templates.length;
    for (let k = 0; k < missing; k++) {
      const template = templates[k % templates.length]!;
      const copy = structuredClone(template);
      copy.id = String(state.counters.issueId++);
      const number = (state.counters.issueNumber['RT'] ?? 0) + 1;
      state.counters.issueNumber['RT'] = number;
      copy.key = `RT-${number}`;
      copy.fields.summary = `${template.fields.summary} (${Math.floor(k / templates.length) + 2})`;
      if (rng.chance(0.5)) copy.fields.priorityId = rng.pick(PRIORITIES);
      if (typeof copy.fields.custom[STORY_POINTS_FIELD_ID] === 'number') copy.fields.custom[STORY_POINTS_FIELD_ID] = rng.pick([1, 2, 3, 5, 8]);
      for (const h of copy.histories) h.id = String(state.counters.historyId++);
      state.issues.push(copy);
    }
  };
}
