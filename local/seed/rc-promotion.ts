/**
 * Demo data for the RC promotion page: the focused-regression records (issue entity property
 * 'release-train-regression', schema version 1) of the candidates' bugs, so that 4.3.0-rc.2 is ready and
 * 4.3.0-rc.1 is blocked for reasons the page can show:
 * - rc.1: done bugs passed their regression in rc.1, except the fix whose regression found bugs (failed, with
 *   the bug it reported); bugs still in QA have checks not run yet; bugs before QA have no cycle.
 * - rc.2: every bug passed in rc.2 (the fix whose regression found a bug re-ran the check after that bug was fixed).
 * Records are only written where an issue has none, so another area's seed is never overwritten.
 * `rcPromotionConfigSeed` (an extension, not built in) stores the page's settings with OPS as the hand-off project.
 */
import type { EmulatorState, EmuIssue } from '../emulator/state';
import { ISSUE_TYPE, STATUS } from './project';
import { VERSION } from './sprints';
import { people } from './users';

const PROPERTY = 'release-train-regression';
const HOUR = 3_600_000;

type Check = { id: string; area: string; title: string; result: 'not-run' | 'passed' | 'failed'; tester?: { accountId: string; name: string }; at?: string; note?: string; reportedBugKey?: string; updatedAt: string; updatedBy: string };

export function rcPromotionRegressionSeed(state: EmulatorState): void {
  const now = Date.parse(state.seededAt);
  const versionName = (id: string) => state.versions.find((v) => v.id === id)?.name ?? id;
  const byId = new Map(state.issues.map((i) => [i.id, i]));
  const foundBy = new Map<string, EmuIssue[]>();
  for (const link of state.issueLinks) {
    const out = byId.get(link.outwardIssueId);
    if (out?.fields.labels.includes('found-in-regression')) foundBy.set(link.inwardIssueId, [...(foundBy.get(link.inwardIssueId) ?? []), out]);
  }
  const qa = people.qa;
  const iso = (ms: number) => new Date(Math.min(ms, now - HOUR)).toISOString();

  const checks = (issue: EmuIssue, n: number, result: Check['result'], at: number): Check[] => {
    const tester = qa[Number(issue.id) % qa.length]!;
    const titles = [
      ['The fix', `The fix for "${issue.fields.summary.slice(0, 120)}" works as described`],
      ['Nearby', 'Related screens and flows still behave as before'],
      ['Data', 'Existing data is shown and saved unchanged'],
    ] as const;
    return titles.slice(0, n).map(([area, title], i) => ({
      id: `check-${i + 1}`,
      area,
      title,
      result,
      ...(result === 'not-run' ? {} : { tester: { accountId: tester.accountId, name: tester.displayName }, at: iso(at + i * HOUR) }),
      updatedAt: iso(at + i * HOUR),
      updatedBy: tester.accountId,
    }));
  };
  const write = (issue: EmuIssue, cycles: Array<{ rc: string; checks: Check[]; startedAt: number }>, foundBugs: string[]) => {
    if (PROPERTY in issue.properties) return;
    const last = cycles[cycles.length - 1];
    const verdict = !last ? 'none' : last.checks.some((c) => c.result === 'failed') ? 'failed' : last.checks.every((c) => c.result === 'passed') ? 'passed' : 'incomplete';
    issue.properties[PROPERTY] = {
      schemaVersion: 1,
      cycles: cycles.map((c) => ({ rc: c.rc, startedAt: iso(c.startedAt), checks: c.checks })),
      foundBugs,
      revision: cycles.length,
      index: { latestRc: last?.rc ?? '', latestVerdict: verdict },
    };
  };

  for (const issue of state.issues) {
    if (issue.fields.issueTypeId !== ISSUE_TYPE.BUG) continue;
    const resolved = issue.fields.resolutionDate ? Date.parse(issue.fields.resolutionDate.replace(/([+-]\d{2})(\d{2})$/, '$1:$2')) : undefined;
    const found = foundBy.get(issue.id) ?? [];
    for (const rcId of [VERSION.RC1, VERSION.RC2]) {
      if (!issue.fields.fixVersionIds.includes(rcId)) continue;
      const rc = versionName(rcId);
      const start = (resolved ?? now - 2 * 86_400_000) - 6 * HOUR;
      if (issue.fields.statusId === STATUS.DONE) {
        const failed = rcId === VERSION.RC1 && found.length > 0;
        const list = checks(issue, 3, 'passed', start);
        if (failed) list[0] = { ...list[0]!, result: 'failed', note: 'The problem is back after the fix.', reportedBugKey: found[0]!.key };
        if (!failed && found.length > 0) list[0] = { ...list[0]!, note: `Re-run after ${found.map((f) => f.key).join(', ')} was fixed.`, reportedBugKey: found[0]!.key };
        write(issue, [{ rc, checks: list, startedAt: start }], found.map((f) => f.key));
      } else if (issue.fields.statusId === STATUS.IN_QA) {
        write(issue, [{ rc, checks: checks(issue, 2, 'not-run', now - 20 * HOUR), startedAt: now - 20 * HOUR }], []);
      }
    }
  }
}

/** The RC promotion settings of RT with OPS as the ops hand-off project (an extension: app storage stays empty by default). */
export function rcPromotionConfigSeed(state: EmulatorState): void {
  state.appStorage['rc-promotion:config:RT'] = { opsProjectKey: 'OPS', handoff: { assigneeAccountId: 'rt-ops-kwame', dueInDays: 2 } };
}
