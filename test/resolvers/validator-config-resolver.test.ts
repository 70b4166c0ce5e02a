/** The validators' configuration resolver against the emulator: statuses as the user, mapping read/save (admins only), failure events. */
import { validatorConfigProcedures, type Result } from '../../src/contracts';
import { runProcedure } from '../../src/resolvers/define-resolver';
import { validatorConfigHandlers } from '../../src/resolvers/validator-config-resolver';
import { services } from '../../src/runtime/services';
import { followsLoopValidator } from '../../src/validators';
import { stageMappings } from '../../src/storage/stage-mapping-store';
import { emulatorEnv, payload, S, type Env } from '../validators/support';

let env: Env;
beforeAll(async () => {
  env = await emulatorEnv('rt-validator-config-');
});
afterAll(() => env.close());
afterEach(() => env.emulator.clearFaults());

type Key = keyof typeof validatorConfigProcedures;
const run = (key: Key, input: unknown, accountId: string | null = 'rt-rte-chloe', project: { key: string; id: string } | null = { key: 'RT', id: '10000' }, jiraContext: Record<string, unknown> = {}) =>
  runProcedure(validatorConfigProcedures, validatorConfigHandlers, key, {
    payload: { input },
    context: { accountId: accountId ?? undefined, extension: { type: 'jira:workflowValidator', entryPoint: 'edit', ...jiraContext, ...(project ? { project } : {}) } },
  }) as Promise<Result<Record<string, any>>>; // eslint-disable-line @typescript-eslint/no-explicit-any

const full = { [S.OPEN]: 'L2', [S.TRIAGE]: 'RTE_TRIAGE', [S.DEV]: 'DEV', [S.RTE_REVIEW]: 'RTE_REVIEW', [S.IN_QA]: 'QA', [S.DONE]: 'DONE' };

it('setup: the real statuses, the derived mapping (cached for the validators), and admin rights', async () => {
  const r = await run('validators/setup', {});
  if (!r.ok) throw new Error(r.message);
  expect(r.data.statuses.map((s: { name: string }) => s.name)).toEqual(expect.arrayContaining(['Open', 'Triage', 'In Progress', 'RTE Review', 'In QA', 'Done']));
  expect(r.data).toMatchObject({ projectKey: 'RT', derived: true, canAdminister: true, byStatusId: full, errors: [] });
  expect(await stageMappings(services().storage).get('10000')).toMatchObject({ derived: true });
  // Warm cache: the validator now makes its one issue read only.
  env.emulator.resetCalls();
  await followsLoopValidator(payload('RT-28', S.DEV, S.RTE_REVIEW));
  expect(env.emulator.calls).toHaveLength(1);
});

it('a developer sees the mapping but cannot save it', async () => {
  const r = await run('validators/setup', {}, 'rt-dev-elif');
  expect(r).toMatchObject({ ok: true, data: { canAdminister: false } });
  const saved = await run('validators/save-mapping', { byStatusId: full }, 'rt-dev-elif');
  expect(saved).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  expect((await stageMappings(services().storage).get('10000'))?.derived).toBe(true);
});

it('an admin saves a mapping; an incomplete one is refused with every problem and nothing is lost', async () => {
  const bad = await run('validators/save-mapping', { byStatusId: { ...full, [S.IN_QA]: 'TESTING' } });
  expect(bad.ok).toBe(false);
  if (bad.ok) return;
  expect(bad.code).toBe('BAD_REQUEST');
  expect(bad.message).toContain("Status 'In QA' is mapped to 'TESTING', which is not a stage.");
  expect(bad.message).toContain('No status is mapped to QA');
  const ok = await run('validators/save-mapping', { byStatusId: { ...full, [S.TRIAGE]: 'L2', [S.OPEN]: 'L2' } });
  expect(ok.ok).toBe(false); // RTE triage would have no status
  const good = await run('validators/save-mapping', { byStatusId: full });
  expect(good).toMatchObject({ ok: true, data: { derived: false, byStatusId: full } });
  expect(await stageMappings(services().storage).get('10000')).toMatchObject({ derived: false, updatedByAccountId: 'rt-rte-chloe' });
});

it('lists recorded failure events of the project', async () => {
  env.emulator.failNext({ path: /^\/rest\/api\/3\/issue\/RT-28$/, status: 403, times: 1 });
  await followsLoopValidator(payload('RT-28', S.DEV, S.RTE_REVIEW));
  const r = await run('validators/failures', { limit: 5 });
  expect(r).toMatchObject({ ok: true, data: { events: [{ validator: 'follows-loop', issueKey: 'RT-28', decision: 'blocked', error: 'lasting fault (a retry will not help): Jira answered 403 when asked to read the issue' }] } });
});

it('refuses bad input, a missing project or user, and maps Jira failures', async () => {
  expect(await run('validators/save-mapping', { byStatusId: 'all' })).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
  expect(await run('validators/failures', { limit: 0 })).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
  expect(await run('validators/setup', {}, 'rt-rte-chloe', null)).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
  expect(await run('validators/setup', {}, null)).toMatchObject({ ok: false, code: 'UNAUTHORIZED' });
  env.emulator.failNext({ path: '/rest/api/3/project/RT/statuses', status: 503, times: 5 });
  expect(await run('validators/setup', {})).toMatchObject({ ok: false, code: 'JIRA_UNAVAILABLE' });
}, 15000);

describe("Jira's workflow-validator context (isNewEditor, workflowId, and scopedProjectId for team-managed projects)", () => {
  it('takes the project from scopedProjectId (its key read as the user)', async () => {
    const r = await run('validators/setup', {}, 'rt-rte-chloe', null, { isNewEditor: true, workflowId: 'wf-1', scopedProjectId: '10000' });
    expect(r).toMatchObject({ ok: true, data: { projectKey: 'RT', projectId: '10000', canAdminister: true } });
    expect(await run('validators/failures', { limit: 5 }, 'rt-rte-chloe', null, { scopedProjectId: '10000' })).toMatchObject({ ok: true });
  });
  it('without a project says why the mapping is not here and where it is edited (no Jira call)', async () => {
    env.emulator.resetCalls();
    const r = await run('validators/setup', {}, 'rt-rte-chloe', null, { isNewEditor: true, workflowId: 'wf-1' });
    expect(r).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
    if (!r.ok) expect(r.message).toMatch(/company-managed workflows can be shared by several projects.*Each project keeps its own mapping: open Release Train → Stage mapping in that project's sidebar/);
    expect(env.emulator.calls).toHaveLength(0);
  });
});
