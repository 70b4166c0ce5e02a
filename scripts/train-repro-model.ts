/**
 * Trains the repro-steps learned model and writes src/domain/repro-steps/learned-model.ts.
 *
 *   npx tsx scripts/train-repro-model.ts            choose settings by held-out F1, train on the whole set, write the module
 *   npx tsx scripts/train-repro-model.ts --grid     also print every setting of the grid
 *   npx tsx scripts/train-repro-model.ts --dry      do not write the module
 *
 * Per part (steps / expected / actual): L2-regularised logistic regression (full-batch Adam on the mean log-loss,
 * fixed iterations, deterministic) over the sparse features of src/domain/repro-steps/text-features.ts. Word,
 * bigram and sentence-start features enter the vocabulary only when they occur in reports of at least
 * `minSystems` trackers (field `system`) and in at least `minDf` reports, so no token of a single tracker (ids,
 * product names, one tracker's template headings) is learned. The decision cut (log-odds below which the part is
 * "missing") is chosen for the best F1 of "missing" on out-of-fold predictions of the training reports only.
 *
 * Validation: 5-fold stratified CV and leave-one-system-out (train on three trackers, test on the fourth; the
 * vocabulary rule is then applied to the training trackers alone: a token must occur in all but one of them).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractParts } from '../src/domain/repro-steps/extract-parts';
import type { LearnedModel, LearnedPart } from '../src/domain/repro-steps/learned';
import { reportFeatures, type SparseFeatures } from '../src/domain/repro-steps/text-features';

export type Report = { id: string; system: string; title: string; text: string; has_s2r: boolean; has_eb: boolean; has_ob: boolean };
export type Part = 'steps' | 'expected' | 'actual';
export const PARTS: Part[] = ['steps', 'expected', 'actual'];
export const LABEL: Record<Part, (r: Report) => boolean> = { steps: (r) => r.has_s2r, expected: (r) => r.has_eb, actual: (r) => r.has_ob };
const LABELLED_KEY: Record<Part, string> = { steps: 'lab:steps', expected: 'lab:expected', actual: 'lab:actual' };

export const DEV_SET = join(__dirname, '..', '..', 'shared', 'data', 'bug-reports-dev.jsonl');
export const MODULE_PATH = join(__dirname, '..', 'src', 'domain', 'repro-steps', 'learned-model.ts');

export function loadDevSet(path = DEV_SET): Report[] | null {
  if (!existsSync(path)) return null;
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Report);
}

export type Config = {
  /** L2 strength on the mean log-loss (bias not penalised). */
  l2: number;
  minDf: number;
  minSystems: number;
  /** Feature families used: engineered (f/lab/meta/len/sent) always; words, bigrams, sentence starts optional. */
  words: boolean;
  bigrams: boolean;
  starts: boolean;
  /** Penalty factor on the engineered (non-token) features relative to l2 (< 1: they may grow larger). */
  engPenalty: number;
  /** Engineered features this part may not learn from (they say which tracker template a report came from). */
  exclude?: readonly string[];
};

/**
 * Whether a report names its build, environment or frequency tells which tracker's template it was written in (Eclipse's
 * "Build ID:", Firefox's user agent), not whether it states steps or the expected behaviour; learned, they lower the
 * expected-behaviour evidence of every well-filled Jira report. Held out (leave-one-tracker-out) both parts do better
 * without them.
 */
const TEMPLATE_FEATURES = ['meta:build', 'meta:environment', 'meta:frequency'] as const;

/** The settings chosen by held-out F1 (see --grid); per part. */
export const CHOSEN: Record<Part, Config> = {
  steps: { l2: 0.01, minDf: 5, minSystems: 3, words: true, bigrams: true, starts: true, engPenalty: 0.1, exclude: TEMPLATE_FEATURES },
  expected: { l2: 0.01, minDf: 5, minSystems: 3, words: false, bigrams: false, starts: false, engPenalty: 0.1, exclude: TEMPLATE_FEATURES },
  actual: { l2: 0.01, minDf: 5, minSystems: 3, words: false, bigrams: false, starts: false, engPenalty: 0.1 },
};

