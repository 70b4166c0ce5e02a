/**
 * The workspace shows a Forge field whose view has no resource as Jira does: the text of the manifest's
 * view.formatter.expression for the value. Checked against the real manifest.yml and against broken modules.
 */
import { readManifest, type AppManifest } from '../../local/manifest/read-manifest';
import { formatFieldValue } from '../../local/server/field-formatter';

const manifest = readManifest();
const withField = (view: unknown): AppManifest => ({ ...manifest, modules: { ...manifest.modules, 'jira:customField': [{ key: 'f', name: 'F', view } as AppManifest['modules']['jira:customField'][number]] } });

describe('formatFieldValue', () => {
  it("renders the repro field's value with the manifest's view.formatter", () => {
    expect(formatFieldValue(manifest, 'repro-steps-field', { steps: ['Open', 'Pay'], expected: 'Paid', actual: 'Error 500', build: '4.3.0' })).toEqual({ ok: true, text: '2 steps · expected: Paid · actual: Error 500 · build 4.3.0' });
    expect(formatFieldValue(manifest, 'repro-steps-field', null)).toEqual({ ok: true, text: '' });
  });
  it('refuses an unknown module and a field without a formatter', () => {
    expect(formatFieldValue(manifest, 'nope', {})).toMatchObject({ ok: false, message: expect.stringContaining("No jira:customField 'nope'") });
    expect(formatFieldValue(withField({ resource: 'r' }), 'f', {})).toMatchObject({ ok: false, message: expect.stringContaining('no view.formatter.expression') });
  });
  it('reports a formatter that throws or returns a non-string, as Jira shows no text then', () => {
    expect(formatFieldValue(withField({ formatter: { expression: 'value.missing.deeper' } }), 'f', {})).toMatchObject({ ok: false, message: expect.stringContaining('failed') });
    expect(formatFieldValue(withField({ formatter: { expression: '42' } }), 'f', {})).toMatchObject({ ok: false, message: expect.stringContaining('returned number') });
  });
});
