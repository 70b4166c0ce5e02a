/**
 * How Jira shows a Forge custom field whose view has no resource: natively, as the text its `view.formatter.expression`
 * returns for the value (manifest-reference/modules/jira-custom-field, "Formatter"). The workspace evaluates the SAME
 * expression as JavaScript (see expression-validator.ts for why that is sound for the shared subset). As in Jira, an
 * expression that throws or returns a non-string shows no text but the reason.
 */
import type { AppManifest } from '../manifest/read-manifest';
import { evaluateExpression } from './expression-validator';

export type FormattedField = { ok: true; text: string } | { ok: false; message: string };

export function formatFieldValue(manifest: AppManifest, moduleKey: string, value: unknown): FormattedField {
  const module = manifest.modules['jira:customField'].find((f) => f.key === moduleKey);
  if (!module) return { ok: false, message: `No jira:customField '${moduleKey}' in manifest.yml.` };
  const expression = module.view?.formatter?.expression;
  if (!expression) return { ok: false, message: `The field '${moduleKey}' has no view.formatter.expression.` };
  try {
    const text = evaluateExpression(expression, { value: value ?? null });
    if (typeof text !== 'string') return { ok: false, message: `The formatter of '${moduleKey}' returned ${text === null ? 'null' : typeof text}, not a string.` };
    return { ok: true, text };
  } catch (e) {
    return { ok: false, message: `The formatter of '${moduleKey}' failed: ${e instanceof Error ? e.message : String(e)}` };
  }
}
