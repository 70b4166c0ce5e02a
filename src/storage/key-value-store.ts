/** The app-storage port: @forge/kvs in Forge, the emulator's data file locally, a Map in tests. */
export interface KeyValueStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<void>;
  /** Every entry whose key starts with `prefix` (bounded by `limit`). */
  list(prefix: string, limit?: number): Promise<Array<{ key: string; value: unknown }>>;
}

export class StorageError extends Error {
  override readonly name = 'StorageError';
  constructor(
    message: string,
    readonly key: string,
    /** The stored value itself is unreadable (not the store failing): retrying cannot help. */
    readonly corrupt = false,
  ) {
    super(message);
  }
}

/** In-memory store for tests and benchmarks; values are deep-copied as a real store would serialise them. */
export function memoryStore(initial: Record<string, unknown> = {}): KeyValueStore & { dump(): Record<string, unknown> } {
  const data = new Map<string, string>(Object.entries(initial).map(([k, v]) => [k, JSON.stringify(v)]));
  return {
    get: async (key) => {
      const raw = data.get(key);
      return raw === undefined ? undefined : (JSON.parse(raw) as unknown);
    },
    set: async (key, value) => {
      data.set(key, JSON.stringify(value));
    },
    delete: async (key) => {
      data.delete(key);
    },
    list: async (prefix, limit = 1000) =>
      [...data.entries()]
        .filter(([k]) => k.startsWith(prefix))
        .sort(([a], [b]) => a.localeCompare(b))
        .slice(0, limit)
        .map(([key, raw]) => ({ key, value: JSON.parse(raw) as unknown })),
    dump: () => Object.fromEntries([...data.entries()].map(([k, v]) => [k, JSON.parse(v) as unknown])),
  };
}
