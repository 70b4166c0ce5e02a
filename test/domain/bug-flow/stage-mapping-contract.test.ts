import { parseStoredStageMapping, stageMappingDraftSchema, toDomainMapping } from '@rt/contracts/stage-mapping';

describe('stored stage mapping (contracts/stage-mapping)', () => {
  test('a stored mapping parses with defaults and converts to the domain shape', () => {
    const parsed = parseStoredStageMapping({ byStatusId: { '10': 'L2', '30': 'DEV' } });
    expect(parsed).toEqual({ ok: true, mapping: { version: 1, byStatusId: { '10': 'L2', '30': 'DEV' }, derived: false } });
    if (parsed.ok) expect(toDomainMapping(parsed.mapping)).toEqual({ byStatusId: { '10': 'L2', '30': 'DEV' } });
  });

  test('bad stored data is a clear error, never a crash', () => {
    expect(parseStoredStageMapping({ byStatusId: { '10': 'TESTING' } })).toMatchObject({ ok: false, issues: [{ path: 'byStatusId.10' }] });
    expect(parseStoredStageMapping('garbage')).toMatchObject({ ok: false, message: expect.stringMatching(/^The stored stage mapping is not valid/) });
    expect(parseStoredStageMapping(null).ok).toBe(false);
    const huge = Object.fromEntries(Array.from({ length: 501 }, (_, i) => [String(i), 'DEV']));
    expect(parseStoredStageMapping({ byStatusId: huge })).toMatchObject({ ok: false, issues: [{ message: 'at most 500 statuses' }] });
  });

  test('a draft keeps unknown stage names as text for the domain to explain', () => {
    expect(stageMappingDraftSchema.safeParse({ byStatusId: { '10': 'TESTING' } }).success).toBe(true);
  });
});
