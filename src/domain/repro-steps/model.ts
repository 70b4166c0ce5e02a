/**
 * NOTE: the decision is now taken by the learned model (learned.ts / learned-model.ts); the engineered features
 * below (toFeatures) are part of its input, and MODEL is kept as the earlier, explainable cue-only baseline.
 *
 * How the cue counts of a report's unlabelled prose become the evidence that steps to reproduce,
 * an expected result and an observed result are present.
 *
 * Each part has a linear score  evidence = bias + Σ weight[f] · feature[f]  over the features below
 * (counts capped or log-scaled, so one long log cannot outvote everything else); the part is present
 * when evidence ≥ 0 (THRESHOLDS in extract-parts.ts). A labelled section with content ("Steps to
 * reproduce:", "Expected:", "Actual:") adds +10 and so always wins.
 *
 * The weights were fitted by L2-regularised logistic regression on the public dev set
 * (776 reports, labels of Davies & Roper), each part restricted to PART_FEATURES, then the bias moved
 * to the F1-best cut for the "part is missing" class (dev-set F1 for "missing": steps 0.786,
 * expected 0.875, observed 0.242; 2-fold held-out 0.760/0.770, 0.875/0.874, 0.111/0.313); the same procedure fitted on one half and scored on the other half is
 * the 2-fold check that bench/repro-steps.bench.ts prints (`fitModel` there refits them). The
 * features are general linguistic cues (see cues.ts), never words of particular reports.
 * Weights are rounded to two decimals; their signs read naturally: imperative lines, step lists,
 * "when I …" and menu paths raise the steps evidence, "can't reproduce" and feature-request
 * wording lower it; "should"/"expected"/"must"/"works fine in X" raise the expected evidence,
 * "as expected" lowers it.
 */
import type { LineCues } from './cues';

export type StepCounts = { listRun: number; imperative: number; conditional: number; firstPerson: number; reproTalk: number; code: number };

/** Per-report tallies of the cues that StepCounts does not hold. */
export type RawCounts = {
  lines: number;
  trace: number;
  /** Lines inside fenced / ADF code blocks that are not a stack trace. */
  fencedCode: number;
  expected: number;
  asExpected: number;
  actual: number;
  request: number;
  obligation: number;
  worksElsewhere: number;
  correctness: number;
  cannotRepro: number;
  interaction: number;
  wish: number;
  literal: number;
  secondPerson: number;
  gerundStart: number;
  firstPersonPast: number;
  menuPath: number;
  sequence: number;
  url: number;
  question: number;
};

export const FEATURES = [
  'listRun', 'imperative', 'conditional', 'firstPerson', 'reproTalk', 'code', 'trace', 'menuPath', 'sequence',
  'cannotRepro', 'url', 'question', 'request', 'lines', 'expected', 'asExpected', 'obligation', 'worksElsewhere',
  'correctness', 'actual', 'interaction', 'gerundStart', 'firstPersonPast', 'literal', 'secondPerson', 'codeBlock', 'wish',
] as const;
export type FeatureName = (typeof FEATURES)[number];
export type Features = Record<FeatureName, number>;

export function emptyRawCounts(): RawCounts {
  return {
    lines: 0, trace: 0, fencedCode: 0, expected: 0, asExpected: 0, actual: 0, request: 0, obligation: 0, worksElsewhere: 0,
    correctness: 0, cannotRepro: 0, interaction: 0, wish: 0, literal: 0, secondPerson: 0, gerundStart: 0, firstPersonPast: 0, menuPath: 0, sequence: 0, url: 0, question: 0,
  };
}

/** Adds one prose line's cues to the tallies. */
export function tallyLine(raw: RawCounts, c: LineCues): void {
  if (c.expected && !c.asExpected) raw.expected++;
  if (c.asExpected) raw.asExpected++;
  if (c.actual) raw.actual++;
  if (c.request) raw.request++;
  if (c.obligation) raw.obligation++;
  if (c.worksElsewhere) raw.worksElsewhere++;
  if (c.correctness) raw.correctness++;
  if (c.cannotRepro) raw.cannotRepro++;
  if (c.interaction) raw.interaction++;
  if (c.literal) raw.literal++;
  if (c.wish) raw.wish++;
  if (c.secondPerson) raw.secondPerson++;
  if (c.gerundStart) raw.gerundStart++;
  if (c.firstPersonPast) raw.firstPersonPast++;
  if (c.menuPath) raw.menuPath++;
  if (c.sequence) raw.sequence++;
  if (c.url) raw.url++;
  if (c.question) raw.question++;
}

