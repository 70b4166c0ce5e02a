import { areaSuiteSchema, coverageSettingsSchema, type CoverageSettings } from '../../contracts/coverage';
import { areaKey, mergeSuites, type AreaSuite } from '../../domain/coverage';
import { sameRecord } from '../../domain/regression';
import { StorageError, type KeyValueStore } from '../../storage/key-value-store';
import { repository } from '../../storage/repository';
import { AppError } from '../app-error';

/**
 * App-storage layout of regression coverage (every value parsed on read):
 *   coverage:settings:<PROJECT>          area sources, window, gate modes
 *   coverage:suite:<PROJECT>:<area>      an area suite: checklist with a cycle per candidate, and its run log
 */
export const MAX_SUITES = 200;

export function coverageStore(kv: KeyValueStore) {
  return {
    settings: repository(kv, 'coverage:settings', coverageSettingsSchema),
    suites: repository(kv, 'coverage:suite', areaSuiteSchema),
  };
}
export type CoverageStore = ReturnType<typeof coverageStore>;

/** Storage key part of an area: case and spacing ignored, anything but letters and digits as '-', bounded. */
export const suiteId = (projectKey: string, area: string) => `${projectKey}:${areaKey(area).replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 80)}`;

export async function loadSettings(store: CoverageStore, projectKey: string): Promise<{ settings: CoverageSettings; problem?: string }> {
  try {
    return { settings: (await store.settings.get(projectKey)) ?? coverageSettingsSchema.parse({}) };
  } catch (e) {
    if (!(e instanceof StorageError)) throw e;
    // Defaults keep the page usable; the settings form says why and an admin can save over it.
    return { settings: coverageSettingsSchema.parse({}), problem: `The regression coverage settings of ${projectKey} are not valid; the defaults are used until an admin saves them again. (${e.message})` };
  }
}

/** Every area suite of the project. A suite that cannot be read is an error that names it (it is never overwritten). */
export async function listSuites(store: CoverageStore, projectKey: string): Promise<AreaSuite[]> {
  const all = await store.suites.list(MAX_SUITES * 2);
  return all.filter((e) => e.id.startsWith(`${projectKey}:`)).map((e) => e.value);
}

/**
 * Saves an edit of a suite. App storage has no compare-and-set here either, so: re-read; if someone saved since
 * `base` was read, merge three-way (checklist) and unite the run logs; write; read back until it holds the edit.
 */
export async function writeSuite(store: CoverageStore, id: string, base: AreaSuite | undefined, mine: AreaSuite): Promise<AreaSuite> {
  let latest = await store.suites.get(id);
  for (let round = 0; round < 4; round++) {
    const moved = latest !== undefined && (base === undefined || !sameRecord(latest.record, base.record) || latest.runs.length !== base.runs.length);
    const next = moved ? mergeSuites(base, mine, latest!) : mine;
    const toWrite = { ...next, record: { ...next.record, revision: Math.max(next.record.revision, latest?.record.revision ?? 0) + 1 } };
    await store.suites.set(id, toWrite);
    latest = await store.suites.get(id);
    if (latest && sameRecord({ ...latest.record, revision: 0 }, { ...toWrite.record, revision: 0 }) && latest.runs.length >= toWrite.runs.length) return latest;
  }
  throw new AppError('CONFLICT', 'Other testers kept saving this area regression at the same moment. Reload and try again; nothing of theirs was lost.');
}
