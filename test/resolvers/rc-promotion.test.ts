import { rcPromotionConfigSeed, SEED_BASE_DATE, seedIds } from '../../local/seed';
import { localServices } from '../../local/server/local-services';
import { HANDOFF_PROPERTY_KEY, handoffRecordSchema } from '../../src/contracts/handoff';
import { promotionId, promotionSteps } from '../../src/domain/rc-readiness';
import { setPromotionLeaseOptions } from '../../src/resolvers/rc-promotion-handlers';
import { installServices } from '../../src/runtime/services';
import { stageMappings } from '../../src/storage/stage-mapping-store';
import { loseFirstIssueCreateReply, rcWorkspace } from './rc-promotion.support';

type Ws = Awaited<ReturnType<typeof rcWorkspace>>;
const RC1 = seedIds.VERSION.RC1;
const RC2 = seedIds.VERSION.RC2;
const ref = (versionId: string) => ({ projectKey: 'RT', versionId });

/** What rcPromotionConfigSeed stores. */
const SEEDED_CONFIG = { opsProjectKey: 'OPS', handoff: { assigneeAccountId: 'rt-ops-kwame', dueInDays: 2 } };

// A promotion edits every shipped issue (46 Jira calls on the demo train), each a file write in the emulator.
jest.setTimeout(30_000);

let ws: Ws;
beforeAll(() => setPromotionLeaseOptions({ settleMs: 20 }));
beforeEach(async () => (ws = await rcWorkspace([rcPromotionConfigSeed])));
afterEach(() => ws.close());

