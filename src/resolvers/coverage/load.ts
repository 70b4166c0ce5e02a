import { REGRESSION_PROPERTY_KEY } from '../../contracts/regression';
import { SIGNOFF_PROPERTY_KEY, type CoverageSettings, type CoverageView } from '../../contracts/coverage';
import type { PromotionConfig } from '../../contracts/rc-promotion';
import {
  areasOf,
  computeCoverage,
  developmentJql,
  fieldAreaValues,
  isBrokenByLink,
  jqlQuote,
  signoffFor,
  type AreaSuite,
  type CoverageIssue,
  type CoverageReport,
  type DevelopmentQuestion,
  type FixLanding,
} from '../../domain/coverage';
import { isBug, type Candidate, type Train } from '../../domain/rc-readiness';
import { parseStoredRecord } from '../../domain/regression';
import type { JiraGateway } from '../../jira/gateway';
import type { JiraIssue } from '../../jira/schemas';
import { AppError } from '../app-error';
import { loadTrains } from '../rc-promotion/candidate';
import { parseSignoff } from './signoff-store';

/**
 * Reads what coverage needs with searches only (no request per issue): the window's issues with their regression
 * and sign-off properties in one search, the issues linked as "broken by" in one more (by key, 100 per search),
 * and the development questions of the selected candidate (one search each, in parallel). Suites: app storage.
 */
export const MAX_COVERAGE_ISSUES = 2000;
const MAX_BROKEN_BY = 300;


export type WindowCandidates = { train: Train; selected: Candidate; window: Candidate[] };

/** The selected candidate and the `size` candidates up to it (earlier trains included), oldest first. */
export async function candidateWindow(jira: JiraGateway, projectKey: string, versionId: string, config: PromotionConfig, size: number): Promise<WindowCandidates> {
  const { grouped, versions } = await loadTrains(jira, projectKey, config);
  const flat = grouped.trains.flatMap((train) => train.candidates.map((c) => ({ train, c })));
  const i = flat.findIndex((x) => x.c.version.id === versionId);
  if (i < 0) {
    const v = versions.find((x) => x.id === versionId);
    throw new AppError('NOT_FOUND', v ? `${v.name} is not a release candidate of ${projectKey}.` : `Version ${versionId} is not a version of ${projectKey} (it may have been deleted, or you cannot see it).`);
  }
  return { train: flat[i]!.train, selected: flat[i]!.c, window: flat.slice(Math.max(0, i - size + 1), i + 1).map((x) => x.c) };
}

const areaSource = (issue: JiraIssue, settings: CoverageSettings) => ({
  components: (issue.fields.components ?? []).map((c) => c.name),
  labels: issue.fields.labels ?? [],
  fieldValues: settings.areaFieldId ? fieldAreaValues((issue.fields as Record<string, unknown>)[settings.areaFieldId]) : [],
});

function brokenByKeys(issue: JiraIssue): string[] {
  return (issue.fields.issuelinks ?? []).filter((l) => isBrokenByLink(l.type)).flatMap((l) => [l.inwardIssue?.key, l.outwardIssue?.key].filter((k): k is string => !!k));
}

async function searchKeys(jira: JiraGateway, keys: string[], fields: string[]): Promise<JiraIssue[]> {
  const batches: string[][] = [];
  for (let i = 0; i < keys.length; i += 100) batches.push(keys.slice(i, i + 100));
  const pages = await Promise.all(batches.map((b) => jira.searchAll({ jql: `key in (${b.join(', ')})`, fields, maxIssues: 100 })));
  return pages.flatMap((p) => p.issues);
}

export type DevelopmentState = CoverageView['development'];

export async function developmentState(jira: JiraGateway, projectKey: string, versionId: string): Promise<DevelopmentState> {
  const ask = async (q: DevelopmentQuestion) => (await jira.searchAll({ jql: developmentJql(projectKey, versionId, q), fields: ['summary'], maxIssues: 1000 })).issues.map((i) => i.key);
  try {
    const [openPullRequests, failingBuilds, branches] = await Promise.all([ask('openPullRequests'), ask('failingBuilds'), ask('branches')]);
    return { openPullRequests, failingBuilds, branches };
  } catch (e) {
    return { openPullRequests: [], failingBuilds: [], branches: [], error: e instanceof Error ? e.message.slice(0, 500) : String(e) };
  }
}

