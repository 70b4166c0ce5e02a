import { deploymentHistorySchema, handoffRecordSchema, type DeploymentOutcome, type DeploymentReport, type HandoffRecord } from '../../contracts/handoff';
import { fail, ok, type Result } from '../../contracts/result';
import { ENTITY_PROPERTY_MAX_CHARS } from '../regression/limits';

/**
 * The ops outcome loop, read back from the hand-off issue's two entity properties: the promotion's record
 * (`release-train-handoff`) and ops' reports (`release-train-deployment`, oldest first). Pure: the caller reads the
 * raw property values from Jira and passes them in.
 */

export type Handoff = { issueKey: string; record: HandoffRecord; reports: DeploymentReport[] };

/** A stored value read back: the hand-off, not a hand-off at all, or a hand-off whose stored data is unreadable. */
export type HandoffRead = { kind: 'handoff'; handoff: Handoff } | { kind: 'not-handoff' } | { kind: 'unreadable'; problem: string };

const firstIssue = (e: { issues: Array<{ path: PropertyKey[]; message: string }> }) => {
  const i = e.issues[0];
  return i ? `${i.path.map(String).join('.') || '(root)'}: ${i.message}` : 'unexpected shape';
};

/** Parses the two stored properties of `issueKey` (undefined = the issue has no such property). */
export function readHandoff(issueKey: string, rawRecord: unknown, rawHistory: unknown): HandoffRead {
  if (rawRecord === undefined || rawRecord === null) return { kind: 'not-handoff' };
  const record = handoffRecordSchema.safeParse(rawRecord);
  if (!record.success) return { kind: 'unreadable', problem: `The hand-off record stored on ${issueKey} is not readable (${firstIssue(record.error)}).` };
  if (rawHistory === undefined || rawHistory === null) return { kind: 'handoff', handoff: { issueKey, record: record.data, reports: [] } };
  const history = deploymentHistorySchema.safeParse(rawHistory);
  if (!history.success) return { kind: 'unreadable', problem: `The deployment reports stored on ${issueKey} are not readable (${firstIssue(history.error)}).` };
  return { kind: 'handoff', handoff: { issueKey, record: record.data, reports: history.data.reports } };
}

export type OutcomeStatus = 'awaiting' | DeploymentOutcome;

/** Where a hand-off stands: its latest report decides; `deployedAt` is its first deployment (the release's real one). */
export type HandoffOutcome = { status: OutcomeStatus; latest?: DeploymentReport; deployedAt?: string; deployments: number; rollbacks: number };

const time = (iso: string) => {
  const t = Date.parse(iso);
  return Number.isFinite(t) ? t : Number.NEGATIVE_INFINITY;
};

/** Reports in the order things happened (`at`), the order they were recorded breaking ties. */
export function chronological(reports: readonly DeploymentReport[]): DeploymentReport[] {
  return reports.map((r, i) => ({ r, i })).sort((a, b) => time(a.r.at) - time(b.r.at) || a.i - b.i).map((x) => x.r);
}

export function outcomeOf(reports: readonly DeploymentReport[]): HandoffOutcome {
  const ordered = chronological(reports);
  const latest = ordered.at(-1);
  const deployed = ordered.filter((r) => r.outcome === 'deployed');
  return {
    status: latest?.outcome ?? 'awaiting',
    ...(latest ? { latest } : {}),
    ...(deployed[0] ? { deployedAt: deployed[0].at } : {}),
    deployments: deployed.length,
    rollbacks: ordered.filter((r) => r.outcome === 'rolled-back').length,
  };
}

/**
 * A train as ops left it: `reopened` when its latest hand-off was rolled back (the RTE cuts the next candidate),
 * `failed` when the deployment failed and nothing has succeeded since, `deployed` when it runs in production,
 * `awaiting` when ops has not reported yet.
 */
export type TrainOutcome = {
  projectKey: string;
  train: string;
  status: 'awaiting' | 'deployed' | 'failed' | 'reopened';
  handoffKey: string;
  candidateName: string;
  promotedAt: string;
  latest?: DeploymentReport;
  deployedAt?: string;
};

