/**
 * Custom UI of the "Reproduction steps" field (jira:customField repro-steps-field, resource repro-field):
 * the edit entry point (create dialog or inline edit on the issue view) gets the structured editor with its live
 * check; the view entry point gets the read-only steps and the check.
 */
import { token } from '@atlaskit/tokens';
import { useEffect, useState } from 'react';
import { ErrorBanner, Loading } from '../../shared/components';
import { mount } from '../../shared/mount';
import { loadField, type FieldContext } from './api';
import { Editor } from './Editor';
import { Viewer } from './Viewer';

/**
 * The editor's layout, on design tokens. The form and the live check sit side by side only when the frame is wide
 * enough for a step to stay readable (about 60 characters); below that the check goes under the form.
 */
const css = `
.rt-split { display: grid; grid-template-columns: minmax(0, 3fr) minmax(220px, 2fr); gap: ${token('space.200')}; align-items: start; }
@media (max-width: 900px) { .rt-split { grid-template-columns: 1fr; } }
.rt-split textarea, .rt-split input:not([type]) { width: 100%; }
.rt-steps { border: 0; padding: 0; margin: ${token('space.100')} 0; } .rt-steps legend { font: ${token('font.body.small')}; font-weight: ${token('font.weight.semibold')}; color: ${token('color.text.subtle')}; }
.rt-steps ol { padding-left: ${token('space.250')}; margin: ${token('space.050')} 0; } .rt-step { flex-wrap: nowrap; margin: ${token('space.025')} 0; gap: ${token('space.050')}; } .rt-step input { flex: 1; min-width: 16em; }
.rt-grid3 { display: grid; grid-template-columns: repeat(auto-fit, minmax(14em, 1fr)); gap: ${token('space.100')}; }
.rt-parts { list-style: none; padding: 0; margin: ${token('space.100')} 0; display: flex; gap: ${token('space.150')}; flex-wrap: wrap; }
.rt-findings { padding-left: ${token('space.200')}; } .rt-findings li { margin: ${token('space.075')} 0; }
.rt-pre { white-space: pre-wrap; } .rt-leftovers { max-height: 12em; overflow: auto; }
.rt-dl dt { font: ${token('font.body.small')}; font-weight: ${token('font.weight.semibold')}; color: ${token('color.text.subtle')}; } .rt-dl dd { margin: 0 0 ${token('space.075')}; }
`;

function ReproField() {
  const [field, setField] = useState<FieldContext | { error: string } | null>(null);
  useEffect(() => {
    if (!document.getElementById('rt-repro-styles')) {
      const style = document.createElement('style');
      style.id = 'rt-repro-styles';
      style.textContent = css;
      document.head.appendChild(style);
    }
    loadField().then(setField, (e: unknown) => setField({ error: `Could not read the field's context from Jira (${e instanceof Error ? e.message : String(e)}). Reload the page.` }));
  }, []);
  if (!field) return <Loading />;
  if ('error' in field) return <ErrorBanner error={field.error} />;
  return field.entryPoint === 'edit' ? <Editor field={field} /> : <Viewer field={field} />;
}

mount(<ReproField />);
