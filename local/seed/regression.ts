/**
 * Demo regression records: focused-regression checklists stored on bugs (issue entity property
 * `release-train-regression`, with the JQL index), built with the real domain rules so they are exactly what
 * the panel would have written. Runs after the RC-promotion seed (local/seed/rc-promotion.ts, generic records on
 * every RC bug) and replaces a few of its records with richer ones of the same latest verdict, so the RC gates
 * read the same: fixes whose regression found bugs (linked regression bugs; the fix that came back in a later
 * RC shows two cycles) and two bugs in QA mid-regression, and one in QA whose fix came back after failing on the last release's build. Bugs in QA without an RC fix version have no record.
 */
import { REGRESSION_PROPERTY_KEY } from '../../src/contracts/regression';
import {
  addFoundBug,
  currentRcOf,
  emptyRecord,
  markRegressionBugReported,
  recordResult,
  startCycle,
  suggestChecks,
  toStoredRecord,
  type CheckResult,
  type EditContext,
  type Person,
  type RegressionRecord,
} from '../../src/domain/regression';
import type { EmuIssue, EmulatorState } from '../emulator/state';
import type { SeedExtension } from './index';
import { STATUS } from './project';
import { people } from './users';

const HOUR = 3_600_000;

/** Two checks per component beyond the generic suggestions, so the checklists read like a real team's. */
const AREA_CHECKS: Record<string, [string, string]> = {
  Checkout: ['Pay with a saved card and see the order confirmation', 'Apply a discount code and see the total update'],
  Payments: ['Refund a captured payment in full and in part', '3-D Secure challenge completes and returns to the shop'],
  Search: ['Results paginate and keep their order', 'Filters persist after a reload'],
  Mobile: ['App resumes from background on the same screen', 'Push notification opens the right screen'],
  Accounts: ['Sign in with SSO and with a password', 'Password reset email arrives and the link works'],
  API: ['Pagination tokens stay valid across pages', 'Rate-limit headers are present on 429'],
};

type Ctx = { state: EmulatorState; qa: Person[] };

function statusName(state: EmulatorState, issue: EmuIssue): string {
  return state.statuses.find((s) => s.id === issue.fields.statusId)?.name ?? '';
}
function versionsOf(state: EmulatorState, ids: string[]) {
  return ids.map((id) => state.versions.find((v) => v.id === id)).filter((v): v is NonNullable<typeof v> => v !== undefined);
}
function componentsOf(state: EmulatorState, issue: EmuIssue): string[] {
  const project = state.projects.find((p) => p.id === issue.projectId);
  return issue.fields.componentIds.map((id) => project?.components.find((c) => c.id === id)?.name ?? '').filter(Boolean);
}
/** When the bug last entered In QA (else its last update): the regression happens after it. */
function qaEntries(issue: EmuIssue): number[] {
  return issue.histories.filter((h) => h.items.some((i) => i.field === 'status' && i.to === STATUS.IN_QA)).map((h) => Date.parse(h.created));
}

function slug(title: string): string {
  return title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40);
}

function unwrap<T>(r: { ok: true; data: T } | { ok: false; message: string }): T {
  if (!r.ok) throw new Error(`Regression seed: ${r.message}`);
  return r.data;
}

/** Starts `rc`'s cycle at `start` (checks from the suggestions and the area checks), then records `results`. */
function cycle(
  c: Ctx,
  record: RegressionRecord,
  issue: EmuIssue,
  rc: string,
  start: number,
  results: Array<CheckResult | { result: CheckResult; note?: string; bugKey?: string }>,
): RegressionRecord {
  const components = componentsOf(c.state, issue);
  const initial = [
    ...suggestChecks({ bug: { key: issue.key, components, labels: issue.fields.labels, linkedIssues: [] }, max: 3 }),
    ...components.flatMap((area) => (AREA_CHECKS[area] ?? []).map((title) => ({ id: `${area.toLowerCase()}-${slug(title)}`, area, title }))),
  ];
  const at = (n: number, who = 0): EditContext => ({ now: new Date(start + n * HOUR).toISOString(), actor: c.qa[who % c.qa.length]! });
  let next = unwrap(startCycle(record, rc, at(0), initial)).record;
  const checks = next.cycles.find((x) => x.rc === rc)!.checks;
  results.forEach((r, i) => {
    const check = checks[i];
    if (!check) return;
    const { result, note, bugKey } = typeof r === 'string' ? { result: r, note: undefined, bugKey: undefined } : r;
    if (result === 'not-run') return;
    next = unwrap(recordResult(next, rc, check.id, result, note, at(1 + i * 0.5, i)));
    if (bugKey) next = unwrap(markRegressionBugReported(next, rc, check.id, bugKey, at(2 + i * 0.5, i)));
  });
  return { ...next, revision: next.revision + 1 };
}

