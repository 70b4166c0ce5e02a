/**
 * `npm run lint:forge`: the checks `forge lint` runs on this machine's side, without an Atlassian login.
 * `forge lint` itself refuses to start when nobody is logged in, so this calls @forge/lint directly with its
 * client-side linters (manifest schema and permissions, handlers, invoke endpoints, resources, deprecated APIs…),
 * leaving out only the PermissionLinter, which downloads Atlassian's API specs. Statsig (remote feature flags) is
 * replaced by the "no deprecated runtimes" default. Lints the app in the working directory; exit 1 on errors.
 */
import { execFileSync } from 'node:child_process';
import { getClientSideLintersOnly, lint, problemCount } from '@forge/lint';
import { ProcessorBuilder, ValidationTypes } from '@forge/manifest';

type Problem = { file: string; line: number; message: string; severity: 'error' | 'warning' };

export async function forgeLintOffline(): Promise<Problem[]> {
  const processed = await ProcessorBuilder.instance().withValidation(ValidationTypes.FULL).build().process('manifest.yml');
  if (!processed.manifestObject) return (processed.errors ?? []).map((e) => ({ file: 'manifest.yml', line: e.line ?? 0, message: e.message, severity: 'error' }));
  const manifest = processed.manifestObject.typedContent as Parameters<typeof lint>[1] | undefined;
  if (!manifest) throw new Error('manifest.yml could not be read.');
  const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined, trace: () => undefined };
  const statsig = { getDeprecatedRuntimes: async () => [] } as unknown as Parameters<typeof lint>[4];
  const logger = quiet as unknown as Parameters<typeof lint>[3];
  const linters = (await getClientSideLintersOnly(manifest, 'development', logger, statsig)).filter((l) => l.constructor.name !== 'PermissionLinter');
  const files = execFileSync('find', ['src', 'static', '-name', '*.ts', '-o', '-name', '*.tsx'], { encoding: 'utf8' })
    .split('\n')
    .filter((f) => f && !f.includes('/build/'));
  const results = await lint(files, manifest, 'development', logger, statsig, { linter: { mode: 'client-side' }, linters });
  const problems: Problem[] = [];
  for (const r of results) {
    for (const e of r.errors) problems.push({ file: r.file, line: e.line, message: e.message, severity: 'error' });
    for (const w of r.warnings) problems.push({ file: r.file, line: w.line, message: w.message, severity: 'warning' });
  }
  const counted = problemCount(results);
  if (counted.errors + counted.warnings !== problems.length) throw new Error('forge lint: problem count does not match the listed problems');
  return problems;
}

if (require.main === module) {
  forgeLintOffline()
    .then((problems) => {
      for (const p of problems) console.log(`${p.file}:${p.line} ${p.severity}: ${p.message}`);
      const errors = problems.filter((p) => p.severity === 'error').length;
      console.log(`forge lint (offline, client-side linters): ${errors} errors, ${problems.length - errors} warnings`);
      process.exit(errors > 0 ? 1 : 0);
    })
    .catch((e: unknown) => {
      console.error(`forge lint could not run: ${e instanceof Error ? e.message : String(e)}`);
      process.exit(2);
    });
}
