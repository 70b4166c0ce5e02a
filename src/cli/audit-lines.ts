/**
 * One input line of the repro audit → one output object. Pure apart from JSON parsing; never throws.
 * Input:  {"id": string, "title"?: string, "text"?: string, "description"?: ADF, "field"?: Reproduction steps value}
 *         (the field wins when it holds anything, then the ADF description, then text — as everywhere in the app)
 * Output: {"id","hasSteps","hasExpected","hasActual","score","verdict","findings":[{"code","message"}]}
 *    or:  {"id": <id or "line:N">, "error": "..."}
 */
import { analyseReproSteps, isFieldFilled } from '../domain/repro-steps';

export type AuditResult = {
  id: string;
  hasSteps: boolean;
  hasExpected: boolean;
  hasActual: boolean;
  score: number;
  verdict: string;
  findings: { code: string; message: string }[];
};
export type AuditError = { id: string; error: string };

/** Longest input line accepted (a 1 MB description plus JSON overhead). */
export const MAX_LINE_CHARS = 4_000_000;

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
  if (o.field !== undefined && o.field !== null && (typeof o.field !== 'object' || Array.isArray(o.field))) {
    return { id, error: '"field" must be a Reproduction steps object ({"steps": [...], "expected": ..., ...})' };
  }
  // The ADF description wins over plain text when both are given (it is what Jira REST v3 returns).
  const description = o.description ?? o.text ?? null;
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
    };
  } catch (e) {
    return { id, error: `analysis failed: ${(e as Error).message.slice(0, 200)}` };
  }
}
