/**
 * Suites that read ../shared (Atlassian's specs, the public dev set) next to the repository. On a clone without it
 * they are skipped with a printed note; .ci/run sets RT_REQUIRE_SHARED=1, which makes a missing copy an error, so
 * in CI those suites can never be skipped silently.
 */
export function sharedPresentOrSkip(what: string, present: boolean, env: NodeJS.ProcessEnv = process.env): boolean {
  if (present) return true;
  if (env['RT_REQUIRE_SHARED'] === '1') throw new Error(`RT_REQUIRE_SHARED=1 but ${what} is missing: this suite must not be skipped in CI.`);
  console.warn(`Note: ${what} not found, so this suite is skipped (it runs where ../shared exists next to the clone).`);
  return false;
}
