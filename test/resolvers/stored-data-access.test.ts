/**
 * Resolvers that answer from app storage (where Jira's permissions do not apply) check that the caller can see
 * the project first; and admin JQL gates do not pass because the promoter cannot see what they match.
 */
import { seedIds } from '../../local/seed';
import { rcPromotionHandlers, rcPromotionProcedures } from '../../src/resolvers/rc-promotion-handlers';
import { runProcedure } from '../../src/resolvers/define-resolver';
import { validatorConfigProcedures } from '../../src/contracts/validator-config';
import { validatorConfigHandlers } from '../../src/resolvers/validator-config-resolver';
import { recordValidatorFailure } from '../../src/validators/failure-log';
import { emulatorEnv, type EmulatorEnv } from '../support/emulator-env';

const DEV = 'rt-dev-elif'; // not in any role of SUP: cannot see it
const L2 = 'rt-l2-amara'; // L2 role in SUP
const RTE = 'rt-rte-chloe';
let env: EmulatorEnv;

beforeAll(async () => {
  env = await emulatorEnv({ prefix: 'rt-stored-access-' });
  await recordValidatorFailure(env.storage, { at: '2026-11-16T10:00:00.000Z', validator: 'repro-steps-clear', issueKey: 'SUP-1', error: 'Jira could not be read: SUP-1 secret summary', decision: 'blocked' });
});
afterAll(() => env.close());

const inProject = (projectKey: string, projectId: string) => ({ project: { key: projectKey, id: projectId } });

const failures = (accountId: string, projectKey = 'SUP', projectId: string = seedIds.PROJECT.SUP) =>
  runProcedure(validatorConfigProcedures, validatorConfigHandlers, 'validators/failures', { payload: { input: {} }, context: { accountId, extension: inProject(projectKey, projectId) } });
const promotion = (accountId: string, projectKey = 'SUP', projectId: string = seedIds.PROJECT.SUP) =>
  runProcedure(rcPromotionProcedures, rcPromotionHandlers, 'rc/promotion', { payload: { input: { projectKey, versionId: '10099' } }, context: { accountId, extension: inProject(projectKey, projectId) } });

test("validators/failures: a caller who cannot see the project gets FORBIDDEN, not the project's records", async () => {
  expect(await failures(DEV)).toMatchObject({ ok: false, code: 'FORBIDDEN', message: 'Project SUP does not exist or you do not have permission to see it in Jira.' });
  const seen = await failures(L2);
  expect(seen.ok && (seen.data as { events: Array<{ issueKey: string }> }).events.map((e) => e.issueKey)).toEqual(['SUP-1']);
});

test('rc/promotion: a caller who cannot see the project gets FORBIDDEN; one who can gets past the check', async () => {
  expect(await promotion(DEV)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  // Past the access check, the candidate lookup answers: SUP has no version 10099.
  expect(await promotion(L2)).toMatchObject({ ok: false, code: 'NOT_FOUND' });
});

test('a project that does not exist is refused the same way', async () => {
  expect(await failures(RTE, 'NOPE', '99999')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
});

describe('admin JQL gates and what the promoter cannot see', () => {
  const readiness = async (accountId: string) => {
    const versions = env.store.get().versions.filter((v) => v.projectId === seedIds.PROJECT.RT && /-rc\.\d+$/.test(v.name));
    const r = await runProcedure(rcPromotionProcedures, rcPromotionHandlers, 'rc/readiness', {
      payload: { input: { projectKey: 'RT', versionId: versions[versions.length - 1]!.id } },
      context: { accountId, extension: inProject('RT', seedIds.PROJECT.RT) },
    });
    if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
    return (r.data as { gates: Array<{ id: string; passed: boolean; evidence: string[]; detail: string }> }).gates.find((g) => g.id === 'jql:Support clear')!;
  };

  beforeAll(async () => {
    // Only an issue of SUP carries the label; the gate's JQL does not name the project.
    await env.emulator.handle({ method: 'PUT', path: '/rest/api/3/issue/SUP-1', query: new URLSearchParams(), headers: { 'x-rt-account-id': 'app' }, body: { fields: { labels: ['blocks-release'] } } });
    await env.storage.set('rc-promotion:config:RT', { namingPattern: '{release}-rc.{n}', mode: 'release-version', promoterRole: 'Developers', opsProjectKey: 'OPS', adminGates: [{ name: 'Support clear', jql: 'labels = blocks-release' }], bugTypes: ['Bug'], manualCandidates: [] });
  });

  test('the promoter who sees the issue: the gate fails with it as evidence', async () => {
    const gate = await readiness(RTE);
    expect(gate).toMatchObject({ passed: false, evidence: ['SUP-1'] });
  });

  test('the promoter who cannot see it: an empty result is a blind spot, so the gate fails with the reason and no keys', async () => {
    const gate = await readiness(DEV);
    expect(gate.passed).toBe(false);
    expect(gate.evidence).toEqual([]);
    expect(gate.detail).toMatch(/matches issues in projects you cannot see/);
  });

  test('when nothing matches for anyone, the gate passes (one more search, as the app)', async () => {
    await env.emulator.handle({ method: 'PUT', path: '/rest/api/3/issue/SUP-1', query: new URLSearchParams(), headers: { 'x-rt-account-id': 'app' }, body: { fields: { labels: [] } } });
    expect((await readiness(DEV)).passed).toBe(true);
  });
});
