import type { coverageProcedures, CoverageSettings, SuiteView } from '../../contracts/coverage';
import {
  addSuiteChecks,
  buildLibrary,
  emptySuite,
  flakyChecks,
  fullRegressionGaps,
  reportedBugsOf,
  recordSuiteResult,
  startSuiteCycle,
  uniqueAreas,
  type AreaSuite,
} from '../../domain/coverage';
import { countResults, findCycle, parseStoredRecord, type EditContext } from '../../domain/regression';
import { REGRESSION_PROPERTY_KEY } from '../../contracts/regression';
import type { Result } from '../../contracts/result';
import type { JiraGateway } from '../../jira/gateway';
import { AppError } from '../app-error';
import { requireProjectAccess } from '../project-access';
import type { HandlerContext, Handlers } from '../define-resolver';
import { loadConfig, promotionStore } from '../rc-promotion/store';
import { candidateFixes, candidateWindow, developmentState, featureRows, loadCoverage } from './load';
import { coverageStore, listSuites, loadSettings, suiteId, writeSuite, type CoverageStore } from './store';

/**
 * The "Regression coverage" page and the RC page's coverage section. Jira is read as the calling user; area
 * regressions are kept in app storage and need Jira's Edit Issues in the project (what QA has to record results
 * on bugs), settings need Administer Projects.
 */
type Env = { jira: JiraGateway; store: CoverageStore; accountId: string; projectKey: string; now: () => Date; kv: HandlerContext['services']['storage'] };

function envFor(input: { projectKey: string }, ctx: HandlerContext): Env {
  if (!ctx.accountId) throw new AppError('UNAUTHORIZED', 'Sign in to Jira to use the regression coverage.');
  if (ctx.projectKey && ctx.projectKey !== input.projectKey) throw new AppError('BAD_REQUEST', `This page belongs to project ${ctx.projectKey}, not ${input.projectKey}.`);
  return { jira: ctx.services.jira('user', ctx.accountId), store: coverageStore(ctx.services.storage), accountId: ctx.accountId, projectKey: input.projectKey, now: () => ctx.services.now(), kv: ctx.services.storage };
}

const has = async (env: Env, permission: string) => (await env.jira.myPermissions({ projectKey: env.projectKey }, [permission]))[permission] === true;

async function editContext(env: Env): Promise<EditContext> {
  const me = await env.jira.myself();
  return { now: env.now().toISOString(), actor: { accountId: env.accountId, name: (me.displayName ?? env.accountId).slice(0, 255) } };
}

const unwrap = <T>(r: Result<T>): T => {
  if (!r.ok) throw new AppError(r.code, r.message);
  return r.data;
};

async function suiteView(env: Env, area: string, versionId: string, suite: AreaSuite | undefined, rcName?: string): Promise<SuiteView> {
  const s = suite ?? emptySuite(area);
  // Fixes matter only once a check failed and later passed in the suite (a run log with a pass after a failure).
  const mayBeFlaky = s.runs.some((r) => r.result === 'failed');
  const [rc, canEdit, fixes] = await Promise.all([
    rcName ?? candidateName(env, versionId),
    has(env, 'EDIT_ISSUES'),
    mayBeFlaky ? loadSettings(env.store, env.projectKey).then(({ settings }) => candidateFixes(env.jira, env.projectKey, versionId, settings)) : Promise.resolve([]),
  ]);
  const cycle = findCycle(s.record, rc);
  return {
    area: s.area,
    rc,
    versionId,
    checks: cycle ? cycle.checks : null,
    history: s.record.cycles.map((c) => {
      const n = countResults(c.checks);
      return { rc: c.rc, total: n.total, run: n.total - n['not-run'], failed: n.failed };
    }),
    // Judged like the coverage page: a fix of the area (or the bug reported from the failure) between failure and pass is no flake.
    flaky: flakyChecks(s.area, rc, s.runs, new Map(s.record.cycles.flatMap((c) => c.checks.map((x) => [x.id, x.title] as const))), fixes, reportedBugsOf(cycle?.checks ?? [])),
    revision: s.record.revision,
    canEdit,
  };
}

async function candidateName(env: Env, versionId: string): Promise<string> {
  const config = await loadConfig(promotionStore(env.kv), env.projectKey);
  return (await candidateWindow(env.jira, env.projectKey, versionId, config, 1)).selected.version.name;
}

/** Loads the suite, applies `edit`, saves it merged with any concurrent save. */
async function editSuite(env: Env, input: { area: string; versionId: string }, edit: (suite: AreaSuite, rc: string, ctx: EditContext) => Result<AreaSuite>): Promise<SuiteView> {
  if (!(await has(env, 'EDIT_ISSUES'))) {
    throw new AppError('FORBIDDEN', `Running an area regression needs Jira's Edit Issues permission in ${env.projectKey}, which your account does not have. Ask a project admin.`);
  }
  const id = suiteId(env.projectKey, input.area);
  const [rc, base, ctx] = await Promise.all([candidateName(env, input.versionId), env.store.suites.get(id), editContext(env)]);
  const mine = unwrap(edit(base ?? emptySuite(uniqueAreas([input.area])[0]!), rc, ctx));
  const saved = await writeSuite(env.store, id, base, mine);
  return suiteView(env, saved.area, input.versionId, saved, rc);
}

