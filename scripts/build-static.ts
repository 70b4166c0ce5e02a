/**
 * Builds every Custom UI app into the path its manifest resource names (static/<key>/build), plus the local
 * workspace's shell and bridge host (local/.build). Run by `npm run build`, `npm start` and `npm test`.
 */
import { build, type BuildOptions } from 'esbuild';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { readManifest } from '../local/manifest/read-manifest';

const common: BuildOptions = {
  bundle: true,
  minify: true,
  sourcemap: true,
  format: 'iife',
  target: ['es2020', 'chrome110'],
  jsx: 'automatic',
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
};

const page = (title: string, script: string, stylesheet?: string) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<title>${title}</title>
${stylesheet ? `<link rel="stylesheet" href="${stylesheet}" />\n` : ''}</head>
<body>
<div id="root"></div>
<script src="${script}"></script>
</body>
</html>
`;

const icon = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><rect x="2" y="9" width="20" height="8" rx="2" fill="#0C66E4"/><circle cx="7" cy="19" r="2" fill="#172B4D"/><circle cx="17" cy="19" r="2" fill="#172B4D"/><rect x="5" y="5" width="6" height="4" fill="#0C66E4"/></svg>`;

async function buildApp(entry: string, outDir: string, title: string) {
  if (!existsSync(entry)) throw new Error(`Missing Custom UI entry ${entry}`);
  mkdirSync(outDir, { recursive: true });
  rmSync(join(outDir, 'main.css'), { force: true });
  await build({ ...common, entryPoints: [entry], outfile: join(outDir, 'main.js') });
  // Atlaskit's compiled styles are bundled as CSS: esbuild writes them next to the script.
  const css = existsSync(join(outDir, 'main.css')) ? './main.css' : undefined;
  writeFileSync(join(outDir, 'index.html'), page(title, './main.js', css));
  writeFileSync(join(outDir, 'icon.svg'), icon);
}

async function main() {
  const manifest = readManifest();
  const started = Date.now();
  const jobs = manifest.resources.map((r) => buildApp(join(dirname(r.path), 'src', 'main.tsx'), r.path, `Release Train: ${r.key}`));
  jobs.push(buildApp('local/shell/main.tsx', 'local/.build/shell', 'Release Train: local workspace'));
  jobs.push(build({ ...common, entryPoints: ['local/bridge-host/main.ts'], outfile: 'local/.build/bridge-host.js' }).then(() => undefined));
  await Promise.all(jobs);
  const shell = join('local/.build/shell/index.html');
  writeFileSync(shell, readFileSync(shell, 'utf8').replace('<title>', '<link rel="icon" href="./icon.svg" />\n<title>'));
  console.log(`Built ${manifest.resources.length} Custom UI apps, the shell and the bridge host in ${Date.now() - started} ms.`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
