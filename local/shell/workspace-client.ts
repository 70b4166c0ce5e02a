/** Reads the local workspace's description (`/__local/workspace`) and saves a transition's validators. */
import { localTokenHeaders } from '../security/local-token';

export type WorkspaceUser = { accountId: string; displayName: string; emailAddress?: string; roles: string[] };
export type ModuleRef = { key: string; title: string; resource: string; functionKey: string | null };
/** Jira's display conditions of an issue panel as the manifest states them (the shell honours issueType and entityPropertyExists). */
export type IssuePanelModule = ModuleRef & { displayConditions?: Record<string, unknown> | null };
export type ProjectPageModule = ModuleRef & { pages: Array<{ title: string; route: string }> };
export type CustomFieldModule = { key: string; name: string; fieldId: string; editResource: string | null; viewResource: string | null; viewFormatter?: boolean; functionKey: string | null };
export type ValidatorModule = { key: string; name: string; resource: string; functionKey: string | null };
export type ConfiguredValidator = { key: string; configuration: string };
export type WorkflowTransition = { id: string; name: string; toStatusId: string; validators: ConfiguredValidator[] };
export type Workspace = {
  projectKey: string;
  projectId: string;
  projectName: string;
  users: WorkspaceUser[];
  issuePanels: IssuePanelModule[];
  projectPages: ProjectPageModule[];
  customFields: CustomFieldModule[];
  validators: ValidatorModule[];
  workflow: { transitions: WorkflowTransition[] };
};

export type WorkspaceResult<T> = { ok: true; data: T } | { ok: false; message: string };

async function errorMessage(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { errorMessages?: unknown };
    if (Array.isArray(body.errorMessages) && body.errorMessages.length) return body.errorMessages.map(String).join(' ');
  } catch {
    /* not JSON */
  }
  return `The workspace server answered ${response.status}.`;
}

export async function loadWorkspace(): Promise<WorkspaceResult<Workspace>> {
  try {
    const response = await fetch('/__local/workspace', { headers: { accept: 'application/json', ...localTokenHeaders() } });
    if (!response.ok) return { ok: false, message: await errorMessage(response) };
    const data = (await response.json()) as Workspace;
    if (!data || typeof data.projectKey !== 'string' || !Array.isArray(data.users)) return { ok: false, message: 'The workspace description is malformed.' };
    return { ok: true, data };
  } catch (e) {
    return { ok: false, message: `Could not load the workspace: ${e instanceof Error ? e.message : String(e)}` };
  }
}

export async function saveTransitionValidators(transitionId: string, validators: ConfiguredValidator[]): Promise<WorkspaceResult<undefined>> {
  try {
    const response = await fetch(`/__local/workflow/transitions/${encodeURIComponent(transitionId)}/validators`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', ...localTokenHeaders() },
      body: JSON.stringify({ validators }),
    });
    if (!response.ok) return { ok: false, message: await errorMessage(response) };
    return { ok: true, data: undefined };
  } catch (e) {
    return { ok: false, message: `Could not save the validators: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/** The text Jira shows for a Forge field's value when its view has no resource: the manifest's formatter, evaluated by the workspace. */
export async function formatFieldValue(moduleKey: string, value: unknown): Promise<WorkspaceResult<string>> {
  try {
    const response = await fetch(`/__local/fields/${encodeURIComponent(moduleKey)}/format`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...localTokenHeaders() },
      body: JSON.stringify({ value }),
    });
    if (!response.ok) return { ok: false, message: await errorMessage(response) };
    const body = (await response.json()) as { text?: unknown };
    return typeof body.text === 'string' ? { ok: true, data: body.text } : { ok: false, message: 'The workspace server sent no formatted text.' };
  } catch (e) {
    return { ok: false, message: `Could not format the field: ${e instanceof Error ? e.message : String(e)}` };
  }
}