export const seedRegressionRecords: SeedExtension = (state) => {
  const qa = people.qa.map((u) => ({ accountId: u.accountId, name: u.displayName }));
  const c: Ctx = { state, qa };
  const byId = new Map(state.issues.map((i) => [i.id, i]));
  const put = (issue: EmuIssue, record: RegressionRecord) => (issue.properties[REGRESSION_PROPERTY_KEY] = toStoredRecord(record));
  const rcOf = (issue: EmuIssue) => currentRcOf(versionsOf(state, issue.fields.fixVersionIds).map((v) => ({ name: v.name, released: v.released, archived: v.archived })));
  const isBug = (i: EmuIssue) => state.issueTypes.find((t) => t.id === i.fields.issueTypeId)?.name === 'Bug';

  // 1. Fixes whose regression found bugs: the regression bugs (label found-in-regression) link to their fix.
  const found = new Map<string, EmuIssue[]>();
  for (const bug of state.issues.filter((i) => i.fields.labels.includes('found-in-regression'))) {
    for (const link of state.issueLinks.filter((l) => l.outwardIssueId === bug.id)) {
      const fix = byId.get(link.inwardIssueId);
      if (fix && fix.key.startsWith('RT-')) found.set(fix.id, [...(found.get(fix.id) ?? []), bug]);
    }
  }
  const seeded = new Set<string>();
  for (const [fixId, bugs] of found) {
    const fix = byId.get(fixId)!;
    const rc = rcOf(fix);
    const entries = qaEntries(fix);
    if (!rc || entries.length === 0) continue;
    const rcNames = state.versions.filter((v) => v.projectId === fix.projectId && !v.released && /-rc\.\d+$/i.test(v.name)).map((v) => v.name).sort();
    let record = emptyRecord();
    if (entries.length >= 2 && rcNames.indexOf(rc) > 0) {
      // The fix came back: failed in the previous RC (it still reproduced), passed in this one after its regression bugs were fixed.
      record = cycle(c, record, fix, rcNames[rcNames.indexOf(rc) - 1]!, entries[0]!, [{ result: 'failed', note: 'Still reproduces on this build; sent back to Dev.' }, 'passed', 'passed']);
      record = cycle(c, record, fix, rc, entries[entries.length - 1]!, ['passed', ...bugs.map((b) => ({ result: 'failed' as CheckResult, note: 'Broke again in this area; reported.', bugKey: b.key })), ...Array.from({ length: 10 }, (): CheckResult => 'passed')]);
      // The regression bugs were fixed; the checks that found them passed on the re-run.
      const cur = record.cycles[record.cycles.length - 1]!;
      for (const check of cur.checks.filter((k) => k.reportedBugKey)) {
        record = unwrap(recordResult(record, rc, check.id, 'passed', 'Passes again after the regression fix.', { now: new Date(entries[entries.length - 1]! + 30 * HOUR).toISOString(), actor: qa[0]! }));
      }
    } else {
      record = cycle(c, record, fix, rc, entries[entries.length - 1]!, ['passed', ...bugs.map((b) => ({ result: 'failed' as CheckResult, note: 'Fails since this fix; reported as a regression bug.', bugKey: b.key })), 'passed', 'blocked']);
    }
    for (const b of bugs) record = unwrap(addFoundBug(record, b.key));
    put(fix, record);
    seeded.add(fix.id);
  }

  // 2. Bugs in QA on a release candidate: two mid-regression with real results (the others keep the generic
  //    not-run checklist the RC-promotion seed gives them).
  const inQa = state.issues.filter((i) => isBug(i) && i.key.startsWith('RT-') && i.fields.statusId === STATUS.IN_QA && rcOf(i) && !seeded.has(i.id));
  const [first, second] = inQa;
  if (first) put(first, cycle(c, emptyRecord(), first, rcOf(first)!, qaEntries(first).at(-1) ?? Date.parse(first.fields.updated), ['passed', 'passed', { result: 'blocked', note: 'Staging environment is down; retry tomorrow.' }]));
  if (second) put(second, cycle(c, emptyRecord(), second, rcOf(second)!, qaEntries(second).at(-1) ?? Date.parse(second.fields.updated), ['passed']));

  // 3. One more bug in QA with history: its fix failed regression on the 4.2.0 build, was pulled from that release
  //    and came back in this candidate, so QA sees the earlier cycle beside the current (not yet run) checklist.
  const returning = inQa.length > 2 ? inQa[inQa.length - 1] : undefined;
  const previous = state.versions.filter((v) => v.projectId === returning?.projectId && v.released).map((v) => v.name).sort().at(-1);
  if (returning && previous) {
    const lastQa = qaEntries(returning).at(-1) ?? Date.parse(returning.fields.updated);
    const earlier = cycle(c, emptyRecord(), returning, previous, lastQa - 12 * 24 * HOUR, [{ result: 'failed', note: 'Still reproduces on this build; fix pulled from the release and sent back to Dev.' }, 'passed']);
    put(returning, cycle(c, earlier, returning, rcOf(returning)!, lastQa, []));
  }

};
