/**
 * The word gate (word-gate.ts) skips cue regexes that cannot match a line; it must never skip one that does.
 */
import { cueRegexes, cuesOf, gatedCueRegexes } from '../../../src/domain/repro-steps/cues';
import { WordGate, wordPrefixesOf } from '../../../src/domain/repro-steps/word-gate';

const GATED = gatedCueRegexes();
const gate = new WordGate(GATED);

/** Words and bits of every gated regex's own source, plus near misses around them, glued with random separators. */
function fuzzLines(n: number): string[] {
  let seed = 42;
  const rnd = (k: number): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return (seed >>> 8) % k;
  };
  const words = [...new Set(GATED.flatMap((re) => [...(re.source.match(/[a-z0-9']+/gi) ?? []), ...(re.source.match(/[a-z0-9' ]+/gi) ?? [])]))];
  const nearMisses = words.flatMap((w) => [w.slice(0, -1), `${w}s`, `x${w}`, `${w}_`, w.toUpperCase(), w.slice(0, 2)]);
  const phrases = ['when i', 'if you', 'after the user', 'when launching', 'on clicking', 'i clicked', 'we then opened', "can't reproduce", 'unable to repro', 'as expected', 'works fine', 'i have tried', 'users can', 'you will', 'please add', 'can it be', 'i hope it', 'it would be nice', 'needs to'];
  const pool = [...words, ...nearMisses, ...phrases, ...phrases, ...phrases, 'http://x.y', 'www.a.b', 'i', "i'd", "it's", 'e.g.', 'win7', 'ie 8', 'right-click', 'log in', 'can`t', '64-bit', 'débería', 'debería', '7', '8', '64', 'bit', 'x', 'nt', "n't", 'ing'];
  const glue = [' ', ' ', ' ', ' ', ' ', '  ', '', '', '', '-', '->', ' > ', '»', "'", '.', ',', ':', '/', '_', '(', '\t', 'é', '→', '1', '"'];
  return Array.from({ length: n }, () => {
    let s = '';
    for (let k = 1 + rnd(8); k > 0; k--) s += pool[rnd(pool.length)]! + glue[rnd(glue.length)]!;
    return s;
  });
}

describe('word gate', () => {
  test('gates the expensive word cues (a regex of an unsupported shape would silently run every time)', () => {
    expect(GATED).toEqual(expect.arrayContaining([cueRegexes.EXPECTED, cueRegexes.ACTUAL, cueRegexes.ENVIRONMENT]));
    expect(GATED.length).toBe(21);
  });

  test('never rules out a line a gated regex matches (fuzzed lines)', () => {
    const lines = fuzzLines(50_000);
    for (const re of GATED) {
      let matched = 0;
      for (const s of lines) {
        if (!re.test(s)) continue;
        matched++;
        if (!gate.mayMatch(re, gate.candidates(s))) throw new Error(`${re.source.slice(0, 40)} ruled out ${JSON.stringify(s)}`);
      }
      expect([re.source.slice(0, 40), matched >= 20]).toEqual([re.source.slice(0, 40), true]);
    }
  });

  test('rules out lines without the words, and tells whole words from prefixes', () => {
    const { ACTUAL } = cueRegexes;
    expect(gate.mayMatch(ACTUAL, gate.candidates('open the settings page'))).toBe(false);
    expect(gate.mayMatch(ACTUAL, gate.candidates('it crashes'))).toBe(true);
    expect(gate.mayMatch(ACTUAL, gate.candidates('doesnt'))).toBe(true); // "doesn[' ]?t": a prefix, not a whole word
    const FIRST = /\b(?:i|we)\s/;
    const g = new WordGate([FIRST]);
    expect(g.mayMatch(FIRST, g.candidates('it is'))).toBe(false);
    expect(g.mayMatch(FIRST, g.candidates('so i do'))).toBe(true);
  });

  test('reads the word prefixes of supported shapes and refuses the others', () => {
    const words = (re: RegExp) => wordPrefixesOf(re)?.map((p) => `${p.prefix}${p.whole ? '$' : ''}`);
    expect(words(/\b(?:i|we)\s(?:x)/)).toEqual(['i$', 'we$']);
    expect(words(/\b(?:works?|doesn[' ]?t|e\.g\.)\b|\bnot (?:a|b)/)).toEqual(['work', 'doesn', 'e$', 'not$']);
    expect(words(/\b(?:(?:right|double)[- ]?)?(?:click|tap)s?\b/)).toEqual(['click', 'tap', 'right', 'double']);
    expect(words(/\b(?:win ?7|x)y/)).toEqual(['win', 'xy']);
    expect(words(/\bfoo(?:x)*/)).toEqual(['foo']);
    for (const re of [/^foo/, /\bfoo/i, /\b[a-z]+ing/, /\b(?:a|b)+c/, /(?:^|\s)the/, /\bfoo|bar/, /\b\d+ times/, /\ba?b/, /\b(?:x)*y/])
      expect([re, wordPrefixesOf(re)]).toEqual([re, null]);
  });

  test('cuesOf gives the same cues as the plain regexes', () => {
    // (no typographic apostrophes here: cuesOf reads those as ASCII ones before testing)
    const lines = [...fuzzLines(3_000), "i can't reproduce it, e.g. when i click ok", 'works fine in firefox 3.6 -> menu', 'an error'].filter((s) => !s.includes('`'));
    lines.push('a->b', 'x => y', 'file » save', 'a>>b', 'ab > cd', 'ab >cd', 'settings → privacy', '->', 'a -> ', '<b>');
    // frequency / build: without a digit only their word branches are tried
    lines.push('always', 'happens 1 in 5', '3 out of 4 times', '50% of the time', 'every time', 'rc', 'the rc build', 'nightly', 'build 42', 'version: v3', 'i20240101-1800', 'release 2', 'source code', 'snapshots', '100%');
    const { ACTUAL, EXPECTED, ENVIRONMENT, MENU_PATH, FREQUENCY, BUILD } = cueRegexes;
    for (const s of lines) {
      const c = cuesOf(s);
      expect([s, c.actual, c.expected, c.environment, c.menuPath, c.frequency, c.build]).toEqual([
        s, ACTUAL.test(s), EXPECTED.test(s), ENVIRONMENT.test(s), MENU_PATH.test(s), FREQUENCY.test(s), BUILD.test(s),
      ]);
    }
  });
});
