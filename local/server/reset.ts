/** `npm run reset`: restores the local workspace's demo data (Jira and app storage), atomically. */
import { resetStore } from '../emulator/reset';
import { DEFAULT_DATA_PATH } from '../emulator/store';
import { seedBugsOption, seedExtensionsFor } from './seed-size';

const path = process.env['RT_DATA_FILE'] ?? DEFAULT_DATA_PATH;
Promise.resolve()
  .then(() => resetStore(path, new Date(), seedExtensionsFor(seedBugsOption())))
  .then((state) => console.log(`Demo data restored in ${path}: ${state.issues.length} issues, ${state.users.length} users. A running \`npm start\` reloads it on its next request.`))
  .catch((e: unknown) => {
    console.error(`Could not reset ${path}: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  });
