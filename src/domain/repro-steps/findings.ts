/**
 * What a writer should fix, one finding per problem, each with a one-line hint of what to write.
 */
import { cueRegexes } from './cues';
import type { Finding, FindingCode, FindingSeverity, ReproParts } from './types';

const TEXT: Record<FindingCode, { severity: FindingSeverity; message: string; hint: string }> = {
  EMPTY: {
    severity: 'error',
    message: 'The bug has no description and no reproduction steps.',
    hint: 'Write the numbered steps, then "Expected:" and "Actual:" lines.',
  },
  MISSING_STEPS: {
    severity: 'error',
    message: 'No steps to reproduce were found.',
    hint: 'Add numbered steps starting with a verb: "1. Open … 2. Click … 3. …".',
  },
  MISSING_EXPECTED: {
    severity: 'error',
    message: 'The expected result is missing.',
    hint: 'Add "Expected: <what should happen after the last step>".',
  },
  MISSING_ACTUAL: {
    severity: 'error',
    message: 'The actual (observed) result is missing.',
    hint: 'Add "Actual: <what happens instead, with the exact error text>".',
  },
  VAGUE_STEPS: {
    severity: 'warning',
    message: 'Some steps are too vague to follow.',
    hint: 'Replace "it doesn\'t work" / "see title" with the exact action: which screen, which button, which input.',
  },
  SINGLE_STEP: {
    severity: 'warning',
    message: 'There is a single step that restates the bug.',
    hint: 'Break it into the actions that lead to the problem, one per step, from a fresh start.',
  },
  EXPECTED_EQUALS_ACTUAL: {
    severity: 'error',
    message: 'Expected and actual results say the same thing.',
    hint: 'Expected is what should happen; Actual is what you saw instead. Make them differ.',
  },
  NO_BUILD: {
    severity: 'warning',
    message: 'No build or version is given.',
    hint: 'Add "Build: <app version or build number where you saw it>".',
  },
  NO_ENVIRONMENT: {
    severity: 'info',
    message: 'No environment (OS, browser, device) is given.',
    hint: 'Add "Environment: <OS / browser / device and versions>".',
  },
  TRUNCATED: {
    severity: 'info',
    message: 'The description is very long; only its beginning was analysed.',
    hint: 'Move logs into an attachment and keep the description to steps and results.',
  },
};

export function finding(code: FindingCode): Finding {
  const t = TEXT[code];
  return { code, severity: t.severity, message: t.message, hint: t.hint };
}

/** Steps that give a reader nothing to do. Tested on at most 200 characters of a step. */
const VAGUE =
  /^(?:it |this |that |the (?:app|page|feature|button|system) )?(?:does ?n[o']?t work|do(?:es)? not work|is(?:n't| not) working|not working|fails?|is broken|broken|crashes|won'?t work)\b|^(?:see|as (?:per|in)|refer to|check) (?:the )?(?:title|summary|subject|above|below|description|ticket|attachment|screenshot|video)\b|^(?:same as|as) (?:above|title|before)\b|^(?:n\/?a|tbd|todo|none|unknown|\?+|-+|\.+)$|^(?:just )?(?:use|try|test) (?:it|the app|the feature)\.?$|^(?:unsure|not sure|no idea|don'?t know)\b|^reproduce (?:it|the bug|the issue)\.?$/;

export function isVagueStep(step: string): boolean {
  const s = step.trim().toLowerCase().slice(0, 200);
  return s.length < 4 || VAGUE.test(s);
}

/**
 * An expected or actual result that states nothing: no letter or digit ("-", "?", "…"), a pointer elsewhere ("see
 * title", "same as summary"), a to-do ("n/a", "tbd") or a key mash ("xxx", "asdf"). Tested on at most 200 characters.
 */
const PLACEHOLDER_RESULT =
  /^(?:n\/?a|tbd|todo|tba|none|unknown|same|idem|ditto|bug|test|asdf\w*|qwerty|(?:see|as (?:per|in)|refer to|check) (?:the )?(?:title|summary|subject|above|below|description|ticket|attachment|screenshot|video|log)s?|(?:same as|as) (?:above|before|(?:the )?(?:title|summary|description))|(?:same|as) above)$/;
const REPEATED_CHAR = /^([a-z])\1*$/;

export function isPlaceholderResult(result: string): boolean {
  const s = result.trim().toLowerCase().slice(0, 200).replace(/[.!?:;,]+$/, '').trim();
  return !/[\p{L}\p{N}]/u.test(s) || REPEATED_CHAR.test(s) || PLACEHOLDER_RESULT.test(s);
}

