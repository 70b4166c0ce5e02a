/** The configuration page's context from `view.getContext()`, read defensively (no @forge/bridge here, so it is testable). */
import { validatorKinds, type ValidatorKind } from '../../../src/domain/validators/kinds';

export type ConfigContext = {
  kind: ValidatorKind | undefined;
  moduleKey: string;
  entryPoint: 'create' | 'edit' | 'view';
  /** What Jira stored for this rule (a JSON string), undefined on create. */
  stored: unknown;
  /**
   * Whether the page knows its project, so the stage mapping can be shown: Jira gives `scopedProjectId` for a
   * team-managed project's workflow and no project for a company-managed one (the local workspace sends `project`).
   */
  projectKnown: boolean;
};

/** The validator module key ("follows-loop-validator") → its kind ("follows-loop"). */
export function kindOfModule(moduleKey: string): ValidatorKind | undefined {
  const kind = moduleKey.replace(/-validator$/, '');
  return (validatorKinds as readonly string[]).includes(kind) ? (kind as ValidatorKind) : undefined;
}

const present = (v: unknown) => (typeof v === 'string' && v !== '') || typeof v === 'number';

export function configContextOf(context: unknown): ConfigContext {
  const c = (context ?? {}) as { moduleKey?: unknown; extension?: Record<string, unknown> };
  const ext = c.extension ?? {};
  const moduleKey = typeof c.moduleKey === 'string' ? c.moduleKey : '';
  const entry = ext['entryPoint'];
  const project = ext['project'] as { key?: unknown } | undefined;
  return {
    kind: kindOfModule(moduleKey),
    moduleKey,
    entryPoint: entry === 'create' || entry === 'edit' ? entry : 'view',
    stored: ext['validatorConfig'],
    projectKnown: present(project?.key) || present(ext['scopedProjectId']),
  };
}
