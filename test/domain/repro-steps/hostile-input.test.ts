import { analyseReproSteps, splitIntoSteps } from '../../../src/domain/repro-steps';
import { reproAnalysisSchema } from '../../../src/contracts/repro-steps';
import { MAX_SECTIONS, parseSections } from '../../../src/domain/repro-steps/parse-sections';

/** Every hostile input must give a schema-valid analysis, never a throw. */
const valid = (description: unknown) => reproAnalysisSchema.parse(analyseReproSteps({ description }));

describe('hostile input', () => {
  it('handles a 1 MB description and keeps parts bounded', () => {
    const line = 'when I click the button the page should not crash but it throws an error\n';
    const big = ('Steps to reproduce:\n' + '1. Click save\n'.repeat(500) + line.repeat(20_000)).slice(0, 1024 * 1024);
    const a = valid(big);
    expect(a.has.steps).toBe(true);
    expect(a.parts.steps.length).toBeLessThanOrEqual(100);
    expect((a.parts.actual ?? '').length).toBeLessThanOrEqual(2000);
  });

  it('keeps labelled parts bounded however many labelled sections repeat (60k "Expected:/Actual:" lines)', () => {
    const many = Array.from({ length: 60_000 }, (_, i) => `${i % 2 ? 'Actual' : 'Expected'}: value ${i}`).join('\n');
    const a = valid(many.slice(0, 1 << 20));
    expect(a.has.expected && a.has.actual).toBe(true);
    expect((a.parts.expected ?? '').length).toBeLessThanOrEqual(2000);
    expect((a.parts.actual ?? '').length).toBeLessThanOrEqual(2000);
    // Only the first MAX_SECTIONS labels open a section; the rest are lines of the last one (so no section per line).
    const { sections } = parseSections(many);
    expect(sections.length).toBeLessThanOrEqual(MAX_SECTIONS + 1);
  });

  it('handles a single 1 MB line and regex-unfriendly repetitions', () => {
    for (const s of ['a'.repeat(1 << 20), ' '.repeat(1 << 20) + 'x', 'build '.repeat(200_000), '1.'.repeat(300_000), 'at a.'.repeat(200_000)])
      expect(valid(s).verdict).toBe('missing');
  });

  it('handles deeply nested (100k levels) and invalid ADF', () => {
    let node: Record<string, unknown> = { type: 'text', text: '1. Open the app' };
    for (let i = 0; i < 100_000; i++) node = { type: i % 2 ? 'bulletList' : 'listItem', content: [node] };
    valid({ type: 'doc', content: [node] });
    for (const bad of [{ type: 'doc', content: 'x' }, { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: null }] }] }, [1, 2, 3], { foo: 'bar' }, 12, true])
      expect(valid(bad).findings.map((f) => f.code)).toEqual(['EMPTY']);
  });

  it('handles binary junk', () => {
    let junk = '';
    let seed = 7;
    for (let i = 0; i < 200_000; i++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff; // deterministic pseudo-random bytes
      junk += String.fromCharCode(seed % 256);
    }
    valid(junk);
    valid('\u0000\uFFFF\uD800'.repeat(10_000));
    expect(splitIntoSteps(junk).steps.length).toBeLessThanOrEqual(100);
  });

  it('handles 1 MB shapes aimed at the cue regexes (arrows, participles, apostrophes, markup, many short lines)', () => {
    const shapes = [
      'a -> '.repeat(200_000),
      'when a-a-a-a-ing '.repeat(60_000),
      'i tried ’’’ '.repeat(80_000),
      '=/<>{}[]()'.repeat(100_000),
      'please can it be works in '.repeat(40_000),
      Array.from({ length: 60_000 }, (_, i) => `click button ${i}`).join('\n'),
    ];
    for (const s of shapes) {
      const a = valid(s.slice(0, 1 << 20));
      expect(a.parts.steps.length).toBeLessThanOrEqual(100);
    }
  });

  it('handles a malformed field by falling back or reporting', () => {
    const weird = { steps: 'not-an-array', expected: 5 } as unknown as { steps: string[] };
    expect(analyseReproSteps({ field: weird, description: '' }).findings.map((f) => f.code)).toEqual(['EMPTY']);
    const mixed = { steps: ['Open app', 42, null, 'Click OK'] } as unknown as { steps: string[] };
    expect(analyseReproSteps({ field: mixed }).parts.steps).toEqual(['Open app', 'Click OK']);
  });
});
