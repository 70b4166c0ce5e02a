/**
 * Builds every Custom UI app into the path its manifest resource names (static/<key>/build), plus the local
 * workspace's shell and bridge host (local/.build). Run by `npm run build`, `npm start` and `npm test`.
 *
 * Apps and the shell are ES modules with code splitting: `index.html` loads a hashed entry (`<script type="module">`)
 * and preloads the chunks it imports statically; `import()` chunks load when used. What each app loads before its
 * first content is written to local/.build/bundles/<resource>.json for `npm run bench` (see docs/ui.md).
 */
import { build, type BuildOptions, type Metafile } from 'esbuild';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { readManifest } from '../local/manifest/read-manifest';
import { initialFiles } from './bundle-graph';

const common: BuildOptions = {
  bundle: true,
  minify: true,
  sourcemap: true,
  target: ['es2020', 'chrome110'],
  jsx: 'automatic',
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
  // Some Atlaskit packages carry their own react-dom 18 (peer ranges): one React, the app's, for every import.
  alias: { react: resolve('node_modules/react'), 'react-dom': resolve('node_modules/react-dom') },
  plugins: [
    {
      // Atlaskit asks a Statsig feature-gate client that no Forge iframe initialises: answer its defaults locally.
      name: 'uninitialised-feature-gates',
      setup(b) {
        b.onResolve({ filter: /^@atlaskit\/feature-gate-js-client(\/feature-gates)?$/ }, () => ({ path: resolve('scripts/stubs/feature-gates.js') }));
      },
    },
  ],
};

const split: BuildOptions = { ...common, format: 'esm', splitting: true, entryNames: '[name]-[hash]', chunkNames: 'chunks/[name]-[hash]', assetNames: 'assets/[name]-[hash]', metafile: true };

const page = (title: string, script: string, preloads: string[], stylesheet?: string) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<title>${title}</title>
${stylesheet ? `<link rel="stylesheet" href="${stylesheet}" />\n` : ''}${preloads.map((p) => `<link rel="modulepreload" href="${p}" />\n`).join('')}<script type="module" src="${script}"></script>
</head>
<body>
<div id="root"></div>
</body>
</html>
`;

const icon = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><rect x="2" y="9" width="20" height="8" rx="2" fill="#0C66E4"/><circle cx="7" cy="19" r="2" fill="#172B4D"/><circle cx="17" cy="19" r="2" fill="#172B4D"/><rect x="5" y="5" width="6" height="4" fill="#0C66E4"/></svg>`;

export type BundleInfo = { entry: string; css: string | null; initial: string[]; lazy: string[] };

/** Builds one app (or the shell) from `entries` into `outDir`; `main` is the entry index.html loads. */
async function buildApp(entries: Record<string, string>, outDir: string, title: string, infoName: string, options: BuildOptions = {}) {
  for (const e of Object.values(entries)) if (!existsSync(e)) throw new Error(`Missing Custom UI entry ${e}`);
  // Hashed names accumulate otherwise; the directory holds build output only.
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const result = await build({ ...split, ...options, entryPoints: entries, outdir: outDir });
  const meta = result.metafile as Metafile;
  const rel = (p: string) => relative(outDir, p).split('\\').join('/');
  const mainOut = Object.entries(meta.outputs).find(([, o]) => o.entryPoint === entries.main)?.[0];
  if (!mainOut) throw new Error(`esbuild emitted no entry for ${entries.main}`);
  const initial = initialFiles(meta, mainOut);
  const css = meta.outputs[mainOut]?.cssBundle;
  const all = Object.keys(meta.outputs).filter((p) => p.endsWith('.js'));
  const info: BundleInfo = { entry: rel(mainOut), css: css ? rel(css) : null, initial: initial.map(rel), lazy: all.filter((p) => !initial.includes(p)).map(rel) };
  writeFileSync(join(outDir, 'index.html'), page(title, `./${info.entry}`, info.initial.slice(1).map((p) => `./${p}`), info.css ? `./${info.css}` : undefined));
  writeFileSync(join(outDir, 'icon.svg'), icon);
  mkdirSync('local/.build/bundles', { recursive: true });
  writeFileSync(join('local/.build/bundles', `${infoName}.json`), JSON.stringify({ ...info, outDir }, null, 2));
}

async function main() {
  const manifest = readManifest();
  const started = Date.now();
  const jobs = manifest.resources.map((r) => buildApp({ main: join(dirname(r.path), 'src', 'main.tsx') }, r.path, `Release Train: ${r.key}`, r.key));
  // The shell and the bridge host's theme loader share one build (both load the token themes on demand).
  // Unhashed entries: the bridge host imports /apply-theme.js by that name.
  jobs.push(buildApp({ main: 'local/shell/main.tsx', 'apply-theme': 'local/bridge-host/apply-theme.ts' }, 'local/.build/shell', 'Release Train: local workspace', 'shell', { entryNames: '[name]' }));
  // The bridge host is a classic script: it must define window.__bridge before any app module runs.
  jobs.push(build({ ...common, format: 'iife', entryPoints: ['local/bridge-host/main.ts'], outfile: 'local/.build/bridge-host.js' }).then(() => undefined));
  await Promise.all(jobs);
  const shell = join('local/.build/shell/index.html');
  writeFileSync(shell, readFileSync(shell, 'utf8').replace('<title>', '<link rel="icon" href="./icon.svg" />\n<title>'));
  console.log(`Built ${manifest.resources.length} Custom UI apps, the shell and the bridge host in ${Date.now() - started} ms.`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
