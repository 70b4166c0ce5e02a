import type { PromotionStep } from '../../domain/rc-readiness';
import { JiraError } from '../../jira/errors';
import type { JiraGateway } from '../../jira/gateway';

/**
 * The Jira permissions the caller needs for a promotion's steps, checked with their own rights (mypermissions) before
 * anything is done, so a promotion is not started only to stop at a step Jira will refuse:
 * - creating, releasing or archiving a version: Administer Projects (Jira's rule for managing versions);
 * - moving issues between versions: Edit Issues and Resolve Issues (the Fix versions field needs Resolve Issues);
 * - the hand-off: Create Issues in the ops project.
 */
type Need = { projectKey: string; permission: string; why: string };

const NAMES: Record<string, string> = { ADMINISTER_PROJECTS: 'Administer Projects', EDIT_ISSUES: 'Edit Issues', RESOLVE_ISSUES: 'Resolve Issues', CREATE_ISSUES: 'Create Issues' };

export function neededPermissions(steps: readonly PromotionStep[], projectKey: string, opsProjectKey: string | undefined): Need[] {
  const needs: Need[] = [];
  for (const step of steps) {
    switch (step) {
      case 'move-unfinished-to-next-rc':
        needs.push({ projectKey, permission: 'ADMINISTER_PROJECTS', why: 'create the next release candidate' });
        needs.push({ projectKey, permission: 'EDIT_ISSUES', why: 'move unfinished issues' }, { projectKey, permission: 'RESOLVE_ISSUES', why: 'change their fix version' });
        break;
      case 'create-production-version':
        needs.push({ projectKey, permission: 'ADMINISTER_PROJECTS', why: 'create the production version' });
        break;
      case 'carry-issues':
        needs.push({ projectKey, permission: 'EDIT_ISSUES', why: 'add the shipped issues to the production version' }, { projectKey, permission: 'RESOLVE_ISSUES', why: 'change their fix version' });
        break;
      case 'release-production-version':
        needs.push({ projectKey, permission: 'ADMINISTER_PROJECTS', why: 'release the production version' });
        break;
      case 'archive-candidates':
        needs.push({ projectKey, permission: 'ADMINISTER_PROJECTS', why: "archive the train's candidates" });
        break;
      case 'create-ops-handoff':
        if (opsProjectKey) needs.push({ projectKey: opsProjectKey, permission: 'CREATE_ISSUES', why: 'create the ops hand-off issue' });
        break;
      case 'record-audit':
        break;
    }
  }
  return needs;
}

/** Sentences naming what is missing (empty when the caller has everything). */
export async function missingPermissions(jira: JiraGateway, needs: readonly Need[]): Promise<string[]> {
  const byProject = new Map<string, Need[]>();
  for (const n of needs) byProject.set(n.projectKey, [...(byProject.get(n.projectKey) ?? []), n]);
  const missing: string[] = [];
  for (const [projectKey, list] of byProject) {
    let have: Record<string, boolean>;
    try {
      have = await jira.myPermissions({ projectKey }, [...new Set(list.map((n) => n.permission))]);
    } catch (e) {
      if (e instanceof JiraError && (e.kind === 'not-found' || e.kind === 'forbidden' || e.kind === 'bad-request')) {
        missing.push(`Project ${projectKey} does not exist or you cannot see it (needed to ${list.map((n) => n.why).join(', ')}).`);
        continue;
      }
      throw e;
    }
    const lacking = new Map<string, string[]>();
    for (const n of list) if (have[n.permission] !== true) lacking.set(n.permission, [...(lacking.get(n.permission) ?? []), n.why]);
    for (const [permission, whys] of lacking) missing.push(`You lack ${NAMES[permission] ?? permission} in ${projectKey} (needed to ${[...new Set(whys)].join(' and ')}).`);
  }
  return missing;
}
