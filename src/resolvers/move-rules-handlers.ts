/**
 * The Stage mapping page's "Who may make each move" (project-pages-fn): read the project's rules (or the process
 * defaults) with its roles and who holds them; save them (Administer Projects, checked with the user's own rights)
 * and publish them for the role validator's Jira expression. See docs/validators.md.
 */
import type { moveRulesProcedures, MoveRulesSetupDto, StoredMoveRules } from '../contracts/move-rules';
import { moveRulesRepo, publishMoveRules, roleHolders, rulesOf } from '../storage/move-rules-store';
import { AppError } from './app-error';
import type { HandlerContext, Handlers } from './define-resolver';

const ADMIN = 'ADMINISTER_PROJECTS';

function who(ctx: HandlerContext): { accountId: string; project: { key: string; id: string } } {
  if (!ctx.accountId) throw new AppError('UNAUTHORIZED', 'Sign in to Jira to see who may make each move.');
  if (!ctx.projectKey) throw new AppError('BAD_REQUEST', 'Jira did not name the project of this page; open it from the project sidebar.');
  return { accountId: ctx.accountId, project: { key: ctx.projectKey, id: ctx.projectId ?? ctx.projectKey } };
}

async function setupOf(ctx: HandlerContext, accountId: string, project: { key: string; id: string }, stored: StoredMoveRules | undefined): Promise<MoveRulesSetupDto> {
  const jira = ctx.services.jira('user', accountId);
  const canAdminister = (await jira.myPermissions({ projectKey: project.key }, [ADMIN]))[ADMIN] === true;
  // Role members are visible to project admins only (Jira's rule); everyone else sees the role names.
  const roles = canAdminister ? (await roleHolders(jira, project.key)).roles : (await jira.listProjectRoles(project.key).catch(() => [])).map((r) => ({ id: r.id, name: r.name }));
  const out: MoveRulesSetupDto = { projectKey: project.key, rules: rulesOf(stored), defaulted: stored === undefined, roles, canAdminister };
  if (stored?.updatedAt) out.updatedAt = stored.updatedAt;
  return out;
}

export const moveRulesHandlers: Handlers<typeof moveRulesProcedures> = {
  'stage-mapping/move-rules': async (_input, ctx) => {
    const { accountId, project } = who(ctx);
    return setupOf(ctx, accountId, project, await moveRulesRepo(ctx.services.storage).get(project.id));
  },
  'stage-mapping/save-move-rules': async (input, ctx) => {
    const { accountId, project } = who(ctx);
    const jira = ctx.services.jira('user', accountId);
    if ((await jira.myPermissions({ projectKey: project.key }, [ADMIN]))[ADMIN] !== true) {
      throw new AppError('FORBIDDEN', `Only project admins (Administer Projects in ${project.key}) can change who may make each move.`);
    }
    const known = new Set((await jira.listProjectRoles(project.key)).map((r) => r.name));
    const named = [...Object.values(input.rules.byStage).flatMap((r) => r.roles), ...(input.rules.overrideRole ? [input.rules.overrideRole] : [])];
    const unknown = [...new Set(named.filter((n) => !known.has(n)))];
    if (unknown.length > 0) throw new AppError('BAD_REQUEST', `Not saved: ${project.key} has no project role ${unknown.map((n) => `'${n}'`).join(', ')}. Pick from: ${[...known].join(', ')}.`);
    const stored: StoredMoveRules = { ...input.rules, updatedAt: ctx.services.now().toISOString(), updatedByAccountId: accountId };
    await moveRulesRepo(ctx.services.storage).set(project.id, stored);
    await publishMoveRules(ctx.services.storage, jira, project, ctx.services.now());
    return setupOf(ctx, accountId, project, stored);
  },
};
