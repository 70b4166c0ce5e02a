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

describe('planPromotion', () => {
  it('releases the version, records the audit, then hands off to ops', () => {
    const plan = planOf();
    expect(plan.id).toBe('promotion:BUG:10042');
    expect(plan.steps.map((s) => s.step)).toEqual(['release-version', 'record-audit', 'create-ops-handoff']);
    expect(plan.steps[0]).toMatchObject({ idempotencyKey: 'promotion:BUG:10042:release-version', detail: 'Release 4.3.0-rc.2 in Jira.' });
  });

  it('in create-production-version mode: creates the production version and moves the issues', () => {
    expect(planOf(aPlanInput({ mode: 'create-production-version' })).steps.map((s) => s.step)).toEqual([
      'create-production-version',
      'move-issues',
      'record-audit',
      'create-ops-handoff',
    ]);
  });

  it('without an ops project there is no hand-off step', () => {
    expect(planOf(aPlanInput({ opsProjectKey: undefined })).steps.map((s) => s.step)).toEqual(['release-version', 'record-audit']);
  });

  it('refuses when unfinished issues remain and there is no override', () => {
    const r = planPromotion(aPlanInput({ unfinishedKeys: ['BUG-7', 'BUG-3'], nextRc: { name: '4.3.0-rc.3' } }));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.code).toBe('CONFLICT');
    expect(!r.ok && r.message).toBe('2 issues are not done (BUG-3, BUG-7). Finish them, or override to move them to the next release candidate, giving a reason.');
  });

  it('refuses when a gate fails and there is no override', () => {
    const r = planPromotion(aPlanInput({ gates: [aGate(), aGate({ id: 'regression-passed', title: 'Every bug passed regression', passed: false, evidence: ['BUG-1'] })] }));
    expect(!r.ok && r.message).toMatch(/1 readiness gate not passed: Every bug passed regression/);
  });

  it('with an override (who and why), moves unfinished issues to the next RC first', () => {
    const plan = planOf(aPlanInput({ unfinishedKeys: ['BUG-7'], nextRc: { name: '4.3.0-rc.3' }, override, gates: [aGate({ passed: false, evidence: ['BUG-7'] })] }));
    expect(plan.steps.map((s) => s.step)).toEqual(['move-unfinished-to-next-rc', 'release-version', 'record-audit', 'create-ops-handoff']);
    expect(plan.steps[0]?.detail).toBe('Move 1 unfinished issue (BUG-7) to 4.3.0-rc.3 (created).');
    const state = startPromotion(plan, T(0), rte);
    expect(state.override).toEqual({ ...override, failingGates: ['issues-done'], unfinishedKeys: ['BUG-7'] });
    expect(state.nextRcName).toBe('4.3.0-rc.3');
  });

  it('refuses an override without a real reason, unfinished issues with no next RC, and an already released version', () => {
    expect(planPromotion(aPlanInput({ override: { ...override, reason: ' ok ' } })).ok).toBe(false);
    const noNext = planPromotion(aPlanInput({ unfinishedKeys: ['BUG-7'], override }));
    expect(!noNext.ok && noNext.message).toMatch(/next release candidate/);
    const released = planPromotion(aPlanInput({ version: { id: '1', name: 'rc', released: true } }));
    expect(!released.ok && released.message).toBe('rc is already released.');
  });
});

