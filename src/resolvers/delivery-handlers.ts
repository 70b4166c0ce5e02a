import { z } from 'zod';
import { deliveryConfigSchema, deliveryProcedures, type DeliveryConfig } from '../contracts/delivery';
import { deliveryMetrics, trainOutcomes, type DeliveryBug, type DeliveryRelease, type Handoff } from '../domain/delivery';
import type { Train, VersionLite } from '../domain/rc-readiness';
import { stageHistory } from '../domain/bug-flow';
import { statusChangesOf } from '../jira/changelog';
import type { JiraGateway } from '../jira/gateway';
import type { JiraIssue } from '../jira/schemas';
import { StorageError } from '../storage/key-value-store';
import { AppError } from './app-error';
import type { HandlerContext, Handlers } from './define-resolver';
import { deliveryStore, freeze, frozenId, thaw } from './delivery/frozen-figures';
import { handoffsOfTrainsJql, searchHandoffs } from './ops-handoff/handoff-search';
import { projectStageMapping } from './project-stage-mapping';
import { opsProjectHidden } from './ops-handoff/ops-visibility';
import { loadProjectFacts, loadTrains, stageDurations, withFullChangelogs, type ProjectFacts } from './rc-promotion/candidate';
import { loadConfig, promotionStore } from './rc-promotion/store';

export { deliveryProcedures };

/**
 * The delivery metrics page. Reads, as the caller: the project's versions (trains), the hand-offs of its trains
 * (one search, both properties inline), the escaped bugs (one search), and the bugs of a deployed release only the
 * first time (then its figures are kept in app storage, see delivery/frozen-figures.ts).
 */
const MAX_RELEASE_BUGS = 2000;
const MAX_ESCAPED = 2000;
const jqlString = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
const optionValue = z.union([z.object({ value: z.string() }), z.string()]);

function caller(input: { projectKey: string }, ctx: HandlerContext) {
  if (!ctx.accountId) throw new AppError('UNAUTHORIZED', 'Jira did not say who you are; reload the page and try again.');
  if (ctx.projectKey && ctx.projectKey !== input.projectKey) throw new AppError('BAD_REQUEST', `This page belongs to project ${ctx.projectKey}, not ${input.projectKey}.`);
  return { jira: ctx.services.jira('user', ctx.accountId), store: deliveryStore(ctx.services.storage) };
}

async function loadDeliveryConfig(store: ReturnType<typeof deliveryStore>, projectKey: string): Promise<DeliveryConfig> {
  try {
    return (await store.configs.get(projectKey)) ?? deliveryConfigSchema.parse({});
  } catch (e) {
    if (e instanceof StorageError) throw new StorageError(`The delivery metrics settings of ${projectKey} are not valid; save them again. (${e.message})`, e.key);
    throw e;
  }
}

/** Production releases: every train (its candidates map to it), and released versions outside any train. */
function productionReleases(trains: readonly Train[], unmatched: readonly VersionLite[]) {
  const releaseOf = new Map<string, string>();
  const list: Array<{ name: string; versions: VersionLite[]; released: boolean; releaseDate?: string; candidateCount?: number }> = [];
  for (const t of trains) {
    const versions = [...(t.releaseVersion ? [t.releaseVersion] : []), ...t.candidates.map((c) => c.version)];
    for (const v of versions) releaseOf.set(v.name, t.release);
    // Old promotions released the candidate itself: the train counts as released then, on the candidate's date.
    const shipped = t.releaseVersion?.released ? t.releaseVersion : t.candidates.map((c) => c.version).find((v) => v.released);
    list.push({ name: t.release, versions, released: Boolean(shipped), ...(shipped?.releaseDate ? { releaseDate: shipped.releaseDate } : {}), ...(t.candidates.length ? { candidateCount: t.candidates.length } : {}) });
  }
  for (const v of unmatched.filter((x) => x.released)) {
    releaseOf.set(v.name, v.name);
    list.push({ name: v.name, versions: [v], released: true, ...(v.releaseDate ? { releaseDate: v.releaseDate } : {}) });
  }
  return { list, releaseOf };
}

function toBug(issue: JiraIssue, releaseOf: ReadonlyMap<string, string>, facts: ProjectFacts | undefined, severityField: string | undefined, now: string): DeliveryBug {
  const f = issue.fields;
  const names = (vs: Array<{ name: string }> | undefined) => [...new Set((vs ?? []).map((v) => releaseOf.get(v.name)).filter((n): n is string => n !== undefined))];
  const sev = severityField ? optionValue.safeParse((f as Record<string, unknown>)[severityField]) : undefined;
  const severity = sev?.success ? (typeof sev.data === 'string' ? sev.data : sev.data.value) : undefined;
  let doneAt: string | undefined;
  if (facts) doneAt = stageHistory(f.created ?? now, f.status?.id, statusChangesOf(issue.changelog?.histories ?? []), facts.mapping).filter((i) => i.stage === 'DONE').at(-1)?.enteredAt;
  return {
    key: issue.key,
    createdAt: f.created ?? now,
    fixReleases: names(f.fixVersions),
    affectsReleases: names(f.versions),
    ...(severity ? { severity } : {}),
    ...(doneAt ? { doneAt } : {}),
    ...(facts ? { stageDurationsMs: stageDurations(issue, facts, now) } : {}),
  };
}

