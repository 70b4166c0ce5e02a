import { z } from 'zod';
import type { PromotionConfig } from '../../contracts/rc-promotion';
import { REGRESSION_PROPERTY_KEY } from '../../contracts/regression';
import { hasRteReviewAfterLatestDev, stageHistory, timeInStages, type StatusStageMapping } from '../../domain/bug-flow';
import {
  convergence,
  evaluateGates,
  groupTrains,
  readiness,
  type AdminGateRun,
  type Candidate,
  type Convergence,
  shippingIssues,
  unfinishedIssues,
  type GateResult,
  type NotesIssue,
  type RcIssue,
  type TrainIssue,
  type Train,
  type VersionLite,
} from '../../domain/rc-readiness';
import type { MetricStage } from '../../domain/rc-readiness/metrics';
import { parseStoredRecord, verdictFor } from '../../domain/regression';
import { changelogTruncated, statusChangesOf, withWholeChangelog } from '../../jira/changelog';
import type { JiraGateway } from '../../jira/gateway';
import type { JiraIssue, JiraVersion } from '../../jira/schemas';
import { AppError } from '../app-error';

/** Label that marks a bug found during an RC's regression (its Affects version is that RC). */
export const FOUND_IN_REGRESSION_LABEL = 'found-in-regression';
/** Label fallback for "repro steps confirmed" on sites without the field. */
export const REPRO_CONFIRMED_LABEL = 'repro-confirmed';
const REPRO_CONFIRMED_FIELD_NAME = /^repro(duction)?\s+steps?\s+confirmed$/i;
/** Upper bound of issues read for one train (every candidate together). */
export const MAX_TRAIN_ISSUES = 2000;

export const toVersionLite = (v: JiraVersion): VersionLite => ({
  id: v.id,
  name: v.name,
  released: v.released,
  ...(v.archived ? { archived: true } : {}),
  ...(v.releaseDate ? { releaseDate: v.releaseDate } : {}),
});

export async function loadTrains(jira: JiraGateway, projectKey: string, config: PromotionConfig) {
  const versions = (await jira.listVersions(projectKey)).map(toVersionLite);
  return { versions, grouped: groupTrains(versions, { pattern: config.namingPattern, manual: config.manualCandidates }) };
}

export type FoundCandidate = { train: Train; candidate: Candidate; versions: VersionLite[] };

/** The train and candidate of a version, or NOT_FOUND with a sentence saying why. */
export async function findCandidate(jira: JiraGateway, projectKey: string, versionId: string, config: PromotionConfig): Promise<FoundCandidate> {
  const { versions, grouped } = await loadTrains(jira, projectKey, config);
  for (const train of grouped.trains) {
    const candidate = train.candidates.find((c) => c.version.id === versionId);
    if (candidate) return { train, candidate, versions };
  }
  const version = versions.find((v) => v.id === versionId);
  if (!version) throw new AppError('NOT_FOUND', `Version ${versionId} is not a version of ${projectKey} (it may have been deleted, or you cannot see it).`);
  throw new AppError('NOT_FOUND', `${version.name} is not a release candidate: its name does not follow ${config.namingPattern} and it was not picked by hand.`);
}

/** Jira facts of the project the gates need: which status is which loop stage, and the repro-confirmed field. */
export type ProjectFacts = { mapping: StatusStageMapping; reproFieldId: string | undefined };

/** The project's status → stage mapping (stored by an admin, or the derived default): see project-stage-mapping.ts. */
export type MappingSource = () => Promise<StatusStageMapping>;

export async function loadProjectFacts(jira: JiraGateway, mapping: MappingSource): Promise<ProjectFacts> {
  const [stages, fields] = await Promise.all([mapping(), jira.listFields()]);
  return { mapping: stages, reproFieldId: fields.find((f) => REPRO_CONFIRMED_FIELD_NAME.test(f.name.trim()))?.id };
}

const jqlString = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/** Every issue of the train's candidates, and the bugs found during their regressions, in one search. */
export async function searchTrainIssues(jira: JiraGateway, projectKey: string, versionIds: readonly string[], facts: ProjectFacts): Promise<JiraIssue[]> {
  if (versionIds.length === 0) return [];
  const ids = versionIds.join(', ');
  const jql = `project = ${jqlString(projectKey)} AND (fixVersion in (${ids}) OR (affectedVersion in (${ids}) AND labels = ${jqlString(FOUND_IN_REGRESSION_LABEL)})) ORDER BY key ASC`;
  const fields = ['summary', 'issuetype', 'status', 'labels', 'fixVersions', 'versions', 'created', ...(facts.reproFieldId ? [facts.reproFieldId] : [])];
  const result = await jira.searchAll({ jql, fields, expandChangelog: true, properties: [REGRESSION_PROPERTY_KEY], maxIssues: MAX_TRAIN_ISSUES });
  if (result.truncated) throw new AppError('CONFLICT', `The train has more than ${MAX_TRAIN_ISSUES} issues; Release Train cannot judge its readiness completely.`);
  return withFullChangelogs(jira, result.issues);
}

