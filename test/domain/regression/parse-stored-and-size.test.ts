import { parseStoredRecord } from '../../../src/domain/regression/parse-stored';
import { setNote } from '../../../src/domain/regression/checklist';
import { checkRecordSize, prepareWrite, serializedLength } from '../../../src/domain/regression/size';
import { ENTITY_PROPERTY_MAX_CHARS, FIELD_LIMITS, OP_LIMITS, REGRESSION_RECORD_BUDGET_CHARS } from '../../../src/domain/regression/limits';
import { regressionRecordSchema } from '../../../src/contracts/regression';
import { aCheck, aCycle, aRecord, ann } from '../../builders/regression';

describe('parseStoredRecord', () => {
  it('reads a valid record', () => {
    const record = aRecord();
    const r = parseStoredRecord(JSON.parse(JSON.stringify(record)));
    expect(r).toEqual({ ok: true, record, found: true });
  });

  it('reads a record written before per-field clocks, and its first edit writes the clocks (migration on write)', () => {
    const legacy = {
      schemaVersion: 1,
      cycles: [{ rc: 'rc.1', startedAt: '2026-03-01T09:00:00.000Z', checks: [{ id: 'a', area: 'Cart', title: 'Add item', result: 'passed', tester: { accountId: 'acc-bob', name: 'Bob' }, at: '2026-03-01T10:00:00.000Z', updatedAt: '2026-03-01T10:00:00.000Z', updatedBy: 'acc-bob' }] }],
      foundBugs: [],
      revision: 4,
    };
    const r = parseStoredRecord(legacy);
    if (!r.ok) throw new Error(r.message);
    expect(r.record.cycles[0]!.checks[0]!.clocks).toBeUndefined();
    const noted = setNote(r.record, 'rc.1', 'a', 'seen', { now: '2026-03-01T11:00:00.000Z', actor: ann });
    if (!noted.ok) throw new Error(noted.message);
    const check = noted.data.cycles[0]!.checks[0]!;
    // Every group's clock was the legacy updatedAt; only the note's moved on.
    expect(check.clocks).toEqual({
      text: { at: '2026-03-01T10:00:00.000Z', by: 'acc-bob' },
      result: { at: '2026-03-01T10:00:00.000Z', by: 'acc-bob' },
      note: { at: '2026-03-01T11:00:00.000Z', by: ann.accountId, name: ann.name },
      bug: { at: '2026-03-01T10:00:00.000Z', by: 'acc-bob' },
    });
    expect(regressionRecordSchema.safeParse(noted.data).success).toBe(true);
  });

  it('nothing stored yet → an empty record, found false', () => {
    expect(parseStoredRecord(undefined)).toEqual({ ok: true, record: { schemaVersion: 1, cycles: [], foundBugs: [], revision: 0 }, found: false });
  });

  it.each([
    ['null', null, 'not-an-object'],
    ['a string', 'garbage', 'not-an-object'],
    ['a number', 42, 'not-an-object'],
    ['a list', [1, 2], 'not-an-object'],
    ['an object without version', { cycles: [] }, 'no-version'],
    ['a string version', { schemaVersion: '1', cycles: [], foundBugs: [], revision: 0 }, 'no-version'],
    ['an old version', { schemaVersion: 0, cycles: [], foundBugs: [], revision: 0 }, 'old-version'],
    ['a newer version', { schemaVersion: 2, cycles: [], foundBugs: [], revision: 0 }, 'newer-version'],
    ['cycles of the wrong type', { schemaVersion: 1, cycles: 'x', foundBugs: [], revision: 0 }, 'invalid-shape'],
    ['an unknown result', { ...aRecord(), cycles: [aCycle({ checks: [aCheck({ result: 'maybe' as never })] })] }, 'invalid-shape'],
    ['a bad date', { ...aRecord(), cycles: [aCycle({ startedAt: 'yesterday' })] }, 'invalid-shape'],
    ['a negative revision', { ...aRecord(), revision: -1 }, 'invalid-shape'],
    ['duplicate check ids', { ...aRecord(), cycles: [aCycle({ checks: [aCheck({ id: 'd' }), aCheck({ id: 'd' })] })] }, 'invalid-shape'],
    ['two cycles for one RC', { ...aRecord(), cycles: [aCycle({ rc: 'rc.1' }), aCycle({ rc: 'rc.1' })] }, 'invalid-shape'],
    ['a bad found-bug key', { ...aRecord(), foundBugs: ['not a key'] }, 'invalid-shape'],
  ])('%s → invalid (%s), message says so, raw kept', (_name, raw, reason) => {
    const r = parseStoredRecord(raw);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason).toBe(reason);
    expect(r.message).toMatch(/^Stored regression data is invalid: /);
    expect(r.raw).toBe(raw);
  });

  it('names the bad field', () => {
    const r = parseStoredRecord({ ...aRecord(), cycles: [aCycle({ checks: [aCheck({ result: 'maybe' as never })] })] });
    expect(!r.ok && r.issues[0]?.path).toBe('cycles.0.checks.0.result');
  });

  it('never throws, even on a hostile object', () => {
    const hostile = new Proxy({}, { get() { throw new Error('boom'); }, has() { throw new Error('boom'); } });
    const r = parseStoredRecord(hostile);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.raw).toBe(hostile);
    const cyclic: Record<string, unknown> = { schemaVersion: 1 };
    cyclic['cycles'] = [cyclic];
    expect(parseStoredRecord(cyclic).ok).toBe(false);
  });
});

