/**
 * Composes the local workspace: the data file (emulated Jira + app storage), the Jira emulator with Forge
 * validators wired into its transitions, the app's handlers running in-process with local services, and the
 * HTTP server for the shell and the Custom UI frames. `npm start` and the browser tests both start it here.
 */
import type { AddressInfo } from 'node:net';
import * as app from '../../src/index';
import { installServices, type Services } from '../../src/runtime/services';
import { createJiraEmulator, type JiraEmulator } from '../emulator/handler';
import { appStorageFile, DEFAULT_DATA_PATH, FileStore } from '../emulator/store';
import { createSeedState, SEED_BASE_DATE, type SeedExtension } from '../seed';
import { WORKSPACE_SEED_EXTENSIONS } from './workspace-seed';
import { createAppHost } from './app-host';
import { emulatorBackend } from './emulator-backend';
import { createWorkspaceServer, type WorkspaceBackend } from './http-server';
import { isLoopbackHost, LOCAL_TOKEN_HEADER, newLocalToken } from './request-guard';
import { fileKeyValueStore, localServices } from './local-services';
import { realJiraProxy } from './real-jira-proxy';
import { projectKeyFromEnv, realSiteProjectInfo } from './real-site-backend';
import { createJiraGateway } from '../../src/jira/gateway';
import { httpTransportFromEnv } from '../../src/jira/http-transport';
import { validatorHooks } from './validator-hooks';
import { withIssueEvents } from './issue-events';
import { inProcessJobQueue } from '../../src/read-models/job-queue';
import { onIssueChangedForReadModels, readModelsConsumer } from '../../src/read-models/handlers';
import { READ_MODELS_QUEUE_KEY } from '../../src/read-models/forge-job-queue';

export type WorkspaceOptions = {
  dataPath?: string;
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  /** Clock for the emulator and the app; default: the real clock. */
  now?: () => Date;
  /** Date the demo data is generated around when the data file does not exist yet; default: now(). */
  seedDate?: Date;
  seedExtensions?: SeedExtension[];
  /** Directory that holds static/ and local/.build; default: the working directory. */
  root?: string;
};

export type Workspace = {
  url: string;
  port: number;
  store: FileStore;
  emulator: JiraEmulator;
  services: Services;
  realJira: boolean;
  /** This start's token, which the served pages carry (tests calling the API directly send it: `apiHeaders`). */
  localToken: string;
  /** Headers of a same-origin API call from the workspace's own pages (the token, and the acting user if given). */
  apiHeaders(accountId?: string): Record<string, string>;
  close(): Promise<void>;
};

export const DEFAULT_PORT = 4700;
export async function startWorkspace(options: WorkspaceOptions = {}): Promise<Workspace> {
  const now = options.now ?? (() => new Date());
  const store = new FileStore({ path: options.dataPath ?? process.env['RT_DATA_FILE'] ?? DEFAULT_DATA_PATH, seed: () => createSeedState(options.seedDate ?? now(), options.seedExtensions ?? WORKSPACE_SEED_EXTENSIONS) });
  await store.load();

  const appHost = createAppHost(app as unknown as Record<string, unknown>);
  const emulator = createJiraEmulator(store, { ...validatorHooks(appHost, () => store.get()), now });
  const storage = fileKeyValueStore(appStorageFile(store));
  // Background jobs run in this process; issue writes reach the app's trigger as Forge's product events would.
  // Each job reaches the consumer the manifest names, as the AsyncEvent Forge would deliver (same code path as Forge).
  const consume = (job: Parameters<typeof readModelsConsumer>[0]) => readModelsConsumer({ body: job, queueName: READ_MODELS_QUEUE_KEY, jobId: 'local', eventId: `local-${Date.now()}` });
  const queue = inProcessJobQueue(() => consume, { onError: (job, e) => console.error(`Background job ${job.kind} (${job.projectKey}) failed:`, e instanceof Error ? e.message : e) });
  const jiraWithEvents = withIssueEvents(emulator.handle, store, onIssueChangedForReadModels);
  const services = localServices(jiraWithEvents, storage, now, queue);
  installServices(services);

  const real = realJiraProxy();
  const site = real ? httpTransportFromEnv() : undefined;
  const backend: WorkspaceBackend = {
    jira: real ?? jiraWithEvents,
    ...emulatorBackend(store),
    ...(site ? { projectInfo: realSiteProjectInfo(createJiraGateway(site), projectKeyFromEnv()) } : {}),
  };
  const host = options.host ?? '127.0.0.1';
  if (real && !isLoopbackHost(host)) {
    // Other machines can send any Host header: the request guard is for browsers, not for the network.
    throw new Error(`Real-site mode holds your Jira API token, so the workspace listens on this machine only: HOST must be 127.0.0.1, localhost or ::1, not '${host}'.`);
  }
  const localToken = newLocalToken();
  const server = createWorkspaceServer({ backend, appHost, root: options.root, token: localToken, host });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? DEFAULT_PORT, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`,
    port,
    store,
    emulator,
    services,
    realJira: real !== undefined,
    localToken,
    apiHeaders: (accountId) => ({ [LOCAL_TOKEN_HEADER]: localToken, ...(accountId ? { 'x-rt-account-id': accountId } : {}) }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

export { SEED_BASE_DATE };
