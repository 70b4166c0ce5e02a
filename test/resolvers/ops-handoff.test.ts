/**
 * The ops outcome loop's resolvers against the Jira emulator: the hand-off panel (read back, record, refusals and
 * malformed stored data), the ops view for someone who sees only OPS, the RC page's train outcomes, and the
 * delivery metrics (a deployed release's figures kept in app storage, not read from Jira again).
 */
import type { EmulatorState } from '../../local/emulator/state';
import { opsDeliverySeed, opsHandoffConfigSeed, pendingHandoffSeed, rcPromotionConfigSeed, type SeedExtension } from '../../local/seed';
import { DEPLOYMENT_PROPERTY_KEY, HANDOFF_PROPERTY_KEY } from '../../src/contracts/handoff';
import { deliveryProcedures, opsHandoffPanelProcedures, opsProjectPageProcedures } from '../../src/contracts';
import { runProcedure } from '../../src/resolvers/define-resolver';
import { deliveryHandlers } from '../../src/resolvers/delivery-handlers';
import { opsHandoffPanelHandlers } from '../../src/resolvers/ops-handoff-panel-handlers';
import { opsViewHandlers } from '../../src/resolvers/ops-view-handlers';
import { emulatorEnv } from '../support/emulator-env';

const OPS_USER = 'rt-ops-kwame';
const RTE = 'rt-rte-chloe';

async function workspace(extensions: SeedExtension[] = []) {
  const env = await emulatorEnv({ prefix: 'rt-ops-', extensions: [rcPromotionConfigSeed, opsDeliverySeed, opsHandoffConfigSeed, pendingHandoffSeed, ...extensions], baseUrl: 'http://jira.test' });
  const panel = (key: keyof typeof opsHandoffPanelProcedures & string, input: Record<string, unknown>, accountId = OPS_USER) =>
    runProcedure(opsHandoffPanelProcedures, opsHandoffPanelHandlers, key, { payload: { input }, context: { accountId, extension: { issue: { key: input['issueKey'] } } } });
  const page = (key: keyof typeof opsProjectPageProcedures & string, input: Record<string, unknown>, accountId = RTE) =>
    runProcedure(opsProjectPageProcedures, opsViewHandlers, key, { payload: { input }, context: { accountId, extension: { project: { key: input['projectKey'] } } } });
  const metrics = (input: Record<string, unknown>, accountId = RTE) =>
    runProcedure(deliveryProcedures, deliveryHandlers, 'delivery/metrics', { payload: { input }, context: { accountId, extension: { project: { key: input['projectKey'] } } } });
  const bySummary = (s: string) => env.store.get().issues.find((i) => i.fields.summary === s)!;
  return { ...env, panel, page, metrics, bySummary };
}

const mutate = (fn: (s: EmulatorState) => void): SeedExtension => fn;
const at = '2026-11-16T11:00:00.000Z';