/** Jira's resolution date ("2026-11-27T10:00:00.000+0000") as ISO, when the issue is resolved. */
const resolvedAtOf = (issue: JiraIssue) => (issue.fields.resolutiondate ? new Date(Date.parse(issue.fields.resolutiondate.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'))).toISOString() : undefined);

/**
 * The fixes that landed in a candidate (its resolved issues, with their areas), for telling a flaky check from one a
 * fix answered on the area-suite panel: one search, like the coverage's.
 */
export async function candidateFixes(jira: JiraGateway, projectKey: string, versionId: string, settings: CoverageSettings): Promise<FixLanding[]> {
  const found = await jira.searchAll({
    jql: `project = ${jqlQuote(projectKey)} AND fixVersion = ${versionId} AND resolutiondate IS NOT EMPTY ORDER BY key ASC`,
    fields: ['components', 'labels', 'resolutiondate', ...(settings.areaFieldId ? [settings.areaFieldId] : [])],
    maxIssues: MAX_COVERAGE_ISSUES,
  });
  return found.issues.flatMap((i) => {
    const resolvedAt = resolvedAtOf(i);
    return resolvedAt ? [{ key: i.key, areas: areasOf(areaSource(i, settings), settings.areaLabelPrefix), resolvedAt }] : [];
  });
}

export type LoadedCoverage = {
  win: WindowCandidates;
  report: CoverageReport;
  issues: JiraIssue[];
  truncated: boolean;
};

export async function loadCoverage(jira: JiraGateway, projectKey: string, win: WindowCandidates, settings: CoverageSettings, suites: AreaSuite[], bugTypes: readonly string[]): Promise<LoadedCoverage> {
  const ids = win.window.map((c) => c.version.id);
  const fields = ['summary', 'issuetype', 'status', 'components', 'labels', 'issuelinks', 'resolutiondate', 'fixVersions', ...(settings.areaFieldId ? [settings.areaFieldId] : [])];
  const found = await jira.searchAll({
    jql: `project = ${jqlQuote(projectKey)} AND fixVersion in (${ids.join(', ')}) ORDER BY key ASC`,
    fields,
    properties: [REGRESSION_PROPERTY_KEY, SIGNOFF_PROPERTY_KEY],
    maxIssues: MAX_COVERAGE_ISSUES,
  });
  const linked = [...new Set(found.issues.flatMap(brokenByKeys))].slice(0, MAX_BROKEN_BY);
  const linkedIssues = linked.length ? await searchKeys(jira, linked, ['components', 'labels', ...(settings.areaFieldId ? [settings.areaFieldId] : [])]) : [];
  const linkedAreas = new Map(linkedIssues.map((i) => [i.key, areasOf(areaSource(i, settings), settings.areaLabelPrefix)]));

  const toCoverage = (issue: JiraIssue): CoverageIssue => {
    const resolvedAt = resolvedAtOf(issue);
    const stored = parseStoredRecord(issue.properties?.[REGRESSION_PROPERTY_KEY]);
    const type = issue.fields.issuetype?.name ?? 'Unknown';
    return {
      key: issue.key,
      type,
      isBug: isBug({ type }, bugTypes),
      areas: areasOf(areaSource(issue, settings), settings.areaLabelPrefix),
      ...(resolvedAt ? { resolvedAt } : {}),
      ...(stored.ok && stored.found ? { regression: stored.record } : {}),
      brokenByAreas: brokenByKeys(issue).flatMap((k) => linkedAreas.get(k) ?? []),
    };
  };
  const candidates = win.window.map((c) => ({
    name: c.version.name,
    issues: found.issues.filter((i) => (i.fields.fixVersions ?? []).some((v) => v.id === c.version.id)).map(toCoverage),
  }));
  return { win, report: computeCoverage({ candidates, suites }), issues: found.issues, truncated: found.truncated };
}

/** Features (every type that is not a bug) of the selected candidate with their sign-off and development state. */
export function featureRows(loaded: LoadedCoverage, development: DevelopmentState, bugTypes: readonly string[]): CoverageView['features'] {
  const rc = loaded.win.selected.version;
  const open = new Set(development.openPullRequests);
  const failing = new Set(development.failingBuilds);
  const branches = new Set(development.branches);
  return loaded.issues
    .filter((i) => (i.fields.fixVersions ?? []).some((v) => v.id === rc.id))
    .filter((i) => !isBug({ type: i.fields.issuetype?.name ?? '' }, bugTypes))
    .map((i) => {
      const stored = parseSignoff(i.properties?.[SIGNOFF_PROPERTY_KEY]);
      const summary = i.fields.summary ?? '';
      return {
        key: i.key,
        summary: summary.length > 255 ? `${summary.slice(0, 254)}…` : summary,
        type: i.fields.issuetype?.name ?? 'Unknown',
        status: i.fields.status?.name ?? '',
        done: i.fields.status?.statusCategory?.key === 'done',
        signoff: stored.ok ? (signoffFor(stored.record, rc.name) ?? null) : null,
        ...(stored.ok ? {} : { signoffInvalid: true }),
        openPullRequest: open.has(i.key),
        failingBuild: failing.has(i.key),
        branch: branches.has(i.key),
      };
    });
}

