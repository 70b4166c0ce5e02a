import { z } from 'zod';
import { deliveryConfigSchema } from '../../contracts/delivery';
import type { DeliveryBug } from '../../domain/delivery';
import { metricStages } from '../../domain/rc-readiness/metrics';
import { repository } from '../../storage/repository';
import type { KeyValueStore } from '../../storage/key-value-store';

/**
 * App storage of the delivery metrics:
 *   delivery:config:<PROJECT>                      the severity order and threshold of the change failure rate
 *   delivery:release:<PROJECT>:<production name>   the bugs of a deployed release as they shipped (created, done,
 *                                                  time per stage): written once, at the first read while its train
 *                                                  runs in production, so old trains are never read from Jira again.
 *                                                  A rolled-back train is read live until it is deployed again.
 * Bugs are stored compactly (a Forge KVS value holds at most 240 KiB): [key, created, done, L2, triage, dev, review, qa].
 */
export const MAX_FROZEN_BUGS = 1000;

const ms = z.number().nonnegative().nullable();
const compactBug = z.tuple([z.string().max(40), z.string().max(40), z.string().max(40).nullable(), ms, ms, ms, ms, ms]);
export const frozenReleaseSchema = z.object({
  release: z.string().min(1).max(255),
  /** The hand-off whose deployment the figures belong to: a later hand-off of the train (after a rollback) re-reads them. */
  asOf: z.string().min(1).max(40),
  frozenAt: z.string(),
  bugs: z.array(compactBug).max(MAX_FROZEN_BUGS),
  /** True when the release had more bugs than are kept (the lead time is then of the kept ones). */
  cut: z.boolean().default(false),
});
export type FrozenRelease = z.infer<typeof frozenReleaseSchema>;

export function deliveryStore(kv: KeyValueStore) {
  return {
    configs: repository(kv, 'delivery:config', deliveryConfigSchema),
    releases: repository(kv, 'delivery:release', frozenReleaseSchema),
  };
}
export type DeliveryStore = ReturnType<typeof deliveryStore>;
export const frozenId = (projectKey: string, release: string) => `${projectKey}:${release}`;

export function freeze(release: string, asOf: string, bugs: readonly DeliveryBug[], at: string): FrozenRelease {
  return {
    release,
    asOf,
    frozenAt: at,
    cut: bugs.length > MAX_FROZEN_BUGS,
    bugs: bugs.slice(0, MAX_FROZEN_BUGS).map((b) => [b.key, b.createdAt, b.doneAt ?? null, ...metricStages.map((s) => b.stageDurationsMs?.[s] ?? null)] as z.infer<typeof compactBug>),
  };
}

export function thaw(frozen: FrozenRelease): DeliveryBug[] {
  return frozen.bugs.map(([key, createdAt, doneAt, ...stages]) => ({
    key,
    createdAt,
    fixReleases: [frozen.release],
    affectsReleases: [],
    ...(doneAt ? { doneAt } : {}),
    stageDurationsMs: Object.fromEntries(metricStages.flatMap((s, i) => (stages[i] === null || stages[i] === undefined ? [] : [[s, stages[i]]]))),
  }));
}
