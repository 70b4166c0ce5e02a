/**
 * One workspace and one Chromium per browser-test file: registers beforeAll/afterAll and opens pages as a demo
 * user (the shell reads the acting user from localStorage before its first render).
 */
import type { Browser, Page } from 'playwright-core';
import type { SeedExtension } from '../../../local/seed';
import { launchBrowser } from './browser';
import { startTestWorkspace, type TestWorkspace } from './workspace';

export type BrowserSession = {
  readonly ws: TestWorkspace;
  readonly browser: Browser;
  /** A new page acting as `accountId`, opened at the shell route `hash` (e.g. '#/browse/RT-1'). */
  openAs(accountId: string, hash: string): Promise<Page>;
};

export function browserSession(options: { seedExtensions?: SeedExtension[]; defaultTimeoutMs?: number } = {}): BrowserSession {
  let ws: TestWorkspace | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    ws = await startTestWorkspace({ seedExtensions: options.seedExtensions });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await ws?.close();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('browserSession: used outside a test (the workspace starts in beforeAll).');
    return value;
  };
  return {
    get ws() {
      return started(ws);
    },
    get browser() {
      return started(browser);
    },
    async openAs(accountId, hash) {
      const page = await started(browser).newPage();
      if (options.defaultTimeoutMs) page.setDefaultTimeout(options.defaultTimeoutMs);
      await page.addInitScript((id) => localStorage.setItem('rt-shell:account-id', id), accountId);
      await page.goto(`${started(ws).url}/${hash}`);
      return page;
    },
  };
}
