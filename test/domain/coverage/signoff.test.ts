import { SIGNOFF_PROPERTY_KEY } from '../../../src/contracts/coverage';
import { addSignoff, emptySignoff, mergeSignoffs, signoffFor, signoffIndexOf, type SignoffRecord } from '../../../src/domain/coverage';
import { parseSignoff, writeSignoff } from '../../../src/resolvers/coverage/signoff-store';
import type { JiraGateway } from '../../../src/jira/gateway';
import { ann, at, bob } from '../../builders/regression';

const ok = <T>(r: { ok: true; data: T } | { ok: false; message: string }): T => {
  if (!r.ok) throw new Error(r.message);
  return r.data;
};

describe('the QA sign-off record', () => {
  it('keeps every decision; the latest per candidate is the sign-off; the index follows the latest entry', () => {
    let r = ok(addSignoff(emptySignoff(), { id: 's1', rc: 'rc.1', decision: 'rejected', note: 'Empty state copy is wrong' }, ann, at(0)));
    r = ok(addSignoff(r, { id: 's2', rc: 'rc.2', decision: 'signed-off' }, bob, at(10)));
    expect(signoffFor(r, 'rc.1')).toMatchObject({ decision: 'rejected', by: ann });
    expect(signoffFor(r, 'rc.2')).toMatchObject({ decision: 'signed-off', by: bob, at: at(10) });
    expect(signoffFor(r, 'rc.3')).toBeUndefined();
    expect(signoffIndexOf(r)).toEqual({ latestRc: 'rc.2', latestDecision: 'signed-off' });
    expect(signoffIndexOf(emptySignoff())).toEqual({ latestRc: '', latestDecision: 'none' });
  });

  it('refuses a rejection without a reason, and treats a retried id as done (a different decision with it is a conflict)', () => {
    expect(addSignoff(emptySignoff(), { id: 's1', rc: 'rc.1', decision: 'rejected', note: '  ' }, ann, at(0))).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
    const r = ok(addSignoff(emptySignoff(), { id: 's1', rc: 'rc.1', decision: 'signed-off' }, ann, at(0)));
    expect(ok(addSignoff(r, { id: 's1', rc: 'rc.1', decision: 'signed-off' }, ann, at(1)))).toBe(r);
    expect(addSignoff(r, { id: 's1', rc: 'rc.1', decision: 'rejected', note: 'x' }, ann, at(1))).toMatchObject({ ok: false, code: 'CONFLICT' });
  });

  it('two testers signing at once: both entries are kept (union by id), the later one decides', () => {
    const base = emptySignoff();
    const mine = ok(addSignoff(base, { id: 'a', rc: 'rc.2', decision: 'rejected', note: 'Broken on iOS' }, ann, at(1)));
    const theirs = ok(addSignoff(base, { id: 'b', rc: 'rc.2', decision: 'signed-off' }, bob, at(2)));
    const merged = mergeSignoffs(mine, theirs);
    expect(merged.entries.map((e) => e.id)).toEqual(['a', 'b']);
    expect(signoffFor(merged, 'rc.2')?.by).toEqual(bob);
  });

  it('reads bad stored data as a problem that names it, never as an empty record', () => {
    expect(parseSignoff(undefined)).toMatchObject({ ok: true, found: false });
    expect(parseSignoff('signed')).toMatchObject({ ok: false });
    const bad = parseSignoff({ schemaVersion: 1, entries: [{ id: 'x', rc: 'rc.1', decision: 'maybe', by: ann, at: at(0) }], revision: 0 });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.message).toMatch(/entries\.0\.decision/);
    expect(parseSignoff({ schemaVersion: 2, entries: [], revision: 0 }).ok).toBe(false);
  });
});

/** An in-memory issue property with the gateway's two calls; `interleave` runs once, right after our first write. */
function fakeJira(initial: unknown, interleave?: (set: (v: unknown) => void, get: () => unknown) => void) {
  let value = initial;
  let writes = 0;
  const jira = {
    getIssueProperty: async (_key: string, prop: string) => (prop === SIGNOFF_PROPERTY_KEY ? structuredClone(value) : undefined),
    setIssueProperty: async (_key: string, _prop: string, v: unknown) => {
      value = structuredClone(v);
      writes++;
      if (writes === 1 && interleave) interleave((x) => (value = structuredClone(x)), () => value);
    },
  } as unknown as JiraGateway;
  return { jira, stored: () => value as SignoffRecord & { index: unknown }, writes: () => writes };
}

describe('writing a sign-off to the issue property', () => {
  const edit = (id: string, by = ann, minutes = 0) => (r: SignoffRecord) => ok(addSignoff(r, { id, rc: 'rc.2', decision: 'signed-off' }, by, at(minutes)));

  it('writes the record with the index JQL searches on', async () => {
    const f = fakeJira(undefined);
    await writeSignoff(f.jira, 'RT-1', edit('a'), 'a');
    expect(f.stored().index).toEqual({ latestRc: 'rc.2', latestDecision: 'signed-off' });
    expect(f.stored().entries).toHaveLength(1);
  });

  it('keeps an entry another tester wrote over ours in between (re-reads, unites, writes again)', async () => {
    // Bob's write lands right after ours and holds only his entry (he read before we wrote).
    const bobs = ok(addSignoff(emptySignoff(), { id: 'b', rc: 'rc.2', decision: 'rejected', note: 'Fails on Android' }, bob, at(5)));
    const f = fakeJira(undefined, (set) => set({ ...bobs, index: signoffIndexOf(bobs) }));
    const record = await writeSignoff(f.jira, 'RT-1', edit('a', ann, 1), 'a');
    expect(record.entries.map((e) => e.id).sort()).toEqual(['a', 'b']);
    expect(f.stored().entries.map((e) => e.id).sort()).toEqual(['a', 'b']);
    expect(f.writes()).toBe(2);
  });

  it('refuses to write over stored data it cannot read, and leaves it as it is', async () => {
    const f = fakeJira({ schemaVersion: 1, entries: 'lots' });
    await expect(writeSignoff(f.jira, 'RT-1', edit('a'), 'a')).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(f.stored()).toEqual({ schemaVersion: 1, entries: 'lots' });
    expect(f.writes()).toBe(0);
  });
});
