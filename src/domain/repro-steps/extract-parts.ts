/**
 * Finds the parts of a bug report in free text: labelled sections first, then linguistic cues in
 * the unlabelled prose (imperative lines, "when I …", numbered lists, code samples, "should",
 * "expected", failure words). Each part also gets an evidence figure so the thresholds are explicit.
 */
import { placeholderKind } from './placeholder-text';
import { actionClauses, cuesOf, statesFailure, imperativeChain, listMarker, metaCues, opensWithException, opensWithNounSubject, runOnSteps, splitResultSentence, sentenceCuesFrom, sentenceKey, stepListMarker, stripListMarker, type LineCues, type SentenceCues } from './cues';
import { learnedEvidence, modelVocabulary } from './learned';
import { emptyRawCounts, HAND_WEIGHTS, linear, tallyLine, toFeatures, type Features, type StepCounts } from './model';
import { reportFeatures } from './text-features';
import { lineOf, parseSections, SENTENCE_BREAK, type Line } from './parse-sections';
import type { ReproParts } from './types';

export const MAX_STEPS = 100;
/**
 * Prose lines read for cues. Every feature saturates long before (counts are capped at 2-4, the line count
 * is log-scaled up to 127), so a 1 MB log costs a split into lines plus this many cue checks.
 */
export const MAX_CUE_LINES = 1_000;
export const MAX_PART = 2_000;

/**
 * Evidence thresholds: a part is present when its evidence (learned.ts: the learned logistic model's
 * log-odds minus its F1-tuned cut, +10 for a labelled section with content) is at least this.
 */
export const THRESHOLDS = { steps: 0, expected: 0, actual: 0 } as const;
/** Evidence a labelled section with content adds to its part: it always wins. */
export const LABEL_BONUS = 10;

/** @deprecated kept for callers of the old API; the fitted weights live in model.ts (MODEL). */
export { MODEL as STEP_WEIGHTS } from './model';
export type { StepCounts } from './model';

export type Evidence = { steps: number; expected: number; actual: number };

export type Extracted = {
  parts: ReproParts;
  labelled: { steps: boolean; expected: boolean; actual: boolean };
  evidence: Evidence;
  /** Raw cue counts behind evidence.steps (for calibration). */
  counts: StepCounts;
  /** The engineered cue features (model.ts), part of the learned model's input. */
  features: Features;
  /** Step lines inferred from the unlabelled prose (before any decision). */
  inferredSteps: number;
  truncated: boolean;
};