const WORD = /[\p{L}\p{N}]+/gu;
function words(s: string): Set<string> {
  const out = new Set<string>();
  for (const m of s.toLowerCase().slice(0, 2000).matchAll(WORD)) if (m[0].length > 2) out.add(m[0]);
  return out;
}
function overlap(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let common = 0;
  for (const w of a) if (b.has(w)) common++;
  return common / Math.min(a.size, b.size);
}

/**
 * What a result says in words: without URLs, HTML tags and image markup (two different screenshots share "img", "src",
 * "png", "https" and their host, which says nothing about whether the results differ). Bounded regexes, linear.
 */
const NOT_WORDS = /https?:\/\/\S{1,2000}|<[^<>]{0,2000}>|!\[[^\]]{0,500}\]\([^)]{0,2000}\)|![^!\s]{1,500}\.(?:png|jpe?g|gif|webp|svg)(?:\|[^!]{0,200})?!/gi;
const spokenPart = (s: string): string => s.slice(0, 4000).replace(NOT_WORDS, ' ');
const NUMBER = /\d+(?:[.,]\d+)*/g;
/** The numbers a result states, in order ("VAT 19%, total 119.00" → "19 119.00"). */
const numbersOf = (s: string): string => (s.slice(0, 2000).match(NUMBER) ?? []).join(' ');

/** A result stated in the negative: "isn't applied", "does not load", "no receipt", "never arrives", "fails". */
const NEGATION = /\b(?:not|no|never|cannot|nothing|none|nobody|without|fails?|failed|unable)\b|n['\u2019]t\b/i;

/**
 * Same words (order, case and punctuation aside), or one contained in the other almost entirely. Results that are
 * only links or screenshots are not compared (nothing says they are the same).
 */
export function sameMeaning(expected: string, actual: string): boolean {
  const a = spokenPart(expected);
  const b = spokenPart(actual);
  const na = a.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  const nb = b.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  if (na === '' || nb === '') return false;
  if (na === nb) return true;
  // "The discount is applied" / "The discount isn't applied": the same words, opposite results.
  if (NEGATION.test(a.slice(0, 2000)) !== NEGATION.test(b.slice(0, 2000))) return false;
  // "Report lists 12 items" / "Report lists 0 items": the numbers are the result.
  if (numbersOf(a) !== numbersOf(b)) return false;
  const wa = words(a);
  const wb = words(b);
  return Math.min(wa.size, wb.size) >= 2 && overlap(wa, wb) >= 0.9 && Math.abs(wa.size - wb.size) <= 1;
}

export type FindingInput = {
  parts: ReproParts;
  has: { steps: boolean; expected: boolean; actual: boolean; environment: boolean };
  summary?: string;
  empty: boolean;
  truncated: boolean;
};

export function findingsFor(input: FindingInput): Finding[] {
  const { parts, has } = input;
  if (input.empty) return [finding('EMPTY')];
  const out: Finding[] = [];
  if (!has.steps) out.push(finding('MISSING_STEPS'));
  if (!has.expected) out.push(finding('MISSING_EXPECTED'));
  if (!has.actual) out.push(finding('MISSING_ACTUAL'));
  if (has.steps) {
    if (parts.steps.some(isVagueStep) || tooFewWords(parts.steps)) out.push(finding('VAGUE_STEPS'));
    else if (parts.steps.length === 1 && restatesBug(parts.steps[0]!, input.summary)) out.push(finding('SINGLE_STEP'));
  }
  if (has.expected && has.actual && parts.expected && parts.actual && sameMeaning(parts.expected, parts.actual))
    out.push(finding('EXPECTED_EQUALS_ACTUAL'));
  if (!parts.build) out.push(finding('NO_BUILD'));
  if (!parts.environment) out.push(finding('NO_ENVIRONMENT'));
  if (input.truncated) out.push(finding('TRUNCATED'));
  return out;
}

/** Fewer words than it takes to say where to go and what to do ("Open app", "Click"; "login", "try"). */
const MIN_STEP_WORDS = 4;
function tooFewWords(steps: readonly string[]): boolean {
  let n = 0;
  for (const s of steps) n += (s.slice(0, 400).match(/[\p{L}\p{N}][\p{L}\p{N}'’._/-]*/gu) ?? []).length;
  return n < MIN_STEP_WORDS;
}

/** A lone step that describes the failure ("Firefox crashes when printing") or repeats the summary. */
function restatesBug(step: string, summary?: string): boolean {
  const s = step.toLowerCase().slice(0, 400);
  if (cueRegexes.ACTUAL.test(s)) return true;
  return summary !== undefined && overlap(words(step), words(summary)) >= 0.7;
}
