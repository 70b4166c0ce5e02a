/**
 * Browser-test support for the look-and-feel matrix (issue 18): open a workspace page in a theme at a width, run
 * axe-core in a page or frame and keep only serious and critical violations, find elements painted with a hard-coded
 * white in dark mode, and keep screenshots as artefacts (test-artifacts/, gitignored).
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import type { BrowserSession } from './session';

export type Theme = 'light' | 'dark' | 'auto';

export const ARTIFACTS_DIR = resolve(__dirname, '../../../test-artifacts');
const AXE = require.resolve('axe-core/axe.min.js');

/** A page acting as `accountId` at `hash`, with the shell's theme switch preset to `theme`, `width` px wide. */
export async function openThemed(session: BrowserSession, options: { accountId: string; hash: string; theme: Theme; width: number; height?: number }): Promise<Page> {
  const page = await session.browser.newPage({ viewport: { width: options.width, height: options.height ?? 900 } });
  await page.addInitScript(
    ([id, theme]) => {
      localStorage.setItem('rt-shell:account-id', id);
      localStorage.setItem('rt-shell:theme', theme);
    },
    [options.accountId, options.theme] as const,
  );
  await page.goto(`${session.ws.url}/${options.hash}`);
  return page;
}

/** The colour mode a document shows (`data-color-mode` on <html>, as Jira sets it), or null when unthemed. */
export const colorModeOf = (target: Page | Frame): Promise<string | null> => target.evaluate(() => document.documentElement.getAttribute('data-color-mode'));

export type AxeViolation = { id: string; impact: string; help: string; targets: string[] };

/** Runs axe-core (node_modules/axe-core/axe.min.js, injected) in `target`; returns serious and critical violations. */
export async function axeSerious(target: Page | Frame): Promise<AxeViolation[]> {
  const loaded = await target.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  if (!loaded) await target.addScriptTag({ path: AXE });
  return target.evaluate(async () => {
    type Result = { violations: Array<{ id: string; impact?: string | null; help: string; nodes: Array<{ target: unknown[] }> }> };
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<Result> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact ?? '', help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.map(String).join(' ')) }));
  });
}

/** Visible elements whose own background is pure white: wrong in dark mode (a hard-coded colour, not a token). */
export function whiteBackgrounds(target: Page | Frame): Promise<string[]> {
  return target.evaluate(() => {
    const found: string[] = [];
    for (const el of [document.documentElement, document.body, ...document.body.querySelectorAll('*')]) {
      const style = getComputedStyle(el);
      if (style.backgroundColor !== 'rgb(255, 255, 255)' || style.visibility === 'hidden' || style.display === 'none') continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      found.push(`${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}`);
    }
    return found;
  });
}

/** Saves a full-page screenshot as test-artifacts/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const path = join(ARTIFACTS_DIR, `${name.replace(/[^a-z0-9._-]+/gi, '-')}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Reads `read()` until `ok(value)` holds (for changes that arrive by postMessage); the last value on timeout. */
export async function eventually<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read().catch(() => undefined as T);
    if (ok(value) || Date.now() > until) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
}