/**
 * A search returns at most one page of each issue's changelog (Jira: the newest 100 entries); an issue with a
 * longer history gets the rest from its changelog endpoint, so stages and reviews are judged on all of it.
 */
export async function withFullChangelogs(jira: JiraGateway, issues: JiraIssue[], concurrency = 5): Promise<JiraIssue[]> {
  const out = [...issues];
  const partial = out.flatMap((issue, i) => (changelogTruncated(issue) ? [i] : []));
  for (let start = 0; start < partial.length; start += concurrency) {
    await Promise.all(partial.slice(start, start + concurrency).map(async (i) => (out[i] = await withWholeChangelog(jira, out[i]!))));
  }
  return out;
}


export function intervalsOf(issue: JiraIssue, facts: ProjectFacts) {
  return stageHistory(issue.fields.created ?? new Date(0).toISOString(), issue.fields.status?.id, statusChangesOf(issue.changelog?.histories ?? []), facts.mapping);
}

const optionValue = z.object({ value: z.string() });

/** The domain's view of one issue, judged against candidate `rcName`. */
export function toRcIssue(issue: JiraIssue, rcName: string, facts: ProjectFacts): RcIssue {
  const f = issue.fields;
  const labels = f.labels ?? [];
  const category = f.status?.statusCategory?.key;
  const statusCategory = category === 'done' ? 'done' : category === 'new' ? 'new' : 'indeterminate';
  const record = parseStoredRecord(issue.properties?.[REGRESSION_PROPERTY_KEY]);
  // An unreadable record fails closed: nobody can tell whether the regression passed.
  const regressionVerdict = record.ok ? verdictFor(record.record, rcName).verdict : 'incomplete';
  const field = facts.reproFieldId ? optionValue.safeParse((f as Record<string, unknown>)[facts.reproFieldId]) : undefined;
  const reproConfirmed = field?.success ? field.data.value.trim().toLowerCase() === 'yes' : labels.includes(REPRO_CONFIRMED_LABEL);
  return {
    key: issue.key,
    type: f.issuetype?.name ?? 'Unknown',
    statusCategory,
    isDone: statusCategory === 'done',
    rteReviewedAfterLatestDev: hasRteReviewAfterLatestDev(intervalsOf(issue, facts)),
    regressionVerdict,
    reproConfirmed,
    ...(labels.includes(FOUND_IN_REGRESSION_LABEL) ? { foundInRegressionOf: (f.versions ?? []).map((v) => v.name) } : {}),
    ...(f.summary !== undefined ? { summary: f.summary } : {}),
  };
}

/** The train's candidates as the promotion keeps them (id, name, number). */
export const trainRefs = (train: Train) => train.candidates.map((c) => ({ id: c.version.id, name: c.version.name, n: c.n }));

export const toTrainIssue = (i: JiraIssue): TrainIssue => ({
  key: i.key,
  summary: i.fields.summary ?? '',
  type: i.fields.issuetype?.name ?? 'Other',
  done: i.fields.status?.statusCategory?.key === 'done',
  fixVersionIds: (i.fields.fixVersions ?? []).map((v) => v.id),
});

export const hasFixVersion = (issue: JiraIssue, versionId: string) => (issue.fields.fixVersions ?? []).some((v) => v.id === versionId);

/**
 * Runs the admin JQL gates; a query that fails is reported (and fails closed), never thrown. Also the summaries it saw.
 * A gate runs with the caller's view; when that finds nothing, the app's view (`app`) is asked too: an empty result
 * because the promoter cannot see the project a gate names is a blind spot, not a pass, so the gate then fails with
 * the reason (and no keys or summaries the caller may not see).
 */
export async function runAdminGates(jira: JiraGateway, gates: PromotionConfig['adminGates'], app?: JiraGateway): Promise<{ runs: AdminGateRun[]; summaries: Map<string, string> }> {
  const summaries = new Map<string, string>();
  const runs = await Promise.all(
    gates.map(async (g): Promise<AdminGateRun> => {
      try {
        const page = await jira.searchPage(g.jql, ['key', 'summary'], 50);
        for (const i of page.issues) if (i.fields.summary) summaries.set(i.key, i.fields.summary);
        const blind = page.issues.length === 0 && app ? await hiddenMatches(app, g.jql) : undefined;
        if (blind) return { name: g.name, jql: g.jql, resultKeys: [], error: blind };
        return { name: g.name, jql: g.jql, resultKeys: page.issues.map((i) => i.key) };
      } catch (e) {
        return { name: g.name, jql: g.jql, resultKeys: [], error: e instanceof Error ? e.message : String(e) };
      }
    }),
  );
  return { runs, summaries };
}

