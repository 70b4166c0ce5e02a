import { ProcessorBuilder, ValidationTypes } from '@forge/manifest';
import { existsSync } from 'node:fs';
import { handlerExportName, readManifest } from '../../local/manifest/read-manifest';
import * as app from '../../src/index';

/**
 * manifest.yml against Atlassian's own manifest schema and validators (as published in @forge/manifest, the same
 * checks `forge lint` runs offline), and src/index.ts against the handlers the manifest names.
 */
describe('manifest.yml', () => {
  it('passes Atlassian’s manifest schema and validators', async () => {
    const result = await ProcessorBuilder.instance().withValidation(ValidationTypes.FULL).build().process('manifest.yml');
    const errors = (result.errors ?? []).map((e) => `${e.line ?? '?'}:${e.column ?? '?'} ${e.message}`);
    expect(errors).toEqual([]);
    expect(result.success).toBe(true);
  });

  it('names only handlers that src/index.ts exports, and src/index.ts exports nothing else', () => {
    const manifest = readManifest();
    const named = manifest.modules.function.map((f) => handlerExportName(f.handler)).sort();
    const exported = Object.keys(app).filter((k) => k !== '__esModule').sort();
    expect(exported).toEqual(named);
    for (const name of named) expect(typeof (app as Record<string, unknown>)[name]).toBe('function');
  });

  it('has a built Custom UI app at every resource path', () => {
    for (const r of readManifest().resources) expect(existsSync(`${r.path}/index.html`)).toBe(true);
  });

  it('points its comments at files that exist', () => {
    const text = jest.requireActual<typeof import('node:fs')>('node:fs').readFileSync('manifest.yml', 'utf8');
    const named = [...text.matchAll(/\b((?:test|src|local|scripts)\/[\w./-]+\.tsx?)\b/g)].map((m) => m[1]!);
    expect(named.length).toBeGreaterThan(0);
    expect(named.filter((p) => !existsSync(p))).toEqual([]);
  });

  it('asks only for the scopes the README explains', () => {
    const { readFileSync } = jest.requireActual<typeof import('node:fs')>('node:fs');
    const readme = readFileSync('README.md', 'utf8');
    for (const scope of readManifest().permissions.scopes) expect(readme).toContain(`\`${scope}\``);
  });
});

/**
 * `forge lint` needs an Atlassian login, so the suite runs its client-side linters offline instead
 * (scripts/forge-lint-offline.ts): clean on this app, and able to fail (a resource path with no build behind it).
 */
describe('forge lint (offline)', () => {
  const { execFileSync, spawnSync } = jest.requireActual<typeof import('node:child_process')>('node:child_process');
  const fs = jest.requireActual<typeof import('node:fs')>('node:fs');
  const { join, resolve } = jest.requireActual<typeof import('node:path')>('node:path');
  const { tmpdir } = jest.requireActual<typeof import('node:os')>('node:os');
  const script = resolve('scripts/forge-lint-offline.ts');
  const tsx = resolve('node_modules/.bin/tsx');

  it('reports no errors and no warnings for this app', () => {
    const out = execFileSync(tsx, [script], { encoding: 'utf8' });
    expect(out).toContain('0 errors, 0 warnings');
  }, 60_000);

  it('fails when a resource names a path that does not exist', () => {
    const dir = fs.mkdtempSync(join(tmpdir(), 'rt-lint-'));
    try {
      for (const f of ['manifest.yml', 'tsconfig.json']) fs.copyFileSync(f, join(dir, f));
      fs.cpSync('src', join(dir, 'src'), { recursive: true });
      fs.cpSync('static', join(dir, 'static'), { recursive: true });
      fs.rmSync(join(dir, 'static/regression-panel/build'), { recursive: true, force: true });
      const run = spawnSync(tsx, [script], { cwd: dir, encoding: 'utf8' });
      expect(run.status).toBe(1);
      expect(run.stdout).toMatch(/missing resource 'static\/regression-panel\/build'/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
