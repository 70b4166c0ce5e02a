/**
 * Custom UI of the "Reproduction steps" field (jira:customField repro-steps-field, resource repro-field):
 * the edit entry point (create dialog or inline edit on the issue view) gets the structured editor with its live
 * check; the view entry point gets the read-only steps and the check.
 */
import { useEffect, useState } from 'react';
import { ErrorBanner, Loading } from '../../shared/components';
import { mount } from '../../shared/mount';
import { loadField, type FieldContext } from './api';
import { Editor } from './Editor';
import { Viewer } from './Viewer';

const css = `
.rt-split { display: grid; grid-template-columns: minmax(0, 3fr) minmax(200px, 2fr); gap: 16px; align-items: start; }
@media (max-width: 560px) { .rt-split { grid-template-columns: 1fr; } }
.rt-split textarea, .rt-split input:not([type]) { width: 100%; }
.rt-steps { border: 0; padding: 0; margin: 8px 0; } .rt-steps legend { font-size: 12px; font-weight: 600; color: var(--rt-subtle); }
.rt-steps ol { padding-left: 20px; margin: 4px 0; } .rt-step { flex-wrap: nowrap; margin: 2px 0; } .rt-step input { flex: 1; min-width: 0; }
.rt-grid3 { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 8px; }
.rt-parts { list-style: none; padding: 0; margin: 8px 0; display: flex; gap: 12px; flex-wrap: wrap; }
.rt-findings { padding-left: 16px; } .rt-findings li { margin: 6px 0; }
.rt-pre { white-space: pre-wrap; } .rt-leftovers { max-height: 12em; overflow: auto; } .rt-dl dt { font-size: 12px; font-weight: 600; color: var(--rt-subtle); } .rt-dl dd { margin: 0 0 6px; }
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
