// Runs before `npm start` and `npm test` (prestart/pretest) so the README's two commands work on a fresh clone:
// installs the locked dependencies when node_modules is missing or older than package-lock.json, and, with
// --browser, Debian's chromium for the browser tests when it is missing (apt-get, as root; else says how).
// Plain Node on purpose: nothing is installed yet when it runs.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

const installed = 'node_modules/.package-lock.json';
if (!existsSync(installed) || statSync(installed).mtimeMs < statSync('package-lock.json').mtimeMs) {
  console.log('Installing the locked dependencies (npm ci)…');
  run('npm', ['ci', '--no-audit', '--no-fund']);
}

if (process.argv.includes('--browser') && !existsSync('/usr/bin/chromium')) {
  if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    console.log("Installing Debian's chromium for the browser tests…");
    run('apt-get', ['update', '-qq']);
    run('apt-get', ['install', '-y', '-qq', 'chromium']);
  } else {
    console.error("The browser tests need Debian's chromium at /usr/bin/chromium: run `sudo apt-get install chromium`, then `npm test` again.");
    process.exit(1);
  }
}
