/**
 * Repro-steps benchmark: quality on the public dev set and speed.
 *   npx tsx bench/repro-steps.bench.ts
 * Prints precision / recall / F1 for "the report LACKS steps / expected / observed" (positive class = missing),
 * a 2-fold sanity check of the steps threshold, median and p95 ms per report, and timings for
 * 128 KB … 1 MB descriptions to show linear growth. Skips the quality part when ../shared/data is absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { analyseReproSteps } from '../src/domain/repro-steps';
import { extractParts, MAX_CUE_LINES, THRESHOLDS, type Extracted } from '../src/domain/repro-steps/extract-parts';
import { MODEL, PART_FEATURES, linear, type Features, type PartModel } from '../src/domain/repro-steps/model';

type Report = { id: string; title: string; text: string; has_s2r: boolean; has_eb: boolean; has_ob: boolean };
type Prf = { precision: number; recall: number; f1: number; tp: number; fp: number; fn: number };

export const DEV_SET = join(__dirname, '..', '..', 'shared', 'data', 'bug-reports-dev.jsonl');

export function loadDevSet(path = DEV_SET): Report[] | null {
  if (!existsSync(path)) return null;
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Report);
}

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

export function qualityOn(reports: Report[]): { s2r: Prf; eb: Prf; ob: Prf } {
  const rows = reports.map((r) => ({ r, a: analyseReproSteps({ summary: r.title, description: r.text }) }));
  return {
    s2r: prf(rows.map(({ r, a }) => ({ predictedMissing: !a.has.steps, missing: !r.has_s2r }))),
    eb: prf(rows.map(({ r, a }) => ({ predictedMissing: !a.has.expected, missing: !r.has_eb }))),
    ob: prf(rows.map(({ r, a }) => ({ predictedMissing: !a.has.actual, missing: !r.has_ob }))),
  };
}

type Part = 'steps' | 'expected' | 'actual';
const PARTS: Part[] = ['steps', 'expected', 'actual'];
const LABEL: Record<Part, (r: Report) => boolean> = { steps: (r) => r.has_s2r, expected: (r) => r.has_eb, actual: (r) => r.has_ob };
type Row = { r: Report; x: Extracted };

/** F1 of "missing" for one part model on rows (a labelled section always counts as present). */
function f1Of(rows: Row[], part: Part, m: PartModel): Prf {
  return prf(rows.map(({ r, x }) => ({ predictedMissing: !x.labelled[part] && linear(m, x.features) < 0, missing: !LABEL[part](r) })));
}

/**
 * Fits one part's weights: L2-regularised logistic regression (batch gradient descent, fixed
 * iterations, deterministic), then moves the bias to the cut with the best F1 for "missing".
 */
export function fitPart(rows: Row[], part: Part, l2 = 0.01, iterations = 3000, rate = 0.1): PartModel {
  const n = rows.length;
  const FEATURES = PART_FEATURES[part];
  const k = FEATURES.length;
  const X = rows.map(({ x }) => FEATURES.map((f) => x.features[f]));
  const y = rows.map(({ r }) => (LABEL[part](r) ? 1 : 0));
  const w = new Array<number>(k).fill(0);
  let b = 0;
  for (let it = 0; it < iterations; it++) {
    const gw = new Array<number>(k).fill(0);
    let gb = 0;
    for (let i = 0; i < n; i++) {
      const xi = X[i]!;
      let z = b;
      for (let j = 0; j < k; j++) z += w[j]! * xi[j]!;
      const err = 1 / (1 + Math.exp(-z)) - y[i]!;
      gb += err;
      for (let j = 0; j < k; j++) gw[j]! += err * xi[j]!;
    }
    b -= (rate * gb) / n;
    for (let j = 0; j < k; j++) w[j]! -= rate * (gw[j]! / n + l2 * w[j]!);
  }
  const round = (v: number): number => Math.round(v * 100) / 100;
  const weights: PartModel['weights'] = {};
  FEATURES.forEach((f, j) => {
    if (Math.abs(w[j]!) >= 0.005) weights[f] = round(w[j]!);
  });
  let best = { bias: round(b), f1: -1 };
  for (let shift = -3; shift <= 3.0001; shift += 0.05) {
    const bias = round(b + shift);
    const f1 = f1Of(rows, part, { bias, weights }).f1;
    if (f1 > best.f1 + 1e-9 || (Math.abs(f1 - best.f1) <= 1e-9 && Math.abs(bias - b) < Math.abs(best.bias - b))) best = { bias, f1 };
  }
  return { bias: best.bias, weights };
}

export function fitModel(reports: Report[]): typeof MODEL {
  const rows = reports.map((r) => ({ r, x: extractParts(r.text) }));
  return { steps: fitPart(rows, 'steps'), expected: fitPart(rows, 'expected'), actual: fitPart(rows, 'actual') };
}

export type FoldScore = { fit: Record<Part, number>; heldOut: Record<Part, number> };

