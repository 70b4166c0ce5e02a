/** Emulator-backed services for validator and config-resolver tests (seeded demo site, app storage in a temp file). */
import type { JiraEmulator } from '../../local/emulator/handler';
import { services } from '../../src/runtime/services';
import { emulatorEnv as seededEmulator } from '../support/emulator-env';

export type Env = { emulator: JiraEmulator; dir: string; close(): void };

export const emulatorEnv = (prefix: string): Promise<Env> => seededEmulator({ prefix });

/** Jira's validator payload for a move of `key` from one status id to another. */
export const payload = (key: string, from: string, to: string, configuration: unknown = {}, modifiedFields?: Record<string, unknown>) => ({
  issue: { key },
  configuration,
  transition: { from: { id: from }, to: { id: to }, ...(modifiedFields ? { modifiedFields } : {}) },
});

export const S = { OPEN: '10001', TRIAGE: '10002', DEV: '10003', RTE_REVIEW: '10004', IN_QA: '10005', DONE: '10006' } as const;

/** Jira REST calls made while `run` runs. */
export async function counting<T>(emulator: JiraEmulator, run: () => Promise<T>): Promise<{ value: T; calls: number; paths: string[] }> {
  emulator.resetCalls();
  const value = await run();
  return { value, calls: emulator.calls.length, paths: emulator.calls.map((c) => `${c.method} ${c.path}`) };
}

export const app = () => services().jira('app');
export const adf = (...paragraphs: string[]) => ({ type: 'doc', version: 1, content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) });
export const GOOD_REPRO = [
  'Steps to reproduce:',
  '1. Sign in as a customer on the web shop.',
  '2. Add any item to the cart and open Checkout.',
  '3. Pay with a saved Visa card.',
  'Expected: the order confirmation page opens.',
  'Actual: a blank page with error 500 is shown.',
  'Environment: Chrome 131 on Windows 11, production, app version 4.3.0-rc.1.',
];
