import {
  buildAuditEntry,
  completeStep,
  describeProgress,
  failStep,
  nextStep,
  planPromotion,
  promotionId,
  promotionSteps,
  startOrResume,
  startPromotion,
  stepResult,
  type PromotionState,
  type PromotionStep,
  type StepResult,
} from '../../../src/domain/rc-readiness/promotion';
import { auditEntrySchema, promotionStateSchema } from '../../../src/contracts/rc-promotion';
import { aGate, aPlanInput, rte } from '../../builders/rc';

const T = (m: number) => new Date(Date.parse('2026-03-20T10:00:00.000Z') + m * 60_000).toISOString();
const override = { by: rte, reason: 'Hotfix window agreed with ops', at: T(0) };
const planOf = (input = aPlanInput()) => {
  const p = planPromotion(input);
  if (!p.ok) throw new Error(p.message);
  return p.data;
};

describe('planPromotion (one promotion per train)', () => {
  it('creates, fills and releases the production version, records the audit, then hands off to ops', () => {
    const plan = planOf();
    expect(plan.id).toBe(promotionId('BUG', '4.3.0'));
    expect(plan.steps.map((s) => s.step)).toEqual(['create-production-version', 'carry-issues', 'release-production-version', 'record-audit', 'create-ops-handoff']);
    expect(plan.steps[0]).toMatchObject({ idempotencyKey: `${plan.id}:create-production-version`, detail: 'Create version 4.3.0 in Jira.' });
    expect(plan.steps[1]?.detail).toBe('Add 4.3.0 as fix version to every done issue of 4.3.0-rc.1, 4.3.0-rc.2.');
    // The candidate's own name is never what gets released.
    expect(plan.steps.map((s) => s.detail).join(' ')).not.toMatch(/Release 4\.3\.0-rc/);
  });

  it('uses an existing unreleased production version, and archives the candidates when configured', () => {
    const plan = planOf(aPlanInput({ production: { name: 'v4.3.0', existing: { id: '10090', released: false } }, archiveCandidates: true }));
    expect(plan.steps.map((s) => s.step)).toEqual(['create-production-version', 'carry-issues', 'release-production-version', 'archive-candidates', 'record-audit', 'create-ops-handoff']);
    expect(plan.steps[0]?.detail).toBe('Use the existing version v4.3.0.');
    expect(plan.steps[3]?.detail).toMatch(/^Archive 4\.3\.0-rc\.1, 4\.3\.0-rc\.2/);
  });

  it('refuses a train whose production version is already released, naming it', () => {
    const r = planPromotion(aPlanInput({ production: { name: '4.3.0', existing: { id: '10090', released: true } } }));
    expect(r).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(!r.ok && r.message).toBe('4.3.0 has already shipped: 4.3.0 is released in Jira, so 4.3.0-rc.2 is superseded and cannot be promoted.');
  });

  it('refuses an older candidate of the train (only the latest ships)', () => {
    const r = planPromotion(aPlanInput({ version: { id: '10041', name: '4.3.0-rc.1', released: false } }));
    expect(!r.ok && r.message).toBe('4.3.0-rc.1 is not the latest candidate of 4.3.0: 4.3.0-rc.2 is newer. Promote 4.3.0-rc.2, the build ops would deploy.');
  });

  it('without an ops project there is no hand-off step', () => {
    expect(planOf(aPlanInput({ opsProjectKey: undefined })).steps.map((s) => s.step)).not.toContain('create-ops-handoff');
  });

  it('refuses when unfinished issues remain and there is no override', () => {
    const r = planPromotion(aPlanInput({ unfinishedKeys: ['BUG-7', 'BUG-3'], nextRc: { name: '4.4.0-rc.1' } }));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.code).toBe('CONFLICT');
    expect(!r.ok && r.message).toBe('2 issues of 4.3.0 are not done (BUG-3, BUG-7). Finish them, or override to roll them into the next candidate, giving a reason.');
  });

  it('refuses when a gate fails and there is no override', () => {
    const r = planPromotion(aPlanInput({ gates: [aGate(), aGate({ id: 'regression-passed', title: 'Every bug passed regression', passed: false, evidence: ['BUG-1'] })] }));
    expect(!r.ok && r.message).toMatch(/1 readiness gate not passed: Every bug passed regression/);
  });

  it('with an override (who and why), rolls unfinished issues into the next candidate first', () => {
    const plan = planOf(aPlanInput({ unfinishedKeys: ['BUG-7'], nextRc: { name: '4.4.0-rc.1' }, override, gates: [aGate({ passed: false, evidence: ['BUG-7'] })] }));
    expect(plan.steps.map((s) => s.step)).toEqual(['move-unfinished-to-next-rc', 'create-production-version', 'carry-issues', 'release-production-version', 'record-audit', 'create-ops-handoff']);
    expect(plan.steps[0]?.detail).toBe('Move 1 unfinished issue (BUG-7) to 4.4.0-rc.1 (created); the override reason is recorded.');
    const state = startPromotion(plan, T(0), rte);
    expect(state.override).toEqual({ ...override, failingGates: ['issues-done'], unfinishedKeys: ['BUG-7'] });
    expect(state.nextRcName).toBe('4.4.0-rc.1');
    expect(state).toMatchObject({ productionName: '4.3.0', candidates: [{ n: 1 }, { n: 2 }] });
  });

  it('refuses an override without a real reason, unfinished issues with no next candidate, and a candidate released as a version of its own', () => {
    expect(planPromotion(aPlanInput({ override: { ...override, reason: ' ok ' } })).ok).toBe(false);
    const noNext = planPromotion(aPlanInput({ unfinishedKeys: ['BUG-7'], override }));
    expect(!noNext.ok && noNext.message).toMatch(/next candidate/);
    const released = planPromotion(aPlanInput({ version: { id: '10042', name: '4.3.0-rc.2', released: true } }));
    expect(!released.ok && released.message).toMatch(/released in Jira as a version of its own/);
  });
});