const cap = (n: number, max: number): number => (n < max ? n : max);
const log2p = (n: number, max: number): number => cap(Math.log2(1 + n), max);

/** Counts → features (capped / log-scaled). */
export function toFeatures(s: StepCounts, r: RawCounts): Features {
  return {
    listRun: cap(s.listRun, 2),
    imperative: cap(s.imperative, 3),
    conditional: cap(s.conditional, 3),
    firstPerson: cap(s.firstPerson, 3),
    reproTalk: cap(s.reproTalk, 2),
    code: log2p(s.code, 4),
    trace: log2p(r.trace, 4),
    menuPath: cap(r.menuPath, 2),
    sequence: cap(r.sequence, 2),
    cannotRepro: cap(r.cannotRepro, 1),
    url: cap(r.url, 1),
    question: cap(r.question, 3),
    request: cap(r.request, 2),
    lines: log2p(r.lines, 7),
    expected: cap(r.expected, 3),
    asExpected: cap(r.asExpected, 2),
    obligation: cap(r.obligation, 2),
    worksElsewhere: cap(r.worksElsewhere, 2),
    correctness: cap(r.correctness, 2),
    actual: cap(r.actual, 4),
    interaction: cap(r.interaction, 3),
    gerundStart: cap(r.gerundStart, 2),
    firstPersonPast: cap(r.firstPersonPast, 3),
    literal: log2p(r.literal + s.code, 4),
    secondPerson: cap(r.secondPerson, 2),
    codeBlock: r.fencedCode >= 3 ? 1 : 0,
    wish: cap(r.wish, 2),
  };
}

/**
 * The features each part's model may use: only cues with a plain reading for that part
 * (a feature outside the list keeps weight 0, which keeps the models small and explainable).
 */
export const PART_FEATURES: Record<'steps' | 'expected' | 'actual', readonly FeatureName[]> = {
  steps: ['listRun', 'imperative', 'conditional', 'firstPerson', 'reproTalk', 'code', 'trace', 'cannotRepro', 'url', 'request', 'interaction', 'question'],
  expected: ['expected', 'wish'],
  actual: ['actual', 'trace'],
};

export type PartModel = { bias: number; weights: Partial<Record<FeatureName, number>> };

/** Fitted weights (see the comment at the top). Evidence ≥ 0 means "present". */
export const MODEL: { steps: PartModel; expected: PartModel; actual: PartModel } = {
  steps: { bias: -2.32, weights: { listRun: 1.28, imperative: 0.81, conditional: 0.65, firstPerson: 0.08, reproTalk: -0.01, code: 0.4, trace: -0.08, cannotRepro: -0.06, url: 0.4, request: -0.41, interaction: 0.47, question: -0.22 } },
  expected: { bias: -0.92, weights: { expected: 1.64, wish: 0.45 } },
  actual: { bias: -0.04, weights: { actual: 0.55, trace: 0.24 } },
};

/**
 * Hand-set weights for cues the dev set cannot calibrate (it is plain text: no fenced or ADF code blocks).
 * A code block of three or more non-trace lines is a reproduction sample in developer trackers (a test
 * case, a config, a request) — with one action line beside it ("Compile this class:") it reaches "present".
 */
export const HAND_WEIGHTS: { steps: Partial<Record<FeatureName, number>> } = { steps: { codeBlock: 2 } };

export function linear(m: PartModel, f: Features): number {
  let v = m.bias;
  for (const k of FEATURES) {
    const w = m.weights[k];
    if (w !== undefined) v += w * f[k];
  }
  return v;
}

export function evidenceOf(f: Features, model = MODEL): { steps: number; expected: number; actual: number } {
  const hand = linear({ bias: 0, weights: HAND_WEIGHTS.steps }, f);
  return { steps: linear(model.steps, f) + hand, expected: linear(model.expected, f), actual: linear(model.actual, f) };
}