async function settingsView(env: Env) {
  const [loaded, canAdminister] = await Promise.all([loadSettings(env.store, env.projectKey), has(env, 'ADMINISTER_PROJECTS')]);
  return { settings: loaded.settings, canAdminister, ...(loaded.problem ? { problem: loaded.problem } : {}) };
}

export const coverageHandlers: Handlers<typeof coverageProcedures> = {
  async 'coverage/candidate'(input, ctx) {
    const env = envFor(input, ctx);
    const [{ settings }, config, suites] = await Promise.all([loadSettings(env.store, env.projectKey), loadConfig(promotionStore(env.kv), env.projectKey), listSuites(env.store, env.projectKey)]);
    const win = await candidateWindow(env.jira, env.projectKey, input.versionId, config, settings.window);
    const [loaded, development] = await Promise.all([loadCoverage(env.jira, env.projectKey, win, settings, suites, config.bugTypes), developmentState(env.jira, env.projectKey, input.versionId)]);
    const r = loaded.report;
    return {
      rc: win.selected.version.name,
      versionId: input.versionId,
      release: win.train.release,
      candidates: r.candidates.map((c) => ({ rc: c.rc, changedCount: c.changedCount, changedRegressedCount: c.changedRegressedCount, share: c.share, full: c.full })),
      selected: r.selected,
      neverRegressed: r.neverRegressed,
      window: r.window,
      fullRegressionGaps: fullRegressionGaps(r.selected, r.neverRegressed, r.window),
      features: featureRows(loaded, development, config.bugTypes),
      development,
      settings,
      truncated: loaded.truncated,
    };
  },

  async 'coverage/library'(input, ctx) {
    const env = envFor(input, ctx);
    return libraryFor(env.jira, env.store, env.projectKey);
  },

  async 'coverage/suite'(input, ctx) {
    const env = envFor(input, ctx);
    return suiteView(env, input.area, input.versionId, await env.store.suites.get(suiteId(env.projectKey, input.area)));
  },

  async 'coverage/suite-start'(input, ctx) {
    return editSuite(envFor(input, ctx), input, (suite, rc, c) => {
      const started = startSuiteCycle(suite, rc, c, input.checks.map((x) => ({ id: x.id, area: suite.area, title: x.title })));
      // A cycle that already existed (someone started it meanwhile) still gets the checks asked for.
      return started.ok && input.checks.length > 0 ? addSuiteChecks(started.data, rc, input.checks.map((x) => ({ id: x.id, area: suite.area, title: x.title })), c) : started;
    });
  },

  async 'coverage/suite-add'(input, ctx) {
    return editSuite(envFor(input, ctx), input, (suite, rc, c) => addSuiteChecks(suite, rc, input.checks.map((x) => ({ id: x.id, area: suite.area, title: x.title })), c));
  },

  async 'coverage/suite-result'(input, ctx) {
    return editSuite(envFor(input, ctx), input, (suite, rc, c) => recordSuiteResult(suite, rc, input.checkId, input.result, input.note, c));
  },

  async 'coverage/settings'(input, ctx) {
    return settingsView(envFor(input, ctx));
  },

  async 'coverage/settings-save'(input, ctx) {
    const env = envFor(input, ctx);
    if (!(await has(env, 'ADMINISTER_PROJECTS'))) throw new AppError('FORBIDDEN', `Only project admins (Administer Projects in ${env.projectKey}) can change the regression coverage settings.`);
    if (input.settings.areaFieldId) {
      const fields = await env.jira.listFields();
      if (!fields.some((f) => f.id === input.settings.areaFieldId)) {
        throw new AppError('BAD_REQUEST', `The settings were not saved: Jira has no field ${input.settings.areaFieldId}.`, [{ path: 'settings.areaFieldId', message: `Jira has no field ${input.settings.areaFieldId}.` }]);
      }
    }
    await env.store.settings.set(env.projectKey, input.settings satisfies CoverageSettings);
    return settingsView(env);
  },
};

/** Checks QA ran before: the project's area suites and the focused checklists of bugs with a regression record. */
export async function libraryFor(jira: JiraGateway, store: CoverageStore, projectKey: string) {
  // The suites come from app storage, where Jira's permissions do not apply: the regression panel names the project
  // by an issue key from its payload, so the caller's access to it is checked (in parallel, not one call later).
  const [, suites, bugs] = await Promise.all([
    requireProjectAccess(jira, projectKey),
    listSuites(store, projectKey),
    jira.searchAll({
      jql: `project = "${projectKey}" AND issue.property[${REGRESSION_PROPERTY_KEY}].index.latestRc IS NOT EMPTY ORDER BY updated DESC`,
      fields: ['summary'],
      properties: [REGRESSION_PROPERTY_KEY],
      maxIssues: 500,
    }),
  ]);
  const bugRecords = bugs.issues.flatMap((i) => {
    const parsed = parseStoredRecord(i.properties?.[REGRESSION_PROPERTY_KEY]);
    return parsed.ok && parsed.found ? [{ key: i.key, record: parsed.record }] : [];
  });
  const checks = buildLibrary({ suites, bugRecords });
  return { checks, areas: uniqueAreas([...suites.map((s) => s.area), ...checks.map((c) => c.area)]).sort((a, b) => a.localeCompare(b)) };
}