describe('hand-off panel', () => {
  it('reads the hand-off back, records deployed as the ops user, and moves the hand-off to the mapped status', async () => {
    const ws = await workspace();
    try {
      const key = ws.bySummary('Deploy 4.3.0 to production (from 4.3.0-rc.2)').key;
      await expect(ws.panel('ops/handoff', { issueKey: key })).resolves.toMatchObject({ ok: true, data: { state: 'handoff', canReport: true, outcome: { status: 'awaiting' } } });
      const r = await ws.panel('ops/report', { issueKey: key, outcome: 'deployed', at, environment: 'production', note: 'ok' });
      expect(r).toMatchObject({ ok: true, data: { state: 'handoff', outcome: { status: 'deployed', deployedAt: at }, transition: { moved: true } } });
      const issue = ws.store.get().issues.find((i) => i.key === key)!;
      expect(issue.properties[DEPLOYMENT_PROPERTY_KEY]).toMatchObject({ reports: [{ outcome: 'deployed', reportedBy: OPS_USER, reportedByName: 'Kwame Mensah' }], index: { status: 'deployed', deployedAt: at } });
      expect(issue.fields.statusId).toBe('10006');
    } finally {
      ws.close();
    }
  });

  it('refuses someone who cannot edit the hand-off (FORBIDDEN) and writes nothing', async () => {
    // QA are members of OPS without Edit Issues once the scheme takes it from them.
    const ws = await workspace([mutate((s) => void (s.permissionScheme['EDIT_ISSUES'] = s.permissionScheme['EDIT_ISSUES']!.filter((r) => r !== 10103)))]);
    try {
      const key = ws.bySummary('Deploy 4.3.0 to production (from 4.3.0-rc.2)').key;
      await expect(ws.panel('ops/handoff', { issueKey: key }, 'rt-qa-hiro')).resolves.toMatchObject({ ok: true, data: { canReport: false, refusal: expect.stringContaining('Edit Issues') } });
      await expect(ws.panel('ops/report', { issueKey: key, outcome: 'deployed', at, environment: 'production' }, 'rt-qa-hiro')).resolves.toMatchObject({ ok: false, code: 'FORBIDDEN' });
      expect(ws.store.get().issues.find((i) => i.key === key)!.properties[DEPLOYMENT_PROPERTY_KEY]).toBeUndefined();
    } finally {
      ws.close();
    }
  });

  it('an issue the user cannot see is NOT_FOUND in words, without the gateway operation', async () => {
    const ws = await workspace();
    try {
      const key = ws.bySummary('Deploy 4.3.0 to production (from 4.3.0-rc.2)').key;
      const r = await ws.panel('ops/handoff', { issueKey: key }, 'rt-l2-amara');
      expect(r).toMatchObject({ ok: false, code: 'NOT_FOUND', message: `${key} does not exist or you cannot see it in Jira.` });
    } finally {
      ws.close();
    }
  });

  it('a malformed stored history is shown as unreadable and never overwritten by a report', async () => {
    const ws = await workspace([mutate((s) => void (s.issues.find((i) => i.fields.summary.startsWith('Deploy 4.3.0'))!.properties[DEPLOYMENT_PROPERTY_KEY] = { reports: [{ outcome: 'shipped' }] }))]);
    try {
      const key = ws.bySummary('Deploy 4.3.0 to production (from 4.3.0-rc.2)').key;
      await expect(ws.panel('ops/handoff', { issueKey: key })).resolves.toMatchObject({ ok: true, data: { state: 'unreadable', problem: expect.stringContaining('not readable') } });
      await expect(ws.panel('ops/report', { issueKey: key, outcome: 'deployed', at, environment: 'production' })).resolves.toMatchObject({ ok: false, code: 'CONFLICT' });
      expect(ws.store.get().issues.find((i) => i.key === key)!.properties[DEPLOYMENT_PROPERTY_KEY]).toEqual({ reports: [{ outcome: 'shipped' }] });
    } finally {
      ws.close();
    }
  });

  it('bad input: missing fields, an unknown outcome, a panel of another issue, a non-hand-off', async () => {
    const ws = await workspace();
    try {
      const key = ws.bySummary('Deploy 4.3.0 to production (from 4.3.0-rc.2)').key;
      await expect(ws.panel('ops/report', { issueKey: key, outcome: 'shipped', at, environment: 'production' })).resolves.toMatchObject({ ok: false, code: 'BAD_REQUEST' });
      await expect(ws.panel('ops/report', { issueKey: key, outcome: 'deployed' })).resolves.toMatchObject({ ok: false, code: 'BAD_REQUEST' });
      const other = await runProcedure(opsHandoffPanelProcedures, opsHandoffPanelHandlers, 'ops/handoff', { payload: { input: { issueKey: key } }, context: { accountId: OPS_USER, extension: { issue: { key: 'OPS-1' } } } });
      expect(other).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
      await expect(ws.panel('ops/handoff', { issueKey: 'RT-1' }, RTE)).resolves.toMatchObject({ ok: true, data: { state: 'not-handoff' } });
    } finally {
      ws.close();
    }
  });
});

