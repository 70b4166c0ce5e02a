/**
 * The sparse feature vector the learned model (learned-model.ts) reads for one report. Pure and linear in the text:
 *
 *   f:<cue>      the engineered cue features of model.ts (FEATURES), scaled to about 0..1
 *   lab:<part>   a labelled section with content ("Steps to reproduce:", "Expected:", "Actual:")
 *   meta:<x>     build / environment / frequency / attachment mentioned, inferred step lines
 *   w:<word>     an English word occurs (binary)
 *   b:<w1 w2>    two consecutive words of a sentence occur (binary)
 *   s:<word>     a sentence starts with this word (binary; "open", "click", "when", …)
 *   sent:<x>     sentence-level shares: step-like, expected-like and observed-like sentences among all
 *
 * Only the first MAX_TOKEN_CHARS characters are tokenised, so a 1 MB log costs no more than a long report.
 * Which words count is decided by the vocabulary of the trained model (words seen in reports of at least three
 * of the four public trackers); a word outside it simply carries no weight.
 */
import { sentenceCues, sentenceKey, type SentenceCues } from './cues';
import { FEATURES, type Features } from './model';
import type { ReproParts } from './types';

export const MAX_TOKEN_CHARS = 20_000;
/** Sentences read for words (each sentence at most SENTENCE_CHARS characters). */
export const MAX_SENTENCES = 400;
const SENTENCE_CHARS = 400;

export type SparseFeatures = Map<string, number>;

export type FeatureSource = {
  features: Features;
  labelled: { steps: boolean; expected: boolean; actual: boolean };
  parts: ReproParts;
  /** Step lines inferred from the prose (before any decision). */
  inferredSteps: number;
  /** Sentence cues already computed for prose lines (by sentenceKey); a sentence not in it is checked afresh. */
  knownSentences?: ReadonlyMap<string, SentenceCues>;
};

/**
 * Words are /[a-z]+(?:'[a-z]+)?/ ("doesn't", not "rock'n'roll" whole), scanned by hand: no match object per
 * token, which is most of the cost of tokenising.
 */
const isLetter = (code: number): boolean => code >= 97 && code <= 122;
function nextWordStart(s: string, from: number): number {
  let i = from;
  while (i < s.length && !isLetter(s.charCodeAt(i))) i++;
  return i;
}
function wordEnd(s: string, start: number): number {
  let i = start;
  while (i < s.length && isLetter(s.charCodeAt(i))) i++;
  if (s.charCodeAt(i) === 39 && isLetter(s.charCodeAt(i + 1))) {
    i++;
    while (i < s.length && isLetter(s.charCodeAt(i))) i++;
  }
  return i;
}
const SENTENCE_END = /[.!?;]\s+|\n/g;

/** Cuts text into sentences: one per line, and lines at ". ", "! ", "? ", "; ". Bounded by MAX_SENTENCES. */
export function sentencesOf(text: string): string[] {
  const body = text.length > MAX_TOKEN_CHARS ? text.slice(0, MAX_TOKEN_CHARS) : text;
  const out: string[] = [];
  const re = new RegExp(SENTENCE_END.source, 'g');
  let start = 0;
  while (start < body.length && out.length < MAX_SENTENCES) {
    re.lastIndex = start;
    const m = re.exec(body);
    const end = m ? m.index : body.length;
    const s = body.slice(start, Math.min(end, start + SENTENCE_CHARS * 2)).trim();
    if (s !== '') out.push(s.length > SENTENCE_CHARS ? s.slice(0, SENTENCE_CHARS) : s);
    start = m ? end + m[0].length : body.length;
  }
  return out;
}

function scale(name: string, v: number): number {
  return name === 'lines' ? v / 7 : v / 4;
}

/**
 * The token features a model can weigh, indexed by word: a token outside it adds nothing to any score, so the
 * analyser skips building (and storing) its key. Each entry holds the feature keys ready-made ("w:open", "s:open",
 * and per next word "b:open the"), so tokenising costs one lookup per word and allocates no key string.
 * Training passes none and gets every token.
 */