export type Example = { r: Report; x: SparseFeatures; labelled: Record<Part, boolean> };

export function featurise(reports: Report[]): Example[] {
  return reports.map((r) => {
    const e = extractParts(r.text);
    const x = reportFeatures(r.text, { features: e.features, labelled: e.labelled, parts: e.parts, inferredSteps: e.inferredSteps });
    return { r, x, labelled: { steps: e.labelled.steps, expected: e.labelled.expected, actual: e.labelled.actual } };
  });
}

const isToken = (k: string): boolean => k.startsWith('w:') || k.startsWith('b:') || k.startsWith('s:');

/**
 * Product and tracker names of the four dev-set trackers (and the user-agent strings they paste). They occur
 * across trackers but say which tracker a report came from, not whether it has steps, so they are never learned.
 */
const TRACKER_NAMES = new Set(['mozilla', 'firefox', 'ff', 'gecko', 'seamonkey', 'thunderbird', 'bugzilla', 'apache', 'httpd', 'eclipse', 'jdt', 'swt', 'facebook', 'fb', 'clr']);
const namesTracker = (k: string) => k.slice(2).split(' ').some((w) => TRACKER_NAMES.has(w));

/** Feature names allowed by the vocabulary rule on these training examples. */
export function vocabulary(train: Example[], c: Config, minSystems = c.minSystems): Set<string> {
  const df = new Map<string, number>();
  const systems = new Map<string, Set<string>>();
  for (const e of train) {
    for (const k of e.x.keys()) {
      df.set(k, (df.get(k) ?? 0) + 1);
      if (!isToken(k)) continue;
      let s = systems.get(k);
      if (!s) systems.set(k, (s = new Set()));
      s.add(e.r.system);
    }
  }
  const vocab = new Set<string>();
  for (const [k, n] of df) {
    if (c.exclude?.includes(k)) continue;
    if (!isToken(k)) {
      vocab.add(k);
      continue;
    }
    if (k.startsWith('w:') && !c.words) continue;
    if (k.startsWith('b:') && !c.bigrams) continue;
    if (k.startsWith('s:') && !c.starts) continue;
    if (namesTracker(k)) continue;
    if (n >= c.minDf && (systems.get(k)?.size ?? 0) >= minSystems) vocab.add(k);
  }
  return vocab;
}

type Matrix = { idx: Int32Array[]; val: Float64Array[]; y: Float64Array; names: string[] };

function toMatrix(examples: Example[], vocab: Set<string>, part: Part): Matrix {
  const names = [...vocab].sort();
  const index = new Map(names.map((n, i) => [n, i]));
  const idx: Int32Array[] = [];
  const val: Float64Array[] = [];
  for (const e of examples) {
    const is: number[] = [];
    const vs: number[] = [];
    for (const [k, v] of e.x) {
      const i = index.get(k);
      if (i !== undefined) {
        is.push(i);
        vs.push(v);
      }
    }
    idx.push(Int32Array.from(is));
    val.push(Float64Array.from(vs));
  }
  return { idx, val, y: Float64Array.from(examples.map((e) => (LABEL[part](e.r) ? 1 : 0))), names };
}

