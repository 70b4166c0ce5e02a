import type { FieldIssue } from '../../contracts/result';
import { promotionConfigSchema, type PromotionConfig } from '../../contracts/rc-promotion';
import { JiraError } from '../../jira/errors';
import type { JiraGateway } from '../../jira/gateway';
import { StorageError } from '../../storage/key-value-store';
import { manualCandidateProblems } from '../../domain/rc-readiness';
import { AppError } from '../app-error';
import { toVersionLite } from './candidate';
import { loadConfig, type PromotionStore } from './store';

/**
 * The RC promotion settings of a project (app storage `rc-promotion:config:<PROJECT>`). Anyone on the page may read
 * them; only project admins (Administer Projects, by their own rights in Jira) may change them. A save is checked
 * against Jira first: the promoter role exists in the project, the ops project exists and the admin can see it,
 * every admin gate's JQL runs, every hand-picked candidate is a version of the project outside the naming pattern (with a
 * number no other candidate of its train has). Nothing is stored unless everything passes; the errors name their fields.
 */
export type SettingsCaller = { jira: JiraGateway; store: PromotionStore; accountId: string; projectKey: string };

const ADMIN = 'ADMINISTER_PROJECTS';
const refusable = (e: unknown) => e instanceof JiraError && (e.kind === 'forbidden' || e.kind === 'not-found' || e.kind === 'unauthorized');

async function isAdmin(c: SettingsCaller): Promise<boolean> {
  return (await c.jira.myPermissions({ projectKey: c.projectKey }, [ADMIN]))[ADMIN] === true;
}

/** Project admins can read the project's roles with their own rights. */
const roleNames = async (c: SettingsCaller) => (await c.jira.listProjectRoles(c.projectKey)).map((r) => r.name);

export async function readSettings(c: SettingsCaller) {
  const canAdminister = await isAdmin(c);
  const roles = canAdminister ? await roleNames(c).catch((e: unknown) => (refusable(e) ? [] : Promise.reject(e))) : [];
  try {
    return { config: await loadConfig(c.store, c.projectKey), canAdminister, roles };
  } catch (e) {
    if (!(e instanceof StorageError)) throw e;
    // Show the defaults so an admin can save over the bad value; the page says why.
    return { config: promotionConfigSchema.parse({}), canAdminister, roles, problem: e.message };
  }
}

export async function saveSettings(c: SettingsCaller, config: PromotionConfig) {
  if (!(await isAdmin(c))) {
    throw new AppError('FORBIDDEN', `Only project admins (Administer Projects in ${c.projectKey}) can change the RC promotion settings.`);
  }
  const roles = await roleNames(c);
  const issues: FieldIssue[] = [];
  if (!roles.some((r) => r.trim().toLowerCase() === config.promoterRole.trim().toLowerCase())) {
    issues.push({ path: 'config.promoterRole', message: `${c.projectKey} has no role named ${config.promoterRole} (roles: ${roles.join(', ')}).` });
  }
  if (config.opsProjectKey) {
    const ops = config.opsProjectKey;
    await c.jira.getProject(ops).catch((e: unknown) => {
      if (!refusable(e)) throw e;
      issues.push({ path: 'config.opsProjectKey', message: `Project ${ops} does not exist, or you cannot see it.` });
    });
  }
  await Promise.all(
    config.adminGates.map(async (g, i) => {
      try {
        await c.jira.searchPage(g.jql, ['key'], 1);
      } catch (e) {
        if (!(e instanceof JiraError) || e.kind !== 'bad-request') throw e;
        issues.push({ path: `config.adminGates.${i}.jql`, message: `Jira cannot run this query: ${e.message}` });
      }
    }),
  );
  if (config.manualCandidates.length > 0) {
    const versions = (await c.jira.listVersions(c.projectKey)).map(toVersionLite);
    for (const p of manualCandidateProblems(versions, config.namingPattern, config.manualCandidates)) {
      issues.push({ path: `config.manualCandidates.${p.index}.${p.field}`, message: p.message });
    }
  }
  if (issues.length > 0) {
    issues.sort((a, b) => a.path.localeCompare(b.path));
    throw new AppError('BAD_REQUEST', `The settings were not saved: ${issues.map((i) => i.message).join(' ')}`, issues);
  }
  await c.store.configs.set(c.projectKey, config);
  return { config, canAdminister: true, roles };
}
