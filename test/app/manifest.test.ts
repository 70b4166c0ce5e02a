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

  it('asks only for the scopes the README explains', () => {
    const { readFileSync } = jest.requireActual<typeof import('node:fs')>('node:fs');
    const readme = readFileSync('README.md', 'utf8');
    for (const scope of readManifest().permissions.scopes) expect(readme).toContain(`\`${scope}\``);
  });
});