/** L2-regularised logistic regression, full-batch Adam, deterministic. Returns bias and weights. */
export function fitLogistic(m: Matrix, l2: number, engPenalty = 1, iterations = 400, rate = 0.05): { bias: number; w: Float64Array } {
  const n = m.y.length;
  const d = m.names.length;
  const pen = Float64Array.from(m.names, (name) => (isToken(name) ? l2 : l2 * engPenalty));
  const w = new Float64Array(d);
  const mw = new Float64Array(d);
  const vw = new Float64Array(d);
  const g = new Float64Array(d);
  let b = 0, mb = 0, vb = 0;
  const b1 = 0.9, b2 = 0.999, eps = 1e-8;
  for (let t = 1; t <= iterations; t++) {
    g.fill(0);
    let gb = 0;
    for (let i = 0; i < n; i++) {
      const is = m.idx[i]!, vs = m.val[i]!;
      let z = b;
      for (let j = 0; j < is.length; j++) z += w[is[j]!]! * vs[j]!;
      const err = 1 / (1 + Math.exp(-z)) - m.y[i]!;
      gb += err;
      for (let j = 0; j < is.length; j++) g[is[j]!]! += err * vs[j]!;
    }
    gb /= n;
    mb = b1 * mb + (1 - b1) * gb;
    vb = b2 * vb + (1 - b2) * gb * gb;
    const c1 = 1 - b1 ** t, c2 = 1 - b2 ** t;
    b -= (rate * (mb / c1)) / (Math.sqrt(vb / c2) + eps);
    for (let j = 0; j < d; j++) {
      const gj = g[j]! / n + pen[j]! * w[j]!;
      mw[j] = b1 * mw[j]! + (1 - b1) * gj;
      vw[j] = b2 * vw[j]! + (1 - b2) * gj * gj;
      w[j]! -= (rate * (mw[j]! / c1)) / (Math.sqrt(vw[j]! / c2) + eps);
    }
  }
  return { bias: b, w };
}

function scoreWith(model: { bias: number; weights: Map<string, number> }, x: SparseFeatures): number {
  let z = model.bias;
  for (const [k, v] of x) {
    const w = model.weights.get(k);
    if (w !== undefined) z += w * v;
  }
  return z;
}

export type Prf = { precision: number; recall: number; f1: number; tp: number; fp: number; fn: number };

export function prf(pairs: { predictedMissing: boolean; missing: boolean }[]): Prf {
  let tp = 0, fp = 0, fn = 0;
  for (const p of pairs) {
    if (p.predictedMissing && p.missing) tp++;
    else if (p.predictedMissing) fp++;
    else if (p.missing) fn++;
  }
  const precision = tp / (tp + fp || 1);
  const recall = tp / (tp + fn || 1);
  return { precision, recall, f1: (2 * precision * recall) / (precision + recall || 1), tp, fp, fn };
}

/** The cut (log-odds) with the best F1 for "missing" (predicted missing = not labelled and z < cut). */
export function bestCut(scored: { z: number; labelled: boolean; missing: boolean }[]): number {
  const zs = [...new Set(scored.filter((s) => !s.labelled).map((s) => s.z))].sort((a, b) => a - b);
  const cands = [zs[0]! - 1, ...zs.slice(1).map((z, i) => (z + zs[i]!) / 2), zs[zs.length - 1]! + 1];
  let best = { cut: 0, f1: -1 };
  for (const cut of cands) {
    const f1 = prf(scored.map((s) => ({ predictedMissing: !s.labelled && s.z < cut, missing: s.missing }))).f1;
    if (f1 > best.f1 + 1e-12) best = { cut, f1 };
  }
  return best.cut;
}

/** Deterministic PRNG (mulberry32) for fold assignment. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Stratified fold number per example (by the part's label), deterministic. */
export function stratifiedFolds(examples: Example[], part: Part, k: number, seed = 7): number[] {
  const rand = rng(seed);
  const fold = new Array<number>(examples.length).fill(0);
  for (const cls of [true, false]) {
    const ids = examples.map((e, i) => ({ e, i })).filter(({ e }) => LABEL[part](e.r) === cls).map(({ i }) => i);
    for (let i = ids.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [ids[i], ids[j]] = [ids[j]!, ids[i]!];
    }
    ids.forEach((id, n) => (fold[id] = n % k));
  }
  return fold;
}

export type TrainedPart = { bias: number; weights: Map<string, number>; cut: number };