const state = () => ws.store.get();
const version = (id: string) => state().versions.find((v) => v.id === id)!;
const opsHandoffs = () => state().issues.filter((i) => i.projectId === seedIds.PROJECT.OPS && i.fields.labels.includes('rt-train-rt-4.3.0'));
const data = <T>(r: { ok: boolean }) => {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r)}`);
  return (r as unknown as { data: T }).data;
};
type View = { state: { status: string; steps: string[]; completedSteps: Array<{ step: string; result: Record<string, unknown> }>; lastError?: { step: string } } | null; progress: { done: string[]; failure?: string } | null; audit: { by: { accountId: string }; gates: unknown[]; ready: boolean } | null };

describe('readiness on the demo seed', () => {
  it('lists the 4.3.0 train with rc.1 and rc.2', async () => {
    const trains = data<{ trains: Array<{ release: string; candidates: Array<{ version: { name: string } }> }> }>(await ws.call('rc/trains', { projectKey: 'RT' }));
    expect(trains.trains.map((t) => [t.release, t.candidates.map((c) => c.version.name)])).toEqual([['4.3.0', ['4.3.0-rc.1', '4.3.0-rc.2']]]);
  });

  it('shows rc.1 blocked with evidence and rc.2 ready', async () => {
    type R = { ready: boolean; gates: Array<{ id: string; passed: boolean; evidence: string[]; severity?: string }>; canPromote: boolean; convergence: { rcs: Array<{ name: string; bugsFound: string[] }> } };
    const rc1 = data<R>(await ws.call('rc/readiness', ref(RC1)));
    expect(rc1.ready).toBe(false);
    const failing = rc1.gates.filter((g) => !g.passed);
    expect(failing.map((g) => g.id)).toEqual(expect.arrayContaining(['issues-done', 'regression-passed', 'no-open-regression-bugs']));
    for (const g of failing) expect(g.evidence.length).toBeGreaterThan(0);
    // Evidence is real: every key of the not-done gate is an issue that is not done in Jira.
    const notDone = rc1.gates.find((g) => g.id === 'issues-done')!.evidence;
    for (const key of notDone) expect(state().issues.find((i) => i.key === key)!.fields.statusId).not.toBe(seedIds.STATUS.DONE);
    // Every evidence key comes with its Jira summary, for the page's chips.
    const summaries = (rc1 as R & { summaries: Record<string, string> }).summaries;
    for (const key of failing.flatMap((g) => g.evidence)) expect(summaries[key]).toBe(state().issues.find((i) => i.key === key)!.fields.summary);

    const rc2 = data<R>(await ws.call('rc/readiness', ref(RC2)));
    // rc.2's own gates pass; what blocks it is rc.1's unfinished work (see the promote tests).
    // Blocking gates; the coverage and development gates are warnings by default (not passed on the demo, never blocking).
    expect(rc2.gates.filter((g) => !g.passed && g.severity !== 'warn').map((g) => g.id)).toEqual(['earlier-candidates-done']);
    expect(rc2.gates.filter((g) => g.severity === 'warn').map((g) => [g.id, g.passed])).toEqual([['changed-areas-regressed', false], ['development-clean', false]]);
    expect(rc2.ready).toBe(false);
    expect(rc2.canPromote).toBe(true);
    expect(rc2.convergence.rcs.find((r) => r.name === '4.3.0-rc.2')!.bugsFound).toHaveLength(1);
  });

  it("judges 'RTE review after latest Dev' by the admin's stored stage mapping, not by status names", async () => {
    type R = { ready: boolean; gates: Array<{ id: string; passed: boolean; evidence: string[]; severity?: string }> };
    const reviewed = (r: R) => r.gates.find((g) => g.id === 'rte-reviewed')!;
    const before = data<R>(await ws.call('rc/readiness', ref(RC2)));
    expect(reviewed(before).passed).toBe(true);

    // The first read derived the default mapping and cached it under the project id; an admin then says the
    // "RTE Review" status is still Dev work in this project, so no bug has an RTE review after its Dev stage.
    const mappings = stageMappings(ws.storage);
    const derived = (await mappings.get(seedIds.PROJECT.RT))!;
    expect(derived).toMatchObject({ derived: true, byStatusId: { [seedIds.STATUS.RTE_REVIEW]: 'RTE_REVIEW' } });
    await mappings.set(seedIds.PROJECT.RT, { ...derived, derived: false, byStatusId: { ...derived.byStatusId, [seedIds.STATUS.RTE_REVIEW]: 'DEV' } });

    const after = data<R>(await ws.call('rc/readiness', ref(RC2)));
    expect(reviewed(after).passed).toBe(false);
    expect(after.ready).toBe(false);
    const rc2Bugs = state().issues.filter((i) => i.fields.fixVersionIds.includes(RC2) && i.fields.issueTypeId === seedIds.ISSUE_TYPE.BUG).map((i) => i.key);
    expect(reviewed(after).evidence.length).toBeGreaterThan(0);
    for (const key of reviewed(after).evidence) expect(rc2Bugs).toContain(key);
  });

  it('says a QA user may not promote', async () => {
    const r = data<{ canPromote: boolean }>(await ws.call('rc/readiness', ref(RC2), 'rt-qa-hiro'));
    expect(r.canPromote).toBe(false);
  });

  it('offers no per-version metrics that count candidates as releases (the delivery metrics replace the former rc/metrics)', async () => {
    expect(await ws.call('rc/metrics' as 'rc/trains', { projectKey: 'RT' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });
});

const OVERRIDE = { reason: 'Ship 4.3.0 today; the rest rolls into the next train.' };
/** rc.2 of the demo is blocked only by rc.1's unfinished issues: the RTE promotes it with an override. */
const promoteRc2 = { ...ref(RC2), confirm: true as const, override: OVERRIDE };
const prodVersions = () => state().versions.filter((v) => v.name === '4.3.0');
const unfinishedRc1 = () => state().issues.filter((i) => i.fields.fixVersionIds.includes(RC1) && !i.fields.fixVersionIds.includes(RC2) && i.fields.statusId !== seedIds.STATUS.DONE).map((i) => i.key);

describe('promote (the train ships as one production release)', () => {
  it('previews every step: the production version, never the candidate; rc.1 is refused as the older candidate', async () => {
    const blocked = data<{ allowed: boolean; refusal?: string; steps: Array<{ step: string }> }>(await ws.call('rc/promote-preview', ref(RC2)));
    expect(blocked.allowed).toBe(false);
    expect(blocked.refusal).toMatch(/issues? of 4\.3\.0 (is|are) not done \(RT-/);
    const p = data<{ allowed: boolean; steps: Array<{ step: string; detail: string }> }>(await ws.call('rc/promote-preview', { ...ref(RC2), override: OVERRIDE }));
    expect(p).toMatchObject({ allowed: true });
    expect(p.steps.map((s) => s.step)).toEqual(['move-unfinished-to-next-rc', 'create-production-version', 'carry-issues', 'release-production-version', 'record-audit', 'create-ops-handoff']);
    expect(p.steps[0]!.detail).toMatch(/to 4\.4\.0-rc\.1 \(created\)/);
    const p1 = data<{ allowed: boolean; refusal?: string }>(await ws.call('rc/promote-preview', { ...ref(RC1), override: OVERRIDE }));
    expect(p1.allowed).toBe(false);
    expect(p1.refusal).toMatch(/4\.3\.0-rc\.1 is not the latest candidate of 4\.3\.0: 4\.3\.0-rc\.2 is newer/);
  });

  it('rc.2 is blocked by rc.1’s unfinished issues, named as evidence', async () => {
    type R = { ready: boolean; gates: Array<{ id: string; passed: boolean; evidence: string[]; severity?: string }> };
    const r = data<R>(await ws.call('rc/readiness', ref(RC2)));
    const earlier = r.gates.find((g) => g.id === 'earlier-candidates-done')!;
    expect(earlier.passed).toBe(false);
    expect(earlier.evidence.sort()).toEqual(unfinishedRc1().sort());
    expect(r.gates.filter((g) => !g.passed && g.severity !== 'warn').map((g) => g.id)).toEqual(['earlier-candidates-done']);
  });

  it('releases version 4.3.0 (created, then released by PUT) with the issues of rc.1 and rc.2, rolls the rest over, writes the audit and the hand-off', async () => {
    const shippedBefore = state().issues.filter((i) => (i.fields.fixVersionIds.includes(RC1) || i.fields.fixVersionIds.includes(RC2)) && i.fields.statusId === seedIds.STATUS.DONE).map((i) => i.key);
    const leftovers = unfinishedRc1();
    expect(leftovers.length).toBeGreaterThan(0);
    const v = data<View>(await ws.call('rc/promote', promoteRc2));
    expect(v.state?.status).toBe('done');
    // The production version: created unreleased, released by the PUT, with the cumulative notes as description.
    expect(prodVersions()).toHaveLength(1);
    const prod = prodVersions()[0]!;
    expect(prod).toMatchObject({ released: true, releaseDate: '2026-11-16' });
    expect(ws.emulator.calls.filter((c) => c.method === 'PUT' && c.path === `/rest/api/3/version/${prod.id}` && c.status === 200)).toHaveLength(1);
    // The candidate's name is never released; both candidates stay unreleased.
    expect(version(RC2).released).toBe(false);
    expect(version(RC1).released).toBe(false);
    // Every done issue of rc.1 and rc.2 now carries 4.3.0 (and keeps the candidate it arrived in).
    for (const key of shippedBefore) expect(state().issues.find((i) => i.key === key)!.fields.fixVersionIds).toContain(prod.id);
    const rc1Bug = shippedBefore.find((k) => state().issues.find((i) => i.key === k)!.fields.fixVersionIds.includes(RC1))!;
    expect(prod.description).toContain(`${rc1Bug}:`);
    expect(prod.description).toMatch(/\(4\.3\.0-rc\.1\)/);
    expect(prod.description).toMatch(/\(4\.3\.0-rc\.2\)/);
    expect(prod.description).toMatch(/Bug fixes \(\d+\)/);
    // Unfinished issues rolled into the next train's first candidate, with who and why recorded.
    const next = state().versions.find((x) => x.name === '4.4.0-rc.1')!;
    for (const key of leftovers) expect(state().issues.find((i) => i.key === key)!.fields.fixVersionIds).toEqual([next.id]);
    expect(v.audit).toMatchObject({ by: { accountId: 'rt-rte-chloe' }, ready: false, productionName: '4.3.0', override: { reason: OVERRIDE.reason } });
    expect([...(v.audit as unknown as { override: { unfinishedKeys: string[] } }).override.unfinishedKeys].sort()).toEqual([...leftovers].sort());
    // One hand-off, named after the production release, with the shared record.
    const handoffs = opsHandoffs();
    expect(handoffs).toHaveLength(1);
    const h = handoffs[0]!;
    expect(v.state?.completedSteps.at(-1)?.result['handoffIssueKey']).toBe(h.key);
    expect(h.fields.summary).toBe('Deploy 4.3.0 to production');
    expect(h.fields.assigneeId).toBe('rt-ops-kwame');
    expect(h.fields.dueDate).toBe('2026-11-18');
    const text = JSON.stringify(h.fields.description);
    for (const part of ['Deployment checklist', 'taskItem', 'Front-end team', 'Rollback', 'Bug fixes', `/projects/RT/versions/${prod.id}`, 'every issue shipping in 4.3.0', rc1Bug]) expect(text).toContain(part);
    expect(handoffRecordSchema.parse(h.properties[HANDOFF_PROPERTY_KEY])).toMatchObject({
      projectKey: 'RT',
      train: '4.3.0',
      productionVersionId: prod.id,
      productionVersionName: '4.3.0',
      candidateVersionId: RC2,
      candidateName: '4.3.0-rc.2',
      promotedBy: 'rt-rte-chloe',
    });
  });

  it('after shipping: rc.1 is superseded (page and resolver), a second promotion of the train never happens', async () => {
    await ws.call('rc/promote', promoteRc2);
    type T = { trains: Array<{ release: string; shipped?: { productionName: string; fromCandidate?: string }; candidates: Array<{ version: { name: string }; standing?: { kind: string } }> }> };
    const t = data<T>(await ws.call('rc/trains', { projectKey: 'RT' })).trains.find((x) => x.release === '4.3.0')!;
    expect(t.shipped).toMatchObject({ productionName: '4.3.0', fromCandidate: '4.3.0-rc.2' });
    expect(t.candidates.map((c) => [c.version.name, c.standing?.kind])).toEqual([
      ['4.3.0-rc.1', 'superseded'],
      ['4.3.0-rc.2', 'promoted'],
    ]);
    const r1 = data<{ standing: { kind: string }; standingSentence: string; promotion: unknown }>(await ws.call('rc/readiness', ref(RC1)));
    expect(r1).toMatchObject({ standing: { kind: 'superseded' }, promotion: null });
    expect(r1.standingSentence).toBe('4.3.0-rc.1 is superseded: the train shipped as 4.3.0 (promoted from 4.3.0-rc.2). It cannot be promoted.');
    ws.emulator.resetCalls();
    const again = await ws.call('rc/promote', { ...ref(RC1), confirm: true, override: OVERRIDE });
    expect(again).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(!again.ok && again.message).toMatch(/superseded: the train shipped as 4\.3\.0/);
    const preview = data<{ allowed: boolean; refusal?: string }>(await ws.call('rc/promote-preview', { ...ref(RC1), override: OVERRIDE }));
    expect(preview).toMatchObject({ allowed: false, refusal: expect.stringMatching(/superseded/) });
    expect(ws.emulator.calls.filter((c) => c.method !== 'GET' && !c.path.endsWith('/search/jql'))).toEqual([]);
    expect(prodVersions()).toHaveLength(1);
    expect(opsHandoffs()).toHaveLength(1);
  });

  it('refuses a train whose production version was released in Jira by hand', async () => {
    const created = await ws.emulator.handle({ method: 'POST', path: '/rest/api/3/version', query: new URLSearchParams(), headers: { 'x-rt-account-id': 'rt-rte-chloe' }, body: { name: '4.3.0', projectId: Number(seedIds.PROJECT.RT), released: true } });
    const id = (created.body as { id: string; released: boolean }).id;
    // Jira ignores `released` on create.
    expect((created.body as { released: boolean }).released).toBe(false);
    await ws.emulator.handle({ method: 'PUT', path: `/rest/api/3/version/${id}`, query: new URLSearchParams(), headers: { 'x-rt-account-id': 'rt-rte-chloe' }, body: { released: true, releaseDate: '2026-11-10' } });
    const r = await ws.call('rc/promote', promoteRc2);
    expect(r).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(!r.ok && r.message).toMatch(/4\.3\.0 has already shipped: 4\.3\.0 is released in Jira/);
    expect(opsHandoffs()).toHaveLength(0);
  });

  it('refuses a non-RTE in the resolver with FORBIDDEN and changes nothing', async () => {
    const r = await ws.call('rc/promote', promoteRc2, 'rt-qa-hiro');
    expect(r).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(!r.ok && r.message).toMatch(/RTE project role/);
    expect(prodVersions()).toHaveLength(0);
    expect(opsHandoffs()).toHaveLength(0);
  });

  it('is idempotent: a second promote answers the finished promotion without acting again', async () => {
    await ws.call('rc/promote', promoteRc2);
    ws.emulator.resetCalls();
    const again = data<View>(await ws.call('rc/promote', promoteRc2));
    expect(again.state?.status).toBe('done');
    expect(ws.emulator.calls.filter((c) => c.method !== 'GET' && !c.path.endsWith('/search/jql'))).toEqual([]);
    expect(opsHandoffs()).toHaveLength(1);
  });

  it('N concurrent promotes of any candidates of the train give one production release and one hand-off', async () => {
    const rc1 = { ...ref(RC1), confirm: true as const, override: OVERRIDE };
    const results = await Promise.all([promoteRc2, rc1, promoteRc2, rc1, promoteRc2, promoteRc2].map((input, i) => ws.call('rc/promote', input, i % 2 ? 'rt-rte-chloe' : 'rt-rte-dmitri')));
    expect(results.filter((r) => r.ok).length).toBeGreaterThanOrEqual(1);
    for (const r of results) if (!r.ok) expect(r.code).toBe('CONFLICT');
    // Every late caller sees the finished train; rc.1 never ships.
    const after = await ws.call('rc/promote', promoteRc2);
    expect(data<View>(after).state?.status).toBe('done');
    expect(prodVersions()).toHaveLength(1);
    // Two versions created in all: 4.3.0 and the next train's candidate, each once.
    expect(ws.emulator.calls.filter((c) => c.method === 'POST' && c.path === '/rest/api/3/version' && c.status === 201)).toHaveLength(2);
    expect(ws.emulator.calls.filter((c) => c.method === 'PUT' && c.path === `/rest/api/3/version/${prodVersions()[0]!.id}` && c.status === 200)).toHaveLength(1);
    expect(opsHandoffs()).toHaveLength(1);
    expect(state().versions.filter((v) => v.name === '4.4.0-rc.1')).toHaveLength(1);
  });

  /** For a failure at the production version's creation, the next train's candidate exists already (no other POST /version). */
  const createNextCandidate = () =>
    ws.emulator.handle({ method: 'POST', path: '/rest/api/3/version', query: new URLSearchParams(), headers: { 'x-rt-account-id': 'rt-rte-chloe' }, body: { name: '4.4.0-rc.1', projectId: Number(seedIds.PROJECT.RT) } });
  const faults: Array<[string, { method: string; path: string | RegExp }]> = [
    ['move-unfinished-to-next-rc', { method: 'PUT', path: /^\/rest\/api\/3\/issue\/RT-\d+$/ }],
    ['create-production-version', { method: 'POST', path: '/rest/api/3/version' }],
    ['release-production-version', { method: 'PUT', path: /^\/rest\/api\/3\/version\/\d+$/ }],
    ['create-ops-handoff', { method: 'POST', path: '/rest/api/3/issue' }],
    ['create-ops-handoff', { method: 'PUT', path: /^\/rest\/api\/3\/issue\/OPS-\d+\/properties\/release-train-handoff$/ }],
  ];
  it.each(faults)('a failure at %s (%o) stops there, says so, and a second promote resumes without duplicates', async (step, where) => {
    if (step === 'create-production-version') await createNextCandidate();
    ws.emulator.failNext({ ...where, status: 403 });
    const first = data<View>(await ws.call('rc/promote', promoteRc2));
    expect(first.state?.status).toBe('failed');
    expect(first.state?.lastError?.step).toBe(step);
    expect(first.progress?.failure).toMatch(/Stopped at/);
    const doneBefore = first.state!.completedSteps.map((c) => c.step);
    expect(doneBefore).toEqual(first.state!.steps.slice(0, first.state!.steps.indexOf(step)));
    expect(first.state!.steps).toEqual(promotionSteps.filter((s) => first.state!.steps.includes(s)));

    const second = data<View>(await ws.call('rc/promote', promoteRc2));
    expect(second.state?.status).toBe('done');
    expect(prodVersions()).toHaveLength(1);
    expect(prodVersions()[0]!.released).toBe(true);
    expect(ws.emulator.calls.filter((c) => c.method === 'PUT' && c.path === `/rest/api/3/version/${prodVersions()[0]!.id}` && c.status === 200)).toHaveLength(1);
    expect(opsHandoffs()).toHaveLength(1);
    expect(opsHandoffs()[0]!.properties[HANDOFF_PROPERTY_KEY]).toMatchObject({ train: '4.3.0' });
  });

  it('a failure while adding the shipped issues resumes and adds only the missing ones', async () => {
    // The roll-over edits come first; fail the first carry edit (an edit that adds the production version).
    const handle = ws.emulator.handle;
    let failed = false;
    installServices(
      localServices(
        async (req) => {
          const body = JSON.stringify(req.body ?? '');
          if (!failed && req.method === 'PUT' && /^\/rest\/api\/3\/issue\/RT-\d+$/.test(req.path) && !body.includes('remove')) {
            failed = true;
            return { status: 403, body: { errorMessages: ['You do not have the permission to edit this issue.'] } };
          }
          return handle(req);
        },
        ws.storage,
        () => SEED_BASE_DATE,
      ),
    );
    const first = data<View>(await ws.call('rc/promote', promoteRc2));
    expect(first.state).toMatchObject({ status: 'failed', lastError: { step: 'carry-issues' } });
    // A human sentence, never an internal operation name.
    expect(first.progress?.failure).toMatch(/You do not have permission in Jira to edit the issue\./);
    expect(first.progress?.failure).not.toMatch(/editIssue/);
    const second = data<View>(await ws.call('rc/promote', promoteRc2));
    expect(second.state?.status).toBe('done');
    const prod = prodVersions()[0]!;
    const shipped = state().issues.filter((i) => i.fields.fixVersionIds.includes(prod.id));
    expect(shipped.length).toBe((second.state?.completedSteps.find((c) => c.step === 'carry-issues')?.result['movedIssueKeys'] as string[]).length);
  });

  it('a failure writing the audit entry resumes at the audit', async () => {
    const realSet = ws.storage.set;
    let failOnce = true;
    ws.storage.set = async (key, value) => {
      if (failOnce && key.startsWith('rc-promotion:audit:')) {
        failOnce = false;
        throw new Error('storage unavailable');
      }
      return realSet(key, value);
    };
    const first = data<View>(await ws.call('rc/promote', promoteRc2));
    expect(first.state).toMatchObject({ status: 'failed', lastError: { step: 'record-audit' } });
    expect(prodVersions()[0]!.released).toBe(true);
    const second = data<View>(await ws.call('rc/promote', promoteRc2));
    expect(second.state?.status).toBe('done');
    expect(second.audit).not.toBeNull();
    expect(opsHandoffs()).toHaveLength(1);
  });

  const stateKey = () => `rc-promotion:state:${promotionId('RT', '4.3.0')}`;
  const leaseKey = () => `rc-promotion:lease:${promotionId('RT', '4.3.0')}`;

  it('finds a hand-off created before a lost state write instead of creating another', async () => {
    await ws.call('rc/promote', promoteRc2);
    // Forget that the hand-off step finished (as if the state write after it had failed).
    const s = (await ws.storage.get(stateKey())) as { completedSteps: unknown[]; status: string };
    await ws.storage.set(stateKey(), { ...s, completedSteps: s.completedSteps.slice(0, -1), status: 'in-progress' });
    const again = data<View>(await ws.call('rc/promote', promoteRc2));
    expect(again.state?.status).toBe('done');
    expect(opsHandoffs()).toHaveLength(1);
  });

  it('a state write that fails after a step reports what was done (not an error) and the promotion resumes', async () => {
    const realSet = ws.storage.set;
    let stateWrites = 0;
    // The first write (the start) succeeds; the write after the roll-over fails, and so does its report.
    ws.storage.set = async (key, value) => {
      if (key.startsWith('rc-promotion:state:') && ++stateWrites >= 2 && stateWrites <= 3) throw new Error('storage write timed out');
      return realSet(key, value);
    };
    const first = data<View & { running: boolean }>(await ws.call('rc/promote', promoteRc2));
    expect(first.state).toMatchObject({ status: 'failed', lastError: { step: 'create-production-version' } });
    expect(first.progress?.done).toEqual([expect.stringMatching(/^Moved \d+ unfinished issues? to 4\.4\.0-rc\.1\.$/)]);
    expect(first.progress?.failure).toMatch(/progress could not be saved/);

    const stored = data<View & { running: boolean }>(await ws.call('rc/promotion', ref(RC2)));
    expect(stored.state).toMatchObject({ status: 'in-progress', completedSteps: [] });
    expect(stored.running).toBe(false);
    expect((stored.progress as unknown as { summary: string }).summary).toMatch(/was interrupted/);

    const second = data<View>(await ws.call('rc/promote', promoteRc2));
    expect(second.state?.status).toBe('done');
    expect(second.state?.completedSteps[0]?.result['note']).toMatch(/had already moved/);
    expect(state().versions.filter((v) => v.name === '4.4.0-rc.1')).toHaveLength(1);
    expect(opsHandoffs()).toHaveLength(1);
  });

  it('an interrupted run (in progress, lease expired) is shown as resumable and resumes; a live lease is shown as running', async () => {
    await ws.call('rc/promote', promoteRc2);
    const s = (await ws.storage.get(stateKey())) as { completedSteps: unknown[] };
    await ws.storage.set(stateKey(), { ...s, completedSteps: s.completedSteps.slice(0, 1), status: 'in-progress' });
    await ws.storage.set(leaseKey(), { owner: 'dead-run', accountId: 'rt-rte-chloe', until: '2099-01-01T00:00:00.000Z' });
    const live = data<{ running: boolean }>(await ws.call('rc/promotion', ref(RC2)));
    expect(live.running).toBe(true);
    await expect(ws.call('rc/promote', promoteRc2)).resolves.toMatchObject({ ok: false, code: 'CONFLICT' });
    // The same lease holds the train for rc.1 too.
    await expect(ws.call('rc/promote', { ...ref(RC1), confirm: true, override: OVERRIDE })).resolves.toMatchObject({ ok: false, code: 'CONFLICT' });

    await ws.storage.set(leaseKey(), { owner: 'dead-run', accountId: 'rt-rte-chloe', until: '2000-01-01T00:00:00.000Z' });
    const stale = data<{ running: boolean; state: { status: string } }>(await ws.call('rc/promotion', ref(RC2)));
    expect(stale).toMatchObject({ running: false, state: { status: 'in-progress' } });
    const resumed = data<View>(await ws.call('rc/promote', promoteRc2));
    expect(resumed.state?.status).toBe('done');
    expect(opsHandoffs()).toHaveLength(1);
    expect(prodVersions()).toHaveLength(1);
  });

  it('Jira creates the hand-off but answers 504: the create is not retried, the step fails, and resume finds the issue by its label', async () => {
    loseFirstIssueCreateReply(ws);
    const first = data<View>(await ws.call('rc/promote', promoteRc2));
    expect(first.state).toMatchObject({ status: 'failed', lastError: { step: 'create-ops-handoff' } });
    expect(opsHandoffs()).toHaveLength(1);
    const second = data<View>(await ws.call('rc/promote', promoteRc2));
    expect(second.state?.status).toBe('done');
    expect(opsHandoffs()).toHaveLength(1);
    expect(second.state?.completedSteps.at(-1)?.result['handoffIssueKey']).toBe(opsHandoffs()[0]!.key);
    // The record was written on resume, on the issue found by its label.
    expect(opsHandoffs()[0]!.properties[HANDOFF_PROPERTY_KEY]).toMatchObject({ train: '4.3.0', candidateName: '4.3.0-rc.2' });
  });

  it("after a promotion, readiness carries the audit's snapshot (not only today's re-evaluation)", async () => {
    type R = { gates: Array<{ id: string; passed: boolean; evidence: string[]; severity?: string }>; audit: { gates: Array<{ id: string; passed: boolean; evidence: string[]; severity?: string }>; override?: { reason: string } } | null; promotion: { status: string } | null; summaries: Record<string, string>; standing: { kind: string } };
    expect(data<R>(await ws.call('rc/readiness', ref(RC2))).audit).toBeNull();
    await ws.call('rc/promote', promoteRc2);
    const r = data<R>(await ws.call('rc/readiness', ref(RC2)));
    expect(r.promotion?.status).toBe('done');
    expect(r.standing.kind).toBe('promoted');
    const then = r.audit!.gates.find((g) => g.id === 'earlier-candidates-done')!;
    const now = r.gates.find((g) => g.id === 'earlier-candidates-done')!;
    // The unfinished issues rolled into the next train: today the gate passes, at promotion it did not.
    expect(then.passed).toBe(false);
    expect(now.passed).toBe(true);
    expect(r.audit!.override?.reason).toBe(OVERRIDE.reason);
    for (const key of then.evidence) expect(r.summaries[key]).toBe(state().issues.find((i) => i.key === key)!.fields.summary);
  });

  it('archives the train’s candidates when configured, and names the production version by the project’s naming', async () => {
    await ws.storage.set('rc-promotion:config:RT', { opsProjectKey: 'OPS', archiveCandidates: true, productionNaming: 'v{release}' });
    const v = data<View>(await ws.call('rc/promote', promoteRc2));
    expect(v.state?.status).toBe('done');
    expect(state().versions.find((x) => x.name === 'v4.3.0')).toMatchObject({ released: true });
    expect(prodVersions()).toHaveLength(0);
    expect(version(RC1)).toMatchObject({ archived: true, released: false });
    expect(version(RC2)).toMatchObject({ archived: true, released: false });
    expect(opsHandoffs()[0]!.fields.summary).toBe('Deploy v4.3.0 to production');
  });
});

describe('bad input and Jira errors', () => {
  it.each([
    ['no confirm', { ...ref(RC2) }],
    ['confirm false', { ...ref(RC2), confirm: false }],
    ['bad version id', { projectKey: 'RT', versionId: 'x; drop', confirm: true }],
    ['bad project key', { projectKey: 'rt', versionId: RC2, confirm: true }],
    ['short override reason', { ...ref(RC2), confirm: true, override: { reason: 'no' } }],
    ['oversize reason', { ...ref(RC2), confirm: true, override: { reason: 'x'.repeat(1001) } }],
  ])('refuses %s with BAD_REQUEST and touches nothing', async (_label, input) => {
    ws.emulator.resetCalls();
    await expect(ws.call('rc/promote', input)).resolves.toMatchObject({ ok: false, code: 'BAD_REQUEST' });
    expect(ws.emulator.calls).toHaveLength(0);
  });

  it('refuses another project than the page’s', async () => {
    await expect(ws.call('rc/readiness', { projectKey: 'OPS', versionId: RC2 })).resolves.toMatchObject({ ok: false, code: 'BAD_REQUEST' });
  });

  it('answers NOT_FOUND for a version that is not a candidate', async () => {
    const r = await ws.call('rc/readiness', ref(seedIds.VERSION.V420));
    expect(r).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(!r.ok && r.message).toMatch(/4\.2\.0 is not a release candidate/);
  });

  it('refuses without a signed-in user', async () => {
    await expect(ws.call('rc/trains', { projectKey: 'RT' }, '')).resolves.toMatchObject({ ok: false, code: 'UNAUTHORIZED' });
  });

  it.each([
    [404, 'NOT_FOUND'],
    [403, 'FORBIDDEN'],
  ])('maps Jira %i on reading versions to %s', async (status, code) => {
    ws.emulator.failNext({ method: 'GET', path: '/rest/api/3/project/RT/versions', status });
    await expect(ws.call('rc/readiness', ref(RC2))).resolves.toMatchObject({ ok: false, code });
  });

  it('reports a bad stored configuration as STORAGE_ERROR and keeps it', async () => {
    await ws.storage.set('rc-promotion:config:RT', { promoterRole: 42 });
    await expect(ws.call('rc/trains', { projectKey: 'RT' })).resolves.toMatchObject({ ok: false, code: 'STORAGE_ERROR' });
    await expect(ws.storage.get('rc-promotion:config:RT')).resolves.toEqual({ promoterRole: 42 });
  });
});

describe('promoter role without Administer Projects', () => {
  const cfg = (c: Record<string, unknown>) => async () => ws.storage.set('rc-promotion:config:RT', { opsProjectKey: 'OPS', ...c });

  it('Jira refuses roledetails to a non-admin (as documented), yet a Developers promoter is recognised through the app', async () => {
    await cfg({ promoterRole: 'Developers' })();
    // Elif (Developers) is no project admin: Jira's own roledetails answers 403 to her.
    await ws.emulator.handle({ method: 'GET', path: '/rest/api/3/project/RT/roledetails', query: new URLSearchParams(), headers: { 'x-rt-account-id': 'rt-dev-elif' }, body: undefined }).then((r) => expect(r.status).toBe(403));
    const dev = data<{ canPromote: boolean }>(await ws.call('rc/readiness', ref(RC2), 'rt-dev-elif'));
    expect(dev.canPromote).toBe(true);
    const rte = data<{ canPromote: boolean; refusal?: string }>(await ws.call('rc/readiness', ref(RC2)));
    expect(rte.canPromote).toBe(false);
    expect(rte.refusal).toMatch(/Only members of the Developers project role/);
    // She holds the role, but Jira would not let her release the version: the preview says so, promote does nothing.
    const preview = data<{ allowed: boolean; refusal?: string }>(await ws.call('rc/promote-preview', { ...ref(RC2), override: OVERRIDE }, 'rt-dev-elif'));
    expect(preview.allowed).toBe(false);
    expect(preview.refusal).toMatch(/You lack Administer Projects in RT \(needed to .*release the production version/);
    ws.emulator.resetCalls();
    const r = await ws.call('rc/promote', promoteRc2, 'rt-dev-elif');
    expect(r).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(!r.ok && r.message).toMatch(/Nothing was done.*Administer Projects/);
    expect(ws.emulator.calls.filter((c) => c.method !== 'GET' && !c.path.endsWith('/search/jql'))).toEqual([]);
    await expect(ws.storage.get(`rc-promotion:state:${promotionId('RT', '4.3.0')}`)).resolves.toBeUndefined();
  });

  it('a 403 on the role check means canPromote=false with the reason, never a failed page; promote is FORBIDDEN', async () => {
    ws.emulator.failNext({ method: 'GET', path: /\/role(details|\/\d+)$/, status: 403, times: 10 });
    const r = data<{ canPromote: boolean; refusal?: string; gates: unknown[] }>(await ws.call('rc/readiness', ref(RC2)));
    expect(r.canPromote).toBe(false);
    expect(r.gates.length).toBe(8);
    expect(r.refusal).toMatch(/could not read the RTE role of RT/);
    await expect(ws.call('rc/promote', promoteRc2)).resolves.toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(prodVersions()).toHaveLength(0);
  });

  it('a promoter role the project does not have refuses everyone and says so', async () => {
    await cfg({ promoterRole: 'Release Managers' })();
    const r = data<{ canPromote: boolean; refusal?: string }>(await ws.call('rc/readiness', ref(RC2)));
    expect(r).toMatchObject({ canPromote: false });
    expect(r.refusal).toMatch(/has no role named Release Managers/);
  });
});

describe('settings (rc/config, rc/config-save)', () => {
  type Cfg = { config: Record<string, unknown>; canAdminister: boolean; roles: string[]; problem?: string };
  const good = { namingPattern: '{release}-RC{n}', productionNaming: 'v{release}', archiveCandidates: true, promoterRole: 'Developers', opsProjectKey: 'OPS', adminGates: [{ name: 'No open Highest', jql: 'project = RT AND priority = Highest AND statusCategory != Done' }], bugTypes: ['Bug'], manualCandidates: [] };

  it('a project admin reads and saves them; the page then uses them', async () => {
    const before = data<Cfg>(await ws.call('rc/config', { projectKey: 'RT' }));
    expect(before).toMatchObject({ canAdminister: true, config: { opsProjectKey: 'OPS', promoterRole: 'RTE' } });
    expect(before.roles).toEqual(expect.arrayContaining(['RTE', 'Developers', 'QA']));
    const saved = data<Cfg>(await ws.call('rc/config-save', { projectKey: 'RT', config: good }));
    expect(saved.config).toMatchObject({ promoterRole: 'Developers', productionNaming: 'v{release}', archiveCandidates: true, handoff: { issueType: 'Task', checklist: expect.arrayContaining([expect.stringMatching(/Front-end team/)]) } });
    await expect(ws.storage.get('rc-promotion:config:RT')).resolves.toMatchObject({ namingPattern: '{release}-RC{n}', adminGates: good.adminGates });
    expect(data<{ canPromote: boolean }>(await ws.call('rc/trains', { projectKey: 'RT' }))).toMatchObject({ pattern: '{release}-RC{n}' });
  });

  it('refuses a non-admin with FORBIDDEN and keeps the stored settings; they may still read them', async () => {
    const r = await ws.call('rc/config-save', { projectKey: 'RT', config: good }, 'rt-qa-hiro');
    expect(r).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    await expect(ws.storage.get('rc-promotion:config:RT')).resolves.toEqual(SEEDED_CONFIG);
    expect(data<Cfg>(await ws.call('rc/config', { projectKey: 'RT' }, 'rt-qa-hiro'))).toMatchObject({ canAdminister: false, roles: [] });
  });

  it.each([
    ['a pattern without {n}', { namingPattern: '{release}-rc' }, 'config.namingPattern', /\{n\} exactly once/],
    ['an empty role', { promoterRole: ' ' }, 'config.promoterRole', /.+/],
    ['a production name without {release}', { productionNaming: 'prod' }, 'config.productionNaming', /\{release\} exactly once/],
    ['a negative due date', { handoff: { dueInDays: -1 } }, 'config.handoff.dueInDays', /.+/],
    ['a lower-case ops key', { opsProjectKey: 'ops' }, 'config.opsProjectKey', /project key/],
  ])('refuses %s with a typed BAD_REQUEST naming the field', async (_l, change, path, message) => {
    const r = await ws.call('rc/config-save', { projectKey: 'RT', config: { ...good, ...change } });
    expect(r).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
    expect(!r.ok && r.issues).toEqual(expect.arrayContaining([{ path, message: expect.stringMatching(message) }]));
    await expect(ws.storage.get('rc-promotion:config:RT')).resolves.toEqual(SEEDED_CONFIG);
  });

  it('checks the settings against Jira: the role exists, the ops project exists, each gate query runs', async () => {
    const r = await ws.call('rc/config-save', { projectKey: 'RT', config: { ...good, promoterRole: 'Release Managers', opsProjectKey: 'NOPE', adminGates: [{ name: 'Broken', jql: 'foo = ' }] } });
    expect(r).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
    expect(!r.ok && r.issues?.map((i) => i.path)).toEqual(['config.adminGates.0.jql', 'config.opsProjectKey', 'config.promoterRole']);
    await expect(ws.storage.get('rc-promotion:config:RT')).resolves.toEqual(SEEDED_CONFIG);
  });

  describe('hand-picked candidates', () => {
    type TrainsOut = { trains: Array<{ release: string; candidates: Array<{ version: { id: string; name: string }; n: number; source: string }> }>; unmatched: Array<{ id: string; name: string }> };
    const defaults = { namingPattern: '{release}-rc.{n}', promoterRole: 'RTE', opsProjectKey: 'OPS', adminGates: [], bugTypes: ['Bug'] };
    const createVersion = async (name: string) => {
      const created = await ws.emulator.handle({ method: 'POST', path: '/rest/api/3/version', query: new URLSearchParams(), headers: { 'x-rt-account-id': 'rt-rte-chloe' }, body: { name, projectId: Number(seedIds.PROJECT.RT) } });
      return (created.body as { id: string }).id;
    };

    it('an admin picks a version outside the pattern into a train; rc/trains then shows it there, no longer unmatched', async () => {
      const id = await createVersion('4.3.0-hotfix-candidate');
      const before = data<TrainsOut>(await ws.call('rc/trains', { projectKey: 'RT' }));
      expect(before.unmatched.map((v) => v.name)).toContain('4.3.0-hotfix-candidate');
      const saved = data<Cfg>(await ws.call('rc/config-save', { projectKey: 'RT', config: { ...defaults, manualCandidates: [{ versionId: id, release: ' 4.3.0 ', n: 3 }] } }));
      expect(saved.config.manualCandidates).toEqual([{ versionId: id, release: '4.3.0', n: 3 }]);
      const after = data<TrainsOut>(await ws.call('rc/trains', { projectKey: 'RT' }));
      expect(after.trains.find((t) => t.release === '4.3.0')!.candidates.map((c) => [c.version.name, c.n, c.source])).toEqual([
        ['4.3.0-rc.1', 1, 'convention'],
        ['4.3.0-rc.2', 2, 'convention'],
        ['4.3.0-hotfix-candidate', 3, 'manual'],
      ]);
      expect(after.unmatched.map((v) => v.id)).not.toContain(id);
    });

    it('refuses an unknown version, a version the pattern already matches and a taken number, each next to its entry; nothing stored', async () => {
      const id = await createVersion('Hotfix B');
      const manualCandidates = [
        { versionId: '99999', release: '4.3.0', n: 3 },
        { versionId: RC1, release: '4.4.0', n: 1 },
        { versionId: id, release: '4.3.0', n: 2 },
      ];
      const r = await ws.call('rc/config-save', { projectKey: 'RT', config: { ...defaults, manualCandidates } });
      expect(r).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
      expect(!r.ok && r.issues).toEqual([
        { path: 'config.manualCandidates.0.versionId', message: expect.stringMatching(/Version 99999 is not a version of this project/) },
        { path: 'config.manualCandidates.1.versionId', message: expect.stringMatching(/4\.3\.0-rc\.1 follows the naming pattern/) },
        { path: 'config.manualCandidates.2.n', message: expect.stringMatching(/4\.3\.0 already has candidate 2 \(4\.3\.0-rc\.2\)/) },
      ]);
      await expect(ws.storage.get('rc-promotion:config:RT')).resolves.toEqual(SEEDED_CONFIG);
    });

    it('refuses a non-admin with FORBIDDEN, even for a valid pick', async () => {
      const id = await createVersion('Hotfix C');
      const r = await ws.call('rc/config-save', { projectKey: 'RT', config: { ...defaults, manualCandidates: [{ versionId: id, release: '4.3.0', n: 3 }] } }, 'rt-qa-hiro');
      expect(r).toMatchObject({ ok: false, code: 'FORBIDDEN' });
      await expect(ws.storage.get('rc-promotion:config:RT')).resolves.toEqual(SEEDED_CONFIG);
      expect(data<TrainsOut>(await ws.call('rc/trains', { projectKey: 'RT' })).unmatched.map((v) => v.id)).toContain(id);
    });
  });

  it('shows defaults and the reason when the stored settings are unreadable, and an admin can save over them', async () => {
    await ws.storage.set('rc-promotion:config:RT', { promoterRole: 42 });
    const r = data<Cfg>(await ws.call('rc/config', { projectKey: 'RT' }));
    expect(r.problem).toMatch(/not valid/);
    expect(r.config).toMatchObject({ promoterRole: 'RTE' });
    data<Cfg>(await ws.call('rc/config-save', { projectKey: 'RT', config: good }));
    expect(data<{ pattern: string }>(await ws.call('rc/trains', { projectKey: 'RT' })).pattern).toBe('{release}-RC{n}');
  });
});

describe('Jira permissions of the promotion', () => {
  it('an ops project that does not exist is named in the preview and promote does nothing', async () => {
    await ws.storage.set('rc-promotion:config:RT', { opsProjectKey: 'NOPE' });
    const preview = data<{ allowed: boolean; refusal?: string }>(await ws.call('rc/promote-preview', { ...ref(RC2), override: OVERRIDE }));
    expect(preview.allowed).toBe(false);
    expect(preview.refusal).toMatch(/Project NOPE does not exist or you cannot see it \(needed to create the ops hand-off issue\)/);
    await expect(ws.call('rc/promote', promoteRc2)).resolves.toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(prodVersions()).toHaveLength(0);
  });

  it('a hand-off that failed resumes into the ops project an admin corrected meanwhile', async () => {
    ws.emulator.failNext({ method: 'POST', path: '/rest/api/3/issue', status: 403 });
    const first = data<View>(await ws.call('rc/promote', promoteRc2));
    expect(first.state).toMatchObject({ status: 'failed', lastError: { step: 'create-ops-handoff' } });
    await ws.storage.set('rc-promotion:config:RT', { opsProjectKey: 'RT' });
    const second = data<View & { state: { opsProjectKey?: string } }>(await ws.call('rc/promote', promoteRc2));
    expect(second.state).toMatchObject({ status: 'done', opsProjectKey: 'RT' });
    const key = second.state.completedSteps.at(-1)?.result['handoffIssueKey'];
    expect(key).toMatch(/^RT-/);
    expect(opsHandoffs()).toHaveLength(0);
  });
});

describe('abandoning a stopped promotion', () => {
  const stop = async () => {
    ws.emulator.failNext({ method: 'POST', path: '/rest/api/3/issue', status: 403 });
    return data<View>(await ws.call('rc/promote', promoteRc2));
  };

  it('a promoter abandons a failed promotion with a reason: recorded, and the candidate is free again', async () => {
    expect((await stop()).state?.status).toBe('failed');
    const r = data<View>(await ws.call('rc/promotion-abandon', { ...ref(RC2), reason: 'Wrong ops project; handing off by hand.' }));
    expect(r).toMatchObject({ state: null, audit: null });
    const records = await ws.storage.list('rc-promotion:abandoned:');
    expect(records).toHaveLength(1);
    expect(records[0]!.value).toMatchObject({ by: { accountId: 'rt-rte-chloe' }, reason: 'Wrong ops project; handing off by hand.', state: { status: 'failed' }, audit: { ready: false } });
    expect(data<{ promotion: unknown; audit: unknown }>(await ws.call('rc/readiness', ref(RC2)))).toMatchObject({ promotion: null, audit: null });
  });

  it('refuses a non-promoter, a finished or running promotion, and a short reason', async () => {
    await stop();
    await expect(ws.call('rc/promotion-abandon', { ...ref(RC2), reason: 'QA wants to stop this.' }, 'rt-qa-hiro')).resolves.toMatchObject({ ok: false, code: 'FORBIDDEN' });
    await expect(ws.call('rc/promotion-abandon', { ...ref(RC2), reason: 'short' })).resolves.toMatchObject({ ok: false, code: 'BAD_REQUEST' });
    await ws.storage.set(`rc-promotion:lease:${promotionId('RT', '4.3.0')}`, { owner: 'other-run', accountId: 'rt-rte-dmitri', until: '2099-01-01T00:00:00.000Z' });
    await expect(ws.call('rc/promotion-abandon', { ...ref(RC2), reason: 'Running, but I want it gone.' })).resolves.toMatchObject({ ok: false, code: 'CONFLICT' });
    await ws.storage.delete(`rc-promotion:lease:${promotionId('RT', '4.3.0')}`);
    expect(data<View>(await ws.call('rc/promote', promoteRc2)).state?.status).toBe('done');
    await expect(ws.call('rc/promotion-abandon', { ...ref(RC2), reason: 'Too late to give this up.' })).resolves.toMatchObject({ ok: false, code: 'CONFLICT' });
    await expect(ws.storage.list('rc-promotion:abandoned:')).resolves.toHaveLength(0);
  });
});

describe('long histories', () => {
  it('judges a bug whose status changes fall outside the search page of its changelog on the whole history', async () => {
    type R = { gates: Array<{ id: string; passed: boolean; evidence: string[]; severity?: string }> };
    const reviewed = (r: R) => r.gates.find((g) => g.id === 'rte-reviewed')!;
    expect(reviewed(data<R>(await ws.call('rc/readiness', ref(RC2)))).passed).toBe(true);
    // 120 label edits after the loop: a search's inline changelog (newest 100) no longer shows any status change.
    const key = state().issues.find((i) => i.fields.fixVersionIds.includes(RC2) && i.fields.issueTypeId === seedIds.ISSUE_TYPE.BUG)!.key;
    await ws.store.update((doc) => {
      const bug = doc.issues.find((i) => i.key === key)!;
      const last = Date.parse(bug.histories.at(-1)!.created);
      for (let n = 0; n < 120; n++) {
        bug.histories.push({ id: `9${n}${bug.id}`, authorAccountId: 'rt-rte-chloe', created: new Date(last + (n + 1) * 60_000).toISOString(), items: [{ field: 'labels', fieldtype: 'jira', from: null, fromString: '', to: null, toString: `tag-${n}` }] });
      }
    });
    const bug = { key };
    ws.emulator.resetCalls();
    const after = data<R>(await ws.call('rc/readiness', ref(RC2)));
    expect(reviewed(after).passed).toBe(true);
    expect(ws.emulator.calls.filter((c) => c.path === `/rest/api/3/issue/${bug.key}/changelog`).length).toBeGreaterThan(0);
  });
});

describe('configured variants', () => {
  const configure = (c: Record<string, unknown>) => ws.storage.set('rc-promotion:config:RT', { opsProjectKey: 'OPS', ...c });

  it('admin JQL gates: a query with results fails with its issues, a query Jira cannot run fails closed with the reason', async () => {
    await configure({ adminGates: [{ name: 'No open Highest', jql: 'project = RT AND priority = Highest AND statusCategory != Done' }, { name: 'Broken', jql: 'foo = ' }, { name: 'Nothing', jql: 'project = RT AND summary ~ "zzz-no-such-thing"' }] });
    const r = data<{ ready: boolean; gates: Array<{ id: string; passed: boolean; evidence: string[]; detail: string }> }>(await ws.call('rc/readiness', ref(RC2)));
    const jql = r.gates.filter((g) => g.id.startsWith('jql:'));
    expect(jql.map((g) => [g.id, g.passed])).toEqual([
      ['jql:No open Highest', false],
      ['jql:Broken', false],
      ['jql:Nothing', true],
    ]);
    expect(jql[0]!.evidence.length).toBeGreaterThan(0);
    expect(jql[1]!.evidence).toEqual([]);
    expect(jql[1]!.detail.length).toBeGreaterThan(0);
    expect(r.ready).toBe(false);
  });

  it('hand-picked candidates: a version outside the naming pattern joins the train it was picked for', async () => {
    const id = (await (async () => {
      const created = await ws.emulator.handle({ method: 'POST', path: '/rest/api/3/version', query: new URLSearchParams(), headers: { 'x-rt-account-id': 'rt-rte-chloe' }, body: { name: 'Hotfix candidate A', projectId: Number(seedIds.PROJECT.RT) } });
      return (created.body as { id: string }).id;
    })());
    await configure({ manualCandidates: [{ versionId: id, release: '4.3.0', n: 3 }] });
    const t = data<{ trains: Array<{ release: string; candidates: Array<{ version: { name: string }; n: number; source: string }> }> }>(await ws.call('rc/trains', { projectKey: 'RT' }));
    expect(t.trains.find((x) => x.release === '4.3.0')!.candidates.map((c) => [c.version.name, c.n, c.source])).toEqual([
      ['4.3.0-rc.1', 1, 'convention'],
      ['4.3.0-rc.2', 2, 'convention'],
      ['Hotfix candidate A', 3, 'manual'],
    ]);
    const r = data<{ version: { name: string }; release: string }>(await ws.call('rc/readiness', ref(id)));
    expect(r).toMatchObject({ version: { name: 'Hotfix candidate A' }, release: '4.3.0' });
  });
});
