/**
 * A local workspace for one browser test file: its own temporary data file seeded at the fixed seed date, a
 * free port, and a clock that starts at the seed date so sprints and histories read the same on every run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SeedExtension } from '../../../local/seed';
import { SEED_BASE_DATE, startWorkspace, type Workspace } from '../../../local/server/start-workspace';

export type TestWorkspace = Workspace & { dataPath: string };

export async function startTestWorkspace(options: { seedExtensions?: SeedExtension[] } = {}): Promise<TestWorkspace> {
  const dir = mkdtempSync(join(tmpdir(), 'rt-e2e-'));
  const dataPath = join(dir, 'jira.json');
  const startedAt = Date.now();
  const now = () => new Date(SEED_BASE_DATE.getTime() + (Date.now() - startedAt));
  const ws = await startWorkspace({ dataPath, port: 0, now, seedDate: SEED_BASE_DATE, seedExtensions: options.seedExtensions });
  return {
    ...ws,
    dataPath,
    close: async () => {
      await ws.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
