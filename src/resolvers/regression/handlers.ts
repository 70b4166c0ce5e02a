import type { RegressionPanel, regressionProcedures } from '../../contracts/regression';
import type { Result } from '../../contracts/result';
import {
  addCheck,
  deleteCheck,
  draftRegressionBug,
  reproFromReport,
  withReproSections,
  editCheck,
  findCycle,
  markRegressionBugReported,
  recordResult,
  reorderChecks,
  setNote,
  shippedIn,
  startCycle,
  type AdfDoc,
  type EditContext,
  type RegressionRecord,
} from '../../domain/regression';
import { findReproFieldId } from '../../contracts/repro-steps';
import type { JiraGateway } from '../../jira/gateway';
import type { JiraIssue } from '../../jira/schemas';
import { AppError } from '../app-error';
import type { HandlerContext, Handlers } from '../define-resolver';
import { bugPath } from './bug-path';
import { buildPanel, nonBugType, notABugPanel, suggestionsFor } from './panel';
import { mergeOverwrites, staleOverwrites, writeNotice } from './notices';
import { editableRecord, loadIssue, readStored, writeMerged } from './record-store';

/**
 * The QA regression panel's use cases. Every Jira call acts as the user (their permissions apply); recording
 * needs Jira's Edit Issues on the bug. Writes name the revision the panel last saw (`baseRevision`).
 */

type Scope = { jira: JiraGateway; accountId: string };

function scope(ctx: HandlerContext): Scope {
  if (!ctx.accountId) throw new AppError('UNAUTHORIZED', 'Jira did not say who you are; reload the issue and try again.');
  return { jira: ctx.services.jira('user', ctx.accountId), accountId: ctx.accountId };
}

async function canEdit(jira: JiraGateway, key: string): Promise<boolean> {
  return (await jira.myPermissions({ issueKey: key }, ['EDIT_ISSUES']))['EDIT_ISSUES'] === true;
}

const names = new Map<string, string>();
async function actorName(jira: JiraGateway, accountId: string): Promise<string> {
  const known = names.get(accountId);
  if (known !== undefined) return known;
  const me = await jira.myself();
  const name = me.displayName ?? accountId;
  if (names.size > 500) names.clear();
  names.set(accountId, name);
  return name;
}

function refuseEdit(key: string): never {
  throw new AppError('FORBIDDEN', `You cannot change the regression of ${key}: that needs Jira's Edit Issues permission on it, which your account does not have. Ask a project admin.`);
}

type Loaded = { jira: JiraGateway; issue: JiraIssue; record: RegressionRecord; edit: EditContext };

/** Loads what a write needs, after checking the user may edit the issue. */
async function loadForWrite(ctx: HandlerContext, key: string): Promise<Loaded> {
  const { jira, accountId } = scope(ctx);
  const issue = await loadIssue(jira, key);
  const type = nonBugType(issue);
  if (type) throw new AppError('BAD_REQUEST', `${key} is of type ${type}, not a bug: focused regression is kept on bugs only.`);
  const shipped = shippedIn(issue.fields.fixVersions ?? []);
  if (shipped) throw new AppError('CONFLICT', `${key} shipped in ${shipped.release}: its regression is closed and can no longer change. A problem found now is a new bug.`);
  const [allowed, stored, name] = await Promise.all([canEdit(jira, key), readStored(jira, key), actorName(jira, accountId)]);
  if (!allowed) refuseEdit(key);
  return { jira, issue, record: editableRecord(stored, key), edit: { now: ctx.services.now().toISOString(), actor: { accountId, name } } };
}

function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new AppError(result.code, result.message);
  return result.data;
}

type WriteInput = { issueKey: string; rc: string; baseRevision: number };

