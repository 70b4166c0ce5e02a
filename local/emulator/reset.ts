/** Restores the data file from the seed (atomically: the old file stays whole until the new one is in place). */
import { createSeedState, type SeedExtension } from '../seed';
import { writeFileAtomic, DEFAULT_DATA_PATH, nodeStoreFs, type StoreFs } from './store';
import type { EmulatorState } from './state';

export async function resetStore(
  path: string = DEFAULT_DATA_PATH,
  now: Date = new Date(),
  extensions: SeedExtension[] = [],
  fs: StoreFs = nodeStoreFs,
): Promise<EmulatorState> {
  const state = createSeedState(now, extensions);
  await writeFileAtomic(path, JSON.stringify(state), fs);
  return state;
}
