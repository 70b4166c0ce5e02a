/**
 * `npm run bench`: every bench/<area>.bench.ts in turn (each exports `run()`, which prints its own figures).
 * Pass area names to run some: `npm run bench -- sprint-plan validators`.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

async function main() {
  const wanted = process.argv.slice(2);
  const files = readdirSync(__dirname)
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => wanted.length === 0 || wanted.includes(f.replace(/\.bench\.ts$/, '')))
    .sort();
  if (files.length === 0) throw new Error(`No benchmark matches ${wanted.join(', ')}. Available: ${readdirSync(__dirname).filter((f) => f.endsWith('.bench.ts')).join(', ')}`);
  for (const file of files) {
    console.log(`\n=== ${file.replace(/\.bench\.ts$/, '')} ===`);
    const mod = (await import(join(__dirname, file))) as { run?: () => unknown };
    if (typeof mod.run !== 'function') throw new Error(`${file} exports no run()`);
    await mod.run();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
