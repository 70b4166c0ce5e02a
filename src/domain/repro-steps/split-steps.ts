/**
 * "Paste free text, get steps": turns pasted prose or a pasted template into the structured field value.
 * Labelled parts ("Expected: …") go to their fields; list items become steps; otherwise each line, and
 * inside a single run-on line each sentence or "then" clause, becomes a step.
 */
import { capitalise, cuesOf, isActionClause, opensWithException, runOnSteps, splitResultSentence, stepListMarker, stripListMarker, withoutActor, type LineCues } from './cues';
import { extractParts, inlineListItems, MAX_PART, MAX_STEPS, stepsFromLines, withErrorText } from './extract-parts';
import { matchLabel } from './labels';
import { lineOf, parseSections, SENTENCE_BREAK } from './parse-sections';
import type { ReproStepsFieldValue } from './types';

const isStatedExpectation = (c: LineCues): boolean => c.expected && !c.asExpected && !c.imperative;

/** Sentence ends and "then" joints; flat alternation, linear. */
const CLAUSE_BREAK = /(?<=[.!?;])\s+|,?\s+(?:and then|then|after that|afterwards)\s+/i;

/** A fence line of a code block (markdown or Jira wiki). */
const FENCE = /^\s*(?:```|\{code|\{noformat)/;
const OPEN_END = /[\p{L}\p{N},)]$/u;

/**
 * Pasted mail and chat text is hard-wrapped: "… click Download⏎invoice for the latest order, …". A line that opens in
 * lower case (no list marker, no label) continues the sentence of a prose line left open (no closing punctuation, not a list
 * item), outside code blocks. Only for the paste: the description reader keeps its lines (read that way, the dev set's
 * held-out F1 drops, because its trackers' hard-wrapped lines carry cues line by line). Linear, lines capped in length.
 */
export function unwrapHardWraps(text: string): string {
  const out: string[] = [];
  let inFence = false;
  let open = false;
  for (const line of text.split(/\r\n|\r|\n/)) {
    if (FENCE.test(line)) {
      inFence = !inFence;
      out.push(line);
      open = false;
      continue;
    }
    const trimmed = line.trim();
    const c = trimmed.charCodeAt(0);
    if (!inFence && open && c >= 97 && c <= 122 && stepListMarker(trimmed) === null && matchLabel(trimmed) === null && out[out.length - 1]!.length + trimmed.length < MAX_PART) {
      out[out.length - 1] += ` ${trimmed}`;
    } else out.push(line);
    const last = out[out.length - 1]!.trim();
    open = !inFence && last !== '' && stepListMarker(last) === null && OPEN_END.test(last);
  }
  return out.join('\n');
}

export function splitIntoSteps(freeText: string): ReproStepsFieldValue {
  const text = unwrapHardWraps(typeof freeText === 'string' ? freeText : '');
  const extracted = extractParts(text);
  const labelled = extracted.labelled;
  const { parts } = extracted;
  const out: ReproStepsFieldValue = { steps: [] };

  if (labelled.steps) {
    out.steps = parts.steps.slice(0, MAX_STEPS);
  } else {
    // Unlabelled: take every prose line, minus the lines that state expected/actual/environment.
    const { sections } = parseSections(text);
    // "1) open cart 2) add item" on one line counts as its items.
    const lines = sections
      .filter((s) => s.kind === 'intro' || s.kind === 'body')
      .flatMap((s) => s.lines)
      .flatMap((l) => inlineListItems(l.text)?.map((item) => lineOf(item, false)) ?? [l]);
    // List items, and the code blocks and indented lines under them (stepsFromLines joins those to the step above: a
    // hard-wrapped item, an indented remark); a code line that looks like an item ("- web" in YAML) is code, not an item.
    let items = 0;
    const listed = lines.filter((l) => {
      if (!l.code && stepListMarker(l.text) !== null) return ++items > 0;
      return items > 0 && (l.code || l.indent >= 2);
    });
    let steps: string[];
    if (items >= 2) {
      steps = stepsFromLines(listed);
    } else {
      // With a trace in the paste, its code lines ("title.strip()") are part of it too.
      const withTrace = extracted.features.trace > 0;
      // Each non-empty line's cues, read once for the three choices below.
      const read = lines.filter((l) => l.text !== '').map((line) => ({ line, c: cuesOf(line.lower) }));
      const expectedLines = read.filter(({ line, c }) => !line.code && isStatedExpectation(c)).map(({ line }) => line);
      const stepLines = read
        .filter(({ line: l, c }) => {
          if (runOnSentence(l.text)) return true;
          // A pasted stack trace or code is the result's evidence, not a step.
          if (l.code || c.trace || opensWithException(l.lower) || (withTrace && c.literal)) return false;
          // A stated result is left to its part, unless the line also walks through an action ("When I save, it crashes").
          // A paragraph of several sentences is kept whole: splitProse sorts its sentences.
          if (SENTENCE_BREAK.test(l.text)) return true;
          return !isStatedExpectation(c) && !(labelled.actual && c.actual && !c.imperative && !c.conditional);
        })
        .map(({ line }) => line);
      // Nothing pasted is lost: with no step-like line, the remaining lines ("Clicking Pay fails.") are the steps, and the
      // check then says that a single step restates the bug.
      const candidates = stepLines.length > 0 ? stepLines : read.filter(({ line, c }) => !line.code && !isStatedExpectation(c)).map(({ line }) => line);
      const raw = stepsFromLines(candidates);
      // Run-on prose (a single paragraph, or a "When I … and …, X fails" sentence): its actions become steps, its
      // failure clause the actual result, its "should …" sentence the expected result (over extractParts' guesses).
      steps = [];
      const actual: string[] = [];
      const expected: string[] = [];
      const split = new Set<string>();
      for (const step of raw) {
        if (raw.length > 1 && !runOnSentence(step)) {
          steps.push(step);
          continue;
        }
        split.add(step);
        const prose = splitProse(step);
        steps.push(...prose.steps);
        // A failure sentence the labelled Actual already covers is kept as the step it was written as, not dropped.
        if (prose.actual && labelled.actual && prose.steps.length === 0) steps.push(step);
        else if (prose.actual) actual.push(prose.actual);
        if (prose.expected) expected.push(prose.expected);
      }
      if (!labelled.actual && actual.length > 0) {
        // "The app crashes with:" keeps the error text the analysis found under it.
        const pasted = actual.join('; ');
        parts.actual = parts.actual?.startsWith(pasted) ? parts.actual : withErrorText(pasted, parts.actual);
      }
      if (!labelled.expected) {
        // extractParts' guesses are whole sentences; those of a line split here were read above.
        const kept = (parts.expected ?? '').split('\n').filter((e) => e !== '' && ![...split].some((s) => s.includes(e)));
        // A pasted "It should save the draft." line is the expected result even where the analysis would not count it.
        const stated = parts.expected === undefined ? expectedLines.map((l) => l.text) : [];
        const all = [...new Set([...expected, ...kept, ...stated])];
        if (all.length > 0) parts.expected = all.join('\n');
        else delete parts.expected;
      }
    }
    out.steps = steps.slice(0, MAX_STEPS);
  }
  for (const key of ['preconditions', 'environment', 'build', 'frequency'] as const) {
    const v = parts[key];
    if (v) out[key] = v.slice(0, MAX_PART);
  }
  // Expected/actual: a labelled one always; an inferred sentence only when it did not become a step.
  for (const key of ['expected', 'actual'] as const) {
    const v = parts[key];
    if (v && (labelled[key] || !out.steps.includes(v))) out[key] = v.slice(0, MAX_PART);
  }
  return out;
}

/** Action clauses of a sentence: "Open settings and click Save, then" / "I opened settings, clicked Save and". */
const ACTION_JOINT = /\s*,\s*(?:and\s+)?(?:then\s+)?|\s+and\s+then\s+|\s+and\s+|\s+then\s+|\s+after that\s+/i;

/** The first "When I … and …, X fails" sentence of a line (at most 3 sentences read). */
function runOnSentence(line: string): ReturnType<typeof runOnSteps> {
  for (const sentence of line.split(/(?<=[.!?])\s+/, 3)) {
    const r = runOnSteps(sentence);
    if (r) return r;
  }
  return null;
}

const bare = (s: string): string => s.trim().replace(/^(?:and then|and|so|then)\s+/i, '').replace(/[.!;]+$/, '').trim();

/**
 * Splits one run-on paragraph: each sentence is a "When I … and …, X fails" chain, a "should …" expectation, a
 * chain of action clauses ending in a failure ("Open settings and click Save, then the app crashes"), or else its
 * "then" clauses are steps as written.
 */
function splitProse(line: string): { steps: string[]; actual?: string; expected?: string } {
  const steps: string[] = [];
  const actual: string[] = [];
  const expected: string[] = [];
  for (const sentence of line.split(/(?<=[.!?])\s+/).slice(0, MAX_STEPS)) {
    const lower = sentence.toLowerCase();
    const c = cuesOf(lower);
    const runOn = runOnSteps(sentence);
    if (runOn) {
      steps.push(...runOn.actions);
      actual.push(runOn.failure);
    } else if (c.expected && !c.asExpected && !c.imperative) {
      const both = c.actual ? splitResultSentence(sentence.trim()) : null;
      if (both) actual.push(both.actual);
      expected.push(both?.expected ?? sentence.trim());
    } else if ((c.build || c.environment || c.frequency) && !c.imperative && !c.actual) {
      // "Version 4.3 on Chrome.": already in its own field.
    } else {
      const clauses = sentence.split(ACTION_JOINT).map(bare).filter((p) => p !== '');
      const kinds = clauses.map((p) => (isActionClause(p) ? 'action' : cuesOf(p.toLowerCase()).actual ? 'failure' : 'other'));
      if (kinds.every((k) => k === 'failure')) {
        actual.push(bare(sentence));
      } else if (kinds.includes('action') && !kinds.includes('other')) {
        clauses.forEach((p, i) => (kinds[i] === 'action' ? steps.push(capitalise(withoutActor(p))) : actual.push(capitalise(p))));
      } else {
        steps.push(...sentence.split(CLAUSE_BREAK).map(bare).filter((p) => p !== '').map(capitalise));
      }
    }
    if (steps.length >= MAX_STEPS) break;
  }
  return {
    steps: steps.slice(0, MAX_STEPS),
    actual: actual.length > 0 ? actual.join('; ').slice(0, MAX_PART) : undefined,
    expected: expected.length > 0 ? expected.join(' ').slice(0, MAX_PART) : undefined,
  };
}

/** Sentences of a paste listed as not placed: at most this many, each at most UNPLACED_CHARS characters. */
const MAX_UNPLACED = 10;
const UNPLACED_CHARS = 200;
/** The words that say what a sentence is about (four or more letters or digits: "the", "to", "is" say little). */
const wordsOf = (s: string): string[] => (s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w.length >= 4);

/**
 * The sentences of a pasted text that went into no part of `value` (an intro sentence above labelled steps, a greeting),
 * so the editor can show them for the writer to place by hand: nothing pasted is lost silently. A sentence counts as
 * placed when at least 60% of its content words are in the value; labels, code and trace lines are not listed.
 */
export function unplacedSentences(text: string, value: ReproStepsFieldValue): string[] {
  const placed = new Set(wordsOf([...value.steps, value.preconditions, value.expected, value.actual, value.environment, value.build, value.frequency].filter(Boolean).join(' ')));
  const out: string[] = [];
  for (const section of parseSections(unwrapHardWraps(typeof text === 'string' ? text : '')).sections) {
    for (const l of section.lines) {
      if (out.length >= MAX_UNPLACED) return out;
      if (l.text === '' || l.code || cuesOf(l.lower).trace || opensWithException(l.lower)) continue;
      for (const sentence of stripListMarker(l.text).split(SENTENCE_BREAK)) {
        const words = wordsOf(sentence);
        if (words.length === 0 || words.filter((w) => placed.has(w)).length >= words.length * 0.6) continue;
        if (out.length < MAX_UNPLACED) out.push(sentence.trim().slice(0, UNPLACED_CHARS));
      }
    }
  }
  return out;
}