describe('promotion id', () => {
  it('is one per project + train (any candidate), deterministic and storage-key safe', () => {
    expect(promotionId('BUG', '4.3.0')).toBe(promotionId('BUG', ' 4.3.0 '));
    expect(promotionId('bug', '4.3.0')).toMatch(/^promotion:BUG:train:4\.3\.0:[0-9a-f]{8}$/);
    expect(promotionId('BUG', '4.3.1')).not.toBe(promotionId('BUG', '4.3.0'));
    expect(promotionId('OPS', '4.3.0')).not.toBe(promotionId('BUG', '4.3.0'));
    // Two names that clean to the same text stay apart.
    expect(promotionId('BUG', '4.3 a')).not.toBe(promotionId('BUG', '4.3_a'));
    expect(promotionId('A B', '1/2#')).toMatch(/^[A-Za-z0-9:_.-]+$/);
  });
});

/** A fake Jira with side-effect counters, and a runner that drives the plan like the use case will. */
function fakeWorld() {
  const effects: Record<string, number> = {};
  const done = (what: string) => (effects[what] = (effects[what] ?? 0) + 1);
  const execute = (step: PromotionStep, state: PromotionState): StepResult => {
    switch (step) {
      case 'move-unfinished-to-next-rc':
        done('move-unfinished');
        return { movedIssueKeys: state.override?.unfinishedKeys ?? [], nextRcVersionId: '10050' };
      case 'create-production-version':
        done('create-version');
        return { productionVersionId: '10099', productionVersionName: state.productionName };
      case 'carry-issues':
        done(`carry-issues-to-${stepResult(state, 'create-production-version')?.productionVersionId}`);
        return { movedIssueKeys: ['BUG-1', 'BUG-2'] };
      case 'release-production-version':
        done(`release-${stepResult(state, 'create-production-version')?.productionVersionId}`);
        return { productionVersionId: '10099' };
      case 'archive-candidates':
        done('archive');
        return { archivedVersionIds: state.candidates.map((c) => c.id) };
      case 'record-audit':
        done('audit');
        return { auditKey: `audit:${state.id}` };
      case 'create-ops-handoff':
        done('handoff');
        return { handoffIssueKey: 'OPS-12' };
    }
  };
  /** Runs until done or until `failAt` throws once (the injected failure); persists like storage would. */
  const run = (state: PromotionState, failAt?: PromotionStep): PromotionState => {
    let s = state;
    for (let guard = 0; guard < 20; guard++) {
      const n = nextStep(s);
      if (n.kind === 'done') return s;
      if (n.step === failAt) {
        const f = failStep(s, n.step, 'Jira answered 503', T(guard));
        if (!f.ok) throw new Error(f.message);
        return promotionStateSchema.parse(f.data) as PromotionState;
      }
      const c = completeStep(s, n.step, execute(n.step, s), T(guard));
      if (!c.ok) throw new Error(c.message);
      s = promotionStateSchema.parse(c.data) as PromotionState; // round trip through the stored schema
    }
    throw new Error('did not finish');
  };
  return { effects, run };
}

