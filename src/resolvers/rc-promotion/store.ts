import { z } from 'zod';
import { abandonedPromotionSchema, auditEntrySchema, gateResultSchema, promotionConfigSchema, promotionStateSchema, type PromotionConfig } from '../../contracts/rc-promotion';
import { repository } from '../../storage/repository';
import { StorageError, type KeyValueStore } from '../../storage/key-value-store';

/**
 * App-storage layout of the RC promotion (every value parsed on read):
 *   rc-promotion:config:<PROJECT>          promotion settings (naming pattern, role, ops project, admin gates…)
 *   rc-promotion:state:<promotionId>       progress of one promotion, written after every step
 *   rc-promotion:evidence:<promotionId>    the gates as they were when the promotion started (for the audit)
 *   rc-promotion:audit:<promotionId>       the audit entry (who, when, evidence, override)
 *   rc-promotion:lease:<promotionId>       who is running the promotion right now (see lease.ts)
 *   rc-promotion:abandoned:<promotionId>:<at>  a stopped promotion a promoter gave up (who, when, why, its state)
 *   rc-promotion:reopened:<promotionId>    the train's earlier finished promotions that ops rolled back (state,
 *                                          evidence, audit, the hand-off and its rollback), oldest first
 */
export const PREFIX = 'rc-promotion';

export const leaseSchema = z.object({ owner: z.string().min(1).max(100), accountId: z.string().max(128), until: z.iso.datetime({ offset: true }) });
export type Lease = z.infer<typeof leaseSchema>;

/** One finished promotion moved aside when the train was reopened after ops rolled its release back. */
export const reopenedRoundSchema = z.object({
  state: promotionStateSchema,
  evidence: z.array(gateResultSchema).max(100).nullable(),
  audit: auditEntrySchema.nullable(),
  handoffKey: z.string().max(100),
  rolledBackAt: z.string().max(64),
  note: z.string().max(5000),
  reopenedAt: z.iso.datetime({ offset: true }),
  reopenedBy: z.string().max(128),
});
export const reopenedRecordSchema = z.object({ rounds: z.array(reopenedRoundSchema).max(50) });
export type ReopenedRound = z.infer<typeof reopenedRoundSchema>;

export function promotionStore(kv: KeyValueStore) {
  return {
    states: repository(kv, `${PREFIX}:state`, promotionStateSchema),
    evidence: repository(kv, `${PREFIX}:evidence`, z.array(gateResultSchema).max(100)),
    audits: repository(kv, `${PREFIX}:audit`, auditEntrySchema),
    leases: repository(kv, `${PREFIX}:lease`, leaseSchema),
    abandoned: repository(kv, `${PREFIX}:abandoned`, abandonedPromotionSchema),
    configs: repository(kv, `${PREFIX}:config`, promotionConfigSchema),
    reopened: repository(kv, `${PREFIX}:reopened`, reopenedRecordSchema),
  };
}
export type PromotionStore = ReturnType<typeof promotionStore>;

/** The project's promotion settings; the schema's defaults when none are stored. A bad stored value is an error, never silently replaced. */
export async function loadConfig(store: PromotionStore, projectKey: string): Promise<PromotionConfig> {
  try {
    return (await store.configs.get(projectKey)) ?? promotionConfigSchema.parse({});
  } catch (e) {
    if (e instanceof StorageError) throw new StorageError(`The RC promotion settings of ${projectKey} are not valid; ask a Jira admin to save them again. (${e.message})`, e.key);
    throw e;
  }
}
