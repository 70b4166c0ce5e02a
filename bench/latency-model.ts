/**
 * A deterministic latency model for the app's Jira (and app-storage) traffic, run in-process against the emulator.
 *
 * Requests are not answered one by one: they are collected until the app has nothing left to do but wait (the
 * event loop turned with no new request), then answered together as one *round* that costs the slowest request's
 * latency (300 ms for a Jira call by default, less for app storage). Requests the app issues in parallel
 * (Promise.all, a pool) land in the same round; a request that needs the previous reply lands in the next one.
 * So the modelled wall time of an invocation = Σ round latencies + the app's own CPU time (measured, with the
 * emulator's time taken out), which is what the app's real concurrency gives against a site that answers every
 * call in `latency` ms. Nothing sleeps, so a 50,000-bug run takes seconds, not minutes.
 */
import { performance } from 'node:perf_hooks';
import type { EmulatorHandle, EmulatorRequest, EmulatorResponse } from '../local/server/emulator-transport';
import type { KeyValueStore } from '../src/storage/key-value-store';

export type TrafficFigures = {
  /** Jira calls answered. */
  calls: number;
  /** Bytes of Jira's replies (JSON text). */
  bytes: number;
  /** App-storage operations. */
  storageOps: number;
  /** Rounds of waiting and their modelled cost. */
  rounds: number;
  waitMs: number;
  /** Time spent inside the emulator and the storage stand-in (not the app's). */
  serverMs: number;
  /** Most requests in one round. */
  maxParallel: number;
};

type Pending = { cost: number; run: () => Promise<unknown>; resolve: (v: unknown) => void; reject: (e: unknown) => void };

export class LatencyModel {
  private pending: Pending[] = [];
  private scheduled = false;
  figures: TrafficFigures = LatencyModel.zero();

  constructor(readonly jiraLatencyMs: number, readonly storageLatencyMs: number) {}

  static zero(): TrafficFigures {
    return { calls: 0, bytes: 0, storageOps: 0, rounds: 0, waitMs: 0, serverMs: 0, maxParallel: 0 };
  }

  reset(): TrafficFigures {
    const f = this.figures;
    this.figures = LatencyModel.zero();
    return f;
  }

  private enqueue<T>(cost: number, run: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.pending.push({ cost, run, resolve: resolve as (v: unknown) => void, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => void this.flush());
      }
    });
  }

  /** Answers every request the app has issued since the last round, then releases them together. */
  private async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    this.scheduled = false;
    const t0 = performance.now();
    const outcomes: Array<{ ok: boolean; value: unknown }> = [];
    for (const p of batch) {
      try {
        outcomes.push({ ok: true, value: await p.run() });
      } catch (e) {
        outcomes.push({ ok: false, value: e });
      }
    }
    this.figures.serverMs += performance.now() - t0;
    this.figures.rounds += 1;
    this.figures.waitMs += Math.max(...batch.map((p) => p.cost));
    this.figures.maxParallel = Math.max(this.figures.maxParallel, batch.length);
    batch.forEach((p, i) => (outcomes[i]!.ok ? p.resolve(outcomes[i]!.value) : p.reject(outcomes[i]!.value)));
  }

  /** The emulator's handler behind the model. */
  jira(handle: EmulatorHandle): EmulatorHandle {
    return (req: EmulatorRequest) =>
      this.enqueue(this.jiraLatencyMs, async (): Promise<EmulatorResponse> => {
        const reply = await handle(req);
        this.figures.calls += 1;
        this.figures.bytes += reply.body === undefined ? 0 : Buffer.byteLength(JSON.stringify(reply.body));
        return reply;
      });
  }

  /** App storage behind the model (each operation is one storage call). */
  storage(inner: KeyValueStore): KeyValueStore {
    const op = <T>(run: () => Promise<T>) =>
      this.enqueue(this.storageLatencyMs, () => {
        this.figures.storageOps += 1;
        return run();
      });
    return {
      get: (key) => op(() => inner.get(key)),
      set: (key, value) => op(() => inner.set(key, value)),
      delete: (key) => op(() => inner.delete(key)),
      list: (prefix, limit) => op(() => inner.list(prefix, limit)),
    };
  }
}

/**
 * One invocation under the model: its figures, the app's own time, the modelled wall time, and `localMs`: the
 * time it took here (app + emulator, no latency), i.e. what the local workspace needs for it.
 */
export async function measureInvocation<T>(model: LatencyModel, run: () => Promise<T>): Promise<{ result: T; figures: TrafficFigures; appMs: number; wallMs: number; localMs: number }> {
  model.reset();
  const t0 = performance.now();
  const result = await run();
  const elapsed = performance.now() - t0;
  const figures = model.reset();
  const appMs = Math.max(0, elapsed - figures.serverMs);
  return { result, figures, appMs, wallMs: appMs + figures.waitMs, localMs: elapsed };
}
