/**
 * Finds the parts of a bug report in free text: labelled sections first, then linguistic cues in
 * the unlabelled prose (imperative lines, "when I …", numbered lists, code samples, "should",
 * "expected", failure words). Each part also gets an evidence figure so the thresholds are explicit.
 */
import { cuesOf, listMarker, stripListMarker, type LineCues } from './cues';
import { parseSections, type Line } from './parse-sections';
import type { ReproParts } from './types';

export const MAX_STEPS = 100;
export const MAX_PART = 2_000;

/**
 * Evidence thresholds, calibrated on the public dev set (see bench/repro-steps.bench.ts).
 * A labelled section with real content always counts as present.
 */
export const THRESHOLDS = { steps: 2, expected: 1, actual: 1 } as const;

/** Weights of the cues that add up to the steps evidence of unlabelled prose. */
export const STEP_WEIGHTS = {
  listRun: 1, // two or more list items, one of them an action
  imperativeLine: 1, // "Open the file", "Click Save"
  conditional: 0.5, // "when I click …", "after installing …"
  firstPerson: 0.5, // "I opened …"
  reproTalk: 0.5, // "to reproduce", "test case", "the following code"
  codeSample: 1.5, // three or more code lines that are not a stack trace
  maxPerKind: 2, // no single cue kind counts more than twice
} as const;

export type Evidence = { steps: number; expected: number; actual: number };
export type StepCounts = { listRun: number; imperative: number; conditional: number; firstPerson: number; reproTalk: number; code: number };

export type Extracted = {
  parts: ReproParts;
  labelled: { steps: boolean; expected: boolean; actual: boolean };
  evidence: Evidence;
  /** Raw cue counts behind evidence.steps (for calibration). */
  counts: StepCounts;
  truncated: boolean;
};

const EMPTY_ITEM = /^(?:n\/a|na|none|tbd|todo|-|\.|\?|…|\.\.\.)$/i;

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

/** Steps from a labelled steps section: one per list item or non-empty line; template leftovers ("2", "3") dropped. */
export function stepsFromLines(lines: Line[]): string[] {
  const steps: string[] = [];
  for (const l of lines) {
    if (steps.length >= MAX_STEPS) break;
    if (l.text === '') continue;
    const marker = listMarker(l.text);
    const body = marker ? l.text.slice(marker.length).trim() : l.text;
    if (body === '' || EMPTY_ITEM.test(body)) continue;
    // A continuation line of the previous item (not a new marker, starts lower-case) joins it.
    const prev = steps[steps.length - 1];
    if (!marker && prev !== undefined && /^[a-z(]/.test(body) && !l.code) {
      steps[steps.length - 1] = clip(`${prev} ${body}`);
      continue;
    }
    steps.push(clip(body));
  }
  return steps;
}

export function extractParts(text: string): Extracted {
  const { sections, truncated } = parseSections(text);
  const parts: ReproParts = { steps: [], attachmentsMentioned: false };
  const labelled = { steps: false, expected: false, actual: false };
  const prose: Line[] = [];

  for (const section of sections) {
    switch (section.kind) {
      case 'steps': {
        const steps = stepsFromLines(section.lines);
        if (steps.length > 0) {
          labelled.steps = true;
          for (const s of steps) if (parts.steps.length < MAX_STEPS) parts.steps.push(s);
        }
        // Template sections often hold the observed/expected text too ("1 click 2 it crashes").
        for (const l of section.lines) prose.push(l);
        break;
      }
      case 'expected':
      case 'actual': {
        const value = joinLines(section.lines);
        if (value && !EMPTY_ITEM.test(value)) {
          labelled[section.kind] = true;
          parts[section.kind] = parts[section.kind] ? clip(`${parts[section.kind]}\n${value}`) : value;
        }
        break;
      }
      case 'environment':
      case 'build':
      case 'frequency':
      case 'preconditions': {
        const value = joinLines(section.lines);
        if (value && !parts[section.kind]) parts[section.kind] = value;
        // "Build: 4.2 on Windows 11, always" also names the environment and frequency.
        for (const l of section.lines) fillMeta(l.lower, l.text, parts);
        break;
      }
      case 'attachments':
        if (joinLines(section.lines)) parts.attachmentsMentioned = true;
        break;
      default:
        for (const l of section.lines) prose.push(l);
    }
  }

  const { evidence, counts } = scanProse(prose, parts);
  if (labelled.steps) evidence.steps += 10;
  if (labelled.expected) evidence.expected += 10;
  if (labelled.actual) evidence.actual += 10;
  return { parts, labelled, evidence, counts, truncated };
}

/** Environment, build, frequency and attachment mentions of one line, for the parts not yet known. */
function fillMeta(lower: string, text: string, parts: ReproParts, known?: LineCues): void {
  if (text === '') return;
  const c = known ?? cuesOf(lower);
  if (c.frequency && !parts.frequency) parts.frequency = clip(text);
  if (c.build && !parts.build) parts.build = clip(text);
  if (c.environment && !parts.environment) parts.environment = clip(text);
  if (c.attachment) parts.attachmentsMentioned = true;
}

/** Reads the unlabelled prose line by line and fills in parts the labels did not give. */
function scanProse(lines: Line[], parts: ReproParts): { evidence: Evidence; counts: StepCounts } {
  const count: StepCounts = { listRun: 0, imperative: 0, conditional: 0, firstPerson: 0, reproTalk: 0, code: 0 };
  let expected = 0;
  let actual = 0;
  const inferredSteps: string[] = [];
  const expectedLines: string[] = [];
  const actualLines: string[] = [];
  let run: { text: string; action: boolean }[] = [];

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
    if (line.code) {
      if (!cuesOf(line.lower).trace) count.code++;
      continue;
    }
    const c: LineCues = cuesOf(line.lower);
    const marker = listMarker(line.text);
    const action = c.imperative || c.conditional || c.firstPerson;
    if (marker?.ordered || (marker && action)) {
      run.push({ text: line.text.slice(marker.length).trim(), action });
    } else {
      closeRun();
    }
    if (c.trace) {
      actual++;
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
    if (c.expected) {
      expected++;
      if (expectedLines.length < 5) expectedLines.push(stripListMarker(line.text));
    } else if (c.actual) {
      actual++;
      if (actualLines.length < 5) actualLines.push(stripListMarker(line.text));
    }
    fillMeta(line.lower, line.text, parts, c);
  }
  closeRun();

  const w = STEP_WEIGHTS;
  const cap = (n: number): number => Math.min(n, w.maxPerKind);
  const steps =
    cap(count.listRun) * w.listRun +
    cap(count.imperative) * w.imperativeLine +
    cap(count.conditional) * w.conditional +
    cap(count.firstPerson) * w.firstPerson +
    cap(count.reproTalk) * w.reproTalk +
    (count.code >= 3 ? w.codeSample : 0);

  if (parts.steps.length === 0 && steps >= THRESHOLDS.steps) parts.steps.push(...inferredSteps.slice(0, MAX_STEPS));
  if (!parts.expected && expectedLines.length > 0) parts.expected = clip(expectedLines.join('\n'));
  if (!parts.actual && actualLines.length > 0) parts.actual = clip(actualLines.join('\n'));
  return { evidence: { steps, expected, actual }, counts: count };
}