/** One entry per train (project + release); the train's latest hand-off (by promotion time) decides. */
export function trainOutcomes(handoffs: readonly Handoff[]): TrainOutcome[] {
  const latest = new Map<string, Handoff>();
  for (const h of handoffs) {
    const id = `${h.record.projectKey}\u0000${h.record.train}`;
    const seen = latest.get(id);
    if (!seen || time(h.record.promotedAt) > time(seen.record.promotedAt)) latest.set(id, h);
  }
  return [...latest.values()].map((h) => {
    const o = outcomeOf(h.reports);
    return {
      projectKey: h.record.projectKey,
      train: h.record.train,
      status: o.status === 'rolled-back' ? 'reopened' : o.status,
      handoffKey: h.issueKey,
      candidateName: h.record.candidateName,
      promotedAt: h.record.promotedAt,
      ...(o.latest ? { latest: o.latest } : {}),
      ...(o.deployedAt ? { deployedAt: o.deployedAt } : {}),
    };
  });
}

/** What ops asks to record (the panel's form), before who/when are added. */
export type ReportRequest = { outcome: DeploymentOutcome; at: string; environment: string; note: string };

/** Clock skew allowed for "it happened at": a report may not be dated later than this after now. */
const FUTURE_SLACK_MS = 5 * 60_000;

/**
 * Adds a report to the history, or says why it cannot be recorded: a time in the future or before the promotion,
 * or a rollback of a hand-off that was never deployed (or rolled back before it was deployed).
 */
export function addReport(handoff: Handoff, request: ReportRequest, who: { accountId: string }, now: string): Result<DeploymentReport[]> {
  const at = Date.parse(request.at);
  const nowMs = Date.parse(now);
  if (!Number.isFinite(at)) return fail('BAD_REQUEST', 'Give the date and time it happened.');
  if (at > nowMs + FUTURE_SLACK_MS) return fail('BAD_REQUEST', 'The time it happened is in the future: give the time it actually happened.');
  if (at < time(handoff.record.promotedAt) - FUTURE_SLACK_MS)
    return fail('BAD_REQUEST', `The time it happened is before ${handoff.record.productionVersionName} was promoted; give the time of this deployment.`);
  if (request.environment.trim() === '') return fail('BAD_REQUEST', 'Name the environment (e.g. production).');
  if (request.outcome === 'rolled-back' && !handoff.reports.some((r) => r.outcome === 'deployed' && time(r.at) <= at))
    return fail('BAD_REQUEST', `A rollback undoes a deployment: record when ${handoff.record.productionVersionName} was deployed first (or give a later time).`);
  if (handoff.reports.length >= 200) return fail('CONFLICT', 'This hand-off already holds 200 reports, the most it can keep. Open a new hand-off for further deployments.');
  const report: DeploymentReport = {
    outcome: request.outcome,
    at: new Date(at).toISOString(),
    environment: request.environment.trim(),
    note: request.note.trim(),
    reportedBy: who.accountId,
    reportedAt: new Date(nowMs).toISOString(),
  };
  // A second click on the same form (or a colleague reporting the same event) would count one deployment twice.
  const twin = handoff.reports.find((r) => r.outcome === report.outcome && time(r.at) === at && r.environment.toLowerCase() === report.environment.toLowerCase());
  if (twin) return fail('CONFLICT', `This is already recorded: ${outcomeLabels[report.outcome].toLowerCase()} at ${utcMinute(report.at)} in ${twin.environment}${twin.reportedByName ? ` (reported by ${twin.reportedByName})` : ''}. Nothing was recorded twice.`);
  const reports = [...handoff.reports, report];
  const over = storedSize(reports) - REPORTS_BUDGET_CHARS;
  if (over > 0) {
    const room = report.note.length - over;
    return fail(
      'BAD_REQUEST',
      room > 0
        ? `Jira keeps at most ${ENTITY_PROPERTY_MAX_CHARS.toLocaleString('en')} characters of reports on one issue, and this note would pass it: shorten the note to at most ${room.toLocaleString('en')} characters. Nothing was recorded.`
        : `The reports on ${handoff.issueKey} fill what Jira keeps on one issue (${ENTITY_PROPERTY_MAX_CHARS.toLocaleString('en')} characters); nothing was recorded. Put the details in a comment on the issue.`,
    );
  }
  return ok(reports);
}

/** What a write may reach: room below Jira's limit for the reporter's display name and the JQL index added on write. */
const REPORTS_BUDGET_CHARS = ENTITY_PROPERTY_MAX_CHARS - 400;
/** The stored property's size (as Jira counts it: the JSON text) without the additions above. */
const storedSize = (reports: readonly DeploymentReport[]) => JSON.stringify({ reports }).length;
const utcMinute = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;

export const outcomeLabels: Readonly<Record<OutcomeStatus, string>> = {
  awaiting: 'Awaiting deployment',
  deployed: 'Deployed',
  failed: 'Deployment failed',
  'rolled-back': 'Rolled back',
};
