/**
 * Environment and Build in a paste (split-steps.ts): a box gets a pasted line only when that line names one.
 *
 * - A heading that is one word naming a part ("Environment", "Build", "Version" on a line of its own, as a copied
 *   Jira description or a mail has it) is that part's label, as "Environment:" reads.
 * - A sentence of the report that only mentions a browser or OS on the way ("Place order button is disabled on
 *   Safari 17.") is no environment: unlabelled, a line goes to Environment only when it is written as one (opens with
 *   the environment or build, "Seen on …", or is a short line that is no sentence: "Chrome 131 on Windows 11").
 * - Build gets the build a line names ("web build 4.2.0 (1187)" → "4.2.0 (1187)"), not the whole environment line.
 */
import { cuesOf } from './cues';
import { matchLabel } from './labels';

const META_KINDS = new Set(['environment', 'build', 'frequency', 'preconditions', 'expected', 'actual', 'steps']);

/** "Environment" alone on its line, after a blank line or at the start: "Environment:". Other lines stay as they are. */
export function oneWordLabelsAsLabels(text: string): string {
  const lines = text.split('\n');
  let changed = false;
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i]!.trim();
    if (t === '' || t.length > 30 || /\s/.test(t) || (i > 0 && lines[i - 1]!.trim() !== '')) continue;
    if (matchLabel(t) !== null) continue;
    const m = matchLabel(`${t}:`);
    if (m !== null && m.rest === '' && META_KINDS.has(m.kind)) {
      lines[i] = `${t}:`;
      changed = true;
    }
  }
  return changed ? lines.join('\n') : text;
}

/** Opens with the environment or build, or says where it was seen. */
const WRITTEN_AS_META =
  /^(?:build|version|ver\b|v\d|env(?:ironment)?\b|os\b|platform|browser|device|seen|tested|reproduced|observed|found|happens|occurs|running|using|on\s|in\s|with\s|chrome|firefox|safari|edge|opera|windows|macos|mac os|ubuntu|linux|android|ios|iphone|ipad|pixel|samsung|staging|production|prod\b|web\b|\d)/;

/** The line is written as an environment or build, not a sentence of the report that happens to mention one. */
export function namesMeta(line: string): boolean {
  const lower = line.trim().toLowerCase();
  if (lower === '') return false;
  const c = cuesOf(lower);
  if (!(c.build || c.environment || c.frequency)) return false;
  if (c.actual || (c.expected && !c.asExpected)) return false;
  if (WRITTEN_AS_META.test(lower)) return true;
  // "Chrome 131 on Windows 11, web build 4.2.0 (1187)": short and no sentence.
  return !/[.!?]$/.test(lower) && lower.split(/\s+/).length <= 12;
}

const BUILD_PHRASE = /\b(?:build|version|ver\.?|release|v)\s*[:#]?\s*(\d[\w.+-]*(?:\s*\(\d+\))?)/i;

/** The build a line names ("Chrome 131, web build 4.2.0 (1187)" → "4.2.0 (1187)"), or the line when it names none apart. */
export function buildOf(line: string): string {
  const m = BUILD_PHRASE.exec(line.slice(0, 400));
  return m ? m[1]!.trim() : line;
}
