import { emulatorEnv } from '../support/emulator-env';
import { SEED_BASE_DATE, type SeedExtension } from '../../local/seed';
import { localServices } from '../../local/server/local-services';
import { installServices } from '../../src/runtime/services';
import { rcPromotionHandlers, rcPromotionProcedures } from '../../src/resolvers/rc-promotion-handlers';
import { runProcedure } from '../../src/resolvers/define-resolver';

/** An emulator-backed workspace for the RC-promotion resolver tests (own data file per call). */
export async function rcWorkspace(extensions: SeedExtension[] = []) {
  const { store, emulator, storage, close } = await emulatorEnv({ prefix: 'rt-rc-', extensions, baseUrl: 'http://jira.test' });
  const call = (key: keyof typeof rcPromotionProcedures & string, input: unknown, accountId: string | undefined = 'rt-rte-chloe') =>
    runProcedure(rcPromotionProcedures, rcPromotionHandlers, key, { payload: { input }, context: { accountId, extension: { project: { key: 'RT', id: '10000' } } } });
  return { store, emulator, storage, call, close };
}

/**
 * Jira creates the next issue but its reply is lost (504 instead of the 201): installs services whose first
 * successful POST /rest/api/3/issue answers 504, so a test sees a create that landed but was reported failed.
 */
export function loseFirstIssueCreateReply(ws: Awaited<ReturnType<typeof rcWorkspace>>): void {
  let lost = true;
  const handle = ws.emulator.handle;
  installServices(
    localServices(
      async (req) => {
        const res = await handle(req);
        if (lost && req.method === 'POST' && req.path === '/rest/api/3/issue' && res.status === 201) {
          lost = false;
          return { status: 504, body: { errorMessages: ['Gateway timeout'] } };
        }
        return res;
      },
      ws.storage,
      () => SEED_BASE_DATE,
    ),
  );
}
