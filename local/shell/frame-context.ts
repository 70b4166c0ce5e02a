/**
 * The objects `view.getContext()` returns in Jira for each module kind, built by the shell for its frames.
 * Shapes follow Jira Cloud's Custom UI contexts (see the workspace brief in issue 2).
 */
export type Base = { accountId: string; siteUrl: string; moduleKey: string; localId: string };
export type ProjectRef = { id: string; key: string };
export type IssueRef = { id: string; key: string; type?: string; typeId?: string };
export type FrameContext = Record<string, unknown>;

const common = (b: Base) => ({ accountId: b.accountId, cloudId: 'local', siteUrl: b.siteUrl, moduleKey: b.moduleKey, localId: b.localId, environmentType: 'DEVELOPMENT', locale: 'en-US', timezone: 'UTC' });

export function issuePanelContext(b: Base, issue: IssueRef, project: ProjectRef): FrameContext {
  return {
    ...common(b),
    extension: { type: 'jira:issuePanel', issue: { id: issue.id, key: issue.key, type: issue.type ?? 'Bug', typeId: issue.typeId ?? '' }, project: { ...project, type: 'software' } },
  };
}

export function projectPageContext(b: Base, project: ProjectRef): FrameContext {
  return { ...common(b), extension: { type: 'jira:projectPage', project: { ...project, type: 'software' } } };
}

export type CustomFieldInput = {
  fieldId: string;
  renderContext: 'issue-create' | 'issue-view';
  /** 'edit' for the edit resource, 'view' for the view resource (Jira sets `entryPoint: 'edit'` on edit frames). */
  entryPoint: 'edit' | 'view';
  project: ProjectRef;
  issue?: { id: string; key: string };
  fieldValue: unknown;
};

export function customFieldContext(b: Base, f: CustomFieldInput): FrameContext {
  return {
    ...common(b),
    extension: {
      type: 'jira:customField',
      fieldId: f.fieldId,
      fieldType: 'object',
      renderContext: f.renderContext,
      ...(f.entryPoint === 'edit' ? { entryPoint: 'edit' } : {}),
      ...(f.issue ? { issue: f.issue } : {}),
      project: { ...f.project, type: 'software' },
      fieldValue: f.fieldValue ?? null,
    },
  };
}

export function validatorContext(b: Base, entryPoint: 'create' | 'edit' | 'view', validatorConfig: string | undefined, project: ProjectRef): FrameContext {
  return {
    ...common(b),
    extension: { type: 'jira:workflowValidator', entryPoint, ...(validatorConfig === undefined ? {} : { validatorConfig }), project: { ...project, type: 'software' } },
  };
}
