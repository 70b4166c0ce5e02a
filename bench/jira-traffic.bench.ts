/**
 * The app's Jira traffic at scale: each page's resolver calls replayed in-process against the emulator with
 * Jira's page sizes and caps, on the demo grown to 150 / 2,000 / 10,000 / 50,000 RT bugs (local/seed/scale.ts),
 * under the latency model of bench/latency-model.ts (default 300 ms per Jira call, 50 ms per storage call).
 * Prints per page, cold (fresh app storage) and warm (the same page again): Jira calls, MB read from Jira,
 * reply size, the app's own time, modelled wall time, and the slowest single invocation, with the targets of
 * issue 17 beside each figure. `workspace` is the time the same invocations take here with no latency (app +
 * emulator): what the local workspace needs to show the page (target: planning at 10,000 bugs under 2 s).
 *
 *   npm run bench -- jira-traffic                    all sizes
 *   BENCH_BUGS=150,10000 BENCH_LATENCY_MS=300 BENCH_STORAGE_LATENCY_MS=50 npx tsx bench/jira-traffic.bench.ts
 *
 * Pages: planning = 'sprint/load'; RC = 'rc/trains' then every unreleased candidate's 'rc/readiness' in parallel
 * (as RcPromotionPage does); metrics = 'delivery/metrics' (the Delivery metrics page). A page's wall time is the sum of its steps, a step's the
 * slowest of its parallel invocations.
 */
import { performance } from 'node:perf_hooks';
import { LatencyModel, measureInvocation, type TrafficFigures } from './latency-model';
import type { JobQueue, ReadModelJob } from '../src/read-models/job-queue';

type Invocation = { key: string; run: () => Promise<{ ok: boolean; data?: unknown; message?: string }> };
type Page = { name: string; steps: (earlier: unknown[][]) => Promise<Invocation[][]> | Invocation[][]; readModel?: boolean };
type PageFigures = { localMs: number; calls: number; bytes: number; replyBytes: number; appMs: number; wallMs: number; slowestMs: number; slowestKey: string; storageOps: number; errors: string[] };

const MB = 1024 * 1024;
const fmtMs = (ms: number) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
const fmtMb = (b: number) => (b >= MB ? `${(b / MB).toFixed(1)} MB` : `${(b / 1024).toFixed(0)} KB`);

/** The targets of issue 17 for a page at `bugs`, or undefined where it sets none. */
export function pageTargets(bugs: number): { wallMs?: number; replyBytes?: number; invocationMs?: number } {
  if (bugs >= 50_000) return { wallMs: 10_000, invocationMs: 10_000 };
  if (bugs >= 10_000) return { wallMs: 3_000, replyBytes: MB };
  return {};
}

const mark = (value: number, target: number | undefined) => (target === undefined ? '' : value <= target ? ' ✓' : ' ✗');

async function runPage(model: LatencyModel, page: Page): Promise<PageFigures> {
  const out: PageFigures = { localMs: 0, calls: 0, bytes: 0, replyBytes: 0, appMs: 0, wallMs: 0, slowestMs: 0, slowestKey: '', storageOps: 0, errors: [] };
  const earlier: unknown[][] = [];
  for (let s = 0; ; s++) {
    const steps = await page.steps(earlier);
    const step = steps[s];
    if (!step) break;
    let stepWall = 0;
    let stepLocal = 0;
    const results: unknown[] = [];
    for (const inv of step) {
      const m = await measureInvocation(model, inv.run);
      add(out, m.figures);
      out.appMs += m.appMs;
      out.replyBytes += Buffer.byteLength(JSON.stringify(m.result));
      if (!m.result.ok) out.errors.push(`${inv.key}: ${m.result.message ?? 'failed'}`);
      if (m.wallMs > out.slowestMs) {
        out.slowestMs = m.wallMs;
        out.slowestKey = inv.key;
      }
      stepWall = Math.max(stepWall, m.wallMs);
      stepLocal = Math.max(stepLocal, m.localMs);
      results.push(m.result.ok ? m.result.data : undefined);
    }
    out.wallMs += stepWall;
    out.localMs += stepLocal;
    earlier.push(results);
  }
  return out;
}

function add(out: PageFigures, f: TrafficFigures) {
  out.calls += f.calls;
  out.bytes += f.bytes;
  out.storageOps += f.storageOps;
}

