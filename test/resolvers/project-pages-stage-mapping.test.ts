/**
 * The project page's Stage mapping sub-page through the project pages' resolver (project-pages-fn, as Forge calls
 * it with a project page's context): the validators' configuration handlers behind new keys, so company-managed
 * projects can edit their mapping where Jira names the project. A saved mapping is what the validators then use.
 */
import type { Result } from '../../src/contracts';
import { projectPagesResolver } from '../../src/index';
import { services } from '../../src/runtime/services';
import { stageMappings } from '../../src/storage/stage-mapping-store';
import { followsLoopValidator } from '../../src/validators';
import { emulatorEnv, payload, S, type Env } from '../validators/support';

let env: Env;
beforeAll(async () => {
  env = await emulatorEnv('rt-project-stage-mapping-');
});
afterAll(() => env.close());

type ForgeFunction = (event: unknown, runtime?: unknown) => Promise<unknown>;
const call = (functionKey: 'stage-mapping/setup' | 'stage-mapping/save', input: unknown, accountId = 'rt-rte-chloe') =>
  (projectPagesResolver as unknown as ForgeFunction)(
    { call: { functionKey, payload: { input } }, context: { accountId, extension: { type: 'jira:projectPage', project: { key: 'RT', id: '10000', type: 'software' } } } },
    { principal: { accountId } },
  ) as Promise<Result<Record<string, any>>>; // eslint-disable-line @typescript-eslint/no-explicit-any

const full = { [S.OPEN]: 'L2', [S.TRIAGE]: 'RTE_TRIAGE', [S.DEV]: 'DEV', [S.RTE_REVIEW]: 'RTE_REVIEW', [S.IN_QA]: 'QA', [S.DONE]: 'DONE' };
// Open counts as RTE triage: a bug filed in Open may then go straight to In Progress.
const openIsTriage = { ...full, [S.OPEN]: 'RTE_TRIAGE' };

it('reads the project from the project page context: real statuses, the derived mapping and admin rights', async () => {
  const admin = await call('stage-mapping/setup', {});
  expect(admin).toMatchObject({ ok: true, data: { projectKey: 'RT', projectId: '10000', derived: true, canAdminister: true, byStatusId: full, errors: [] } });
  expect(await call('stage-mapping/setup', {}, 'rt-dev-elif')).toMatchObject({ ok: true, data: { canAdminister: false, byStatusId: full } });
});

it('a non-admin cannot save (FORBIDDEN, checked with their own rights) and nothing is stored', async () => {
  const r = await call('stage-mapping/save', { byStatusId: openIsTriage }, 'rt-dev-elif');
  expect(r).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  if (!r.ok) expect(r.message).toContain('Only project admins (Administer Projects in RT) can change the stage mapping.');
  expect(await stageMappings(services().storage).get('10000')).toMatchObject({ derived: true, byStatusId: full });
});

it('bad input is refused with BAD_REQUEST: a wrong shape, an unknown stage, an incomplete mapping', async () => {
  expect(await call('stage-mapping/save', { byStatusId: 'all' })).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
  const unknown = await call('stage-mapping/save', { byStatusId: { ...full, [S.IN_QA]: 'TESTING' } });
  expect(unknown).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
  if (!unknown.ok) expect(unknown.message).toContain("Status 'In QA' is mapped to 'TESTING', which is not a stage.");
  const { [S.DONE]: _done, ...withoutDone } = full;
  expect(await call('stage-mapping/save', { byStatusId: withoutDone })).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
  expect(await stageMappings(services().storage).get('10000')).toMatchObject({ derived: true });
});

it('an admin saves a mapping; the validators use it at once', async () => {
  // RT-122 is in Open: with the derived mapping (L2) it cannot skip triage to In Progress.
  await expect(followsLoopValidator(payload('RT-122', S.OPEN, S.DEV))).resolves.toMatchObject({ result: false });

  const saved = await call('stage-mapping/save', { byStatusId: openIsTriage });
  expect(saved).toMatchObject({ ok: true, data: { derived: false, canAdminister: true, byStatusId: openIsTriage } });
  expect(await stageMappings(services().storage).get('10000')).toMatchObject({ derived: false, byStatusId: openIsTriage, updatedByAccountId: 'rt-rte-chloe' });
  expect(await call('stage-mapping/setup', {}, 'rt-dev-elif')).toMatchObject({ ok: true, data: { derived: false, byStatusId: openIsTriage } });

  // Open is now RTE triage, and RTE triage → Dev is a legal move.
  await expect(followsLoopValidator(payload('RT-122', S.OPEN, S.DEV))).resolves.toMatchObject({ result: true });
});
