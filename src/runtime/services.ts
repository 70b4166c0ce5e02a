import { createJiraGateway, type JiraGateway } from '../jira/gateway';
import type { JiraTransport } from '../jira/transport';
import type { KeyValueStore } from '../storage/key-value-store';
import type { JobQueue } from '../read-models/job-queue';

/**
 * What handlers need from the platform. In Forge: @forge/api and @forge/kvs. The local workspace and tests
 * install their own factory (plain-HTTP gateway against the emulator, file-backed storage).
 */
export type Services = {
  /** A gateway acting as the calling user (Jira's permissions apply) or as the app itself. */
  jira(as: 'user' | 'app', accountId?: string): JiraGateway;
  /** The raw transport behind `jira('app')`, for callers with their own retry budget (the workflow validators). */
  appTransport?(): JiraTransport;
  storage: KeyValueStore;
  /** Background jobs (Forge's async events queue); absent where none is wired: read models then stay off. */
  queue?: JobQueue;
  now(): Date;
};

let current: Services | undefined;

export function installServices(services: Services): void {
  current = services;
}

/** The installed services, or the Forge ones (loaded lazily so nothing outside Forge imports @forge/*). */
export function services(): Services {
  if (!current) current = forgeServices();
  return current;
}

function forgeServices(): Services {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { forgeTransport } = require('../jira/forge-transport') as typeof import('../jira/forge-transport');
  const { forgeKvsStore } = require('../storage/forge-kvs-store') as typeof import('../storage/forge-kvs-store');
  const { forgeJobQueue } = require('../read-models/forge-job-queue') as typeof import('../read-models/forge-job-queue');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const asUser = createJiraGateway(forgeTransport('user'));
  const appTransport = forgeTransport('app');
  const asApp = createJiraGateway(appTransport);
  return { jira: (as) => (as === 'user' ? asUser : asApp), appTransport: () => appTransport, storage: forgeKvsStore(), now: () => new Date(), queue: forgeJobQueue() };
}
