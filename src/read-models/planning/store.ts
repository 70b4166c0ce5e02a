/**
 * Where the planning read model lives in app storage (@forge/kvs through src/storage): per project one meta
 * record (state of the build, the field ids the rows were read with, the last full sync) and the rows spread
 * over `shards` records by issue id, each small enough for one storage value (Forge: 240 KiB).
 *
 *   rm-planning-meta:<PROJECT>              PlanningMeta
 *   rm-planning-rows:<PROJECT>:<shard>      { rows: PlanRow[] }
 */
import { z } from 'zod';
import type { KeyValueStore } from '../../storage/key-value-store';
import { repository } from '../../storage/repository';
import { planRowSchema, type PlanRow } from './rows';

/** Rows per shard the build aims at (a row is ~0.4 KB, so a full shard stays near 120 KB). */
export const ROWS_PER_SHARD = 300;

export const planningMetaSchema = z.object({
  version: z.literal(1),
  status: z.enum(['building', 'ready']),
  /** Bumped by every new build, so a step of an abandoned build recognises itself and stops. */
  generation: z.number().int().min(0),
  shards: z.number().int().min(1).max(4096),
  /** The field ids the rows were read with; other ids (board estimation changed) mean a rebuild. */
  fields: z.record(z.string(), z.string().optional()),
  fieldsKey: z.string(),
  /** When the current build started (ISO). */
  startedAt: z.string(),
  /** Every change before this moment is in the rows (ISO); set when the build completes and by each reconcile. */
  lastSyncAt: z.string().optional(),
  progress: z.object({
    read: z.number().int().min(0),
    total: z.number().int().min(0).nullable(),
    nextPageToken: z.string().nullable(),
    steps: z.number().int().min(0),
    failures: z.number().int().min(0),
    lastError: z.string().optional(),
    /** Last time a step stored progress (ISO): a build with no progress for a while has stalled and is resumed. */
    updatedAt: z.string(),
  }),
});
export type PlanningMeta = z.infer<typeof planningMetaSchema>;

const shardSchema = z.object({ rows: z.array(planRowSchema) });

export function planningStore(kv: KeyValueStore, projectKey: string) {
  const metas = repository(kv, 'rm-planning-meta', planningMetaSchema);
  const shards = repository(kv, 'rm-planning-rows', shardSchema);
  const shardId = (i: number) => `${projectKey}:${i}`;
  return {
    meta: () => metas.get(projectKey),
    setMeta: (meta: PlanningMeta) => metas.set(projectKey, meta),
    async shard(i: number): Promise<Map<string, PlanRow>> {
      const stored = await shards.get(shardId(i));
      return new Map((stored?.rows ?? []).map((r) => [r.id, r]));
    },
    setShard: (i: number, rows: Map<string, PlanRow>) => shards.set(shardId(i), { rows: [...rows.values()] }),
    /** Every row, all shards read in parallel. */
    async allRows(meta: PlanningMeta): Promise<PlanRow[]> {
      const all = await Promise.all(Array.from({ length: meta.shards }, (_, i) => shards.get(shardId(i))));
      return all.flatMap((s) => s?.rows ?? []);
    },
    async clearShards(count: number): Promise<void> {
      await Promise.all(Array.from({ length: count }, (_, i) => shards.delete(shardId(i))));
    },
  };
}
export type PlanningStore = ReturnType<typeof planningStore>;

/** Storage projects with a planning model (for the periodic reconcile). */
export async function planningProjects(kv: KeyValueStore): Promise<string[]> {
  return (await kv.list('rm-planning-meta:', 500)).map((e) => e.key.slice('rm-planning-meta:'.length));
}

/** Shards for about `openBugs` rows: a power of two so the spread stays even as the project grows. */
export function shardCountFor(openBugs: number): number {
  let n = 1;
  while (n * ROWS_PER_SHARD < openBugs * 1.5 && n < 4096) n *= 2;
  return n;
}
