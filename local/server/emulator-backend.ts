/** What the shell asks of the workspace besides Jira's REST API, answered from the emulator's data. */
import type { FileStore } from '../emulator/store';
import type { WorkspaceBackend, WorkspaceUser } from './http-server';

const PROJECT_KEY = process.env['RT_PROJECT_KEY'] ?? 'RT';

export function emulatorBackend(store: FileStore): Omit<WorkspaceBackend, 'jira'> {
  const project = () => {
    const state = store.get();
    const p = state.projects.find((x) => x.key === PROJECT_KEY) ?? state.projects[0];
    if (!p) throw new Error('The local Jira data has no project. Run `npm run reset`.');
    return { state, p };
  };
  const workflowOf = () => {
    const { state, p } = project();
    const wf = state.workflows.find((w) => w.projectKeys.includes(p.key));
    if (!wf) throw new Error(`No workflow for project ${p.key}.`);
    return wf;
  };
  return {
    async projectInfo() {
      const { state, p } = project();
      const roleName = new Map(state.roles.map((r) => [String(r.id), r.name]));
      const users: WorkspaceUser[] = state.users
        .filter((u) => u.accountType === 'atlassian' && u.active)
        .map((u) => ({
          accountId: u.accountId,
          displayName: u.displayName,
          emailAddress: u.emailAddress,
          roles: Object.entries(p.roleMembers)
            .filter(([, members]) => members.includes(u.accountId))
            .map(([roleId]) => roleName.get(roleId) ?? roleId),
        }));
      return { projectKey: p.key, projectId: p.id, projectName: p.name, users };
    },
    async workflow() {
      const wf = workflowOf();
      return { transitions: wf.transitions.map((t) => ({ id: t.id, name: t.name, toStatusId: t.toStatusId, validators: t.validators.map((v) => ({ ...v })) })) };
    },
    async saveTransitionValidators(transitionId, validators) {
      const wfName = workflowOf().name;
      await store.update((state) => {
        const wf = state.workflows.find((w) => w.name === wfName)!;
        const t = transitionId === wf.initial.id ? wf.initial : wf.transitions.find((x) => x.id === transitionId);
        if (!t) throw new Error(`No transition ${transitionId} in workflow ${wfName}.`);
        t.validators = validators.map((v) => ({ key: v.key, configuration: v.configuration }));
      });
    },
  };
}