/** Refits every weight on one half (even / odd lines) and scores F1 on the other half: the overfitting check. */
export function twoFoldScores(reports: Report[]): FoldScore[] {
  const rows = reports.map((r) => ({ r, x: extractParts(r.text) }));
  const even = rows.filter((_, i) => i % 2 === 0);
  const odd = rows.filter((_, i) => i % 2 === 1);
  return ([[even, odd], [odd, even]] as [Row[], Row[]][]).map(([fit, test]) => {
    const score: FoldScore = { fit: { steps: 0, expected: 0, actual: 0 }, heldOut: { steps: 0, expected: 0, actual: 0 } };
    for (const p of PARTS) {
      const m = fitPart(fit, p);
      score.fit[p] = f1Of(fit, p, m).f1;
      score.heldOut[p] = f1Of(test, p, m).f1;
    }
    return score;
  });
}

export function twoFold(reports: Report[]): string[] {
  return twoFoldScores(reports).map(
    (s, k) => `fold ${k + 1} (fit on one half → F1 on the other): ${PARTS.map((p) => `${p} ${s.fit[p].toFixed(3)}→${s.heldOut[p].toFixed(3)}`).join(', ')}`,
  );
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;
}

/** A realistic big description: a template plus many log lines, `bytes` long. */
export function bigDescription(bytes: number): string {
  const head = 'Steps to reproduce:\n1. Open the settings page\n2. Click Save\nExpected: it saves\nActual: it crashes\nBuild: 1.2.3\n';
  const filler = 'at com.example.Service.handle(Service.java:42) when I click the button the page should not crash, 1 in 5\n';
  let s = head;
  while (s.length < bytes) s += filler;
  return s.slice(0, bytes);
}

function timeMs(fn: () => void, repeat = 5): number {
  const times: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

const fmt = (p: Prf): string =>
  `P=${p.precision.toFixed(3)} R=${p.recall.toFixed(3)} F1=${p.f1.toFixed(3)} (tp ${p.tp}, fp ${p.fp}, fn ${p.fn})`;

export function run(log: (line: string) => void = console.log): void {
  log('# repro-steps');
  const reports = loadDevSet();
  if (!reports) {
    log(`dev set not found at ${DEV_SET}: quality figures skipped`);
  } else {
    const q = qualityOn(reports);
    log(`dev set: ${reports.length} reports (positive class = the report LACKS the part)`);
    log(`  missing steps to reproduce  ${fmt(q.s2r)}   target F1 >= 0.82`);
    log(`  missing expected behaviour  ${fmt(q.eb)}   target F1 >= 0.93`);
    log(`  missing observed behaviour  ${fmt(q.ob)}`);
    log(`  thresholds in use: ${JSON.stringify(THRESHOLDS)}`);
    for (const line of twoFold(reports)) log(`  2-fold ${line}`);
    // warm-up, then per-report times
    for (const r of reports) analyseReproSteps({ summary: r.title, description: r.text });
    const per: number[] = [];
    for (const r of reports) {
      const t0 = performance.now();
      analyseReproSteps({ summary: r.title, description: r.text });
      per.push(performance.now() - t0);
    }
    per.sort((a, b) => a - b);
    log(`  per report: median ${percentile(per, 50).toFixed(3)} ms, p95 ${percentile(per, 95).toFixed(3)} ms (target median < 0.2 ms)`);
  }
  const sizes = [128, 256, 512, 1024];
  const times = sizes.map((kb) => {
    const text = bigDescription(kb * 1024);
    return timeMs(() => analyseReproSteps({ description: text }));
  });
  sizes.forEach((kb, i) => log(`  ${String(kb).padStart(4)} KB description: ${times[i]!.toFixed(1)} ms`));
  log(`  1 MB description: ${times[3]!.toFixed(1)} ms (target < 50 ms); 1 MB / 128 KB time ratio ${(times[3]! / times[0]!).toFixed(1)} (linear = 8; lower because only the first ${MAX_CUE_LINES} prose lines are read for cues)`);
  // Hostile shapes, 1 MB each: many short distinct lines, one huge line, arrows/markup that cue regexes look at.
  const hostile: [string, string][] = [
    ['60k short distinct lines', Array.from({ length: 60_000 }, (_, i) => `click button ${i}`).join('\n')],
    ['one 1 MB line', 'when I click '.repeat(80_000)],
    ['arrows and markup', 'a -> b > c <d> '.repeat(70_000)],
    ['deep list markers', '1. - * '.repeat(150_000)],
  ];
  for (const [name, text] of hostile) log(`  hostile ${name}: ${timeMs(() => analyseReproSteps({ description: text.slice(0, 1 << 20) })).toFixed(1)} ms`);
}

if (require.main === module) {
  if (process.argv.includes('--fit')) {
    // Prints freshly fitted weights for model.ts (MODEL) from the whole dev set.
    const reports = loadDevSet();
    if (!reports) throw new Error(`dev set not found at ${DEV_SET}`);
    console.log(JSON.stringify(fitModel(reports), null, 1));
  } else run();
}
