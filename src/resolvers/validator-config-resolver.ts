/**
 * Resolver of the validators' configuration UI (function validator-config-fn): the project's real statuses (read
 * as the user), the status → stage mapping (saving it needs Administer Projects), and the recorded "Jira could
 * not be read" events. The project comes from the frame's context: Jira gives a workflow validator's configuration
 * page `extension.scopedProjectId` for a team-managed project's workflow and no project for a company-managed one
 * (a workflow shared by projects); `extension.project` is also accepted (the local workspace sends it, and Jira
 * gives it to the project page, whose Stage mapping sub-page uses the same read and save: stageMappingHandlers).
 */
import { stageMappingProcedures, validatorConfigProcedures, type ValidatorSetupDto } from '../contracts/validator-config';
import { toDomainMapping, type StoredStageMapping } from '../contracts/stage-mapping';
import { validateStageMapping, type JiraStatus } from '../domain/bug-flow/status-mapping';
import { listValidatorFailures } from '../validators/failure-log';
import { derivedMapping, projectStatusList, stageMappings } from '../storage/stage-mapping-store';
import { publishMoveRules } from '../storage/move-rules-store';
import { AppError } from './app-error';
import { requireProjectAccess } from './project-access';
import { defineResolver, type HandlerContext, type Handlers } from './define-resolver';

const ADMIN = 'ADMINISTER_PROJECTS';

/** Said when the frame names no project; the configuration UI shows the same explanation without asking. */
export const NO_PROJECT_MESSAGE =
  "Jira did not tell this page which project's workflow it is (company-managed workflows can be shared by several projects), so the stage mapping cannot be shown or changed here. Each project keeps its own mapping: open Release Train → Stage mapping in that project's sidebar.";

const idOf = (v: unknown) => (typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : undefined);

/** The frame's project: extension.project when given, else Jira's scopedProjectId (an id: its key is read as the user). */
async function projectOf(ctx: HandlerContext, accountId: string): Promise<{ key: string; id: string }> {
  if (ctx.projectKey) return { key: ctx.projectKey, id: ctx.projectId ?? ctx.projectKey };
  const scoped = idOf(ctx.extension['scopedProjectId']);
  if (!scoped) throw new AppError('BAD_REQUEST', NO_PROJECT_MESSAGE);
  const project = await ctx.services.jira('user', accountId).getProject(scoped);
  return { key: project.key, id: project.id };
}
function userOf(ctx: HandlerContext): string {
  if (!ctx.accountId) throw new AppError('UNAUTHORIZED', 'Sign in to Jira to configure the validators.');
  return ctx.accountId;
}

/** Statuses, the stored (or derived) mapping and whether the user may edit it; caches a derived default. */
async function setup(ctx: HandlerContext, project: { key: string; id: string }, accountId: string): Promise<ValidatorSetupDto> {
  const jira = ctx.services.jira('user', accountId);
  const [statusReply, permissions] = await Promise.all([jira.getProjectStatuses(project.key), jira.myPermissions({ projectKey: project.key }, [ADMIN])]);
  const statuses = projectStatusList(statusReply);
  const repo = stageMappings(ctx.services.storage);
  let stored: StoredStageMapping | undefined = await repo.get(project.id);
  if (!stored) {
    // Warm the validators' cache: they then never need the extra statuses call (see stage-mapping-store.ts).
    stored = derivedMapping(project.id, statuses, ctx.services.now());
    await repo.set(project.id, stored);
  } else if (stored.derived && !sameStatuses(stored.statuses ?? [], statuses)) {
    // The workflow changed since the default was derived: derive it again (an admin's own mapping is kept).
    stored = derivedMapping(project.id, statuses, ctx.services.now());
    await repo.set(project.id, stored);
  }
  return describe(project, statuses, stored, permissions[ADMIN] === true);
}

const sameStatuses = (a: readonly JiraStatus[], b: readonly JiraStatus[]) => a.length === b.length && a.every((s, i) => s.id === b[i]?.id && s.name === b[i]?.name);

function describe(project: { key: string; id: string }, statuses: JiraStatus[], stored: StoredStageMapping, canAdminister: boolean): ValidatorSetupDto {
  const check = validateStageMapping(toDomainMapping(stored), statuses);
  const out: ValidatorSetupDto = {
    projectKey: project.key,
    projectId: project.id,
    statuses: statuses.map((s) => ({ id: s.id, name: s.name, categoryKey: s.categoryKey })),
    byStatusId: { ...stored.byStatusId },
    derived: stored.derived,
    canAdminister,
    errors: check.ok ? [] : check.errors,
    warnings: check.warnings,
  };
  if (stored.updatedAt) out.updatedAt = stored.updatedAt;
  return out;
}

export const validatorConfigHandlers: Handlers<typeof validatorConfigProcedures> = {
  'validators/setup': async (_input, ctx) => {
    const accountId = userOf(ctx);
    return setup(ctx, await projectOf(ctx, accountId), accountId);
  },

  'validators/save-mapping': async (input, ctx) => {
    const accountId = userOf(ctx);
    const project = await projectOf(ctx, accountId);
    const jira = ctx.services.jira('user', accountId);
    const permissions = await jira.myPermissions({ projectKey: project.key }, [ADMIN]);
    if (permissions[ADMIN] !== true) throw new AppError('FORBIDDEN', `Only project admins (Administer Projects in ${project.key}) can change the stage mapping.`);
    const statuses = projectStatusList(await jira.getProjectStatuses(project.key));
    const check = validateStageMapping({ byStatusId: input.byStatusId }, statuses);
    if (!check.ok) throw new AppError('BAD_REQUEST', `The stage mapping was not saved: ${check.errors.map((e) => e.message).join(' ')}`);
    const stored: StoredStageMapping = {
      version: 1,
      projectId: project.id,
      byStatusId: check.mapping.byStatusId,
      derived: false,
      updatedAt: ctx.services.now().toISOString(),
      updatedByAccountId: accountId,
      statuses: statuses.map((s) => ({ id: s.id, name: s.name.slice(0, 255), categoryKey: s.categoryKey.slice(0, 40) })),
    };
    await stageMappings(ctx.services.storage).set(project.id, stored);
    // The role validator's expression judges stages from its own copy: refresh it (when rules were saved).
    await publishMoveRules(ctx.services.storage, jira, project, ctx.services.now()).catch((e: unknown) => console.error('Release Train could not publish the move rules', e));
    return describe(project, statuses, stored, true);
  },

  'validators/failures': async (input, ctx) => {
    const accountId = userOf(ctx);
    const project = await projectOf(ctx, accountId);
    // Answered from app storage: Jira's own permissions do not apply there, so the caller's are checked first.
    await requireProjectAccess(ctx.services.jira('user', accountId), project.key);
    return { events: await listValidatorFailures(ctx.services.storage, project.key, input.limit) };
  },
};

export const validatorConfigResolver = defineResolver(validatorConfigProcedures, validatorConfigHandlers);

/** The same read and save, served by the project page's resolver (project-pages-fn) for its Stage mapping sub-page. */
export const stageMappingHandlers: Handlers<typeof stageMappingProcedures> = {
  'stage-mapping/setup': validatorConfigHandlers['validators/setup'],
  'stage-mapping/save': validatorConfigHandlers['validators/save-mapping'],
};
