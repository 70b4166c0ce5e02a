/**
 * The check library is partly app storage (area suites), where Jira's permissions do not apply. The regression
 * panel asks for it by an issue key from its payload, so a user on a panel of a project they can see could name an
 * issue of one they cannot: the library must then be refused, not read.
 */
import { seedIds } from '../../local/seed';
import { coverageProcedures, signoffProcedures } from '../../src/contracts/coverage';
import { emptySuite, startSuiteCycle } from '../../src/domain/coverage/area-suite';
import { coverageHandlers } from '../../src/resolvers/coverage/handlers';
import { signoffHandlers } from '../../src/resolvers/coverage/signoff-handlers';
import { coverageStore, suiteId } from '../../src/resolvers/coverage/store';
import { runProcedure } from '../../src/resolvers/define-resolver';
import { emulatorEnv, type EmulatorEnv } from '../support/emulator-env';

const DEV = 'rt-dev-elif'; // sees RT, not SUP
const L2 = 'rt-l2-amara'; // sees SUP
let env: EmulatorEnv;

beforeAll(async () => {
  env = await emulatorEnv({ prefix: 'rt-library-access-' });
  const ctx = { now: '2026-11-16T10:00:00.000Z', actor: { accountId: L2, name: 'Amara' } };
  const added = startSuiteCycle(emptySuite('Payments'), '1.0.0-rc.1', ctx, [{ id: 'c-secret', area: 'Payments', title: 'Refund the secret customer' }]);
  if (!added.ok) throw new Error(added.message);
  await coverageStore(env.storage).suites.set(suiteId('SUP', 'Payments'), added.data);
});
afterAll(() => env.close());

/** regression/library from an issue panel of RT (the frame's own issue), naming `issueKey`. */
const fromRtPanel = (accountId: string, issueKey: string) =>
  runProcedure(signoffProcedures, signoffHandlers, 'regression/library', {
    payload: { input: { issueKey } },
    context: { accountId, extension: { issue: { key: 'RT-1' }, project: { key: 'RT', id: seedIds.PROJECT.RT } } },
  });

test('naming an issue of a project the caller cannot see: FORBIDDEN, and none of its suites', async () => {
  const r = await fromRtPanel(DEV, 'SUP-1');
  expect(r).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  expect(JSON.stringify(r)).not.toContain('secret customer');
});

test('a caller who can see the project gets its library', async () => {
  const r = await fromRtPanel(L2, 'SUP-1');
  expect(r.ok).toBe(true);
  expect(JSON.stringify(r)).toContain('Refund the secret customer');
});

test('the coverage page asks the same way', async () => {
  const page = (accountId: string) =>
    runProcedure(coverageProcedures, coverageHandlers, 'coverage/library', { payload: { input: { projectKey: 'SUP' } }, context: { accountId, extension: {} } });
  expect(await page(DEV)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  expect((await page(L2)).ok).toBe(true);
});
