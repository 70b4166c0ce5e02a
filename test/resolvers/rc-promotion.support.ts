import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createJiraEmulator } from '../../local/emulator/handler';
import { appStorageFile, FileStore } from '../../local/emulator/store';
import { createSeedState, SEED_BASE_DATE, type SeedExtension } from '../../local/seed';
import { fileKeyValueStore, localServices } from '../../local/server/local-services';
import { rcPromotionHandlers, rcPromotionProcedures } from '../../src/resolvers/rc-promotion-handlers';
import { runProcedure } from '../../src/resolvers/define-resolver';
import { installServices } from '../../src/runtime/services';

/** An emulator-backed workspace for the RC-promotion resolver tests (own data file per call). */
export async function rcWorkspace(extensions: SeedExtension[] = []) {
  const dir = mkdtempSync(join(tmpdir(), 'rt-rc-'));
  const store = new FileStore({ path: join(dir, 'jira.json'), seed: () => createSeedState(SEED_BASE_DATE, extensions) });
  await store.load();
  const emulator = createJiraEmulator(store, { now: () => SEED_BASE_DATE, baseUrl: 'http://jira.test' });
  const storage = fileKeyValueStore(appStorageFile(store));
  installServices(localServices(emulator.handle, storage, () => SEED_BASE_DATE));
  const call = (key: keyof typeof rcPromotionProcedures & string, input: unknown, accountId: string | undefined = 'rt-rte-chloe') =>
    runProcedure(rcPromotionProcedures, rcPromotionHandlers, key, { payload: { input }, context: { accountId, extension: { project: { key: 'RT', id: '10000' } } } });
  return { store, emulator, storage, call, close: () => rmSync(dir, { recursive: true, force: true }) };
}