/** One checklist edit: load → edit → merged write → the panel as stored now (with a notice if the view was stale). */
async function write(
  ctx: HandlerContext,
  input: WriteInput,
  edit: (loaded: Loaded) => Promise<Result<RegressionRecord>> | Result<RegressionRecord>,
  seen?: { checkId: string; updatedAt: string | undefined },
): Promise<RegressionPanel> {
  const loaded = await loadForWrite(ctx, input.issueKey);
  const edited = unwrap(await edit(loaded));
  const overwritten = staleOverwrites(loaded.record, edited, input.rc, loaded.edit, seen);
  let record = loaded.record;
  let merged = false;
  if (edited !== loaded.record) {
    const outcome = await writeMerged(loaded.jira, input.issueKey, loaded.record, edited);
    record = outcome.record;
    merged = outcome.merged;
    overwritten.push(...mergeOverwrites(outcome.conflicts, record, loaded.edit));
  }
  const notice = writeNotice({ baseRevision: input.baseRevision, loadedRevision: loaded.record.revision, stored: record, merged, overwritten });
  return buildPanel(loaded.issue, { ok: true, record, found: true }, true, await suggestionsFor(loaded.jira, loaded.issue, false), notice);
}

function requireCurrentRc(issue: JiraIssue, rc: string, currentRc: string | null): void {
  const shipped = shippedIn(issue.fields.fixVersions ?? []);
  if (shipped) {
    throw new AppError('CONFLICT', `${issue.key} shipped in ${shipped.release}${shipped.candidate ? ` (from ${shipped.candidate})` : ''}: its regression is closed. A problem found now is a new bug.`);
  }
  if (!currentRc) {
    throw new AppError('BAD_REQUEST', `${issue.key} has no release-candidate fix version. Set its Fix version to the release candidate under test (such as 4.3.0-rc.1), then start the regression.`);
  }
  if (rc !== currentRc) throw new AppError('BAD_REQUEST', `${issue.key}'s release candidate is ${currentRc}, not ${rc}. Reload the panel.`);
}

async function draftFor(loaded: Loaded, rc: string, checkId: string) {
  const cycle = findCycle(loaded.record, rc);
  const check = cycle?.checks.find((c) => c.id === checkId);
  if (!cycle || !check) throw new AppError('NOT_FOUND', `The check was not found in ${rc}; someone may have deleted it. Reload the panel.`);
  const issue = loaded.issue;
  return unwrap(
    draftRegressionBug({
      fixBug: { key: issue.key, summary: issue.fields.summary ?? '', components: (issue.fields.components ?? []).map((c) => c.name) },
      rc,
      check,
    }),
  );
}