describe('running and resuming a promotion', () => {
  const modes = [aPlanInput({ unfinishedKeys: ['BUG-7'], nextRc: { name: '4.4.0-rc.1' }, override, archiveCandidates: true }), aPlanInput()];
  for (const input of modes) {
    const plan = planOf(input);
    for (const failing of plan.steps.map((s) => s.step)) {
      it(`${input.override ? 'with roll-over and archiving' : 'plain'}: a failure at '${failing}' resumes there, and every effect happens exactly once`, () => {
        const w = fakeWorld();
        const failed = w.run(startPromotion(plan, T(0), rte), failing);
        expect(failed.status).toBe('failed');
        expect(failed.lastError).toMatchObject({ step: failing, message: 'Jira answered 503' });
        expect(nextStep(failed)).toEqual({ kind: 'run', step: failing, idempotencyKey: `${plan.id}:${failing}`, retry: true });
        const progress = describeProgress(failed);
        expect(progress.failure).toMatch(/^Stopped at ".+": Jira answered 503$/);
        expect(progress.summary).toMatch(/Promote again to resume/);
        expect(progress.done).toHaveLength(plan.steps.findIndex((s) => s.step === failing));

        const finished = w.run(failed);
        expect(finished.status).toBe('done');
        expect(finished.lastError).toBeUndefined();
        expect(Object.values(w.effects).every((n) => n === 1)).toBe(true);
        expect(Object.keys(w.effects)).toHaveLength(plan.steps.length);
        expect(nextStep(finished)).toEqual({ kind: 'done' });
      });
    }
  }

  it('carrying and releasing use the production version created by the step before', () => {
    const w = fakeWorld();
    w.run(startPromotion(planOf(), T(0), rte));
    expect(w.effects).toMatchObject({ 'carry-issues-to-10099': 1, 'release-10099': 1 });
  });

  it('two promotes of the same train: one release, one hand-off', () => {
    const w = fakeWorld();
    const store = new Map<string, PromotionState>();
    const promote = () => {
      const input = aPlanInput();
      const started = startOrResume(store.get(promotionId(input.projectKey, input.release)), () => planPromotion(input), T(0), rte);
      if (!started.ok) throw new Error(started.message);
      const end = w.run(started.data.state);
      store.set(end.id, end);
      return started.data.resumed;
    };
    expect(promote()).toBe(false);
    expect(promote()).toBe(true);
    expect(w.effects).toEqual({ 'create-version': 1, 'carry-issues-to-10099': 1, 'release-10099': 1, audit: 1, handoff: 1 });
  });

  it('completing a step twice is a no-op; out of order is refused; progress sentences', () => {
    const s0 = startPromotion(planOf(), T(0), rte);
    const s1 = completeStep(s0, 'create-production-version', { productionVersionId: '10099', productionVersionName: '4.3.0' }, T(1));
    if (!s1.ok) throw new Error(s1.message);
    expect(completeStep(s1.data, 'create-production-version', {}, T(2))).toEqual({ ok: true, data: s1.data });
    const wrong = completeStep(s1.data, 'create-ops-handoff', {}, T(2));
    expect(!wrong.ok && wrong.message).toBe("Step 'create-ops-handoff' is not the next step of this promotion (next is 'carry-issues').");
    expect(failStep(s1.data, 'create-production-version', 'x', T(3)).ok).toBe(false);
    let s = s1.data;
    for (const [step, result] of [
      ['carry-issues', { movedIssueKeys: ['BUG-1'] }],
      ['release-production-version', {}],
      ['record-audit', { auditKey: 'a' }],
      ['create-ops-handoff', { handoffIssueKey: 'OPS-12' }],
    ] as Array<[PromotionStep, StepResult]>) {
      const next = completeStep(s, step, result, T(3));
      if (!next.ok) throw new Error(next.message);
      s = next.data;
    }
    expect(describeProgress(s)).toEqual({
      done: ['Created version 4.3.0.', 'Added 1 shipped issue to 4.3.0.', 'Released 4.3.0 (from 4.3.0-rc.2).', 'Recorded the audit entry.', 'Created the ops hand-off OPS-12.'],
      remaining: [],
      summary: '4.3.0-rc.2 was promoted: 4.3.0 is released (5 steps done).',
    });
  });

  it('builds an audit entry with the gates snapshot and override, valid for storage', () => {
    const gates = [aGate({ passed: false, evidence: ['BUG-7'] })];
    const state = startPromotion(planOf(aPlanInput({ gates, unfinishedKeys: ['BUG-7'], nextRc: { name: '4.4.0-rc.1' }, override })), T(0), rte);
    const audit = buildAuditEntry(state, gates);
    expect(auditEntrySchema.safeParse(audit).success).toBe(true);
    expect(audit).toMatchObject({ by: rte, ready: false, gates: [{ evidence: ['BUG-7'] }], override: { reason: override.reason, unfinishedKeys: ['BUG-7'] } });
    gates[0]?.evidence.push('BUG-8');
    expect(audit.gates[0]?.evidence).toEqual(['BUG-7']); // a snapshot, not a reference
    expect(audit.productionName).toBe('4.3.0');
    expect(promotionSteps).toHaveLength(7);
  });
});