describe('size limit', () => {
  it('measures JSON length, counting non-ASCII as escapes (the upper bound)', () => {
    expect(serializedLength({ a: 'x' })).toBe(9);
    expect(serializedLength({ a: 'é' })).toBe(9 + 5);
    expect(serializedLength(undefined)).toBe(0);
  });

  it('a worst-case single check stays far below the limit', () => {
    const big = aCheck({
      id: 'x'.repeat(FIELD_LIMITS.id),
      area: 'a'.repeat(FIELD_LIMITS.area),
      title: 't'.repeat(FIELD_LIMITS.title),
      note: 'n'.repeat(FIELD_LIMITS.note),
      tester: { accountId: 'i'.repeat(FIELD_LIMITS.accountId), name: 'p'.repeat(FIELD_LIMITS.personName) },
      at: '2026-03-01T09:00:00.000+01:00',
      reportedBugKey: 'ABCDEFGHIJ-1234567890',
      updatedBy: 'i'.repeat(FIELD_LIMITS.accountId),
    });
    expect(regressionCheckOk(big)).toBe(true);
    expect(serializedLength(big)).toBeLessThan(2_100);
  });

  it('a typical record (5 RCs × 20 checks, short notes) fits', () => {
    const cycles = Array.from({ length: 5 }, (_, i) =>
      aCycle({ rc: `4.3.0-rc.${i + 1}`, checks: Array.from({ length: 20 }, (_, j) => aCheck({ id: `k${j}`, title: `Checkout works with option ${j}`, result: 'passed', tester: ann, at: '2026-03-01T09:00:00.000Z', note: 'fine' })) }),
    );
    const r = checkRecordSize(aRecord({ cycles }));
    expect(r.ok).toBe(true);
    expect(r.ok && r.data.length).toBeLessThan(REGRESSION_RECORD_BUDGET_CHARS);
  });

  it('refuses a write that would exceed the budget, with the figures', () => {
    const cycles = Array.from({ length: OP_LIMITS.cycles }, (_, i) =>
      aCycle({ rc: `rc.${i}`, checks: Array.from({ length: 10 }, (_, j) => aCheck({ id: `k${j}`, note: 'n'.repeat(FIELD_LIMITS.note) })) }),
    );
    const record = aRecord({ cycles });
    expect(regressionRecordSchema.safeParse(record).success).toBe(true); // valid field by field…
    const r = prepareWrite(record); // …but too large as a whole
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(new RegExp(`would take \\d+ characters, over the ${REGRESSION_RECORD_BUDGET_CHARS}.*${ENTITY_PROPERTY_MAX_CHARS}`));
  });

  it('prepareWrite bumps the revision', () => {
    const r = prepareWrite(aRecord({ revision: 4 }));
    expect(r.ok && r.data.revision).toBe(5);
  });
});

function regressionCheckOk(check: unknown): boolean {
  return regressionRecordSchema.safeParse({ ...aRecord(), cycles: [aCycle({ checks: [check as never] })] }).success;
}
