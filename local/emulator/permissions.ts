import type { EmuProject, EmulatorState } from './state';

/** The permissions the emulator knows, with Jira's ids and names. */
export const PERMISSIONS: Record<string, { id: string; name: string; description: string }> = {
  BROWSE_PROJECTS: { id: '10', name: 'Browse Projects', description: 'Ability to browse projects and the issues within them.' },
  CREATE_ISSUES: { id: '11', name: 'Create Issues', description: 'Ability to create issues.' },
  EDIT_ISSUES: { id: '12', name: 'Edit Issues', description: 'Ability to edit issues.' },
  ASSIGN_ISSUES: { id: '13', name: 'Assign Issues', description: 'Ability to assign issues to other people.' },
  RESOLVE_ISSUES: { id: '14', name: 'Resolve Issues', description: 'Ability to resolve and reopen issues.' },
  ADD_COMMENTS: { id: '15', name: 'Add Comments', description: 'Ability to comment on issues.' },
  LINK_ISSUES: { id: '21', name: 'Link Issues', description: 'Ability to link issues together.' },
  ADMINISTER_PROJECTS: { id: '23', name: 'Administer Projects', description: 'Ability to administer a project in Jira.' },
  SCHEDULE_ISSUES: { id: '28', name: 'Schedule Issues', description: 'Ability to set or edit an issue\u2019s due date and sprint.' },
  TRANSITION_ISSUES: { id: '46', name: 'Transition Issues', description: 'Ability to transition issues.' },
};

export type Actor = { accountId: string; isApp: boolean };

export function rolesOf(project: EmuProject, accountId: string): number[] {
  return Object.entries(project.roleMembers)
    .filter(([, members]) => members.includes(accountId))
    .map(([roleId]) => Number(roleId));
}

/** Does the actor hold `permission` in `project`? The app (asApp) holds every permission. */
export function hasPermission(state: EmulatorState, actor: Actor, project: EmuProject | undefined, permission: string): boolean {
  if (actor.isApp) return true;
  if (!project) return false;
  const granted = state.permissionScheme[permission] ?? [];
  return rolesOf(project, actor.accountId).some((r) => granted.includes(r));
}
