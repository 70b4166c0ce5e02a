import { buildFrameUrl, decodeContext, encodeContext } from '../../local/shell/frame-url';
import { customFieldContext, issuePanelContext, projectPageContext, validatorContext } from '../../local/shell/frame-context';

const base = { accountId: 'acc-1', siteUrl: 'http://localhost:4000', moduleKey: 'm', localId: 'l' };
const project = { id: '10000', key: 'RT' };

describe('frame URLs', () => {
  it('encodes the context as base64url JSON the server can decode (unicode included)', () => {
    const ctx = { summary: 'Crash → “quotes” ✓', n: [1, 2], deep: { '+/=': '??>>' } };
    const encoded = encodeContext(ctx);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'))).toEqual(ctx);
    expect(decodeContext(encoded)).toEqual(ctx);
  });

  it('builds the /__app/frame URL with every parameter', () => {
    const url = new URL(buildFrameUrl({ resource: 'project-pages', moduleKey: 'release-train-project-page', frameId: 'f-1', accountId: 'acc-1', context: { a: 1 }, route: 'rc-promotion' }), 'http://x');
    expect(url.pathname).toBe('/__app/frame');
    expect(Object.fromEntries(url.searchParams)).toEqual({ resource: 'project-pages', module: 'release-train-project-page', frameId: 'f-1', accountId: 'acc-1', route: 'rc-promotion', ctx: encodeContext({ a: 1 }) });
    expect(new URL(buildFrameUrl({ resource: 'r', moduleKey: 'm', frameId: 'f', accountId: 'a', context: {} }), 'http://x').searchParams.has('route')).toBe(false);
  });

  it('handles a large context (a long field value) without a stack overflow', () => {
    const ctx = { value: 'x'.repeat(300_000) };
    expect(decodeContext(encodeContext(ctx))).toEqual(ctx);
  });
});

describe('frame contexts (what view.getContext() returns in Jira)', () => {
  it('issue panel', () => {
    expect(issuePanelContext(base, { id: '1', key: 'RT-1', type: 'Bug', typeId: '10004' }, project)).toMatchObject({
      accountId: 'acc-1',
      cloudId: 'local',
      siteUrl: 'http://localhost:4000',
      moduleKey: 'm',
      localId: 'l',
      extension: { type: 'jira:issuePanel', issue: { id: '1', key: 'RT-1', type: 'Bug', typeId: '10004' }, project: { id: '10000', key: 'RT', type: 'software' } },
    });
  });

  it('project page', () => {
    expect(projectPageContext(base, project).extension).toEqual({ type: 'jira:projectPage', project: { id: '10000', key: 'RT', type: 'software' } });
  });

  it('custom field on create has no issue; edit frames say entryPoint edit', () => {
    const create = customFieldContext(base, { fieldId: 'customfield_10100', renderContext: 'issue-create', entryPoint: 'edit', project, fieldValue: undefined });
    expect(create.extension).toEqual({ type: 'jira:customField', fieldId: 'customfield_10100', fieldType: 'object', renderContext: 'issue-create', entryPoint: 'edit', project: { ...project, type: 'software' }, fieldValue: null });
    const view = customFieldContext(base, { fieldId: 'customfield_10100', renderContext: 'issue-view', entryPoint: 'view', project, issue: { id: '1', key: 'RT-1' }, fieldValue: { steps: ['a'] } });
    expect(view.extension).toMatchObject({ renderContext: 'issue-view', issue: { id: '1', key: 'RT-1' }, fieldValue: { steps: ['a'] } });
    expect((view.extension as Record<string, unknown>)['entryPoint']).toBeUndefined();
  });

  it('validator configuration carries the saved configuration only when there is one', () => {
    expect(validatorContext(base, 'edit', '{"minScore":60}', project).extension).toEqual({ type: 'jira:workflowValidator', entryPoint: 'edit', validatorConfig: '{"minScore":60}', project: { ...project, type: 'software' } });
    expect(validatorContext(base, 'create', undefined, project).extension).not.toHaveProperty('validatorConfig');
  });
});
