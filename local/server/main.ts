/** `npm start`: the local workspace on http://localhost:4700 (PORT overrides), with demo data on first run. */
import { CorruptDataFileError, DEFAULT_DATA_PATH } from '../emulator/store';
import { resetStore } from '../emulator/reset';
import { DEFAULT_PORT, startWorkspace } from './start-workspace';
import { bugsInDataFile, seedBugsOption, seedExtensionsFor } from './seed-size';

async function main() {
  const port = process.env['PORT'] ? Number(process.env['PORT']) : DEFAULT_PORT;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not '${process.env['PORT']}'.`);
  const bugs = seedBugsOption();
  const dataPath = process.env['RT_DATA_FILE'] ?? DEFAULT_DATA_PATH;
  if (bugs !== undefined) {
    const held = await bugsInDataFile(dataPath);
    if (held !== undefined && held !== bugs) {
      console.log(`Reseeding ${dataPath} with ${bugs} bugs (it held ${held}).`);
      await resetStore(dataPath, new Date(), seedExtensionsFor(bugs));
    }
  }
  const ws = await startWorkspace({ port, host: process.env['HOST'] ?? '127.0.0.1', seedExtensions: seedExtensionsFor(bugs) });
  console.log(`Release Train local workspace: ${ws.url}`);
  console.log(ws.realJira ? `Jira: ${process.env['JIRA_BASE_URL']} (real site, via API token)` : `Jira: local emulator, data in ${ws.store.path} (\`npm run reset\` restores the demo data)`);
  console.log('Switch the demo user with "Acting as" in the top bar. Ctrl+C stops.');
  const stop = () => void ws.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  if (e instanceof CorruptDataFileError) console.error(e.message);
  else if ((e as { code?: string }).code === 'EADDRINUSE') console.error(`Port ${process.env['PORT'] ?? DEFAULT_PORT} is in use: stop the other workspace or run with PORT=4701 npm start.`);
  else console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
