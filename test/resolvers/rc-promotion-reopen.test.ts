/**
 * The train loop closed: promote rc.2 → hand-off → ops reports deployed, then rolled back → the train is reopened →
 * the RTE cuts rc.3 and promotes it → the production version is released again, with one new hand-off; the earlier
 * candidates (the rolled-back one included) are superseded and the first promotion's audit is kept.
 */
import { opsDeliverySeed, opsHandoffConfigSeed, rcPromotionConfigSeed, SEED_BASE_DATE, seedIds } from '../../local/seed';
import { HANDOFF_PROPERTY_KEY, handoffRecordSchema } from '../../src/contracts/handoff';
import { deliveryProcedures, opsHandoffPanelProcedures, opsProjectPageProcedures } from '../../src/contracts';
import { promotionId } from '../../src/domain/rc-readiness';
import { runProcedure } from '../../src/resolvers/define-resolver';
import { deliveryHandlers } from '../../src/resolvers/delivery-handlers';
import { opsHandoffPanelHandlers } from '../../src/resolvers/ops-handoff-panel-handlers';
import { opsViewHandlers } from '../../src/resolvers/ops-view-handlers';
import { setPromotionLeaseOptions } from '../../src/resolvers/rc-promotion-handlers';
import { loseFirstIssueCreateReply, rcWorkspace } from './rc-promotion.support';

jest.setTimeout(60_000);

const RC1 = seedIds.VERSION.RC1;
const RC2 = seedIds.VERSION.RC2;
const OPS_USER = 'rt-ops-kwame';
const RTE = 'rt-rte-chloe';
const OVERRIDE = { reason: 'rc.1 leftovers roll into the next train; agreed with the product owner' };
const ID = promotionId('RT', '4.3.0');

type Ws = Awaited<ReturnType<typeof rcWorkspace>>;
let ws: Ws;
beforeAll(() => setPromotionLeaseOptions({ settleMs: 20 }));
beforeEach(async () => (ws = await rcWorkspace([rcPromotionConfigSeed, opsHandoffConfigSeed])));
afterEach(() => ws.close());