export type TokenVocabulary = Map<string, TokenKeys>;
export type TokenKeys = { word?: string; start?: string; bigrams?: Map<string, string> };

export function tokenVocabularyOf(featureNames: Iterable<string>): TokenVocabulary {
  const v: TokenVocabulary = new Map();
  const keysOf = (w: string): TokenKeys => {
    let k = v.get(w);
    if (!k) v.set(w, (k = { word: undefined, start: undefined, bigrams: undefined }));
    return k;
  };
  for (const k of featureNames) {
    if (k.startsWith('w:')) keysOf(k.slice(2)).word = k;
    else if (k.startsWith('s:')) keysOf(k.slice(2)).start = k;
    else if (k.startsWith('b:')) {
      // Words hold no space, so "b:<first> <second>" splits at its only space (a key without one never matches).
      const space = k.indexOf(' ');
      if (space < 0) continue;
      const first = keysOf(k.slice(2, space));
      (first.bigrams ??= new Map()).set(k.slice(space + 1), k);
    }
  }
  return v;
}

/** Every token counts (training): the keys of a word, built on the fly. */
function openKeys(w: string): TokenKeys {
  return { word: `w:${w}`, start: `s:${w}`, bigrams: undefined };
}

export function reportFeatures(text: string, src: FeatureSource, vocabulary?: TokenVocabulary): SparseFeatures {
  const out: SparseFeatures = new Map();
  for (const k of FEATURES) {
    const v = src.features[k];
    if (v !== 0) out.set(`f:${k}`, scale(k, v));
  }
  if (src.labelled.steps) out.set('lab:steps', 1);
  if (src.labelled.expected) out.set('lab:expected', 1);
  if (src.labelled.actual) out.set('lab:actual', 1);
  if (src.parts.build) out.set('meta:build', 1);
  if (src.parts.environment) out.set('meta:environment', 1);
  if (src.parts.frequency) out.set('meta:frequency', 1);
  if (src.parts.attachmentsMentioned) out.set('meta:attachment', 1);
  if (src.inferredSteps > 0) out.set('meta:inferredSteps', Math.min(Math.log2(1 + src.inferredSteps), 4) / 4);

  const sentences = sentencesOf(text);
  let stepLike = 0;
  let expectedLike = 0;
  let observedLike = 0;
  for (const raw of sentences) {
    const s = sentenceKey(raw.toLowerCase());
    const c = src.knownSentences?.get(s) ?? sentenceCues(s);
    if (c.stepLike) stepLike++;
    if (c.expected) expectedLike++;
    if (c.observed) observedLike++;
    addTokens(s, vocabulary, out);
  }
  const n = sentences.length;
  if (n > 0) {
    out.set('sent:count', Math.min(Math.log2(1 + n), 8) / 8);
    out.set('sent:stepShare', stepLike / n);
    out.set('sent:expectedShare', expectedLike / n);
    out.set('sent:observedShare', observedLike / n);
    out.set('sent:steps', Math.min(stepLike, 4) / 4);
    out.set('sent:expected', Math.min(expectedLike, 4) / 4);
    out.set('sent:observed', Math.min(observedLike, 4) / 4);
  }
  return out;
}

/** The word, sentence-start and bigram features of one lower-cased sentence, in reading order. */
function addTokens(s: string, vocabulary: TokenVocabulary | undefined, out: SparseFeatures): void {
  let prev: string | undefined;
  let prevKeys: TokenKeys | undefined;
  for (let i = nextWordStart(s, 0); i < s.length; i = nextWordStart(s, i)) {
    const end = wordEnd(s, i);
    const w = s.slice(i, end);
    const keys = vocabulary ? vocabulary.get(w) : openKeys(w);
    if (prev === undefined && keys?.start) out.set(keys.start, 1);
    if (keys?.word) out.set(keys.word, 1);
    if (prev !== undefined) {
      const bigram = vocabulary ? prevKeys?.bigrams?.get(w) : `b:${prev} ${w}`;
      if (bigram) out.set(bigram, 1);
    }
    prev = w;
    prevKeys = keys;
    i = end;
  }
}
