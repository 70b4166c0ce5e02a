/**
 * One seeded Jira emulator per test file (or per test): its data in a temp dir, the app's services installed on it
 * (unless `services: false`), and optionally the local workspace server in front of it over loopback HTTP.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createJiraEmulator, type JiraEmulator } from '../../local/emulator/handler';
import { appStorageFile, FileStore } from '../../local/emulator/store';
import { createSeedState, SEED_BASE_DATE, type SeedExtension } from '../../local/seed';
import { serveEmulatorSite } from '../../local/emulator/http-site';
import { fileKeyValueStore, localServices } from '../../local/server/local-services';
import { installServices } from '../../src/runtime/services';
import type { KeyValueStore } from '../../src/storage/key-value-store';

export type EmulatorEnvOptions = {
  /** Temp dir name prefix. */
  prefix?: string;
  /** Seed extensions applied on top of the demo seed. */
  extensions?: SeedExtension[];
  /** The emulator's self/links base URL (default: from the request's host). */
  baseUrl?: string;
  /** Install the app's runtime services (Jira via the emulator, app storage in the data file). Default true. */
  services?: boolean;
};

export type EmulatorEnv = { dir: string; store: FileStore; emulator: JiraEmulator; storage: KeyValueStore; close(): void };

export async function emulatorEnv(options: EmulatorEnvOptions = {}): Promise<EmulatorEnv> {
  const { prefix = 'rt-emulator-', extensions = [], baseUrl, services = true } = options;
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const store = new FileStore({ path: join(dir, 'jira.json'), seed: () => createSeedState(SEED_BASE_DATE, extensions) });
  await store.load();
  const emulator = createJiraEmulator(store, { now: () => SEED_BASE_DATE, ...(baseUrl ? { baseUrl } : {}) });
  const storage = fileKeyValueStore(appStorageFile(store));
  if (services) installServices(localServices(emulator.handle, storage, () => SEED_BASE_DATE));
  return { dir, store, emulator, storage, close: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The emulator as a Jira site on a free loopback port (what the plain-HTTP adapter talks to). */
export async function serveOverHttp(env: Pick<EmulatorEnv, 'emulator'>): Promise<{ baseUrl: string; close(): Promise<void> }> {
  const site = await serveEmulatorSite(env.emulator.handle);
  return { baseUrl: site.baseUrl, close: site.close };
}