const EMPTY_ITEM = /^(?:n\/a|na|none|tbd|todo|-|\.|\?|…|\.{2,})$/i;
/** "N/A - happens randomly", "None: can't reproduce": a to-do word and a remark, still no step or result. */
const EMPTY_WITH_REMARK = /^(?:n\/a|none|tbd|todo|unknown)(?:\s?[-–—:;,(]|\.\s)/i;
/** Also "see above", "xxx", "???" (placeholder-text.ts fillers): a box filled to be filled. */
const isEmptyItem = (s: string): boolean => EMPTY_ITEM.test(s) || EMPTY_WITH_REMARK.test(s) || (s.length <= 40 && placeholderKind(s) === 'filler');
/** "Go to '...'", "Click on '....'": a template step whose object was never filled in. */
const QUOTED_ELLIPSIS = /['"‘’“”](?:\.{2,}|…)['"‘’“”]/;

function clip(s: string): string {
  return s.length > MAX_PART ? s.slice(0, MAX_PART) : s;
}

function joinLines(lines: Line[]): string | undefined {
  const out: string[] = [];
  let len = 0;
  for (const l of lines) {
    if (l.text === '') continue;
    out.push(l.text);
    len += l.text.length + 1;
    if (len > MAX_PART) break;
  }
  const s = clip(out.join('\n').trim());
  return s === '' ? undefined : s;
}

/** The lines up to the first blank line after some content (at most 5), and the rest. */
function firstParagraph(lines: Line[]): { head: Line[]; tail: Line[] } {
  let i = 0;
  while (i < lines.length && lines[i]!.text === '') i++;
  const start = i;
  while (i < lines.length && lines[i]!.text !== '' && i - start < 5) i++;
  return { head: lines.slice(0, i), tail: lines.slice(i) };
}

/**
 * An expected/actual section's own lines: the first paragraph, then each following paragraph that opens with a
 * list item or a code line (the items or the trace under "Actual:"); the rest is the report again.
 */
function labelledParagraphs(lines: Line[]): { head: Line[]; tail: Line[] } {
  let i = 0;
  while (i < lines.length && lines[i]!.text === '') i++;
  const first = i;
  while (i < lines.length && lines[i]!.text !== '') {
    // "Actual: 25\nBuild 4.3.0 on Windows 11": the build line under the result is the report again.
    const checked = i > first && i - first <= META_LINES_CHECKED && !lines[i]!.code;
    if (checked && isMetaLine(lines[i]!.lower)) return { head: lines.slice(0, i), tail: lines.slice(i) };
    i++;
  }
  for (;;) {
    let j = i;
    while (j < lines.length && lines[j]!.text === '') j++;
    if (j >= lines.length || !(lines[j]!.code || listMarker(lines[j]!.text))) break;
    i = j;
    while (i < lines.length && lines[i]!.text !== '') i++;
  }
  return { head: lines.slice(0, i), tail: lines.slice(i) };
}

/** Lines under a labelled result checked for a build line (a result is a few lines; 60k "Expected: N" lines stay linear). */
const META_LINES_CHECKED = 10;

/** A line that opens with a build, version, environment or frequency ("Build 4.3", "Firefox 120 / Windows 11", "Happens 1 in 5"). */
const META_OPENER = /^(?:build|version|ver\b|v\d|env(?:ironment)?\b|os\b|platform|browser|device|happens|occurs|reproduc|frequency|\d+\s?(?:in|out of|\/)\s?\d+)/;
function isMetaLine(lower: string): boolean {
  const c = metaCues(lower);
  return (c.build || c.environment || c.frequency) && ((!c.actual && !c.expected) || META_OPENER.test(lower));
}

const UNMARKED_CHECKED = 20;

/** A line after a step list that states a result rather than another action. */
function endsTheList(lower: string): boolean {
  const c = cuesOf(lower);
  return (c.actual || (c.expected && !c.asExpected)) && !c.imperative;
}

/** Steps from a labelled steps section: one per list item or non-empty line; template leftovers ("2", "3") dropped. */
export function stepsFromLines(lines: Line[]): string[] {
  return readStepList(lines).steps;
}

/**
 * The steps of a steps section, the result line that ended its list ("…⏎The deleted project still shows up."), how
 * many items hold a template placeholder ("Go to '...'"; empty items, "2.", "N/A - happens randomly", are dropped), and
 * `end`: the lines before it were read as the steps.
 */
function readStepList(lines: Line[]): { steps: string[]; resultLine?: string; placeholders: number; fillers?: number; end: number } {
  const steps: string[] = [];
  let listed = false;
  let unmarkedChecked = 0;
  let placeholders = 0;
  let fillers = 0;
  /** Nesting level of the list's first item; an item nested deeper belongs to the step above it. */
  let topLevel = -1;
  /** The last step came from a line of prose (not code): a code block under it is part of it. */
  let proseStep = false;
  const join = (text: string): void => {
    const prev = steps[steps.length - 1]!;
    if (prev.length < MAX_PART) steps[steps.length - 1] = clip(`${prev}\n${text}`);
  };
  /** A blank line followed the list's last item. */
  let blank = false;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (steps.length >= MAX_STEPS) return { steps, placeholders, end: i };
    if (l.text === '') {
      blank = listed;
      continue;
    }
    // "- Open the board⏎- Reload⏎⏎Items are back in the old order.": a paragraph after the list is the report again.
    if (blank && !l.code && l.indent < 2 && stepListMarker(l.text) === null) return { steps, placeholders, end: i };
    blank = false;
    // "1. Create docker-compose.yml:⏎```yaml⏎services: …```": the code is the step's, not steps of its own (code lines
    // before any step, "$ npm install⏎$ npm test", stay one step each).
    if (l.code && proseStep) {
      join(l.text);
      continue;
    }
    const marker = stepListMarker(l.text);
    if (marker && !l.code) {
      // "1. Create two issues⏎   - RT-1⏎   - RT-2": a nested item is a detail of the step above it.
      const level = nestLevel(l);
      if (topLevel < 0) topLevel = level;
      else if (level >= topLevel + 2 && proseStep) {
        const body = l.text.slice(marker.length).trim();
        if (body !== '') join(`- ${body}`);
        continue;
      }
    }
    const body = marker ? l.text.slice(marker.length).trim() : l.text;
    if (body === '') continue;
    if (isEmptyItem(body)) {
      // "1. See title", "2. N/A": a filler in place of a step (counted: a list of nothing else is an unfilled one).
      fillers++;
      continue;
    }
    if (!l.code && QUOTED_ELLIPSIS.test(body)) {
      placeholders++;
      continue;
    }
    listed ||= marker !== null;
    // "1. Create 2. Delete 3. Search⏎The deleted project still shows up.": after the list, a result line ends the steps,
    // and so does a build / environment line ("Version 4.3.0 on Windows 11"); the first few unmarked lines are checked
    // (a 60k-line paste stays linear).
    if (!marker && listed && !l.code && unmarkedChecked++ < UNMARKED_CHECKED) {
      if (endsTheList(l.lower)) return { steps, resultLine: l.text, placeholders, end: i };
      if (isMetaLine(l.lower) && !cuesOf(l.lower).imperative) return { steps, placeholders, end: i };
    }
    // A continuation line of the previous item (not a new marker; starts lower-case, or is indented under a list item:
    // a hard-wrapped item, an indented remark) joins it.
    const prev = steps[steps.length - 1];
    if (!marker && prev !== undefined && !l.code && (/^[a-z(]/.test(body) || (listed && l.indent >= 2))) {
      steps[steps.length - 1] = continued(prev, body);
      continue;
    }
    steps.push(clip(body));
    proseStep = !l.code;
  }
  // "Steps: open the shop, add two items and go to checkout.": one unlisted line that chains actions is that many steps.
  if (steps.length === 1 && !listed) return { steps: actionClauses(steps[0]!) ?? steps, placeholders, fillers, end: lines.length };
  return { steps, placeholders, fillers, end: lines.length };
}

/**
 * A list item with its next line joined: a hard-wrapped line continues the sentence ("… from the menu in" + "the top
 * right corner"), a capitalised one is a sentence of its own ("Open cart" + "Note: use a fresh account" → "Open cart.
 * Note: use a fresh account").
 */
function continued(item: string, next: string): string {
  if (item.length >= MAX_PART) return item;
  const sentence = /^[A-Z]/.test(next) && !/[.!?:;,]$/.test(item);
  return clip(`${item}${sentence ? '.' : ''} ${next}`);
}

/** Indentation of a list item, a wiki item's extra "#" / "*" counting as two spaces each ("#* sub item"). */
function nestLevel(l: Line): number {
  let i = 0;
  while (i < 4 && (l.text[i] === '#' || l.text[i] === '*')) i++;
  return l.indent + (i > 1 ? (i - 1) * 2 : 0);
}

/**
 * A steps section left as its template: at least as many placeholder items and template lines ("Go to '...'", "<step
 * one>", an instruction) as filled ones ("4. See error" is the template's too). Empty items alone ("1⏎2⏎3", "N/A") give
 * no step but are no template text: Bugzilla's form leaves them while the report above holds the reproduction.
 */
function unfilledSteps(r: { steps: string[]; placeholders: number }, templateLines: number): boolean {
  const placeholders = r.placeholders + templateLines;
  return placeholders > 0 && placeholders >= r.steps.length;
}

export function extractParts(text: string): Extracted {
  const { sections, truncated } = parseSections(text);
  const parts: ReproParts = { steps: [], attachmentsMentioned: false };
  const labelled = { steps: false, expected: false, actual: false };
  const prose: Line[] = [];
  /** Build / environment / frequency read off the line of another label, which a label of their own replaces. */
  const guessed = new Set<'build' | 'environment' | 'frequency' | 'preconditions'>();
  /** Prose lines that came from a steps section: read for every cue but build / environment / frequency. */
  const stepLines = new Set<Line>();
  let listResult: string | undefined;
  /** Template text was skipped somewhere (parse-sections' templateLines, placeholder steps): the report is (partly) unfilled. */
  let templated = false;

  for (const section of sections) {
    if (section.templateLines > 0) templated = true;
    switch (section.kind) {
      case 'steps': {
        const read = readStepList(section.lines);
        // A list that still asks for its steps ("(Add the exact actions that led to the failure.)") is a skeleton too.
        if (unfilledSteps(read, section.templateLines) || (section.stepPrompts ?? 0) > 0 || (read.steps.length === 0 && (read.fillers ?? 0) > 0)) {
          // A template left as it was: neither steps nor prose ("Go to '...'" would read as an imperative line).
          templated = true;
          break;
        }
        const { steps, resultLine } = read;
        listResult ??= resultLine;
        if (steps.length > 0) {
          labelled.steps = true;
          for (const s of steps) if (parts.steps.length < MAX_STEPS) parts.steps.push(s);
        }
        // Template sections often hold the observed/expected text too ("1 click 2 it crashes").
        section.lines.forEach((l, i) => {
          prose.push(l);
          if (i < read.end) stepLines.add(l);
        });
        break;
      }
      case 'expected':
      case 'actual': {
        // The part is its first paragraph plus lists / code blocks right under it, up to a build / environment line;
        // what follows is the report again ("Actual: crash\n\nIt should save." states the expected result).
        const { head, tail } = labelledParagraphs(section.lines);
        for (const l of tail) prose.push(l);
        const value = joinLines(head);
        // "Expected result:⏎Actual result:" with nothing under them: a template's fields left empty.
        if (value === undefined) templated = true;
        if (value && !isEmptyItem(value)) {
          labelled[section.kind] = true;
          // Once a part is full, later sections of the same kind add nothing (60k "Expected: …" lines stay linear).
          const prev = parts[section.kind];
          if (prev === undefined) parts[section.kind] = value;
          else if (prev.length < MAX_PART) parts[section.kind] = clip(`${prev}\n${value.slice(0, MAX_PART - prev.length)}`);
        }
        break;
      }
      case 'environment':
      case 'build':
      case 'frequency':
      case 'preconditions': {
        // The value is the label's own line or first paragraph ("Build: 4.2" / "Build:\n4.2\n\n");
        // what follows is the report again (trackers put "Build Identifier:" above the whole description).
        const { head, tail } = firstParagraph(section.lines);
        // "- OS: Ubuntu 22.04\n- node v20": the items without their markers.
        const value = joinLines(head.map(withoutMarkerLine));
        // A labelled value replaces one read off another label's line (the user agent's "Gecko/20100101" as the build).
        if (value && (!parts[section.kind] || guessed.delete(section.kind))) parts[section.kind] = value;
        // "- OS: macOS 14⏎- Browser: Firefox": every environment label adds to the environment.
        else if (value && section.kind === 'environment' && parts.environment!.length < MAX_PART) parts.environment = clip(`${parts.environment}; ${value}`);
        // "Build: 4.2 on Windows 11, always" also names the environment and frequency.
        const known = { build: parts.build, environment: parts.environment, frequency: parts.frequency };
        for (const l of head) fillMeta(l.lower, l.text, parts);
        for (const k of ['build', 'environment', 'frequency'] as const) if (known[k] === undefined && parts[k] !== undefined) guessed.add(k);
        if (section.kind === 'preconditions') for (const l of head) prose.push(l);
        for (const l of tail) prose.push(l);
        break;
      }
      case 'attachments':
        if (joinLines(section.lines)) parts.attachmentsMentioned = true;
        break;
      default:
        for (const l of section.lines) prose.push(l);
    }
  }

  const scan = scanProse(prose, parts, stepLines);
  const { counts, features } = scan;
  const inferredSteps = scan.inferredSteps.length;
  const evidence = learnedEvidence(reportFeatures(text, { features, labelled, parts, inferredSteps, knownSentences: scan.knownSentences }, modelVocabulary()));
  // Hand-set: a fenced / ADF code block of ≥ 3 non-trace lines is a reproduction sample (the plain-text dev set has none).
  evidence.steps += linear({ bias: 0, weights: HAND_WEIGHTS.steps }, features);
  // Hand-set: a report structured with labels for steps and expected but none for the actual result, and no
  // observed-result wording anywhere, lacks the actual result (the dev set has no such report to learn it from).
  if (labelled.steps && labelled.expected && !labelled.actual && features.actual === 0) evidence.actual = Math.min(evidence.actual, -1);
  // Hand-set: a description that only points at the title ("see title") or is a word or two says nothing of its own,
  // whatever the learned priors lean to (almost every dev-set report states its observed behaviour somewhere).
  const nothing = saysNothing(text);
  if (nothing) for (const part of ['steps', 'expected', 'actual'] as const) evidence[part] = Math.min(evidence[part], -1);
  // Hand-set: one "When I open X and click Y, Z crashes" sentence walks through the steps and states the failure
  // (it fires on one dev-set report, already read as having steps, so the data cannot weigh it).
  const runOn = labelled.steps ? null : firstRunOn(prose);
  if (runOn) {
    evidence.steps = Math.max(evidence.steps, THRESHOLDS.steps);
    evidence.actual = Math.max(evidence.actual, THRESHOLDS.actual);
    if (parts.steps.length === 0) parts.steps.push(...runOn.actions.map(clip));
    if (!parts.actual) parts.actual = clip(withErrorText(runOn.failure, scan.exceptionLine));
  }
  // Hand-set: a stack trace is what was observed (all 55 dev-set reports with one are labelled as stating the observed
  // behaviour; the learned prior still reads a short "NPE + one line" report as lacking it), and so is a result line
  // right under the numbered steps ("…⏎=> error 502"; the dev set's steps sections hold no such line to weigh it).
  if (scan.firstTrace !== undefined || listResult !== undefined) evidence.actual = Math.max(evidence.actual, THRESHOLDS.actual);
  // Hand-set: a sentence stating a failure ("The app crashes on startup.", "Saving a draft shows error 500.") is the
  // observed result, however short the report (the learned prior reads a one-line report as lacking it).
  if (scan.failureLines.length > 0 && !nothing) evidence.actual = Math.max(evidence.actual, THRESHOLDS.actual);
  // Hand-set: in a report holding template text (placeholders, instructions, "_No response_", "<!-- … -->"), a part that
  // no label gives and no prose line states is missing, whatever the learned priors read from the template's own words
  // ("A clear and concise description of what you expected to happen." reads as an expectation and a bug).
  if (templated) {
    if (!labelled.steps && !runOn && scan.inferredSteps.length === 0) evidence.steps = Math.min(evidence.steps, -1);
    if (!labelled.expected && scan.expectedLines.length === 0) evidence.expected = Math.min(evidence.expected, -1);
    if (!labelled.actual && !runOn && scan.failureLines.length === 0 && scan.actualLines.length === 0 && scan.firstTrace === undefined && listResult === undefined)
      evidence.actual = Math.min(evidence.actual, -1);
  }
  if (labelled.steps) evidence.steps += LABEL_BONUS;
  if (labelled.expected) evidence.expected += LABEL_BONUS;
  if (labelled.actual) evidence.actual += LABEL_BONUS;
  // Parts the labels did not give come from the prose lines behind the decision.
  // "Filter is reset to All" counts as step-like wording for the decision but is shown as no step (it states a result).
  if (parts.steps.length === 0 && evidence.steps >= THRESHOLDS.steps)
    parts.steps.push(...scan.inferredSteps.filter((s) => !opensWithNounSubject(s.toLowerCase())).slice(0, MAX_STEPS));
  if (!parts.expected && scan.expectedLines.length > 0 && evidence.expected >= THRESHOLDS.expected) parts.expected = clip(scan.expectedLines.join('\n'));
  // The lines that state a failure, else the error of a trace, else the other result lines.
  if (!parts.actual && scan.failureLines.length > 0) parts.actual = clip(scan.failureLines.join('\n'));
  else if (!parts.actual && scan.firstTrace !== undefined) parts.actual = clip(scan.exceptionLine ?? scan.firstTrace);
  else if (!parts.actual && scan.actualLines.length > 0) parts.actual = clip(scan.actualLines.join('\n'));
  else if (!parts.actual && listResult !== undefined) parts.actual = clip(stripListMarker(listResult));
  return { parts, labelled, evidence, counts, features, inferredSteps, truncated };
}

/**
 * The first run-on reproduction among the first prose sentences (at most 5 lines, 3 sentences each): a "When I open X
 * and click Y, Z crashes" sentence, or a chain of actions followed by the failure ("Open X and click Y. Z crashes.").
 */
export function firstRunOn(lines: Line[]): ReturnType<typeof runOnSteps> {
  const sentences: string[] = [];
  let seen = 0;
  for (const l of lines) {
    if (l.text === '' || l.code) continue;
    if (++seen > 5) break;
    for (const sentence of l.text.split(/(?<=[.!?])\s+/, 3)) sentences.push(stripListMarker(sentence));
  }
  for (let i = 0; i < sentences.length; i++) {
    const r = runOnSteps(sentences[i]!) ?? imperativeChain(sentences[i]!, sentences[i + 1]);
    if (r) return r;
  }
  return null;
}

const POINTS_AT_TITLE = /^(?:please\s+)?(?:see|read|as(?:\s+per)?|same\s+as|check)\s+(?:the\s+)?(?:title|summary|subject|above)\b[.!]*$|^(?:title|summary)\s+says\s+it\s+all[.!]*$/i;

/** True for an empty description, one or two words, or only a pointer to the title. */
export function saysNothing(text: string): boolean {
  const trimmed = text.trim().slice(0, 200);
  if (text.trim().length > 200) return false;
  return trimmed.split(/\s+/).filter(Boolean).length <= 2 || POINTS_AT_TITLE.test(trimmed);
}

/** "- OS: Ubuntu" → "OS: Ubuntu"; a bare number ("121", a version) is a value, not an empty list item. */
/** A number and a space opening a value ("30 issues in the filter"): a count, not the "3 foo" item of a bare list. */
const BARE_NUMBER = /^\s*\d+[ \t]/;
function withoutMarker(text: string): string {
  const m = listMarker(text);
  return m && m.length < text.trimEnd().length && !BARE_NUMBER.test(text) ? text.slice(m.length).trim() : text;
}
function withoutMarkerLine(l: Line): Line {
  const text = withoutMarker(l.text);
  return text === l.text ? l : lineOf(text, l.code);
}
const metaValue = (text: string): string => clip(withoutMarker(text));
/** "Build 20020425:", "build I20040529", "Release 4.2": a line naming the build, not a "Build the project" step. */
const BUILD_HEADER = /^(?:build|release)(?: id| identifier| number)?\s?[:#]?\s?v?[a-z]?\d/;

/** "The app crashes with:" + the exception line under it → one actual result. */
export function withErrorText(failure: string, exceptionLine: string | undefined): string {
  return exceptionLine !== undefined && failure.trimEnd().endsWith(':') ? `${failure.trimEnd()} ${exceptionLine.trim()}` : failure;
}

/**
 * Environment, build, frequency and attachment mentions of one line, for the parts not yet known. A step ("2. Close all
 * other windows", "Enter 12.03.2024 in the date field") names no environment, build or frequency: `step` lines give
 * only the attachment mention.
 */
function fillMeta(lower: string, text: string, parts: ReproParts, known?: LineCues, step = false): void {
  if (text === '') return;
  const c = known ?? cuesOf(lower);
  if (c.attachment) parts.attachmentsMentioned = true;
  if (step) return;
  if (c.frequency && !parts.frequency) parts.frequency = metaValue(text);
  if (c.build && !parts.build) parts.build = metaValue(text);
  if (c.environment && !parts.environment) parts.environment = metaValue(text);
}

/** Reads the unlabelled prose line by line and fills in parts the labels did not give. */
/** What the prose scan found; knownSentences: the sentence cues of every prose line, reused by the word features. */
type Scan = {
  counts: StepCounts;
  features: Features;
  inferredSteps: string[];
  expectedLines: string[];
  /** Observed-result lines that state a failure ("The app crashes on startup."). */
  failureLines: string[];
  /** The other observed-result lines ("Happens on the mobile app:", "The total shows 19%"). */
  actualLines: string[];
  /** The first stack-trace line ("java.lang.NullPointerException", "at a.B.c(B.java:1)"), if any. */
  firstTrace: string | undefined;
  /** The first line that opens with an exception ("java.lang.NullPointerException", "AttributeError: …"). */
  exceptionLine: string | undefined;
  knownSentences: Map<string, SentenceCues>;
};

// Jira paragraphs hold several sentences; the cues and the model read one sentence at a time (SENTENCE_BREAK), as the
// dev set is written (one sentence a line).
const mayHoldTwoSentences = (s: string): boolean => s.indexOf('. ') > 0 || s.indexOf('! ') > 0 || s.indexOf('? ') > 0;

/** " 2) " / " 2. " inside a line: where an inline numbered list may continue. */
const INLINE_ITEM = /\s(?=\d{1,2}[.)]\s)/;

/**
 * "1) open cart 2) add item 3) click checkout" → its items, each with its marker, as lines; null unless the line opens
 * with item 1 and the numbers run 1, 2, 3… ("version 2. Then" is no list).
 */
export function inlineListItems(text: string): string[] | null {
  if (!/^1[.)]\s/.test(text) || !INLINE_ITEM.test(text)) return null;
  const items = text.split(INLINE_ITEM);
  if (items.length < 2 || items.length > MAX_STEPS) return null;
  if (!items.every((item, i) => item.startsWith(`${i + 1}.`) || item.startsWith(`${i + 1})`))) return null;
  // "3) click checkout. Expected the order page.": the item's first sentence, then the rest as lines of their own (the
  // marker's own "." is no sentence end: "1. Open cart").
  return items.flatMap((item) => {
    const marker = listMarker(item)?.length ?? 0;
    const [first = '', ...rest] = item.slice(marker).split(SENTENCE_BREAK);
    return [item.slice(0, marker) + first, ...rest];
  }).filter((p) => p.trim() !== '');
}

/**
 * The prose lines cut into sentences (code and list items stay whole: a step may take two sentences), at most `max`
 * non-empty ones. The pieces of a line in `marked` are added to it.
 */
export function proseSentences(lines: Line[], max = MAX_CUE_LINES, marked?: Set<Line>): Line[] {
  const out: Line[] = [];
  const piece = (from: Line, text: string): void => {
    const l = lineOf(text, false);
    if (marked?.has(from)) marked.add(l);
    out.push(l);
  };
  for (const l of lines) {
    if (l.text === '') continue;
    if (out.length >= max) break;
    const items = l.code ? null : inlineListItems(l.text);
    if (items) {
      for (const item of items) if (out.length < max) piece(l, item);
      continue;
    }
    if (l.code || !mayHoldTwoSentences(l.text) || listMarker(l.text)) {
      out.push(l);
      continue;
    }
    const pieces = l.text.split(SENTENCE_BREAK);
    if (pieces.length === 1) out.push(l);
    else for (const p of pieces) if (p !== '' && out.length < max) piece(l, p);
  }
  return out;
}

function scanProse(proseLines: Line[], parts: ReproParts, stepLines: Set<Line>): Scan {
  const lines = proseSentences(proseLines, MAX_CUE_LINES, stepLines);
  const count: StepCounts = { listRun: 0, imperative: 0, conditional: 0, firstPerson: 0, reproTalk: 0, code: 0 };
  const raw = emptyRawCounts();
  const inferredSteps: string[] = [];
  const expectedLines: string[] = [];
  const actualLines: string[] = [];
  const failureLines: string[] = [];
  const addActual = (text: string): void => {
    const to = statesFailure(text.toLowerCase()) ? failureLines : actualLines;
    if (to.length < 5) to.push(text);
  };
  const known = new Map<string, SentenceCues>();
  let firstTrace: string | undefined;
  let exceptionLine: string | undefined;
  let run: { text: string; action: boolean; indent: number }[] = [];

  const closeRun = (): void => {
    const filled = run.filter((r) => r.text !== '');
    if (filled.length >= 2 && filled.some((r) => r.action)) {
      count.listRun++;
      for (const r of filled) if (inferredSteps.length < MAX_STEPS) inferredSteps.push(clip(r.text));
    }
    run = [];
  };

  for (const line of lines) {
    if (line.text === '') continue;
    if (raw.lines >= MAX_CUE_LINES) break;
    raw.lines++;
    if (opensWithException(line.lower)) exceptionLine ??= line.text;
    if (line.code) {
      if (cuesOf(line.lower).trace) {
        raw.trace++;
        firstTrace ??= line.text;
      } else {
        count.code++;
        raw.fencedCode++;
      }
      continue;
    }
    const c: LineCues = cuesOf(line.lower);
    known.set(sentenceKey(line.lower), sentenceCuesFrom(c));
    const marker = listMarker(line.text);
    const action = c.imperative || c.conditional || c.firstPerson;
    const last = run[run.length - 1];
    if (marker?.ordered || (marker && action)) {
      run.push({ text: line.text.slice(marker.length).trim(), action, indent: line.indent });
    } else if (!marker && last !== undefined && line.indent >= last.indent + 2) {
      // "1. Log in and open Billing from the menu in⏎   the top right corner": an indented line continues the item.
      last.text = continued(last.text, line.text);
      continue;
    } else {
      closeRun();
    }
    if (c.trace) {
      raw.trace++;
      firstTrace ??= line.text;
      continue;
    }
    if (c.code) count.code++;
    if (c.imperative) {
      count.imperative++;
      if (!marker && inferredSteps.length < MAX_STEPS) inferredSteps.push(clip(line.text));
    }
    if (c.conditional) {
      count.conditional++;
      if (!marker && !c.imperative && inferredSteps.length < MAX_STEPS) inferredSteps.push(clip(line.text));
    }
    if (c.firstPerson) count.firstPerson++;
    if (c.reproTalk) count.reproTalk++;
    tallyLine(raw, c);
    if (c.expected && !c.asExpected) {
      // "It shows 19%, so it should be 20%": each half to its part.
      const both = c.actual ? splitResultSentence(stripListMarker(line.text)) : null;
      if (expectedLines.length < 5) expectedLines.push(both?.expected ?? stripListMarker(line.text));
      if (both) addActual(both.actual);
    } else if (c.actual && !c.cannotRepro && !(c.imperative && !opensWithNounSubject(line.lower))) {
      // "We couldn't reproduce it" is about the report, not what the bug does; "Open any issue" is a step.
      addActual(stripListMarker(line.text));
    }
    // A line of a steps section or an imperative step names no build, environment or frequency of the report
    // ("Build 20020425:" opens with the noun, not the verb).
    const step = stepLines.has(line) || (c.imperative && !opensWithNounSubject(line.lower) && !BUILD_HEADER.test(line.lower));
    fillMeta(line.lower, line.text, parts, c, step);
  }
  closeRun();

  return { counts: count, features: toFeatures(count, raw), inferredSteps, expectedLines, failureLines, actualLines, firstTrace, exceptionLine, knownSentences: known };
}
