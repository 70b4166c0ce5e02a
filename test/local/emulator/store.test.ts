import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CorruptDataFileError, DataFileChangedError, FileStore, nodeStoreFs, type StoreFs } from '../../../local/emulator/store';
import { resetStore } from '../../../local/emulator/reset';
import { createSeedState } from '../../../local/seed';
import { NOW } from './harness';

const tiny = () => {
  const s = createSeedState(NOW);
  // The store's own behaviour is under test, not the seed's app storage (seeded move rules): start it empty.
  return { ...s, issues: s.issues.slice(0, 3), appStorage: {} };
};
const tmp = () => join(mkdtempSync(join(tmpdir(), 'rt-store-')), 'sub', 'jira.json');

describe('FileStore', () => {
  it('seeds a missing file, persists updates and reloads them', async () => {
    const path = tmp();
    const store = new FileStore({ path, seed: tiny });
    await store.load();
    await store.update((s) => void (s.appStorage['k'] = { n: 1 }));
    const again = new FileStore({ path, seed: () => { throw new Error('must not reseed'); } });
    expect((await again.load()).appStorage).toEqual({ k: { n: 1 } });
  });
  it('serialises concurrent updates (none lost)', async () => {
    const store = new FileStore({ path: tmp(), seed: tiny });
    await store.load();
    await Promise.all(Array.from({ length: 25 }, (_, i) => store.update((s) => void (s.appStorage[`k${i}`] = i))));
    expect(Object.keys(store.get().appStorage)).toHaveLength(25);
    const reread = JSON.parse(readFileSync(store.path, 'utf8'));
    expect(Object.keys(reread.appStorage)).toHaveLength(25);
  });
  it('a mutator that throws leaves state and file unchanged', async () => {
    const store = new FileStore({ path: tmp(), seed: tiny });
    await store.load();
    const before = readFileSync(store.path, 'utf8');
    await expect(store.update((s) => { s.appStorage['half'] = 1; throw new Error('boom'); })).rejects.toThrow('boom');
    expect(store.get().appStorage).toEqual({});
    expect(readFileSync(store.path, 'utf8')).toBe(before);
  });
  it('a crash before the rename keeps the old file valid, and the stale temp file is cleaned on load', async () => {
    const path = tmp();
    const first = new FileStore({ path, seed: tiny });
    await first.load();
    await first.update((s) => void (s.appStorage['kept'] = true));
    const good = readFileSync(path, 'utf8');
    // Simulate the process dying between writing the temp file and renaming it: the temp file stays behind.
    const crashing: StoreFs = { ...nodeStoreFs, unlink: async () => undefined, rename: async () => { throw Object.assign(new Error('killed'), { code: 'EIO' }); } };
    const store = new FileStore({ path, seed: tiny, fs: crashing });
    await store.load();
    await expect(store.update((s) => void (s.appStorage['lost'] = true))).rejects.toThrow('killed');
    expect(store.get().appStorage).toEqual({ kept: true });
    expect(readFileSync(path, 'utf8')).toBe(good);
    const dir = join(path, '..');
    expect(readdirSync(dir).some((n) => n.endsWith('.tmp'))).toBe(true);
    const reloaded = new FileStore({ path, seed: tiny });
    expect((await reloaded.load()).appStorage).toEqual({ kept: true });
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
  it('refuses a corrupt file with an error naming it and npm run reset, without overwriting it', async () => {
    const path = tmp();
    const store = new FileStore({ path, seed: tiny });
    await store.load();
    writeFileSync(path, '{"version":1, "users": [');
    const broken = new FileStore({ path, seed: tiny });
    await expect(broken.load()).rejects.toThrow(CorruptDataFileError);
    await expect(broken.load()).rejects.toThrow(new RegExp(`${path.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}.*npm run reset`));
    expect(readFileSync(path, 'utf8')).toBe('{"version":1, "users": [');
    writeFileSync(path, JSON.stringify({ version: 99 }));
    await expect(new FileStore({ path, seed: tiny }).load()).rejects.toThrow(/format version is 99/);
  });
  it('never writes over a file another process replaced (npm run reset while running): reloads it instead', async () => {
    const path = tmp();
    const store = new FileStore({ path, seed: tiny });
    await store.load();
    await store.update((s) => void (s.appStorage['before-reset'] = true));
    const live = store.get();
    await resetStore(path, NOW); // another process, as `npm run reset` is
    await expect(store.update((s) => void (s.appStorage['after-reset'] = true))).rejects.toThrow(DataFileChangedError);
    const onDisk = JSON.parse(readFileSync(path, 'utf8'));
    expect(onDisk.appStorage).toEqual(createSeedState(NOW).appStorage);
    expect(onDisk.issues.length).toBeGreaterThan(150);
    // Reloaded in place (routes and storage hold the state object), and the next write lands on the reset data.
    expect(store.get()).toBe(live);
    expect(store.get().issues.length).toBeGreaterThan(150);
    await store.update((s) => void (s.appStorage['after-reset'] = true));
    expect(JSON.parse(readFileSync(path, 'utf8')).appStorage).toEqual({ ...createSeedState(NOW).appStorage, 'after-reset': true });
  });
  it('reloadIfChanged picks up a replaced file and leaves an unchanged one alone', async () => {
    const path = tmp();
    const store = new FileStore({ path, seed: tiny });
    await store.load();
    await store.update((s) => void (s.appStorage['mine'] = 1));
    await expect(store.reloadIfChanged()).resolves.toBe(false);
    await resetStore(path, NOW);
    await expect(store.reloadIfChanged()).resolves.toBe(true);
    expect(store.get().appStorage).toEqual(createSeedState(NOW).appStorage);
  });
  it('resetStore rewrites the file from the seed', async () => {
    const path = tmp();
    const store = new FileStore({ path, seed: tiny });
    await store.load();
    writeFileSync(path, 'garbage');
    await resetStore(path, NOW);
    const reloaded = await new FileStore({ path, seed: tiny }).load();
    expect(reloaded.issues.length).toBeGreaterThan(150);
  });
});
