/**
 * The validators' configuration page without a project: Jira's workflow-validator context names the project only
 * as `scopedProjectId` (team-managed workflows); a company-managed workflow gives none. The page then keeps the
 * rule's options editable and explains where a project's stage mapping is edited instead of failing.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { configContextOf } from '../../static/validator-config/src/context';
import { ProjectUnknown } from '../../static/validator-config/src/ProjectUnknown';

const jira = (extension: Record<string, unknown>) => ({ moduleKey: 'follows-loop-validator', extension: { type: 'jira:workflowValidator', entryPoint: 'edit', validatorConfig: '{"version":1}', ...extension } });

it("knows the project from Jira's scopedProjectId (team-managed) or the workspace's extension.project", () => {
  expect(configContextOf(jira({ isNewEditor: true, workflowId: 'wf-1', scopedProjectId: '10000' }))).toMatchObject({ kind: 'follows-loop', entryPoint: 'edit', projectKnown: true });
  expect(configContextOf(jira({ project: { key: 'RT', id: '10000' } })).projectKnown).toBe(true);
});

it('a company-managed workflow (isNewEditor and workflowId only) has no project, and the rest of the context still reads', () => {
  expect(configContextOf(jira({ isNewEditor: true, workflowId: 'wf-1' }))).toEqual({ kind: 'follows-loop', moduleKey: 'follows-loop-validator', entryPoint: 'edit', stored: '{"version":1}', projectKnown: false });
  expect(configContextOf(undefined)).toMatchObject({ kind: undefined, entryPoint: 'view', projectKnown: false });
});

it('explains, without an error, that the options can still be saved and where the stage mapping is edited', () => {
  const html = renderToStaticMarkup(<ProjectUnknown />).replace(/&#x27;/g, "'");
  expect(html).toContain('role="status"');
  expect(html).not.toContain('role="alert"');
  expect(html).toContain("You can still set and save this rule's options above.");
  expect(html).toContain('Each project that uses the workflow keeps its own stage mapping');
  // Company-managed projects edit their mapping on the project page's Stage mapping sub-page.
  expect(html).toContain("open <strong>Release Train → Stage mapping</strong> in that project's sidebar");
});
