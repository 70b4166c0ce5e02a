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
 * The token features a model can weigh, split for cheap tests while tokenising: a token outside it adds nothing to
 * any score, so the analyser skips building (and storing) its key. Training passes none and gets every token.
 */
export type TokenVocabulary = { words: Set<string>; starts: Set<string>; bigramFirst: Set<string>; bigrams: Set<string> };

export function tokenVocabularyOf(featureNames: Iterable<string>): TokenVocabulary {
  const v: TokenVocabulary = { words: new Set(), starts: new Set(), bigramFirst: new Set(), bigrams: new Set() };
  for (const k of featureNames) {
    if (k.startsWith('w:')) v.words.add(k.slice(2));
    else if (k.startsWith('s:')) v.starts.add(k.slice(2));
    else if (k.startsWith('b:')) {
      v.bigrams.add(k);
      v.bigramFirst.add(k.slice(2, k.indexOf(' ')));
    }
  }
  return v;
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
    let prev: string | undefined;
    let first = true;
    for (let i = nextWordStart(s, 0); i < s.length; i = nextWordStart(s, i)) {
      const end = wordEnd(s, i);
      const w = s.slice(i, end);
      i = end;
      if (first) {
        if (!vocabulary || vocabulary.starts.has(w)) out.set(`s:${w}`, 1);
        first = false;
      }
      if (!vocabulary || vocabulary.words.has(w)) out.set(`w:${w}`, 1);
      if (prev !== undefined && (!vocabulary || vocabulary.bigramFirst.has(prev))) {
        const bigram = `b:${prev} ${w}`;
        if (!vocabulary || vocabulary.bigrams.has(bigram)) out.set(bigram, 1);
      }
      prev = w;
    }
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
