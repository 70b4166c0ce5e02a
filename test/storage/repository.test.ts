import { z } from 'zod';
import { memoryStore, StorageError } from '../../src/storage/key-value-store';
import { repository } from '../../src/storage/repository';

const schema = z.object({ name: z.string(), count: z.number() });

describe('typed repository', () => {
  it('round-trips values under its prefix and lists them', async () => {
    const store = memoryStore();
    const repo = repository(store, 'thing', schema);
    await repo.set('a', { name: 'A', count: 1 });
    await repo.set('b', { name: 'B', count: 2 });
    await expect(repo.get('a')).resolves.toEqual({ name: 'A', count: 1 });
    await expect(repo.list()).resolves.toEqual([
      { id: 'a', value: { name: 'A', count: 1 } },
      { id: 'b', value: { name: 'B', count: 2 } },
    ]);
    expect(Object.keys(store.dump())).toEqual(['thing:a', 'thing:b']);
  });

  it('turns a bad stored value into a StorageError that names the key, and leaves the data alone', async () => {
    const store = memoryStore({ 'thing:x': { name: 3 } });
    const repo = repository(store, 'thing', schema);
    await expect(repo.get('x')).rejects.toThrow(StorageError);
    await expect(repo.get('x')).rejects.toThrow(/thing:x/);
    expect(store.dump()['thing:x']).toEqual({ name: 3 });
  });

  it('refuses to write a value that does not fit its schema', async () => {
    const repo = repository(memoryStore(), 'thing', schema);
    await expect(repo.set('y', { name: 'ok' } as never)).rejects.toThrow(StorageError);
    await expect(repo.get('y')).resolves.toBeUndefined();
  });
});
