import { REGRESSION_PROPERTY_KEY, type MergeNotice, type RegressionPanel } from '../../contracts/regression';
import {
  currentRcOf,
  emptyRecord,
  findCycle,
  loopSummary,
  parseStoredRecord,
  shippedIn,
  suggestChecks,
  verdictHistory,
  type PastRegression,
  type StoredParse,
  type SuggestedCheck,
} from '../../domain/regression';
import { DEFAULT_BUG_TYPES } from '../../domain/rc-readiness/gates';
import type { JiraGateway } from '../../jira/gateway';
import type { JiraIssue } from '../../jira/schemas';

/** Issue types the regression panel works on (the manifest's displayConditions name the same). */
export const REGRESSION_ISSUE_TYPES: readonly string[] = DEFAULT_BUG_TYPES;

/** The issue's type name when it is not a bug; undefined for a bug (or when Jira did not say). */
export function nonBugType(issue: JiraIssue): string | undefined {
  const name = issue.fields.issuetype?.name;
  return name && !REGRESSION_ISSUE_TYPES.includes(name) ? name : undefined;
}

/** What the panel shows on an issue that is not a bug: one line, no checklist, nothing to edit. */
export function notABugPanel(issue: JiraIssue, issueType: string): RegressionPanel {
  const panel = buildPanel(issue, { ok: true, record: emptyRecord(), found: false }, false, []);
  return { ...panel, record: null, verdicts: [], notABug: { issueType } };
}

/** Turns the issue, its stored record and the user's rights into what the panel shows. */
export function buildPanel(issue: JiraIssue, stored: StoredParse, canEdit: boolean, suggestions: SuggestedCheck[], notice?: MergeNotice): RegressionPanel {
  const fields = issue.fields;
  // A bug that shipped (a released fix version) shows the checklist of the candidate it shipped from, read-only.
  const shipped = shippedIn(fields.fixVersions ?? []);
  const currentRc = shipped ? (shipped.candidate ?? null) : currentRcOf(fields.fixVersions ?? []);
  const record = stored.ok ? stored.record : null;
  const cycle = record && currentRc ? findCycle(record, currentRc) : undefined;
  const taken = new Set((cycle?.checks ?? []).flatMap((c) => [c.id, `${norm(c.area)}\u0000${norm(c.title)}`]));
  return {
    issueKey: issue.key,
    currentRc,
    record,
    ...(stored.ok ? {} : { storedInvalid: { message: stored.message } }),
    verdicts: record ? verdictHistory(record) : [],
    // Invalid stored data: the loop is unknown, not "not regressed yet".
    loop: record ? loopSummary(record) : { ...loopSummary(emptyRecord()), sentence: 'Unknown: the stored regression data is invalid, so the release candidates cannot be counted.' },
    suggestions: suggestions.filter((s) => !taken.has(s.id) && !taken.has(`${norm(s.area)}\u0000${norm(s.title)}`)),
    canEdit: canEdit && stored.ok && !shipped,
    ...(shipped ? { shippedIn: shipped } : {}),
    issue: {
      key: issue.key,
      summary: fields.summary ?? '',
      status: fields.status?.name ?? '',
      fixVersions: (fields.fixVersions ?? []).map((v) => v.name),
    },
    ...(notice ? { notice } : {}),
  };
}

function norm(s: string): string {
  return s.replace(/\s+/g, ' ').trim().toLowerCase();
}

/** The bug as suggestChecks sees it: components, labels, linked issues. */
function suggestBug(issue: JiraIssue) {
  const f = issue.fields;
  return {
    key: issue.key,
    components: (f.components ?? []).map((c) => c.name),
    labels: f.labels ?? [],
    linkedIssues: (f.issuelinks ?? []).flatMap((l) => {
      const other = l.inwardIssue ?? l.outwardIssue;
      return other ? [{ key: other.key, summary: other.fields?.summary, linkType: l.type.name }] : [];
    }),
  };
}

/** How many similar past bugs' records are read for suggestions (each is one Jira call). */
export const PAST_RECORDS_LOOKED_AT = 8;

/**
 * Suggested checks. With `withHistory`, also what similar past bugs (sharing a component, found through the
 * indexed property) were regressed with: a JQL search and one property read per bug, so only when a cycle
 * is about to start. History is best effort: if the search fails, the bug's own suggestions still come back.
 */
export async function suggestionsFor(jira: JiraGateway, issue: JiraIssue, withHistory: boolean): Promise<SuggestedCheck[]> {
  const bug = suggestBug(issue);
  if (!withHistory || bug.components.length === 0) return suggestChecks({ bug });
  let pastRecords: PastRegression[] = [];
  try {
    const project = issue.fields.project?.key ?? issue.key.split('-')[0]!;
    const components = bug.components.map((c) => `"${c.replace(/["\\]/g, '')}"`).join(', ');
    const found = await jira.searchAll({
      jql: `project = "${project}" AND component in (${components}) AND issue.property[${REGRESSION_PROPERTY_KEY}].index.latestRc IS NOT EMPTY AND key != ${issue.key} ORDER BY updated DESC`,
      fields: ['components', 'labels'],
      pageSize: PAST_RECORDS_LOOKED_AT,
      maxIssues: PAST_RECORDS_LOOKED_AT,
    });
    const read = await Promise.all(
      found.issues.map(async (i) => {
        const parsed = parseStoredRecord(await jira.getIssueProperty(i.key, REGRESSION_PROPERTY_KEY));
        return parsed.ok && parsed.found
          ? [{ issueKey: i.key, components: (i.fields.components ?? []).map((c) => c.name), labels: i.fields.labels ?? [], record: parsed.record }]
          : [];
      }),
    );
    pastRecords = read.flat();
  } catch (e) {
    console.warn(`Regression suggestions for ${issue.key}: past regressions could not be read`, e instanceof Error ? e.message : e);
  }
  return suggestChecks({ bug, pastRecords });
}