const state = () => ws.store.get();
const data = <T>(r: { ok: boolean }): T => {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r)}`);
  return (r as unknown as { data: T }).data;
};
const prod = () => state().versions.filter((v) => v.name === '4.3.0');
const handoffs = () => state().issues.filter((i) => i.projectId === seedIds.PROJECT.OPS && i.fields.labels.includes('rt-train-rt-4.3.0'));
/** Ops reports, `minutesAgo` before the (fixed) now: the clock of the whole scenario is one instant. */
const report = (issueKey: string, outcome: string, note = '', minutesAgo = 0) =>
  runProcedure(opsHandoffPanelProcedures, opsHandoffPanelHandlers, 'ops/report', { payload: { input: { issueKey, outcome, at: new Date(SEED_BASE_DATE.getTime() - minutesAgo * 60_000).toISOString(), environment: 'production', note } }, context: { accountId: OPS_USER, extension: { issue: { key: issueKey } } } });
const page = (key: keyof typeof opsProjectPageProcedures & string, input: Record<string, unknown>) =>
  runProcedure(opsProjectPageProcedures, opsViewHandlers, key, { payload: { input }, context: { accountId: RTE, extension: { project: { key: 'RT' } } } });
type Standing = { kind: string; rolledBack?: boolean; promotedCandidate?: string };
const standings = async () => {
  const t = data<{ trains: Array<{ release: string; shipped?: unknown; candidates: Array<{ version: { name: string }; standing: Standing }> }> }>(await ws.call('rc/trains', { projectKey: 'RT' }));
  const train = t.trains.find((x) => x.release === '4.3.0')!;
  return { shipped: train.shipped, by: Object.fromEntries(train.candidates.map((c) => [c.version.name, c.standing])) };
};
type View = { state: { status: string; versionName: string } | null; audit: unknown };

/** rc.2 promoted, deployed and rolled back; rc.3 cut by the RTE. Answers rc.3's version id and the first hand-off. */
async function rolledBackAndCut() {
  expect(data<View>(await ws.call('rc/promote', { projectKey: 'RT', versionId: RC2, confirm: true, override: OVERRIDE })).state?.status).toBe('done');
  const first = handoffs()[0]!.key;
  expect(data<unknown>(await report(first, 'deployed', '', 4))).toBeTruthy();
  expect(data<unknown>(await report(first, 'rolled-back', 'Checkout errors', 2))).toBeTruthy();
  const cut = data<{ version: { id: string; name: string } }>(await page('ops/cut-next-candidate', { projectKey: 'RT', train: '4.3.0' }));
  expect(cut.version.name).toBe('4.3.0-rc.3');
  return { rc3: cut.version.id, first };
}

it('a rolled-back train is reopened: rc.3 is promoted once, 4.3.0 is released again, one new hand-off, earlier candidates superseded', async () => {
  const { rc3, first } = await rolledBackAndCut();
  expect(prod()[0]!.released).toBe(true);

  // Reopened, before anyone promotes: rc.1 and rc.2 superseded (rolled back), rc.3 open; the train no longer "shipped".
  const before = await standings();
  expect(before.shipped).toBeUndefined();
  expect(before.by['4.3.0-rc.2']).toMatchObject({ kind: 'superseded', rolledBack: true, promotedCandidate: '4.3.0-rc.2' });
  expect(before.by['4.3.0-rc.1']).toMatchObject({ kind: 'superseded', rolledBack: true });
  expect(before.by['4.3.0-rc.3']).toEqual({ kind: 'open' });
  const preview = data<{ allowed: boolean; refusal?: string }>(await ws.call('rc/promote-preview', { projectKey: 'RT', versionId: rc3 }));
  expect(preview).toMatchObject({ allowed: true });
  // The rolled-back candidate itself cannot ship again.
  await expect(ws.call('rc/promote', { projectKey: 'RT', versionId: RC2, confirm: true, override: OVERRIDE })).resolves.toMatchObject({ ok: false, code: 'CONFLICT', message: expect.stringMatching(/rolled back 4\.3\.0/) });
  expect(handoffs()).toHaveLength(1);
  expect(prod()[0]!.released).toBe(true);

  // Concurrent promotes of rc.3 (two RTEs, retries): one promotion.
  const results = await Promise.all([RTE, 'rt-rte-dmitri', RTE, 'rt-rte-dmitri'].map((who) => ws.call('rc/promote', { projectKey: 'RT', versionId: rc3, confirm: true }, who)));
  expect(results.filter((r) => r.ok).length).toBeGreaterThanOrEqual(1);
  for (const r of results) if (!r.ok) expect(r.code).toBe('CONFLICT');
  const after = data<View>(await ws.call('rc/promote', { projectKey: 'RT', versionId: rc3, confirm: true }));
  expect(after.state).toMatchObject({ status: 'done', versionName: '4.3.0-rc.3' });

  // One production version, released again; unreleased once (the reopen) and released twice in all.
  expect(prod()).toHaveLength(1);
  const p = prod()[0]!;
  expect(p.released).toBe(true);
  const puts = ws.emulator.calls.filter((c) => c.method === 'PUT' && c.path === `/rest/api/3/version/${p.id}` && c.status === 200);
  expect(puts).toHaveLength(3);

  // One new hand-off for rc.3; the rolled-back one is kept as it was.
  const all = handoffs();
  expect(all).toHaveLength(2);
  const second = all.find((h) => h.key !== first)!;
  expect(second.fields.summary).toMatch(/again \(from 4\.3\.0-rc\.3\)/);
  expect(handoffRecordSchema.parse(second.properties[HANDOFF_PROPERTY_KEY])).toMatchObject({ candidateName: '4.3.0-rc.3', candidateVersionId: rc3 });
  expect(handoffRecordSchema.parse(all.find((h) => h.key === first)!.properties[HANDOFF_PROPERTY_KEY])).toMatchObject({ candidateName: '4.3.0-rc.2' });

  // Standings: rc.3 promoted, rc.1 and rc.2 superseded by it; rc.2 is refused.
  const later = await standings();
  expect(later.by['4.3.0-rc.3']).toMatchObject({ kind: 'promoted' });
  expect(later.by['4.3.0-rc.2']).toMatchObject({ kind: 'superseded', promotedCandidate: '4.3.0-rc.3' });
  expect(later.by['4.3.0-rc.1']).toMatchObject({ kind: 'superseded', promotedCandidate: '4.3.0-rc.3' });
  await expect(ws.call('rc/promote', { projectKey: 'RT', versionId: RC1, confirm: true, override: OVERRIDE })).resolves.toMatchObject({ ok: false, code: 'CONFLICT' });
  await expect(ws.call('rc/promote', { projectKey: 'RT', versionId: RC2, confirm: true, override: OVERRIDE })).resolves.toMatchObject({ ok: false, code: 'CONFLICT' });

  // The first promotion's history is kept, with the hand-off and what ops wrote.
  const kept = state().appStorage[`rc-promotion:reopened:${ID}`] as { rounds: Array<{ state: { versionName: string; status: string }; audit: { productionName: string } | null; handoffKey: string; note: string }> };
  expect(kept.rounds).toHaveLength(1);
  expect(kept.rounds[0]).toMatchObject({ state: { versionName: '4.3.0-rc.2', status: 'done' }, audit: { productionName: '4.3.0' }, handoffKey: first, note: 'Checkout errors' });
  expect(handoffs()).toHaveLength(2);

  // The train outcome follows the new hand-off; once ops deploys it, the metrics count the rollback restored by it.
  expect(data<{ outcomes: Array<{ train: string; status: string; handoffKey: string }> }>(await page('ops/train-outcomes', { projectKey: 'RT' })).outcomes.find((o) => o.train === '4.3.0')).toMatchObject({ status: 'awaiting', handoffKey: second.key });
  data(await report(second.key, 'deployed'));
  const m = await runProcedure(deliveryProcedures, deliveryHandlers, 'delivery/metrics', { payload: { input: { projectKey: 'RT' } }, context: { accountId: RTE, extension: { project: { key: 'RT' } } } });
  type Failure = { release: string; cause: string; key: string; restoredAt?: string };
  const metrics = data<{ releases: Array<{ release: string }>; changeFailureRate: { failures: Failure[] }; timeToRestore: { open: Failure[] } }>(m);
  expect(metrics.releases.find((r) => r.release === '4.3.0')).toMatchObject({ deployments: 2, rollbacks: 1, status: 'deployed', failedDeployments: 1 });
  expect(metrics.releases.find((r) => r.release.includes('rc.'))).toBeUndefined();
  // The rollback of the first deployment is a change failure, restored by the redeployment 2 minutes later.
  expect(metrics.changeFailureRate.failures.filter((f) => f.release === '4.3.0')).toEqual([expect.objectContaining({ cause: 'rollback', key: first, restoredAt: SEED_BASE_DATE.toISOString() })]);
  expect(metrics.timeToRestore.open.filter((f) => f.release === '4.3.0')).toEqual([]);
});

it('while the train is reopened the old hand-off is not reused: Jira creates the new one but answers 504, and resume finds the new one', async () => {
  const { rc3, first } = await rolledBackAndCut();
  loseFirstIssueCreateReply(ws);
  const stopped = data<View & { state: { lastError?: { step: string } } }>(await ws.call('rc/promote', { projectKey: 'RT', versionId: rc3, confirm: true }));
  expect(stopped.state).toMatchObject({ status: 'failed', lastError: { step: 'create-ops-handoff' } });
  expect(handoffs()).toHaveLength(2);
  const resumed = data<View & { state: { completedSteps: Array<{ result: Record<string, unknown> }> } }>(await ws.call('rc/promote', { projectKey: 'RT', versionId: rc3, confirm: true }));
  expect(resumed.state?.status).toBe('done');
  const all = handoffs();
  expect(all).toHaveLength(2);
  const second = all.find((h) => h.key !== first)!;
  expect(resumed.state.completedSteps.at(-1)?.result['handoffIssueKey']).toBe(second.key);
  expect(handoffRecordSchema.parse(second.properties[HANDOFF_PROPERTY_KEY]).candidateName).toBe('4.3.0-rc.3');
  expect(handoffRecordSchema.parse(all.find((h) => h.key === first)!.properties[HANDOFF_PROPERTY_KEY]).candidateName).toBe('4.3.0-rc.2');
});

it('a train shipped without a promotion in app storage (the demo 4.1.0) is reopened by its rollback too: rc.3 superseded, the cut rc.4 open', async () => {
  ws.close();
  ws = await rcWorkspace([rcPromotionConfigSeed, opsDeliverySeed, opsHandoffConfigSeed]);
  const handoff = state().issues.find((i) => i.fields.summary === 'Deploy 4.1.0 to production (from 4.1.0-rc.3)')!.key;
  data(await report(handoff, 'rolled-back', 'Payment timeouts'));
  data(await page('ops/cut-next-candidate', { projectKey: 'RT', train: '4.1.0' }));
  const t = data<{ trains: Array<{ release: string; shipped?: unknown; candidates: Array<{ version: { id: string; name: string }; standing: Standing }> }> }>(await ws.call('rc/trains', { projectKey: 'RT' }));
  const train = t.trains.find((x) => x.release === '4.1.0')!;
  expect(train.shipped).toBeUndefined();
  const by = Object.fromEntries(train.candidates.map((c) => [c.version.name, c]));
  expect(by['4.1.0-rc.3']!.standing).toMatchObject({ kind: 'superseded', rolledBack: true });
  expect(by['4.1.0-rc.4']!.standing).toEqual({ kind: 'open' });
  await expect(ws.call('rc/promote', { projectKey: 'RT', versionId: by['4.1.0-rc.3']!.version.id, confirm: true })).resolves.toMatchObject({ ok: false, code: 'CONFLICT' });
  expect(state().versions.find((v) => v.name === '4.1.0')!.released).toBe(true);
});
