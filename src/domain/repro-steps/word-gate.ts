/**
 * A cheap necessary condition for many word regexes at once, so a line skips the regexes that cannot match it.
 *
 * A regex whose every top-level branch opens with `\b` and a literal word ("\b(?:error|crash…)", "\bnot (…)") can
 * only match where a word of the line (a maximal run of \w characters) starts with one of those literals. One pass
 * over the line keys each word by its first three characters (case folded, padded with an end mark) and ORs the
 * bits of the regexes that registered that key. A regex whose bit is missing cannot match; one that is not of that
 * shape is never gated. Keys only ever admit too much (wildcards, case folding), never too little, so
 * `mayMatch(re, candidates(s)) || !re.test(s)` holds for every s.
 */

/** Symbols of a key: 0 = end of word, 1..37 = 0-9, a-z (A-Z folded), _. */
const SYMBOLS = 38;
const END = 0;

function symbolOf(code: number): number {
  if (code >= 48 && code <= 57) return code - 47; // 0-9 → 1..10
  if (code >= 97 && code <= 122) return code - 86; // a-z → 11..36
  if (code >= 65 && code <= 90) return code - 54; // A-Z → 11..36
  if (code === 95) return 37; // _
  return END;
}

const keyOf = (a: number, b: number, c: number): number => (a * SYMBOLS + b) * SYMBOLS + c;

/** The top-level alternatives of a pattern (a `|` outside groups and classes). */
function branchesOf(source: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let inClass = false;
  let start = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      out.push(source.slice(start, i));
      start = i + 1;
    }
  }
  out.push(source.slice(start));
  return out;
}

/** Index of the `)` closing the group that opens at `open`, or -1. */
function closingParen(source: string, open: number): number {
  let depth = 0;
  let inClass = false;
  for (let i = open; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return -1;
}

const isQuantifier = (c: string | undefined): boolean => c === '?' || c === '*' || c === '+' || c === '{';
const SPECIAL = new Set([...'\\^$.|?*+()[]{}']);

/** A word the matches start with: `whole` when the match's word is exactly it ("i" in "(?:i|we)\s", not in "it"). */
type WordPrefix = { prefix: string; whole: boolean };

/** True when what follows a literal surely is no word character: a space or other plain punctuation, \s, \b, \., …. */
function endsWord(rest: string): boolean {
  if (rest === '') return false; // what follows the whole pattern is unknown
  const c = rest[0]!;
  if (c === '\\') {
    const e = rest[1];
    const nonWord = e === 's' || e === 'b' || e === 'W' || (e !== undefined && symbolOf(e.charCodeAt(0)) === END);
    return nonWord && !isQuantifier(rest[2]);
  }
  return symbolOf(c.charCodeAt(0)) === END && !SPECIAL.has(c) && !isQuantifier(rest[1]);
}

/**
 * Adds the word each match of a sequence (no top-level `|`) starts with: its leading literal word characters
 * ("doesn[' ]?t" → "doesn", "works?" → "work"), or those of each alternative of a leading group ("(?:i|we) x" →
 * "i x", "we x"; an optional group adds what follows it too). False when it opens with anything else (a class, an
 * escape, a repeated group).
 */
function addPrefixes(sequence: string, prefixes: WordPrefix[]): boolean {
  if (sequence.startsWith('(?:')) {
    const close = closingParen(sequence, 0);
    if (close < 0) return false;
    // An optional group ("(?:right|double)?click") may also be skipped: then the match starts with what follows it.
    const optional = sequence[close + 1] === '?';
    if (!optional && isQuantifier(sequence[close + 1])) return false;
    const after = sequence.slice(close + (optional ? 2 : 1));
    if (optional && !addPrefixes(after, prefixes)) return false;
    return branchesOf(sequence.slice(3, close)).every((alternative) => addPrefixes(alternative + after, prefixes));
  }
  let i = 0;
  while (i < sequence.length && symbolOf(sequence.charCodeAt(i)) !== END) i++;
  // A quantified last character ("works?", "a+") may be absent or repeated: the word surely holds only those before it.
  if (isQuantifier(sequence[i])) {
    if (i <= 1) return false;
    prefixes.push({ prefix: sequence.slice(0, i - 1), whole: false });
    return true;
  }
  if (i === 0) return false;
  prefixes.push({ prefix: sequence.slice(0, i), whole: endsWord(sequence.slice(i)) });
  return true;
}

/** The words every match of the pattern starts with (each branch opens with \b), or null when the shape is not supported. */
export function wordPrefixesOf(re: RegExp): WordPrefix[] | null {
  if (re.flags !== '') return null;
  const prefixes: WordPrefix[] = [];
  for (const branch of branchesOf(re.source)) {
    if (!branch.startsWith('\\b') || !addPrefixes(branch.slice(2), prefixes)) return null;
  }
  return prefixes;
}

export class WordGate {
  /** Per key, the bits of the registered regexes a word with that key may start a match of. */
  private readonly table = new Uint32Array(SYMBOLS * SYMBOLS * SYMBOLS);
  private readonly bits = new Map<RegExp, number>();

  /** At most 32 regexes; those of an unsupported shape are kept but never gated. */
  constructor(regexes: readonly RegExp[]) {
    if (regexes.length > 32) throw new Error('WordGate: at most 32 regexes');
    regexes.forEach((re, n) => {
      const prefixes = wordPrefixesOf(re);
      if (!prefixes) return;
      const bit = 1 << n;
      this.bits.set(re, bit);
      for (const p of prefixes) this.register(p, bit);
    });
  }

  /** Every key a word starting with `prefix` can have: a prefix shorter than 3 leaves wildcards, a whole word end marks. */
  private register({ prefix, whole }: WordPrefix, bit: number): void {
    const fixed = [...prefix.slice(0, 3)].map((ch) => symbolOf(ch.charCodeAt(0)));
    const any = Array.from({ length: SYMBOLS }, (_, sym) => sym);
    const choices = (k: number): number[] => (k < fixed.length ? [fixed[k]!] : whole ? [END] : any);
    for (const a of choices(0)) for (const b of choices(1)) for (const c of choices(2)) this.table[keyOf(a, b, c)]! |= bit;
  }

  /** The bits of the registered regexes that may match s. */
  candidates(s: string): number {
    let bits = 0;
    let inWord = false;
    for (let i = 0; i < s.length; i++) {
      const a = symbolOf(s.charCodeAt(i));
      if (a === END) inWord = false;
      else if (!inWord) {
        inWord = true;
        const b = i + 1 < s.length ? symbolOf(s.charCodeAt(i + 1)) : END;
        const c = b !== END && i + 2 < s.length ? symbolOf(s.charCodeAt(i + 2)) : END;
        bits |= this.table[keyOf(a, b, c)]!;
      }
    }
    return bits;
  }

  /** The registered regexes the gate can rule out (the others are always run). */
  gated(): RegExp[] {
    return [...this.bits.keys()];
  }

  /** False only when `re` certainly does not match the line whose candidates these are. */
  mayMatch(re: RegExp, candidates: number): boolean {
    const bit = this.bits.get(re);
    return bit === undefined || (candidates & bit) !== 0;
  }
}
