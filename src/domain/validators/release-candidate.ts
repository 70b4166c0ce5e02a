/** Default release-candidate naming: "4.3.0-rc.1", "4.3.0-RC.12" (matched case-insensitively). */
export const DEFAULT_RC_PATTERN = '-rc\\.\\d+$';

/**
 * The configured pattern as a case-insensitive RegExp. The configuration schema rejects patterns that do not
 * compile; this falls back to the default anyway so a bad stored value can never throw inside a validator.
 */
export function compileRcPattern(source: string): RegExp {
  try {
    return new RegExp(source, 'i');
  } catch {
    return new RegExp(DEFAULT_RC_PATTERN, 'i');
  }
}

export function isReleaseCandidate(versionName: string, pattern: RegExp): boolean {
  // Version names are short in Jira (255 chars); the cap also bounds any admin pattern's work.
  return versionName.length <= 255 && pattern.test(versionName);
}

/** How to describe the expected naming in a message. */
export function rcExample(source: string): string {
  return source === DEFAULT_RC_PATTERN ? 'a release candidate such as 4.3.0-rc.1' : `a release candidate (a version matching /${source}/i)`;
}