function fitOnly(train: Example[], part: Part, c: Config, minSystems?: number): { bias: number; weights: Map<string, number> } {
  const vocab = vocabulary(train, c, minSystems);
  const m = toMatrix(train, vocab, part);
  const { bias, w } = fitLogistic(m, c.l2, c.engPenalty);
  const weights = new Map<string, number>();
  m.names.forEach((name, j) => {
    if (w[j] !== 0) weights.set(name, w[j]!);
  });
  return { bias, weights };
}

/** Fits weights on `train`, and the cut on 3-fold out-of-fold predictions of `train` itself. */
export function trainPart(train: Example[], part: Part, c: Config, minSystems?: number): TrainedPart {
  const model = fitOnly(train, part, c, minSystems);
  const folds = stratifiedFolds(train, part, 3, 11);
  const scored: { z: number; labelled: boolean; missing: boolean }[] = [];
  for (let f = 0; f < 3; f++) {
    const inner = fitOnly(train.filter((_, i) => folds[i] !== f), part, c, minSystems);
    train.forEach((e, i) => {
      if (folds[i] === f) scored.push({ z: scoreWith(inner, e.x), labelled: e.labelled[part], missing: !LABEL[part](e.r) });
    });
  }
  return { ...model, cut: bestCut(scored) };
}

const predictMissing = (m: TrainedPart, e: Example, part: Part): boolean => !e.labelled[part] && scoreWith(m, e.x) < m.cut;

export type HeldOut = { cv: Prf; loso: Prf; perSystem: Record<string, Prf> };

/** 5-fold stratified CV (pooled out-of-fold predictions) and leave-one-system-out for one part and setting. */
export function heldOut(examples: Example[], part: Part, c: Config, k = 5): HeldOut {
  const folds = stratifiedFolds(examples, part, k);
  const cvPairs: { predictedMissing: boolean; missing: boolean }[] = [];
  for (let f = 0; f < k; f++) {
    const m = trainPart(examples.filter((_, i) => folds[i] !== f), part, c);
    examples.forEach((e, i) => {
      if (folds[i] === f) cvPairs.push({ predictedMissing: predictMissing(m, e, part), missing: !LABEL[part](e.r) });
    });
  }
  const systems = [...new Set(examples.map((e) => e.r.system))].sort();
  const losoPairs: { predictedMissing: boolean; missing: boolean }[] = [];
  const perSystem: Record<string, Prf> = {};
  for (const s of systems) {
    const train = examples.filter((e) => e.r.system !== s);
    const m = trainPart(train, part, c, Math.min(c.minSystems, systems.length - 2));
    const pairs = examples.filter((e) => e.r.system === s).map((e) => ({ predictedMissing: predictMissing(m, e, part), missing: !LABEL[part](e.r) }));
    perSystem[s] = prf(pairs);
    losoPairs.push(...pairs);
  }
  return { cv: prf(cvPairs), loso: prf(losoPairs), perSystem };
}

const round = (v: number, digits = 4): number => Math.round(v * 10 ** digits) / 10 ** digits;

export function toLearnedPart(m: TrainedPart): LearnedPart {
  const weights: Record<string, number> = {};
  for (const [k, w] of [...m.weights].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const r = round(w);
    if (Math.abs(r) >= 0.0005) weights[k] = r;
  }
  return { bias: round(m.bias), cut: round(m.cut), weights };
}

