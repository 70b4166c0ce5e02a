import { emulatorEnv } from '../support/emulator-env';
import type { SeedExtension } from '../../local/seed';
import { rcPromotionHandlers, rcPromotionProcedures } from '../../src/resolvers/rc-promotion-handlers';
import { runProcedure } from '../../src/resolvers/define-resolver';

/** An emulator-backed workspace for the RC-promotion resolver tests (own data file per call). */
export async function rcWorkspace(extensions: SeedExtension[] = []) {
  const { store, emulator, storage, close } = await emulatorEnv({ prefix: 'rt-rc-', extensions, baseUrl: 'http://jira.test' });
  const call = (key: keyof typeof rcPromotionProcedures & string, input: unknown, accountId: string | undefined = 'rt-rte-chloe') =>
    runProcedure(rcPromotionProcedures, rcPromotionHandlers, key, { payload: { input }, context: { accountId, extension: { project: { key: 'RT', id: '10000' } } } });
  return { store, emulator, storage, call, close };
}
