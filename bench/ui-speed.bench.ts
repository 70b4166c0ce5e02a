/**
 * Custom UI speed (issue 18): each app's initial JavaScript (the entry and its static imports: what the browser
 * loads before first content; `import()` chunks excluded), raw and gzip, against 250 KB gzip; and its first
 * content in the local workspace on the demo data (Chromium, the frame's first-contentful-paint, measured from the
 * frame's own navigation and from the shell page's), against 1.5 s. Needs `npm run build` first.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { readManifest } from '../local/manifest/read-manifest';
import { seedIds } from '../local/seed';
import { SEED_BASE_DATE, startWorkspace } from '../local/server/start-workspace';
import { launchBrowser } from '../test/e2e/support/browser';
import type { BundleInfo } from '../scripts/build-static';

const JS_BUDGET_GZIP = 250 * 1024;
const FIRST_CONTENT_BUDGET_MS = 1500;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

export function initialSize(resourceKey: string): { files: number; raw: number; gzip: number; lazyFiles: number } {
  const file = join('local/.build/bundles', `${resourceKey}.json`);
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first.`);
  const info = JSON.parse(readFileSync(file, 'utf8')) as BundleInfo & { outDir: string };
  let raw = 0;
  let gzip = 0;
  for (const f of info.initial) {
    const body = readFileSync(join(info.outDir, f));
    raw += body.length;
    gzip += gzipSync(body, { level: 9 }).length;
  }
  return { files: info.initial.length, raw, gzip, lazyFiles: info.lazy.length };
}

type Scenario = { app: string; label: string; accountId: string; hash: string; open?: (page: Page) => Promise<void> };

async function firstContent(page: Page, resource: string): Promise<{ inFrame: number; fromPage: number }> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const frame = page.frames().find((f) => f.url().includes('/__app/frame') && f.url().includes(`resource=${resource}&`) && !f.url().includes('modal='));
    const timing = await frame
      ?.evaluate(() => {
        const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime;
        const root = document.getElementById('root');
        return fcp !== undefined && root && root.textContent!.trim().length > 0 ? { fcp, origin: performance.timeOrigin } : null;
      })
      .catch(() => null);
    if (timing) {
      const pageOrigin = await page.evaluate(() => performance.timeOrigin);
      return { inFrame: timing.fcp, fromPage: timing.origin + timing.fcp - pageOrigin };
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${resource}: no content within 30 s`);
}

export async function run(): Promise<void> {
  const manifest = readManifest();
  console.log(`Initial JS per app (entry + static imports), budget ${kb(JS_BUDGET_GZIP)} gzip:`);
  for (const r of manifest.resources) {
    const s = initialSize(r.key);
    console.log(`  ${r.key.padEnd(18)} ${kb(s.raw).padStart(10)} raw ${kb(s.gzip).padStart(9)} gzip in ${s.files} files (${s.lazyFiles} more on demand) ${s.gzip <= JS_BUDGET_GZIP ? 'OK' : 'OVER BUDGET'}`);
  }

  const dir = mkdtempSync(join(tmpdir(), 'rt-bench-ui-'));
  const ws = await startWorkspace({ dataPath: join(dir, 'jira.json'), port: 0, seedDate: SEED_BASE_DATE });
  const browser = await launchBrowser();
  try {
    const issues = ws.store.get().issues;
    const inQa = issues.find((i) => i.fields.statusId === seedIds.STATUS.IN_QA && i.key.startsWith('RT-'));
    const handoff = issues.find((i) => i.fields.summary.startsWith('Deploy '));
    const scenarios: Scenario[] = [
      { app: 'project-pages', label: 'sprint planning', accountId: 'rt-rte-chloe', hash: '#/project/sprint-planning' },
      { app: 'project-pages', label: 'RC promotion', accountId: 'rt-rte-chloe', hash: '#/project/rc-promotion' },
      { app: 'project-pages', label: 'delivery metrics', accountId: 'rt-rte-chloe', hash: '#/project/delivery-metrics' },
      ...(inQa ? [{ app: 'regression-panel', label: `QA regression on ${inQa.key}`, accountId: 'rt-qa-hiro', hash: `#/browse/${inQa.key}` }] : []),
      ...(handoff ? [{ app: 'ops-panel', label: `hand-off ${handoff.key}`, accountId: 'rt-ops-kwame', hash: `#/browse/${handoff.key}` }] : []),
      { app: 'repro-field', label: 'create bug editor', accountId: 'rt-l2-amara', hash: '#/create' },
      {
        app: 'validator-config',
        label: 'validator config (after Edit)',
        accountId: 'rt-rte-chloe',
        hash: '#/settings/workflow',
        open: (page) => page.getByRole('button', { name: 'Edit Repro steps are clear on Triage' }).click({ timeout: 30_000 }),
      },
    ];
    console.log(`First content in the workspace (demo data, Chromium), budget ${FIRST_CONTENT_BUDGET_MS} ms from the frame's start:`);
    for (const s of scenarios) {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      await page.addInitScript((id) => localStorage.setItem('rt-shell:account-id', id), s.accountId);
      await page.goto(`${ws.url}/${s.hash}`);
      await s.open?.(page);
      const t = await firstContent(page, s.app);
      console.log(`  ${s.app.padEnd(18)} ${s.label.padEnd(32)} ${t.inFrame.toFixed(0).padStart(5)} ms in frame, ${t.fromPage.toFixed(0).padStart(5)} ms from page start ${t.inFrame <= FIRST_CONTENT_BUDGET_MS ? 'OK' : 'OVER BUDGET'}`);
      await page.close();
    }
  } finally {
    await browser.close();
    await ws.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