/** Why a gate that found nothing for the caller cannot pass (issues only the app sees), or undefined when it may. */
async function hiddenMatches(app: JiraGateway, jql: string): Promise<string | undefined> {
  let count: number;
  try {
    count = (await app.searchPage(jql, ['key'], 1)).issues.length;
  } catch (e) {
    return `Release Train could not check whether this query matches issues you cannot see (${e instanceof Error ? e.message : String(e)}), so the gate cannot pass.`;
  }
  if (count === 0) return undefined;
  return 'This query matches issues in projects you cannot see, so an empty result does not mean the gate is clear. Ask a Jira admin for access to the projects it names, or let someone who has it promote.';
}

/** Summaries of the keys the page names as evidence (≤ 255 characters each, as the contract allows). */
export function evidenceSummaries(keys: Iterable<string>, known: ReadonlyMap<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of keys) {
    const summary = known.get(key);
    if (summary) out[key] = summary.length > 255 ? `${summary.slice(0, 254)}…` : summary;
  }
  return out;
}

export type CandidateReadiness = FoundCandidate & {
  facts: ProjectFacts;
  issues: JiraIssue[];
  rcIssues: RcIssue[];
  gates: GateResult[];
  ready: boolean;
  convergence: Convergence;
  /** Unfinished issues of this candidate and the earlier ones of its train (they block, or roll over). */
  unfinishedKeys: string[];
  /** The done issues that ship if this candidate is promoted, with the candidate each arrived in. */
  shipping: NotesIssue[];
  /** Summaries of the evidence keys (gates and still-open regression finds). */
  summaries: Record<string, string>;
  /** Every summary the assessment read, by key (for evidence recorded earlier, e.g. an audit's gates). */
  known: ReadonlyMap<string, string>;
};

/** Everything the page and the promotion need to judge a candidate: gates with evidence and the train's convergence. */
export async function assessCandidate(jira: JiraGateway, projectKey: string, versionId: string, config: PromotionConfig, mapping: MappingSource, app?: JiraGateway, more?: (found: FoundCandidate) => Promise<GateResult[]>): Promise<CandidateReadiness> {
  const [found, facts] = await Promise.all([findCandidate(jira, projectKey, versionId, config), loadProjectFacts(jira, mapping)]);
  const [all, admin, extra] = await Promise.all([
    searchTrainIssues(jira, projectKey, found.train.candidates.map((c) => c.version.id), facts),
    runAdminGates(jira, config.adminGates, app),
    more ? more(found) : [],
  ]);
  const adminGates = admin.runs;
  const rcName = found.candidate.version.name;
  const perCandidate = found.train.candidates.map((c) => ({
    name: c.version.name,
    id: c.version.id,
    issues: all.filter((i) => hasFixVersion(i, c.version.id)).map((i) => toRcIssue(i, c.version.name, facts)),
  }));
  const issues = all.filter((i) => hasFixVersion(i, versionId));
  const rcIssues = perCandidate.find((c) => c.id === versionId)?.issues ?? [];
  const regressionFinds = all.filter((i) => !hasFixVersion(i, versionId)).map((i) => toRcIssue(i, rcName, facts));
  const current = found.candidate.n;
  const earlier = perCandidate.filter((c) => found.train.candidates.some((x) => x.version.id === c.id && x.n < current && x.version.id !== versionId));
  const gates = [...evaluateGates({ rc: rcName, issues: rcIssues, regressionFinds, adminGates, bugTypes: config.bugTypes, earlier }), ...extra];
  const trainFinds = all.filter((i) => !found.train.candidates.some((c) => hasFixVersion(i, c.version.id))).map((i) => toRcIssue(i, rcName, facts));
  const converged = convergence({ candidates: perCandidate, regressionFinds: trainFinds, bugTypes: config.bugTypes });
  const trainIssues = all.map(toTrainIssue);
  const known = new Map(admin.summaries);
  for (const i of all) if (i.fields.summary) known.set(i.key, i.fields.summary);
  return {
    ...found,
    facts,
    issues,
    rcIssues,
    gates,
    ready: readiness(gates).ready,
    convergence: converged,
    unfinishedKeys: unfinishedIssues(trainRefs(found.train), versionId, trainIssues),
    shipping: shippingIssues(trainRefs(found.train), versionId, trainIssues),
    summaries: evidenceSummaries([...gates.flatMap((g) => g.evidence), ...converged.rcs.flatMap((r) => r.openFound)], known),
    known,
  };
}


/** Per-stage time of a bug, for the metrics (stage names of the loop, minus Done). */
export function stageDurations(issue: JiraIssue, facts: ProjectFacts, now: string): Partial<Record<MetricStage, number>> {
  const t = timeInStages(intervalsOf(issue, facts), now);
  return { L2: t.L2, RTE_TRIAGE: t.RTE_TRIAGE, DEV: t.DEV, RTE_REVIEW: t.RTE_REVIEW, QA: t.QA };
}