export const regressionHandlers: Handlers<typeof regressionProcedures> = {
  'regression/get-panel': async ({ issueKey }, ctx) => {
    const { jira } = scope(ctx);
    const issue = await loadIssue(jira, issueKey, true);
    const type = nonBugType(issue);
    if (type) return notABugPanel(issue, type);
    const [allowed, stored, path] = await Promise.all([canEdit(jira, issueKey), readStored(jira, issueKey), bugPath(jira, ctx.services.storage, issue, ctx.services.now())]);
    const panel = buildPanel(issue, stored, allowed, []);
    // Similar bugs' history only matters when the checklist is about to be started from the suggestions.
    const starting = panel.currentRc !== null && (!stored.ok || !findCycle(stored.record, panel.currentRc));
    return { ...panel, suggestions: buildPanel(issue, stored, allowed, await suggestionsFor(jira, issue, starting)).suggestions, ...(path ? { path } : {}) };
  },

  'regression/start-cycle': (input, ctx) =>
    write(ctx, input, async ({ jira, issue, record, edit }) => {
      const panel = buildPanel(issue, { ok: true, record, found: true }, true, []);
      requireCurrentRc(issue, input.rc, panel.currentRc);
      const initial = record.cycles.length === 0 ? await suggestionsFor(jira, issue, true) : [];
      const started = startCycle(record, input.rc, edit, initial.map(({ id, area, title }) => ({ id, area, title })));
      return started.ok ? { ok: true, data: started.data.record } : started;
    }),

  'regression/add-check': (input, ctx) => write(ctx, input, ({ record, edit }) => addCheck(record, input.rc, input.check, edit)),

  'regression/edit-check': (input, ctx) =>
    write(
      ctx,
      input,
      ({ record, edit }) => editCheck(record, input.rc, input.checkId, { ...(input.area !== undefined ? { area: input.area } : {}), ...(input.title !== undefined ? { title: input.title } : {}) }, edit),
      { checkId: input.checkId, updatedAt: input.seenUpdatedAt },
    ),

  'regression/reorder-checks': (input, ctx) => write(ctx, input, ({ record }) => reorderChecks(record, input.rc, input.order)),

  'regression/delete-check': (input, ctx) => write(ctx, input, ({ record }) => deleteCheck(record, input.rc, input.checkId)),

  'regression/record-result': (input, ctx) =>
    write(ctx, input, ({ record, edit }) => recordResult(record, input.rc, input.checkId, input.result, input.note, edit), {
      checkId: input.checkId,
      updatedAt: input.seenUpdatedAt,
    }),

  'regression/set-note': (input, ctx) =>
    write(ctx, input, ({ record, edit }) => setNote(record, input.rc, input.checkId, input.note, edit), { checkId: input.checkId, updatedAt: input.seenUpdatedAt }),

  'regression/draft-bug': async (input, ctx) => {
    const loaded = await loadForWrite(ctx, input.issueKey);
    const draft = await draftFor(loaded, input.rc, input.checkId);
    return {
      summary: draft.summary,
      prefill: draft.prefill,
      prompts: draft.prompts,
      affectsVersion: input.rc,
      labels: draft.labels,
      components: draft.components,
      linkTo: draft.link.issueKey,
      linkType: draft.link.typeName,
    };
  },

  /**
   * Creates the regression bug as the user (Affects version = the RC, label, components, the tester's reproduction steps
   * in the Reproduction steps field; refused with what is missing while a step, the expected or actual result is not written), links
   * it to the fix and notes it on the check. A step after the creation that fails becomes a warning naming the
   * new bug, so a retry does not create a second one unnoticed.
   */
  'regression/report-bug': async (input, ctx) => {
    const repro = unwrap(reproFromReport(input.repro, input.rc));
    const loaded = await loadForWrite(ctx, input.issueKey);
    const draft = await draftFor(loaded, input.rc, input.checkId);
    const { jira, issue } = loaded;
    const projectKey = issue.fields.project?.key ?? issue.key.split('-')[0]!;
    // The tester's steps go into the Reproduction steps field; a site without the field gets them as labelled sections.
    const reproFieldId = findReproFieldId(await jira.listFields());
    const created = await jira.createIssue({
      project: { key: projectKey },
      issuetype: { name: draft.issueTypeName },
      summary: input.summary ?? draft.summary,
      description: reproFieldId ? draft.description : withReproSections(draft.description, repro),
      ...(reproFieldId ? { [reproFieldId]: repro } : {}),
      versions: draft.affectsVersions.map((name) => ({ name })),
      labels: draft.labels,
      ...(draft.components.length > 0 ? { components: draft.components.map((name) => ({ name })) } : {}),
    });
    const warnings: string[] = [];
    try {
      await jira.linkIssues(draft.link.typeName, issue.key, created.key);
    } catch (e) {
      warnings.push(`${created.key} was created but could not be linked to ${issue.key} (${e instanceof Error ? e.message : String(e)}). Link it by hand: "${created.key} relates to ${issue.key}".`);
    }
    let record = loaded.record;
    try {
      const marked = unwrap(markRegressionBugReported(loaded.record, input.rc, input.checkId, created.key, loaded.edit));
      record = (await writeMerged(jira, issue.key, loaded.record, marked)).record;
    } catch (e) {
      warnings.push(`${created.key} was created, but the checklist could not note it (${e instanceof Error ? e.message : String(e)}). Do not report it again; add a note to the check instead.`);
    }
    const panel = buildPanel(issue, { ok: true, record, found: true }, true, await suggestionsFor(jira, issue, false));
    return { bugKey: created.key, panel, ...(warnings.length > 0 ? { warnings } : {}) };
  },
};
