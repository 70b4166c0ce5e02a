import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createJiraEmulator, type EmulatorHooks } from '../../../local/emulator/handler';
import { FileStore } from '../../../local/emulator/store';
import { createSeedState, SEED_BASE_DATE } from '../../../local/seed';

export const NOW = SEED_BASE_DATE;
/** One seeded state, cloned per test (seeding is deterministic but not free). */
const seeded = JSON.stringify(createSeedState(NOW));

export async function setup(hooks: EmulatorHooks = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'rt-emulator-'));
  const store = new FileStore({ path: join(dir, 'jira.json'), seed: () => JSON.parse(seeded) });
  await store.load();
  const emulator = createJiraEmulator(store, { now: () => NOW, baseUrl: 'http://jira.test', ...hooks });
  const call = (accountId: string | null, method: string, pathAndQuery: string, body?: unknown, headers: Record<string, string> = {}) => {
    const url = new URL(pathAndQuery, 'http://jira.test');
    return emulator.handle({ method, path: url.pathname, query: url.searchParams, headers: { ...(accountId ? { 'x-rt-account-id': accountId } : {}), ...headers }, body });
  };
  return { dir, store, emulator, call };
}

export const USERS = { l2: 'rt-l2-amara', rte: 'rt-rte-chloe', dev: 'rt-dev-elif', qa: 'rt-qa-hiro', planner: 'rt-planner-jonas', viewer: 'rt-viewer-lena', app: 'app' };
