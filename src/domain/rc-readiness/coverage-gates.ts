import { MAX_EVIDENCE } from './gates';
import { sortKeys } from './issue-keys';
import type { GateResult } from './types';

/**
 * Two optional readiness gates, each off, warn (shown, does not block promotion) or block:
 * - "every changed area regressed": the changed areas of the candidate without a check run in it; evidence is
 *   the issues that changed those areas;
 * - "no open pull requests or failing builds": from Jira's development information (JQL), evidence is those issues.
 * Inputs are precomputed (src/domain/coverage and the development searches), so these are plain set logic.
 */
export type GateMode = 'off' | 'warn' | 'block';

export function changedAreasGate(rc: string, mode: GateMode, unregressed: ReadonlyArray<{ area: string; changedBy: readonly string[] }>, changedCount: number): GateResult | null {
  if (mode === 'off') return null;
  const keys = sortKeys(unregressed.flatMap((u) => u.changedBy));
  const names = unregressed.map((u) => u.area);
  return {
    id: 'changed-areas-regressed',
    title: `Every area ${rc} changed was regressed in it`,
    passed: unregressed.length === 0,
    evidence: keys.slice(0, MAX_EVIDENCE),
    detail:
      changedCount === 0
        ? `${rc} changed no area (its issues have no components or area labels).`
        : unregressed.length === 0
          ? `All ${changedCount} changed area${changedCount === 1 ? ' was' : 's were'} regressed in ${rc}.`
          : `${unregressed.length} of ${changedCount} changed areas had no check run in ${rc}: ${names.slice(0, 20).join(', ')}${names.length > 20 ? ', …' : ''}.`,
    ...(mode === 'warn' ? { severity: 'warn' as const } : {}),
  };
}

export type DevelopmentFacts = { openPullRequests: readonly string[]; failingBuilds: readonly string[]; error?: string };

export function developmentGate(rc: string, mode: GateMode, facts: DevelopmentFacts): GateResult | null {
  if (mode === 'off') return null;
  const base = { id: 'development-clean' as const, title: `No issue in ${rc} has an open pull request or a failing build`, ...(mode === 'warn' ? { severity: 'warn' as const } : {}) };
  // A search that could not run fails closed: nobody can tell whether a pull request is still open.
  if (facts.error !== undefined) return { ...base, passed: false, evidence: [], detail: `Jira's development information could not be read (${facts.error.slice(0, 200)}).` };
  const keys = sortKeys([...facts.openPullRequests, ...facts.failingBuilds]);
  const parts = [
    facts.openPullRequests.length ? `${facts.openPullRequests.length} with an open pull request (${sortKeys(facts.openPullRequests).slice(0, 10).join(', ')})` : '',
    facts.failingBuilds.length ? `${facts.failingBuilds.length} with a failing build (${sortKeys(facts.failingBuilds).slice(0, 10).join(', ')})` : '',
  ].filter(Boolean);
  return {
    ...base,
    passed: keys.length === 0,
    evidence: keys.slice(0, MAX_EVIDENCE),
    detail: keys.length === 0 ? `No issue in ${rc} has an open pull request or a failing build.` : `${parts.join('; ')}. Jira does not tell draft pull requests from ready ones.`,
  };
}
