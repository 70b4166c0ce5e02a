/**
 * The demo's size for `npm start` / `npm run reset` (`--bugs N` or RT_SEED_BUGS): the seed extensions that grow
 * the RT project to N bugs, and, for `npm start`, whether an existing data file holds another number of bugs
 * (then it is reseeded: asking for a size is asking for that data).
 */
import { promises as fsp } from 'node:fs';
import { parseStateText } from '../emulator/store';
import { rtBugCount, scaleBugs, seedBugsOption } from '../seed/scale';
import type { SeedExtension } from '../seed';
import { WORKSPACE_SEED_EXTENSIONS } from './workspace-seed';

export function seedExtensionsFor(bugs: number | undefined): SeedExtension[] {
  return bugs === undefined ? WORKSPACE_SEED_EXTENSIONS : [...WORKSPACE_SEED_EXTENSIONS, scaleBugs(bugs)];
}

/** The bug count an existing data file holds, or undefined when there is no (readable) file. */
export async function bugsInDataFile(path: string): Promise<number | undefined> {
  try {
    return rtBugCount(parseStateText(path, await fsp.readFile(path, 'utf8')));
  } catch {
    return undefined;
  }
}

export { seedBugsOption };
