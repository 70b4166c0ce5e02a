import { randomUUID } from 'node:crypto';
import type { PromotionStore, Lease } from './store';

/**
 * A best-effort exclusive claim on one promotion, built on a key-value store that only has get and set
 * (no compare-and-set): read → write our claim with a lease → wait `settleMs` → read again; we own the
 * promotion only when the second read still shows our claim. The holder re-checks before every step
 * (`stillHeld`) and deletes the claim when it finishes.
 *
 * Limits, honestly:
 * - It is not a real lock. Two claimers can both win when one's read→write gap is longer than the other's
 *   `settleMs` (e.g. a storage call stalls for longer than the settle time). The steps are therefore also
 *   idempotent on their own: each checks Jira before acting (version already released, issue already moved,
 *   hand-off issue already there by its label), so a lost race repeats checks, not effects.
 * - A crashed holder blocks the promotion until its lease expires (`leaseMs`, longer than a resolver may run).
 * - A holder that outlives its lease can overlap with a new one; `stillHeld` before each step narrows that
 *   window to one step.
 */
export type LeaseOptions = { leaseMs: number; settleMs: number; now: () => Date; sleep?: (ms: number) => Promise<void> };
export const DEFAULT_LEASE: Omit<LeaseOptions, 'now'> = { leaseMs: 60_000, settleMs: 150 };

export type Claim = { ok: true; owner: string; release(): Promise<void>; stillHeld(): Promise<boolean> } | { ok: false; holder: Lease };

/** Whether a run holds the promotion now (an unexpired lease); a store that cannot be read counts as "no". */
export async function leaseLive(store: PromotionStore, id: string, now: () => Date): Promise<boolean> {
  const lease = await store.leases.get(id).catch(() => undefined);
  return lease !== undefined && Date.parse(lease.until) > now().getTime();
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function claimPromotion(store: PromotionStore, id: string, accountId: string, options: LeaseOptions): Promise<Claim> {
  const sleep = options.sleep ?? defaultSleep;
  const live = (l: Lease | undefined): l is Lease => l !== undefined && Date.parse(l.until) > options.now().getTime();
  const current = await store.leases.get(id).catch(() => undefined);
  if (live(current)) return { ok: false, holder: current };
  const owner = randomUUID();
  await store.leases.set(id, { owner, accountId, until: new Date(options.now().getTime() + options.leaseMs).toISOString() });
  await sleep(options.settleMs);
  const after = await store.leases.get(id).catch(() => undefined);
  if (!after || after.owner !== owner) return { ok: false, holder: after ?? { owner: 'unknown', accountId: '', until: new Date(options.now().getTime() + options.leaseMs).toISOString() } };
  return {
    ok: true,
    owner,
    stillHeld: async () => (await store.leases.get(id).catch(() => undefined))?.owner === owner,
    release: async () => {
      // Delete only our own claim: a lease that expired and was taken over belongs to someone else now.
      const mine = await store.leases.get(id).catch(() => undefined);
      if (mine?.owner === owner) await store.leases.delete(id);
    },
  };
}
