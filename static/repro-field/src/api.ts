/** The only module of this app that imports @forge/bridge: typed resolver calls, the field's context, submit/close. */
import { invoke, view } from '@forge/bridge';
import { makeCaller, reproStepsFieldValueSchema, reproFieldProcedures, type InvokeFn, type ReproStepsFieldValueDto } from '@rt/contracts';

export const call = makeCaller(invoke as InvokeFn, reproFieldProcedures);

export type FieldContext = {
  /** 'edit' for the edit resource (create dialog or inline edit), 'view' for the read-only rendering. */
  entryPoint: 'edit' | 'view';
  renderContext: 'issue-create' | 'issue-view' | string;
  fieldId: string | undefined;
  issueKey: string | undefined;
  /** The stored value, when it fits the field's schema; `invalid` says a value was there but did not fit. */
  value: ReproStepsFieldValueDto | null;
  invalid: boolean;
};

export async function loadField(): Promise<FieldContext> {
  const context = await view.getContext();
  const ext = (context.extension ?? {}) as Record<string, unknown>;
  const issue = ext['issue'] as { key?: unknown } | undefined;
  const raw = ext['fieldValue'];
  const parsed = raw == null ? null : reproStepsFieldValueSchema.safeParse(raw);
  return {
    entryPoint: ext['entryPoint'] === 'edit' ? 'edit' : 'view',
    renderContext: typeof ext['renderContext'] === 'string' ? ext['renderContext'] : 'issue-view',
    fieldId: typeof ext['fieldId'] === 'string' ? ext['fieldId'] : undefined,
    issueKey: typeof issue?.key === 'string' && issue.key !== '' ? issue.key : undefined,
    value: parsed?.success ? parsed.data : null,
    invalid: parsed !== null && !parsed.success,
  };
}

/** Jira's custom field edit API: hands the value to the create form, or saves it on the issue view. */
export const submitValue = (value: ReproStepsFieldValueDto | null): Promise<void> => view.submit(value);
/** Leaves inline edit without saving. */
export const closeEditor = (): Promise<void> => view.close();
