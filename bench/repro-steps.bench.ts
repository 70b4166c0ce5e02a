/**
 * Repro-steps benchmark: quality on the public dev set and speed.
 *   npx tsx bench/repro-steps.bench.ts
 * Prints precision / recall / F1 for "the report LACKS steps / expected / observed" (positive class = missing) of the
 * shipped model on the whole dev set, the held-out figures of the same training procedure (5-fold stratified CV and
 * leave-one-system-out, scripts/train-repro-model.ts), median and p95 ms per report, and timings for
 * 128 KB … 1 MB descriptions to show linear growth. Skips the quality part when ../shared/data is absent.
 */
import { performance } from 'node:perf_hooks';
import { analyseReproSteps } from '../src/domain/repro-steps';
import { MAX_CUE_LINES, THRESHOLDS } from '../src/domain/repro-steps/extract-parts';
import {
  CHOSEN, DEV_SET, featurise, heldOut, loadDevSet, prf, type HeldOut, type Part, type Prf, type Report,
} from '../scripts/train-repro-model';

export { DEV_SET, loadDevSet, prf };

export function qualityOn(reports: Report[]): { s2r: Prf; eb: Prf; ob: Prf } {
  const rows = reports.map((r) => ({ r, a: analyseReproSteps({ summary: r.title, description: r.text }) }));
  return {
    s2r: prf(rows.map(({ r, a }) => ({ predictedMissing: !a.has.steps, missing: !r.has_s2r }))),
    eb: prf(rows.map(({ r, a }) => ({ predictedMissing: !a.has.expected, missing: !r.has_eb }))),
    ob: prf(rows.map(({ r, a }) => ({ predictedMissing: !a.has.actual, missing: !r.has_ob }))),
  };
}

/** 5-fold stratified CV and leave-one-system-out F1 of the shipped settings (scripts/train-repro-model.ts CHOSEN). */
export function heldOutScores(reports: Report[]): Record<Part, HeldOut> {
  const examples = featurise(reports);
  return { steps: heldOut(examples, 'steps', CHOSEN.steps), expected: heldOut(examples, 'expected', CHOSEN.expected), actual: heldOut(examples, 'actual', CHOSEN.actual) };
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
    const h = heldOutScores(reports);
    for (const [part, name] of [['steps', 'S2R'], ['expected', 'EB '], ['actual', 'OB ']] as const) {
      const per = Object.entries(h[part].perSystem).map(([s, p]) => `${s} ${p.f1.toFixed(3)}`).join(', ');
      log(`  held-out missing-${name}: 5-fold CV F1 ${h[part].cv.f1.toFixed(3)}; leave-one-system-out F1 ${h[part].loso.f1.toFixed(3)} (${per})`);
    }
    // Per-report times in steady state: 3 warm-up passes (the JIT settles), then 5 measured passes over every
    // report, pooled. A single cold pass reads ~10 % slower and swings with the machine's load.
    const PASSES = 5;
    for (let pass = 0; pass < 3; pass++) for (const r of reports) analyseReproSteps({ summary: r.title, description: r.text });
    const per: number[] = [];
    for (let pass = 0; pass < PASSES; pass++) {
      for (const r of reports) {
        const t0 = performance.now();
        analyseReproSteps({ summary: r.title, description: r.text });
        per.push(performance.now() - t0);
      }
    }
    per.sort((a, b) => a - b);
    log(`  per report (${PASSES} passes × ${reports.length} reports after warm-up): median ${percentile(per, 50).toFixed(3)} ms, p95 ${percentile(per, 95).toFixed(3)} ms (target median < 0.2 ms)`);
  }
  const sizes = [128, 256, 512, 1024];
  const times = sizes.map((kb) => {
    const text = bigDescription(kb * 1024);
    return timeMs(() => analyseReproSteps({ description: text }));
  });
  sizes.forEach((kb, i) => log(`  ${String(kb).padStart(4)} KB description: ${times[i]!.toFixed(1)} ms`));
  log(`  1 MB description: ${times[3]!.toFixed(1)} ms (target < 50 ms); 1 MB / 128 KB time ratio ${(times[3]! / times[0]!).toFixed(1)} (linear = 8; lower because only the first ${MAX_CUE_LINES} prose lines are read for cues)`);
  // Hostile shapes, 1 MB each: many short distinct lines, many labelled sections, one huge line, arrows/markup that
  // cue regexes look at, list-marker floods, code fences.
  const lines = (n: number, f: (i: number) => string): string => Array.from({ length: n }, (_, i) => f(i)).join('\n');
  const hostile: [string, string][] = [
    ['60k short distinct lines', lines(60_000, (i) => `click button ${i}`)],
    ['60k "Expected: N" lines', lines(60_000, (i) => `Expected: ${i}`)],
    ['60k alternating "Expected:"/"Actual:"/"Steps:" labels', lines(60_000, (i) => `${['Expected', 'Actual', 'Steps'][i % 3]}: ${i}`)],
    ['60k numbered list items', lines(60_000, (i) => `${i}. Open ${i}`)],
    ['50k code fences', lines(100_000, (i) => (i % 2 ? '```' : `x${i}`))],
    ['one 1 MB line', 'when I click '.repeat(80_000)],
    ['arrows and markup', 'a -> b > c <d> '.repeat(70_000)],
    ['deep list markers', '1. - * '.repeat(150_000)],
  ];
  for (const [name, text] of hostile) {
    const ms = timeMs(() => analyseReproSteps({ description: text.slice(0, 1 << 20) }));
    log(`  hostile ${name}: ${ms.toFixed(1)} ms (target < 50 ms${ms < 50 ? '' : ': OVER'})`);
  }
}

if (require.main === module) run();