async function buildSite(bugs: number, model: LatencyModel) {
  const { createJiraEmulator } = await import('../local/emulator/handler');
  const { FileStore } = await import('../local/emulator/store');
  const { createSeedState, SEED_BASE_DATE } = await import('../local/seed');
  const { scaleBugs } = await import('../local/seed/scale');
  const { seedExtensionsFor } = await import('../local/server/seed-size');
  const { localServices } = await import('../local/server/local-services');
  const { memoryStore } = await import('../src/storage/key-value-store');
  const files = new Map<string, string>();
  // The data file in memory: no disk, no reload checks (stat is optional), so the emulator's time is its own.
  const store = new FileStore({
    path: '/bench/jira.json',
    seed: () => createSeedState(SEED_BASE_DATE, [...seedExtensionsFor(undefined), scaleBugs(bugs)]),
    fs: {
      readFile: async (p) => {
        const v = files.get(p);
        if (v === undefined) throw Object.assign(new Error('missing'), { code: 'ENOENT' });
        return v;
      },
      writeFileSynced: async (p, d) => void files.set(p, d),
      rename: async (a, b) => {
        files.set(b, files.get(a)!);
        files.delete(a);
      },
      mkdir: async () => undefined,
      readdir: async () => [],
      unlink: async (p) => void files.delete(p),
      syncDir: async () => undefined,
    },
  });
  await store.load();
  files.clear(); // the state lives in the store; the file text is not needed again (reads never write)
  const emulator = createJiraEmulator(store, { now: () => SEED_BASE_DATE });
  const storage = memoryStore();
  const { readModelJobSchema } = await import('../src/read-models/job-queue');
  // Jobs are collected, not run: the bench runs each as its own invocation to time it.
  const jobs: ReadModelJob[] = [];
  const queue: JobQueue = { push: async (job) => void jobs.push(readModelJobSchema.parse(job)) };
  const services = localServices(model.jira(emulator.handle), model.storage(storage), () => SEED_BASE_DATE, queue);
  return { store, emulator, services, storage, jobs, queue };
}