function moduleText(model: LearnedModel, notes: string[]): string {
  const part = (p: LearnedPart): string => {
    const entries = Object.entries(p.weights).map(([k, w]) => `${JSON.stringify(k)}:${w}`);
    const lines: string[] = [];
    for (let i = 0; i < entries.length; i += 8) lines.push(`      ${entries.slice(i, i + 8).join(', ')},`);
    return `{\n    bias: ${p.bias},\n    cut: ${p.cut},\n    weights: {\n${lines.join('\n')}\n    },\n  }`;
  };
  return [
    '/**',
    ' * GENERATED by scripts/train-repro-model.ts — do not edit by hand. Regenerate with:',
    ' *   npx tsx scripts/train-repro-model.ts',
    ' * (needs ../shared/data/bug-reports-dev.jsonl). Logistic-regression weights per part over the sparse features of',
    ' * text-features.ts; a part is present when bias + Σ weight·feature ≥ cut (or a labelled section has content).',
    ...notes.map((n) => ` * ${n}`),
    ' */',
    "import type { LearnedModel } from './learned';",
    '',
    '/* eslint-disable */',
    'export const LEARNED_MODEL: LearnedModel = {',
    `  steps: ${part(model.steps)},`,
    `  expected: ${part(model.expected)},`,
    `  actual: ${part(model.actual)},`,
    '};',
    '',
  ].join('\n');
}

const f3 = (v: number): string => v.toFixed(3);
const describeConfig = (c: Config): string =>
  `l2=${c.l2} minDf=${c.minDf} minSystems=${c.minSystems} words=${c.words} bigrams=${c.bigrams} starts=${c.starts} engPenalty=${c.engPenalty}` +
  (c.exclude ? ` exclude=${c.exclude.join(',')}` : '');

function main(): void {
  const reports = loadDevSet();
  if (!reports) throw new Error(`dev set not found at ${DEV_SET}`);
  const examples = featurise(reports);
  const chosen: Record<Part, Config> = { ...CHOSEN };
  if (process.argv.includes('--grid')) {
    for (const part of PARTS) {
      let best: { c: Config; score: number } | undefined;
      for (const l2 of [0.003, 0.01, 0.03, 0.1, 0.3]) {
        for (const fam of [
          { words: false, bigrams: false, starts: false },
          { words: true, bigrams: false, starts: true },
          { words: true, bigrams: true, starts: true },
        ]) {
          for (const minDf of fam.words ? [3, 5, 10] : [5]) for (const engPenalty of [1, 0.1]) {
            const c: Config = { l2, minDf, minSystems: 3, engPenalty, ...fam };
            const h = heldOut(examples, part, c);
            const score = (h.cv.f1 + h.loso.f1) / 2;
            console.log(`${part} ${describeConfig(c)}  cv ${f3(h.cv.f1)} loso ${f3(h.loso.f1)}`);
            if (!best || score > best.score) best = { c, score };
          }
        }
      }
      console.log(`best for ${part}: ${describeConfig(best!.c)} (mean of cv and loso F1 ${f3(best!.score)})`);
      chosen[part] = best!.c;
    }
  }
  const notes: string[] = [];
  const parts = {} as Record<Part, TrainedPart>;
  for (const part of PARTS) {
    const c = chosen[part];
    const h = heldOut(examples, part, c);
    const m = trainPart(examples, part, c);
    parts[part] = m;
    const full = prf(examples.map((e) => ({ predictedMissing: predictMissing(m, e, part), missing: !LABEL[part](e.r) })));
    const per = Object.entries(h.perSystem).map(([s, p]) => `${s} ${f3(p.f1)}`).join(', ');
    const line = `${part}: ${describeConfig(c)}; F1 of "missing": full set ${f3(full.f1)}, 5-fold CV ${f3(h.cv.f1)}, leave-one-system-out ${f3(h.loso.f1)} (${per})`;
    console.log(line);
    notes.push(line);
  }
  const model: LearnedModel = { steps: toLearnedPart(parts.steps), expected: toLearnedPart(parts.expected), actual: toLearnedPart(parts.actual) };
  if (!process.argv.includes('--dry')) {
    writeFileSync(MODULE_PATH, moduleText(model, notes));
    console.log(`wrote ${MODULE_PATH} (${Object.keys(model.steps.weights).length} / ${Object.keys(model.expected.weights).length} / ${Object.keys(model.actual.weights).length} weights)`);
  }
}

if (require.main === module) main();
