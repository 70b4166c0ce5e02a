/**
 * The emulator's data file. One JSON document holds Jira's data and the app's storage; every write goes to a
 * temp file in the same directory, is fsynced and then renamed over the old file, so a crash mid-write leaves
 * the previous file intact. Writes are serialised: `update` runs its mutator on the live state and persists
 * before the next mutator runs; a mutator that throws, or a failed write, rolls the state back.
 * Another process may replace the file (`npm run reset` while `npm start` runs): the store never writes over a
 * file that changed since it last read or wrote it. It reloads it instead (`reloadIfChanged`, and before every
 * write, which then fails with DataFileChangedError rather than undo the other process's change).
 */
import { promises as fsp } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { EMULATOR_STATE_VERSION, type EmulatorState } from './state';

export * from './state';

export const DEFAULT_DATA_PATH = 'local/.data/jira.json';

/** The few filesystem calls the store makes, replaceable in tests to simulate crashes. */
export type StoreFs = {
  readFile(path: string): Promise<string>;
  writeFileSynced(path: string, data: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  mkdir(path: string): Promise<void>;
  readdir(path: string): Promise<string[]>;
  unlink(path: string): Promise<void>;
  syncDir(path: string): Promise<void>;
  /** Identity of the file on disk, to notice another process replacing it; without it that check is off. */
  stat?(path: string): Promise<DiskMark>;
};

/** What tells one version of the data file from another without reading it (a rename gives a new inode). */
export type DiskMark = { ino: number; size: number; mtimeMs: number };

export const nodeStoreFs: StoreFs = {
  readFile: (p) => fsp.readFile(p, 'utf8'),
  async writeFileSynced(p, data) {
    const handle = await fsp.open(p, 'wx', 0o600);
    try {
      await handle.writeFile(data, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
  rename: (a, b) => fsp.rename(a, b),
  mkdir: async (p) => void (await fsp.mkdir(p, { recursive: true })),
  readdir: (p) => fsp.readdir(p),
  unlink: (p) => fsp.unlink(p),
  async stat(p) {
    const st = await fsp.stat(p);
    return { ino: st.ino, size: st.size, mtimeMs: st.mtimeMs };
  },
  async syncDir(p) {
    // Makes the rename durable; not every platform lets a directory be opened, hence best effort.
    try {
      const handle = await fsp.open(p, 'r');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
    } catch {
      /* ignore */
    }
  },
};

export class CorruptDataFileError extends Error {
  constructor(readonly path: string, reason: string) {
    super(`The local Jira data file ${path} cannot be read: ${reason}. Run \`npm run reset\` to restore the demo data (this replaces the file).`);
    this.name = 'CorruptDataFileError';
  }
}

export class DataFileChangedError extends Error {
  constructor(readonly path: string) {
    super(`The local Jira data file ${path} was replaced by another process (\`npm run reset\`?). The workspace has reloaded it and did not apply this change; do it again.`);
    this.name = 'DataFileChangedError';
  }
}

const isNotFound = (e: unknown) => typeof e === 'object' && e !== null && (e as { code?: string }).code === 'ENOENT';

let tempCounter = 0;
const tempName = (path: string) => join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.${tempCounter++}.tmp`);
const isTempOf = (path: string, name: string) => name.startsWith(`.${basename(path)}.`) && name.endsWith('.tmp');

/** Writes `data` to `path` atomically: temp file in the same directory, fsync, rename, fsync the directory. */
export async function writeFileAtomic(path: string, data: string, fs: StoreFs = nodeStoreFs): Promise<void> {
  await fs.mkdir(dirname(path));
  const temp = tempName(path);
  try {
    await fs.writeFileSynced(temp, data);
    await fs.rename(temp, path);
  } catch (e) {
    await fs.unlink(temp).catch(() => undefined);
    throw e;
  }
  await fs.syncDir(dirname(path));
}

/** Parses a data file's text, refusing anything that is not an emulator state of this version. */
export function parseStateText(path: string, text: string): EmulatorState {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new CorruptDataFileError(path, `it is not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new CorruptDataFileError(path, 'it does not hold a JSON object');
  const state = parsed as Partial<EmulatorState>;
  if (state.version !== EMULATOR_STATE_VERSION) {
    throw new CorruptDataFileError(path, `its format version is ${JSON.stringify(state.version)}, this emulator reads version ${EMULATOR_STATE_VERSION}`);
  }
  const arrays = ['users', 'projects', 'statuses', 'workflows', 'fields', 'issues', 'versions', 'boards', 'sprints', 'issueLinks', 'linkTypes', 'roles'] as const;
  for (const key of arrays) if (!Array.isArray(state[key])) throw new CorruptDataFileError(path, `'${key}' is missing or not a list`);
  if (typeof state.appStorage !== 'object' || state.appStorage === null || Array.isArray(state.appStorage)) {
    throw new CorruptDataFileError(path, `'appStorage' is missing or not an object`);
  }
  return state as EmulatorState;
}

export type FileStoreOptions = {
  /** Data file; default `local/.data/jira.json` (relative to the working directory). */
  path?: string;
  /** State to create when the file does not exist yet. */
  seed: () => EmulatorState;
  fs?: StoreFs;
};

export class FileStore {
  readonly path: string;
  private readonly fs: StoreFs;
  private readonly seed: () => EmulatorState;
  private state: EmulatorState | undefined;
  private lastWritten = '';
  /** The file as this store last read or wrote it. */
  private disk: DiskMark | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private rev = 0;

  constructor(options: FileStoreOptions) {
    this.path = resolve(options.path ?? DEFAULT_DATA_PATH);
    this.fs = options.fs ?? nodeStoreFs;
    this.seed = options.seed;
  }

  /** Reads the file (seeding it when missing). Throws CorruptDataFileError for a file it cannot use; never overwrites one. */
  async load(): Promise<EmulatorState> {
    await this.removeStaleTempFiles();
    let text: string | undefined;
    try {
      text = await this.fs.readFile(this.path);
    } catch (e) {
      if (!isNotFound(e)) throw e;
    }
    if (text === undefined) {
      const seeded = this.seed();
      const json = JSON.stringify(seeded);
      await writeFileAtomic(this.path, json, this.fs);
      this.state = JSON.parse(json) as EmulatorState;
      this.lastWritten = json;
    } else {
      this.state = parseStateText(this.path, text);
      this.lastWritten = text;
    }
    this.disk = await this.mark();
    this.rev++;
    return this.state;
  }

  /** Reloads the file when another process replaced it since this store last read or wrote it; true if it did. */
  reloadIfChanged(): Promise<boolean> {
    return this.serialised(() => this.reloadWhenChanged());
  }

  /** Goes up whenever the state may have changed (load, update, reload): lets readers cache what they derive from it. */
  get revision(): number {
    return this.rev;
  }

  /** The live state. Treat it as read-only; change it only through `update`. */
  get(): EmulatorState {
    if (!this.state) throw new Error('FileStore.get() before load().');
    return this.state;
  }

  /**
   * Runs `mutator` on the state and persists the result, one update at a time. The mutator is synchronous so no
   * reader sees half a change; if it throws or the write fails, the state is restored and the error rethrown.
   */
  update<T>(mutator: (state: EmulatorState) => T): Promise<T> {
    return this.serialised(async (): Promise<T> => {
      if (await this.reloadWhenChanged()) throw new DataFileChangedError(this.path);
      const state = this.get();
      let result: T;
      this.rev++;
      try {
        result = mutator(state);
      } catch (e) {
        this.state = JSON.parse(this.lastWritten) as EmulatorState;
        this.rev++;
        throw e;
      }
      const json = JSON.stringify(this.state);
      if (json === this.lastWritten) return result;
      try {
        await writeFileAtomic(this.path, json, this.fs);
      } catch (e) {
        this.state = JSON.parse(this.lastWritten) as EmulatorState;
        this.rev++;
        throw e;
      }
      this.lastWritten = json;
      this.disk = await this.mark();
      return result;
    });
  }

  private serialised<T>(run: () => Promise<T>): Promise<T> {
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async mark(): Promise<DiskMark | undefined> {
    return this.fs.stat ? this.fs.stat(this.path).catch(() => undefined) : undefined;
  }

  private async reloadWhenChanged(): Promise<boolean> {
    if (!this.state || !this.disk) return false;
    const now = await this.mark();
    if (!now || (now.ino === this.disk.ino && now.size === this.disk.size && now.mtimeMs === this.disk.mtimeMs)) return false;
    const text = await this.fs.readFile(this.path);
    const fresh = parseStateText(this.path, text);
    // Swap the contents, not the object: routes and storage hold the state object itself.
    for (const key of Object.keys(this.state)) delete (this.state as Record<string, unknown>)[key];
    Object.assign(this.state, fresh);
    this.rev++;
    this.lastWritten = text;
    this.disk = now;
    return true;
  }

  /** Replaces the whole state (used by reset) through the same atomic write. */
  replace(state: EmulatorState): Promise<void> {
    return this.update((s) => {
      for (const key of Object.keys(s)) delete (s as Record<string, unknown>)[key];
      Object.assign(s, JSON.parse(JSON.stringify(state)) as EmulatorState);
    });
  }

  /** Left-over temp files of a crashed write are never the truth (the rename did not happen): remove them. */
  private async removeStaleTempFiles() {
    let names: string[] = [];
    try {
      names = await this.fs.readdir(dirname(this.path));
    } catch {
      return;
    }
    for (const name of names) if (isTempOf(this.path, name)) await this.fs.unlink(join(dirname(this.path), name)).catch(() => undefined);
  }
}

/** The app's @forge/kvs data inside the store, in the shape local/server/local-services.ts's `fileKeyValueStore` takes. */
export function appStorageFile(store: FileStore) {
  return {
    read: (): Record<string, unknown> => store.get().appStorage,
    update: (mutate: (storage: Record<string, unknown>) => void): Promise<void> => store.update((s) => mutate(s.appStorage)),
  };
}