export async function run(): Promise<void> {
  const sizes = (process.env['BENCH_BUGS'] ?? '150,2000,10000,50000').split(',').map((s) => Number(s.trim())).filter((n) => Number.isInteger(n) && n > 0);
  const latency = Number(process.env['BENCH_LATENCY_MS'] ?? 300);
  const storageLatency = Number(process.env['BENCH_STORAGE_LATENCY_MS'] ?? 50);
  const { installServices } = await import('../src/runtime/services');
  const { runProcedure } = await import('../src/resolvers/define-resolver');
  const { sprintPlanningHandlers, sprintPlanningProcedures } = await import('../src/resolvers/sprint-planning-handlers');
  const { rcPromotionHandlers, rcPromotionProcedures } = await import('../src/resolvers/rc-promotion-handlers');
  const { deliveryHandlers, deliveryProcedures } = await import('../src/resolvers/delivery-handlers');
  const { USERS } = await import('../local/seed/ids');
  const planner = { accountId: USERS.planner[0]!, extension: { project: { key: 'RT', id: '10000' } } };
  const rte = { accountId: USERS.rte[0]!, extension: { project: { key: 'RT', id: '10000' } } };
  const sprint = (key: string, input: unknown): Invocation => ({ key, run: () => runProcedure(sprintPlanningProcedures, sprintPlanningHandlers, key as 'sprint/load', { payload: { input }, context: planner }) as never });
  const rc = (key: string, input: unknown): Invocation => ({ key, run: () => runProcedure(rcPromotionProcedures, rcPromotionHandlers, key as 'rc/trains', { payload: { input }, context: rte }) as never });
  const pages: Page[] = [
    { name: 'planning (full read)', steps: () => [[sprint('sprint/load', {})]] },
    { name: 'planning (read model)', steps: () => [[sprint('sprint/load', {})]], readModel: true },
    {
      name: 'RC (all candidates)',
      steps: (earlier) => {
        const trains = earlier[0]?.[0] as { trains: Array<{ candidates: Array<{ version: { id: string; released: boolean } }> }> } | undefined;
        const ids = trains ? trains.trains.flatMap((t) => t.candidates.filter((c) => !c.version.released).map((c) => c.version.id)) : [];
        return [[rc('rc/trains', { projectKey: 'RT' })], ids.map((versionId) => rc('rc/readiness', { projectKey: 'RT', versionId }))];
      },
    },
    { name: 'metrics', steps: () => [[{ key: 'delivery/metrics', run: () => runProcedure(deliveryProcedures, deliveryHandlers, 'delivery/metrics', { payload: { input: { projectKey: 'RT' } }, context: rte }) as never }]] },
  ];

  console.log(`jira-traffic: ${latency} ms per Jira call, ${storageLatency} ms per storage call, the app's own concurrency; search pages of 100, 40 histories inline`);
  console.log('  targets (issue 17): page ≤ 3 s at 10k bugs once the read model is built and ≤ 10 s at 50k; reply ≤ 1 MB at 10k; no invocation over 10 s at 50k');
  const header = ['bugs', 'page', 'run', 'Jira calls', 'read', 'reply', 'app', 'wall', 'slowest invocation', 'storage ops', 'workspace'];
  console.log(`  ${header.join(' | ')}`);
  for (const bugs of sizes) {
    const model = new LatencyModel(latency, storageLatency);
    const t0 = performance.now();
    const site = await buildSite(bugs, model);
    installServices(site.services);
    const openBugs = site.store.get().issues.filter((i) => i.key.startsWith('RT-') && i.fields.issueTypeId === '10004' && site.store.get().statuses.find((s) => s.id === i.fields.statusId)?.category !== 'done').length;
    console.log(`  -- ${bugs} bugs (${openBugs} open), site built in ${fmtMs(performance.now() - t0)}`);
    const targets = pageTargets(bugs);
    const { runReadModelJob } = await import('../src/read-models/handlers');
    for (const page of pages) {
      // Only the read-model page has a background queue: the others read Jira as they always did.
      if (page.readModel) site.services.queue = site.queue;
      else delete site.services.queue;
      for (const runName of ['cold', 'build', 'warm'] as const) {
        let f: PageFigures;
        if (runName === 'build') {
          if (!page.readModel) continue;
          // The background build the cold load queued, one queue event (invocation) per step.
          f = { localMs: 0, calls: 0, bytes: 0, replyBytes: 0, appMs: 0, wallMs: 0, slowestMs: 0, slowestKey: '', storageOps: 0, errors: [] };
          let steps = 0;
          while (site.jobs.length > 0) {
            const job = site.jobs.shift()!;
            steps++;
            const m = await measureInvocation(model, async () => {
              try {
                await runReadModelJob(job);
                return { ok: true };
              } catch (e) {
                return { ok: false, message: e instanceof Error ? e.message : String(e) };
              }
            });
            add(f, m.figures);
            f.appMs += m.appMs;
            f.wallMs += m.wallMs;
            f.localMs += m.localMs;
            if (!m.result.ok) f.errors.push(`${job.kind}: ${m.result.message ?? ''}`);
            if (m.wallMs > f.slowestMs) {
              f.slowestMs = m.wallMs;
              f.slowestKey = `build step (of ${steps}+)`;
            }
          }
          f.slowestKey = `build step (${steps} steps)`;
        } else f = await runPage(model, page);
        const cells = [
          String(bugs),
          page.name,
          runName,
          String(f.calls),
          fmtMb(f.bytes),
          `${fmtMb(f.replyBytes)}${targets.replyBytes && runName !== 'build' ? ` (≤ 1 MB${mark(f.replyBytes, targets.replyBytes)})` : ''}`,
          fmtMs(f.appMs),
          `${fmtMs(f.wallMs)}${targets.wallMs && runName === 'warm' ? ` (≤ ${fmtMs(targets.wallMs)}${mark(f.wallMs, targets.wallMs)})` : runName === 'build' ? ' in total' : ''}`,
          `${f.slowestKey} ${fmtMs(f.slowestMs)}${targets.invocationMs ? ` (≤ 10 s${mark(f.slowestMs, targets.invocationMs)})` : ''}${f.slowestMs > 25_000 ? ' [over Forge 25 s]' : ''}`,
          String(f.storageOps),
          `${fmtMs(f.localMs)}${bugs === 10_000 && page.readModel && runName === 'warm' ? ` (≤ 2 s${mark(f.localMs, 2_000)})` : ''}`,
        ];
        console.log(`  ${cells.join(' | ')}`);
        for (const e of f.errors.slice(0, 3)) console.log(`      error: ${e.slice(0, 200)}`);
      }
    }
  }
}

if (/jira-traffic\.bench\.[cm]?[tj]s$/.test(process.argv[1] ?? '')) void run();
