/**
 * A status added to the workflow after the stage mapping was cached or saved: a derived mapping is derived again
 * (once, +1 call) so the new status is judged by the loop; an admin-saved mapping is not changed behind the admin's
 * back, and the move is blocked with a message naming the status and who maps it.
 */
import { services } from '../../src/runtime/services';
import { stageMappings } from '../../src/storage/stage-mapping-store';
import { followsLoop, runValidator, type ValidationTrace } from '../../src/validators';
import { emulatorEnv as seeded, type EmulatorEnv } from '../support/emulator-env';
import { payload, S } from './support';

let env: EmulatorEnv;
beforeAll(async () => {
  env = await seeded({ prefix: 'rt-stale-mapping-' });
});
afterAll(() => env.close());

async function addStatus(id: string, name: string) {
  await env.store.update((s) => {
    s.statuses.push({ id, name, description: '', category: 'indeterminate' });
    s.workflows.find((w) => w.projectKeys.includes('RT'))!.statusIds.push(id);
  });
}
const trace = (): ValidationTrace => ({ jiraCalls: 0, wholeHistoryRead: false, mappingDerived: false });

it('a derived mapping is derived again when the move names a status it does not know, then cached', async () => {
  const first = trace();
  expect(await runValidator(followsLoop, payload('RT-28', S.DEV, S.RTE_REVIEW), first)).toEqual({ result: true });
  expect(first).toMatchObject({ jiraCalls: 2, mappingDerived: true });

  await addStatus('10099', 'Ready for QA');
  // Without deriving again, 'Ready for QA' would be unmapped, keep the Dev stage, and let Dev → QA through.
  const stale = trace();
  const r = await runValidator(followsLoop, payload('RT-28', S.DEV, '10099'), stale);
  expect(r).toEqual({ result: false, errorMessage: "This bug is in Dev. Fixes go to RTE review before QA: move it to 'RTE Review' and the RTE will pass it to QA." });
  expect(stale).toMatchObject({ jiraCalls: 2, mappingDerived: true });
  expect(await stageMappings(services().storage).get('10000')).toMatchObject({ derived: true, byStatusId: { '10099': 'QA' } });

  const again = trace();
  await runValidator(followsLoop, payload('RT-28', S.DEV, '10099'), again);
  expect(again).toMatchObject({ jiraCalls: 1, mappingDerived: false });
});

it('an admin-saved mapping that does not know the status blocks, naming it and who maps it', async () => {
  const repo = stageMappings(services().storage);
  const saved = (await repo.get('10000'))!;
  await repo.set('10000', { ...saved, derived: false, updatedByAccountId: 'rt-rte-chloe' });
  await addStatus('10098', 'Parked');
  const t = trace();
  const r = await runValidator(followsLoop, payload('RT-28', S.DEV, '10098'), t);
  expect(r).toEqual({
    result: false,
    errorMessage:
      "The project's stage mapping does not include the status 'Parked' (added to the workflow after the mapping was saved), so Release Train cannot tell where this move goes in the loop. " +
      "A project admin maps it to a stage (Release Train → Stage mapping in the project sidebar); then retry the move.",
  });
  expect(t.jiraCalls).toBe(2); // the issue, and the project's statuses to name the new one
  expect(await repo.get('10000')).toMatchObject({ derived: false }); // the admin's mapping is left as it was
  // Statuses the saved mapping knows are judged as before, with one call.
  const known = trace();
  expect(await runValidator(followsLoop, payload('RT-28', S.DEV, S.RTE_REVIEW), known)).toEqual({ result: true });
  expect(known.jiraCalls).toBe(1);
});
