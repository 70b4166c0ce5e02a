import { createJiraGateway, type JiraGateway } from '../../src/jira/gateway';
import { httpTransportFromEnv } from '../../src/jira/http-transport';
import type { Services } from '../../src/runtime/services';
import type { KeyValueStore } from '../../src/storage/key-value-store';
import type { JobQueue } from '../../src/read-models/job-queue';
import { emulatorTransport, type EmulatorHandle } from './emulator-transport';

/** App storage kept in the workspace's data file, next to the emulator's Jira data (same atomic writes). */
export type AppStorageFile = {
  read(): Record<string, unknown>;
  update(mutate: (storage: Record<string, unknown>) => void): Promise<void>;
};

export function fileKeyValueStore(file: AppStorageFile): KeyValueStore {
  const clone = (v: unknown) => (v === undefined ? undefined : (JSON.parse(JSON.stringify(v)) as unknown));
  return {
    get: async (key) => clone(file.read()[key]),
    set: (key, value) => file.update((s) => void (s[key] = clone(value))),
    delete: (key) => file.update((s) => void delete s[key]),
    list: async (prefix, limit = 1000) =>
      Object.keys(file.read())
        .filter((k) => k.startsWith(prefix))
        .sort()
        .slice(0, limit)
        .map((key) => ({ key, value: clone(file.read()[key]) })),
  };
}

/**
 * The services the app's handlers use locally. Against the emulator, `asUser` acts as the shell's current user
 * and `asApp` as the app (which Jira lets do everything its scopes allow). With JIRA_BASE_URL, JIRA_EMAIL and
 * JIRA_API_TOKEN set, both act through the token's account on the real site.
 */
export function localServices(handle: EmulatorHandle, storage: KeyValueStore, now: () => Date = () => new Date(), queue?: JobQueue): Services {
  const real = httpTransportFromEnv();
  const realGateway = real ? createJiraGateway(real) : undefined;
  const cache = new Map<string, JiraGateway>();
  return {
    jira(as, accountId) {
      if (realGateway) return realGateway;
      const who = as === 'app' ? 'app' : accountId ?? '';
      let gateway = cache.get(who);
      if (!gateway) {
        gateway = createJiraGateway(emulatorTransport(handle, { 'x-rt-account-id': who }));
        cache.set(who, gateway);
      }
      return gateway;
    },
    appTransport: () => real ?? emulatorTransport(handle, { 'x-rt-account-id': 'app' }),
    storage,
    ...(queue ? { queue } : {}),
    now,
  };
}
