import * as z from 'zod';

/**
 * The one result envelope every resolver returns, so every UI shows errors the same way.
 * `issues` carries flattened zod issues for BAD_REQUEST (path → message).
 */
export const errorCodes = [
  'BAD_REQUEST',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'JIRA_UNAVAILABLE',
  'JIRA_ERROR',
  'INVALID_JIRA_RESPONSE',
  'STORAGE_ERROR',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export const fieldIssueSchema = z.object({ path: z.string(), message: z.string() });
export type FieldIssue = z.infer<typeof fieldIssueSchema>;

export type Ok<T> = { ok: true; data: T };
export type Fail = { ok: false; code: ErrorCode; message: string; issues?: FieldIssue[] };
export type Result<T> = Ok<T> | Fail;

export const ok = <T>(data: T): Ok<T> => ({ ok: true, data });
export const fail = (code: ErrorCode, message: string, issues?: FieldIssue[]): Fail =>
  issues && issues.length > 0 ? { ok: false, code, message, issues } : { ok: false, code, message };

export const failSchema = z.object({
  ok: z.literal(false),
  code: z.enum(errorCodes),
  message: z.string(),
  issues: z.array(fieldIssueSchema).optional(),
});

/** Schema of a resolver's envelope around `data`. */
export const resultSchema = <T extends z.ZodType>(data: T) =>
  z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), data }), failSchema]);

/** zod issues → `[{ path: 'steps.2', message }]`, capped so a huge bad payload cannot make a huge error. */
export function flattenZodIssues(error: z.ZodError, max = 20): FieldIssue[] {
  return error.issues.slice(0, max).map((issue) => ({
    path: issue.path.map(String).join('.') || '(root)',
    message: issue.message,
  }));
}

/** Parses `raw` with `schema`; a mismatch becomes a BAD_REQUEST failure naming every bad field. */
export function parseInput<T extends z.ZodType>(schema: T, raw: unknown, what = 'request'): Result<z.infer<T>> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return ok(parsed.data);
  const issues = flattenZodIssues(parsed.error);
  const first = issues[0];
  const summary = first ? `${first.path}: ${first.message}` : 'invalid';
  return fail('BAD_REQUEST', `The ${what} is not valid (${summary}).`, issues);
}
