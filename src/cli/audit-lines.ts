/**
 * One input line of the repro audit → one output object. Pure apart from JSON parsing; never throws.
 * Input:  {"id": string, "title"?: string, "text"?: string, "description"?: ADF, "field"?: Reproduction steps value}
 *         (the field wins when it holds anything, then the ADF description when it holds text, then text — as
 *         everywhere in the app; a description that is not ADF is an error line, or a warning when text is given;
 *         a field that is not of the field's shape is an error line)
 * Output: {"id","hasSteps","hasExpected","hasActual","score","verdict","findings":[{"code","message"}], "warning"?}
 *    or:  {"id": <id or "line:N">, "error": "..."}
 */
import { adfToText, analyseReproSteps, isFieldFilled, REPRO_TEXT_PARTS } from '../domain/repro-steps';

export type AuditResult = {
  id: string;
  hasSteps: boolean;
  hasExpected: boolean;
  hasActual: boolean;
  score: number;
  verdict: string;
  findings: { code: string; message: string }[];
  /** Set when part of the input was ignored (a "description" that is not ADF, with "text" read instead). */
  warning?: string;
};
export type AuditError = { id: string; error: string };

/** Longest input line accepted (a 1 MB description plus JSON overhead). */
export const MAX_LINE_CHARS = 4_000_000;

const ADF_SHAPE = '{"type": "doc", "content": [...]}';
const FIELD_SHAPE = '{"steps": [...], "expected": ..., ...}';

const kindOf = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v === 'object' ? 'an object' : `a ${typeof v}`);

/**
 * What is wrong with a "field" object, as Jira's schema for the field sees it: a "steps" list of texts, the other
 * parts texts (or null), no other keys. Undefined when it has the field's shape.
 */
function fieldShapeProblem(f: Record<string, unknown>): string | undefined {
  if (!('steps' in f)) return '"steps" is missing';
  if (!Array.isArray(f.steps)) return `"steps" must be a list of texts, not ${kindOf(f.steps)}`;
  const bad = f.steps.findIndex((s) => typeof s !== 'string');
  if (bad >= 0) return `"steps"[${bad}] must be a text, not ${kindOf(f.steps[bad])}`;
  for (const [key, v] of Object.entries(f)) {
    if (key === 'steps') continue;
    if (!(REPRO_TEXT_PARTS as readonly string[]).includes(key)) return `unknown part "${key}" (the parts are steps, ${REPRO_TEXT_PARTS.join(', ')})`;
    if (v !== null && typeof v !== 'string') return `"${key}" must be a text, not ${kindOf(v)}`;
  }
  return undefined;
}

/**
 * 'usable': ADF with some text, or a non-blank string; 'empty': absent, null, blank, or ADF without text;
 * 'invalid': anything else (an object that is not {type: 'doc', content: [...]}).
 */
function describeDescription(d: unknown): 'usable' | 'empty' | 'invalid' {
  if (d === undefined || d === null) return 'empty';
  if (typeof d === 'string') return d.trim() === '' ? 'empty' : 'usable';
  if (typeof d !== 'object' || Array.isArray(d)) return 'invalid';
  const doc = d as Record<string, unknown>;
  if (doc.type !== 'doc' || !Array.isArray(doc.content)) return 'invalid';
  return adfToText(doc).trim() === '' ? 'empty' : 'usable';
}

export function auditLine(line: string, lineNo: number): AuditResult | AuditError {
  const fallbackId = `line:${lineNo}`;
  if (line.length > MAX_LINE_CHARS) return { id: fallbackId, error: `line is longer than ${MAX_LINE_CHARS} characters` };
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (e) {
    return { id: fallbackId, error: `not valid JSON: ${(e as Error).message.slice(0, 200)}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { id: fallbackId, error: 'expected a JSON object per line' };
  }
  const o = value as Record<string, unknown>;
  if (typeof o.id !== 'string' || o.id.trim() === '') {
    return { id: typeof o.id === 'number' ? String(o.id) : fallbackId, error: '"id" must be a non-empty string' };
  }
  const id = o.id;
  for (const key of ['title', 'text'] as const) {
    if (o[key] !== undefined && o[key] !== null && typeof o[key] !== 'string') return { id, error: `"${key}" must be a string` };
  }
  if (o.description !== undefined && o.description !== null && typeof o.description !== 'object' && typeof o.description !== 'string') {
    return { id, error: '"description" must be an ADF object' };
  }
  if (o.field !== undefined && o.field !== null) {
    if (typeof o.field !== 'object' || Array.isArray(o.field)) return { id, error: `"field" must be a Reproduction steps object (${FIELD_SHAPE})` };
    const problem = fieldShapeProblem(o.field as Record<string, unknown>);
    if (problem) return { id, error: `"field" is not a Reproduction steps value (${FIELD_SHAPE}): ${problem}` };
  }
  // The ADF description wins over plain text when it holds text (it is what Jira REST v3 returns); an empty one
  // leaves the text; one that is not ADF is an error, unless text is there: then the text is read with a warning.
  const text = typeof o.text === 'string' && o.text.trim() !== '' ? o.text : undefined;
  const adf = describeDescription(o.description);
  if (adf === 'invalid' && text === undefined) return { id, error: `"description" is not an ADF document (${ADF_SHAPE}) and there is no "text"` };
  const description = adf === 'usable' ? o.description : (text ?? null);
  const warning = adf === 'invalid' ? `"description" is not an ADF document (${ADF_SHAPE}): "text" was read instead` : undefined;
  try {
    const a = analyseReproSteps({
      summary: typeof o.title === 'string' ? o.title : undefined,
      description,
      field: isFieldFilled(o.field) ? o.field : null,
    });
    return {
      id,
      hasSteps: a.has.steps,
      hasExpected: a.has.expected,
      hasActual: a.has.actual,
      score: a.score,
      verdict: a.verdict,
      findings: a.findings.map((f) => ({ code: f.code, message: f.message })),
      ...(warning ? { warning } : {}),
    };
  } catch (e) {
    return { id, error: `analysis failed: ${(e as Error).message.slice(0, 200)}` };
  }
}
