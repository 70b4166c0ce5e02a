import type { z } from 'zod';
import { StorageError, type KeyValueStore } from './key-value-store';

/**
 * A typed view over one key prefix: values are parsed with their zod schema on every read and write,
 * so a bad stored value becomes a clear StorageError, never a silently wrong object.
 */
export function repository<T extends z.ZodType>(store: KeyValueStore, prefix: string, schema: T) {
  const keyOf = (id: string) => `${prefix}:${id}`;
  const parse = (key: string, raw: unknown): z.infer<T> => {
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      throw new StorageError(`Stored data at '${key}' is not valid (${first ? `${first.path.join('.')}: ${first.message}` : 'bad shape'}).`, key, true);
    }
    return parsed.data;
  };
  return {
    key: keyOf,
    async get(id: string): Promise<z.infer<T> | undefined> {
      const raw = await store.get(keyOf(id));
      return raw === undefined ? undefined : parse(keyOf(id), raw);
    },
    async set(id: string, value: z.infer<T>): Promise<void> {
      await store.set(keyOf(id), parse(keyOf(id), value));
    },
    delete: (id: string) => store.delete(keyOf(id)),
    async list(limit?: number): Promise<Array<{ id: string; value: z.infer<T> }>> {
      const entries = await store.list(`${prefix}:`, limit);
      return entries.map((e) => ({ id: e.key.slice(prefix.length + 1), value: parse(e.key, e.value) }));
    },
  };
}
