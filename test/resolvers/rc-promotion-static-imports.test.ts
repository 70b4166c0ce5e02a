import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The RC promotion app reaches server code only through the shared contracts (@rt/contracts), never src/ directly. */
const dir = join(__dirname, '../../static/project-pages/src/rc-promotion');

it.each(readdirSync(dir).filter((f) => /\.tsx?$/.test(f)))('%s imports nothing from src/ but the contracts', (file) => {
  const imports = [...readFileSync(join(dir, file), 'utf8').matchAll(/from '([^']+)'/g)].map((m) => m[1]!);
  expect(imports.filter((i) => i.includes('/src/'))).toEqual([]);
});
