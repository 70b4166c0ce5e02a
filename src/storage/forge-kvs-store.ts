import { kvs, WhereConditions } from '@forge/kvs';
import type { KeyValueStore } from './key-value-store';

/** @forge/kvs adapter (scope storage:app). */
export function forgeKvsStore(): KeyValueStore {
  return {
    get: (key) => kvs.get<unknown>(key),
    set: (key, value) => kvs.set(key, value),
    delete: (key) => kvs.delete(key),
    async list(prefix, limit = 1000) {
      const out: Array<{ key: string; value: unknown }> = [];
      let cursor: string | undefined;
      do {
        let q = kvs.query().where('key', WhereConditions.beginsWith(prefix)).limit(Math.min(100, limit - out.length));
        if (cursor) q = q.cursor(cursor);
        const page = await q.getMany<unknown>();
        out.push(...page.results.map((r) => ({ key: r.key, value: r.value })));
        cursor = page.nextCursor;
      } while (cursor && out.length < limit);
      return out;
    },
  };
}