export const deliveryHandlers: Handlers<typeof deliveryProcedures> = {
  async 'delivery/metrics'(input, ctx) {
    const { jira, store } = caller(input, ctx);
    const now = ctx.services.now().toISOString();
    const promotionConfig = await loadConfig(promotionStore(ctx.services.storage), input.projectKey);
    const [config, { grouped }, fields] = await Promise.all([loadDeliveryConfig(store, input.projectKey), loadTrains(jira, input.projectKey, promotionConfig), jira.listFields()]);
    const severityField = fields.find((f) => /^severity$/i.test(f.name.trim()))?.id;
    const { list, releaseOf } = productionReleases(grouped.trains, grouped.unmatched);

    // Hand-offs (deployments) of the project's trains; someone who cannot see the ops project sees none.
    const found = await searchHandoffs(jira, handoffsOfTrainsJql(input.projectKey));
    const handoffsOf = new Map<string, Handoff[]>();
    for (const { handoff } of found.found) if (handoff.record.projectKey === input.projectKey) handoffsOf.set(handoff.record.train, [...(handoffsOf.get(handoff.record.train) ?? []), handoff]);
    const opsHidden = await opsProjectHidden(jira, promotionConfig.opsProjectKey, 'the deployments recorded there are not counted for you.');
    const deployed = (name: string) => (handoffsOf.get(name) ?? []).some((h) => h.reports.some((r) => r.outcome === 'deployed'));

    // Bugs of each deployed release: kept figures when there are some, else read once from Jira and kept.
    const bugs = new Map<string, DeliveryBug>();
    const add = (b: DeliveryBug) => {
      const seen = bugs.get(b.key);
      bugs.set(b.key, seen ? { ...seen, ...b, fixReleases: [...new Set([...seen.fixReleases, ...b.fixReleases])], affectsReleases: [...new Set([...seen.affectsReleases, ...b.affectsReleases])] } : b);
    };
    const frozenReleases: string[] = [];
    const readReleases: string[] = [];
    let facts: ProjectFacts | undefined;
    for (const r of list.filter((x) => deployed(x.name))) {
      const outcome = trainOutcomes(handoffsOf.get(r.name) ?? [])[0];
      const settled = outcome?.status === 'deployed' ? outcome.handoffKey : undefined;
      const kept = settled ? await store.releases.get(frozenId(input.projectKey, r.name)) : undefined;
      if (kept && kept.asOf === settled) {
        thaw(kept).forEach(add);
        frozenReleases.push(r.name);
        continue;
      }
      facts ??= await loadProjectFacts(jira, () => projectStageMapping(ctx, jira, input.projectKey));
      const jql = `project = ${jqlString(input.projectKey)} AND issuetype in (${promotionConfig.bugTypes.map(jqlString).join(', ')}) AND fixVersion in (${r.versions.map((v) => v.id).join(', ')}) ORDER BY key ASC`;
      const res = await jira.searchAll({ jql, fields: ['created', 'status', 'fixVersions', 'versions'], expandChangelog: true, maxIssues: MAX_RELEASE_BUGS });
      const own = (await withFullChangelogs(jira, res.issues)).map((i) => ({ ...toBug(i, releaseOf, facts, undefined, now), fixReleases: [r.name] }));
      if (settled) await store.releases.set(frozenId(input.projectKey, r.name), freeze(r.name, settled, own, now));
      own.forEach(add);
      readReleases.push(r.name);
    }

    // Escaped-bug candidates: bugs naming a released production release (or its candidates) in Affects versions.
    const releasedIds = list.filter((r) => r.released || deployed(r.name)).flatMap((r) => r.versions.map((v) => v.id));
    if (releasedIds.length) {
      const jql = `project = ${jqlString(input.projectKey)} AND issuetype in (${promotionConfig.bugTypes.map(jqlString).join(', ')}) AND affectedVersion in (${releasedIds.join(', ')}) ORDER BY created DESC`;
      const res = await jira.searchAll({ jql, fields: ['created', 'fixVersions', 'versions', ...(severityField ? [severityField] : [])], maxIssues: MAX_ESCAPED });
      for (const i of res.issues) add(toBug(i, releaseOf, undefined, severityField, now));
    }

    const releases: DeliveryRelease[] = list.map((r) => ({
      name: r.name,
      released: r.released,
      ...(r.releaseDate ? { releaseDate: r.releaseDate } : {}),
      ...(r.candidateCount !== undefined ? { candidateCount: r.candidateCount } : {}),
      handoffs: handoffsOf.get(r.name) ?? [],
    }));
    const metrics = deliveryMetrics({
      now,
      ...(input.windowDays ? { windowDays: input.windowDays } : {}),
      releases,
      bugs: [...bugs.values()],
      severity: { order: config.severityOrder, ...(config.severityThreshold ? { threshold: config.severityThreshold } : {}) },
    });
    return { ...metrics, config, sources: { frozenReleases, readReleases, unreadableHandoffs: found.unreadable, ...(opsHidden ? { opsHidden } : {}) } };
  },

  /** Project admins (Administer Projects, checked with their own rights) set the severity threshold. */
  async 'delivery/config-save'(input, ctx) {
    const { jira, store } = caller(input, ctx);
    const p = await jira.myPermissions({ projectKey: input.projectKey }, ['ADMINISTER_PROJECTS']);
    if (!p['ADMINISTER_PROJECTS']) throw new AppError('FORBIDDEN', `Only administrators of ${input.projectKey} can change the delivery metrics settings.`);
    if (input.config.severityThreshold && !input.config.severityOrder.some((s) => s.toLowerCase() === input.config.severityThreshold!.toLowerCase()))
      throw new AppError('BAD_REQUEST', `The threshold must be one of the severities: ${input.config.severityOrder.join(', ')}.`, [{ path: 'config.severityThreshold', message: 'not one of the severities' }]);
    await store.configs.set(input.projectKey, input.config);
    return input.config;
  },
};
