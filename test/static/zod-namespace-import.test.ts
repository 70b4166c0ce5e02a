/**
 * Code the Custom UI apps bundle (contracts and the pure domain) imports zod as a namespace: with `import { z }`
 * esbuild cannot leave out what a bundle does not use, and every app's initial JS grew by ~340 KB raw (docs/ui.md).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const files = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : n.endsWith('.ts') ? [join(dir, n)] : []));
const namedImport = /import\s*\{[^}]*\bz\b[^}]*\}\s*from\s*'zod'/;

test('the detector sees a named import and lets the namespace and type-only imports pass', () => {
  expect(namedImport.test(`import { z } from 'zod';`)).toBe(true);
  expect(namedImport.test(`import * as z from 'zod';`)).toBe(false);
});

test('src/contracts and src/domain import zod as a namespace (type-only imports excepted)', () => {
  const offenders = [...files('src/contracts'), ...files('src/domain')].filter((f) => readFileSync(f, 'utf8').split('\n').some((l) => !/^import type /.test(l) && namedImport.test(l)));
  expect(offenders).toEqual([]);
});