describe('ops view and the RC page read-back', () => {
  it('lists pending and recent hand-offs for the ops user, who cannot see RT', async () => {
    const ws = await workspace();
    try {
      const r = await ws.page('ops/handoffs', { projectKey: 'OPS' }, OPS_USER);
      if (!r.ok) throw new Error(r.message);
      const data = r.data as { pending: Array<{ train: string }>; recent: Array<{ train: string; outcome: { status: string } }> };
      expect(data.pending.map((p) => p.train)).toEqual(['4.3.0']);
      expect(data.recent.map((p) => `${p.train}:${p.outcome.status}`).sort()).toEqual(['4.1.0:deployed', '4.1.0:rolled-back', '4.2.0:deployed']);
    } finally {
      ws.close();
    }
  });

  it("in the bug project, someone who cannot see OPS is told why the lists are empty (not 'nothing to deploy'); the RTE is not", async () => {
    const ws = await workspace();
    try {
      const viewer = await ws.page('ops/handoffs', { projectKey: 'RT' }, 'rt-viewer-lena');
      expect(viewer).toMatchObject({ ok: true, data: { pending: [], recent: [], hidden: 'You cannot see the ops project OPS, so its hand-offs are not listed for you.' } });
      const rte = await ws.page('ops/handoffs', { projectKey: 'RT' }, RTE);
      if (!rte.ok) throw new Error(rte.message);
      expect((rte.data as { hidden?: string; pending: unknown[] }).hidden).toBeUndefined();
      expect((rte.data as { pending: unknown[] }).pending).toHaveLength(1);
      // In OPS itself there is nothing to explain: its own hand-offs are what it lists.
      const ops = await ws.page('ops/handoffs', { projectKey: 'OPS' }, OPS_USER);
      expect(ops.ok && (ops.data as { hidden?: string }).hidden).toBeUndefined();
    } finally {
      ws.close();
    }
  });

  it('a rollback reopens the train and names the next candidate to cut', async () => {
    const ws = await workspace();
    try {
      const key = ws.bySummary('Deploy 4.1.0 to production (from 4.1.0-rc.3)').key;
      await ws.panel('ops/report', { issueKey: key, outcome: 'rolled-back', at, environment: 'production', note: 'Payment timeouts' });
      const r = await ws.page('ops/train-outcomes', { projectKey: 'RT' });
      expect(r).toMatchObject({ ok: true, data: { outcomes: expect.arrayContaining([expect.objectContaining({ train: '4.1.0', status: 'reopened', nextCandidateName: '4.1.0-rc.4', latest: expect.objectContaining({ note: 'Payment timeouts' }) })]) } });
      // Only the promoter role cuts it, and twice is once.
      await expect(ws.page('ops/cut-next-candidate', { projectKey: 'RT', train: '4.1.0' }, 'rt-dev-elif')).resolves.toMatchObject({ ok: false, code: 'FORBIDDEN' });
      await expect(ws.page('ops/cut-next-candidate', { projectKey: 'RT', train: '4.1.0' })).resolves.toMatchObject({ ok: true, data: { version: { name: '4.1.0-rc.4' }, created: true } });
      await expect(ws.page('ops/cut-next-candidate', { projectKey: 'RT', train: '4.1.0' })).resolves.toMatchObject({ ok: true, data: { version: { name: '4.1.0-rc.4' }, created: false } });
      await expect(ws.page('ops/cut-next-candidate', { projectKey: 'RT', train: '4.2.0' })).resolves.toMatchObject({ ok: false, code: 'CONFLICT' });
    } finally {
      ws.close();
    }
  });
});

describe('delivery metrics resolver', () => {
  it('counts production releases only, and keeps a deployed release’s figures instead of re-reading its bugs', async () => {
    const ws = await workspace();
    try {
      const first = await ws.metrics({ projectKey: 'RT' });
      if (!first.ok) throw new Error(first.message);
      const m = first.data as { releases: Array<{ release: string; loops: number | null }>; deployments: unknown[]; sources: { readReleases: string[]; frozenReleases: string[] } };
      expect(m.releases.map((r) => r.release)).toEqual(['4.1.0', '4.3.0', '4.2.0']);
      expect(m.releases.find((r) => r.release === '4.1.0')!.loops).toBe(3);
      expect(m.deployments).toHaveLength(3);
      expect(m.sources.readReleases.sort()).toEqual(['4.1.0', '4.2.0']);
      expect(Object.keys(ws.store.get().appStorage).filter((k) => k.startsWith('delivery:release:')).sort()).toEqual(['delivery:release:RT:4.1.0', 'delivery:release:RT:4.2.0']);
      const again = await ws.metrics({ projectKey: 'RT' });
      expect(again).toMatchObject({ ok: true, data: { sources: { readReleases: [], frozenReleases: expect.arrayContaining(['4.1.0', '4.2.0']) } } });
      expect((again as { data: unknown }).data).toMatchObject({ leadTime: (first.data as { leadTime: unknown }).leadTime });
    } finally {
      ws.close();
    }
  });

  it('a malformed hand-off record is reported, not counted, and does not break the page', async () => {
    const ws = await workspace([mutate((s) => void (s.issues.find((i) => i.fields.summary.startsWith('Deploy 4.1.0') && i.fields.summary.includes('rc.3'))!.properties[HANDOFF_PROPERTY_KEY] = { projectKey: 'RT', train: '4.1.0' }))]);
    try {
      const r = await ws.metrics({ projectKey: 'RT' });
      expect(r).toMatchObject({ ok: true, data: { sources: { unreadableHandoffs: [expect.objectContaining({ problem: expect.stringContaining('not readable') })] } } });
    } finally {
      ws.close();
    }
  });
});