describe('promotion id', () => {
  it('is deterministic from project + version, and storage-key safe', () => {
    expect(promotionId('BUG', '10042')).toBe(promotionId('BUG', '10042'));
    expect(promotionId('bug', '10042')).toBe('promotion:BUG:10042');
    expect(promotionId('BUG', '10043')).not.toBe(promotionId('BUG', '10042'));
    expect(promotionId('OPS', '10042')).not.toBe(promotionId('BUG', '10042'));
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
      case 'release-version':
        done('release');
        return { releasedVersionId: state.versionId };
      case 'create-production-version':
        done('create-version');
        return { productionVersionId: '10099', productionVersionName: state.release };
      case 'move-issues':
        done(`move-issues-to-${stepResult(state, 'create-production-version')?.productionVersionId}`);
        return { movedIssueKeys: ['BUG-1', 'BUG-2'] };
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
  const modes = [
    aPlanInput({ unfinishedKeys: ['BUG-7'], nextRc: { name: '4.3.0-rc.3' }, override }),
    aPlanInput({ mode: 'create-production-version' }),
  ];
  for (const input of modes) {
    const plan = planOf(input);
    for (const failing of plan.steps.map((s) => s.step)) {
      it(`${input.mode}: a failure at '${failing}' resumes there, and every effect happens exactly once`, () => {
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

  it('move-issues uses the production version created by the step before', () => {
    const w = fakeWorld();
    w.run(startPromotion(planOf(aPlanInput({ mode: 'create-production-version' })), T(0), rte));
    expect(w.effects['move-issues-to-10099']).toBe(1);
  });

  it('two promotes of the same version: one release, one hand-off', () => {
    const w = fakeWorld();
    const store = new Map<string, PromotionState>();
    const promote = () => {
      const input = aPlanInput();
      const started = startOrResume(store.get(promotionId(input.projectKey, input.version.id)), () => planPromotion(input), T(0), rte);
      if (!started.ok) throw new Error(started.message);
      const end = w.run(started.data.state);
      store.set(end.id, end);
      return started.data.resumed;
    };
    expect(promote()).toBe(false);
    expect(promote()).toBe(true);
    expect(w.effects).toEqual({ release: 1, audit: 1, handoff: 1 });
  });

  it('completing a step twice is a no-op; out of order is refused; progress sentences', () => {
    const s0 = startPromotion(planOf(), T(0), rte);
    const s1 = completeStep(s0, 'release-version', { releasedVersionId: '10042' }, T(1));
    if (!s1.ok) throw new Error(s1.message);
    expect(completeStep(s1.data, 'release-version', {}, T(2))).toEqual({ ok: true, data: s1.data });
    const wrong = completeStep(s1.data, 'create-ops-handoff', {}, T(2));
    expect(!wrong.ok && wrong.message).toBe("Step 'create-ops-handoff' is not the next step of this promotion (next is 'record-audit').");
    expect(failStep(s1.data, 'release-version', 'x', T(3)).ok).toBe(false);
    const s2 = completeStep(s1.data, 'record-audit', { auditKey: 'a' }, T(2));
    const s3 = s2.ok ? completeStep(s2.data, 'create-ops-handoff', { handoffIssueKey: 'OPS-12' }, T(3)) : s2;
    if (!s3.ok) throw new Error(s3.message);
    expect(describeProgress(s3.data)).toEqual({
      done: ['Released 4.3.0-rc.2.', 'Recorded the audit entry.', 'Created the ops hand-off OPS-12.'],
      remaining: [],
      summary: '4.3.0-rc.2 was promoted: 3 steps done.',
    });
  });

  it('builds an audit entry with the gates snapshot and override, valid for storage', () => {
    const gates = [aGate({ passed: false, evidence: ['BUG-7'] })];
    const state = startPromotion(planOf(aPlanInput({ gates, unfinishedKeys: ['BUG-7'], nextRc: { name: '4.3.0-rc.3' }, override })), T(0), rte);
    const audit = buildAuditEntry(state, gates);
    expect(auditEntrySchema.safeParse(audit).success).toBe(true);
    expect(audit).toMatchObject({ by: rte, ready: false, gates: [{ evidence: ['BUG-7'] }], override: { reason: override.reason, unfinishedKeys: ['BUG-7'] } });
    gates[0]?.evidence.push('BUG-8');
    expect(audit.gates[0]?.evidence).toEqual(['BUG-7']); // a snapshot, not a reference
    expect(promotionSteps).toHaveLength(6);
  });
});
