import { z } from 'zod';

/**
 * Jira's payload to a function validator, parsed. Status ids sit in `transition.from/to`; `modifiedFields` (the
 * fields set on the transition screen, or the fields of a new issue) may come inside `transition` or at the top
 * level (the local workspace sends both); `configuration` is what the config UI saved, as an object or a JSON
 * string (parsed later, per validator). On create `issue.key` and `transition.from.id` are ''.
 */
const idSchema = z.union([z.string(), z.number().transform(String)]);
const fieldsSchema = z.record(z.string(), z.unknown());

export const validatorPayloadSchema = z.looseObject({
  issue: z.looseObject({ key: z.string().max(255).optional().default('') }).optional().default({ key: '' }),
  configuration: z.unknown().optional(),
  transition: z.looseObject({
    from: z.looseObject({ id: idSchema.optional() }).nullable().optional(),
    to: z.looseObject({ id: idSchema }),
    modifiedFields: fieldsSchema.nullable().optional(),
  }),
  modifiedFields: fieldsSchema.nullable().optional(),
});

export type ValidatorRequest = {
  /** undefined on create. */
  issueKey: string | undefined;
  /** undefined on create. */
  fromStatusId: string | undefined;
  toStatusId: string;
  modifiedFields: Record<string, unknown>;
  configuration: unknown;
};

export function parseValidatorPayload(raw: unknown): { ok: true; request: ValidatorRequest } | { ok: false; message: string } {
  const parsed = validatorPayloadSchema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first ? `${first.path.join('.') || '(root)'}: ${first.message}` : 'unexpected shape';
    return { ok: false, message: `Release Train could not read Jira's validation request (${where}); retry, and tell your Jira admin if it keeps happening.` };
  }
  const p = parsed.data;
  const toStatusId = p.transition.to.id.trim();
  if (toStatusId === '') return { ok: false, message: "Release Train could not read Jira's validation request (transition.to.id is empty); retry, and tell your Jira admin if it keeps happening." };
  const from = p.transition.from?.id?.trim();
  const key = p.issue.key.trim();
  return {
    ok: true,
    request: {
      issueKey: key === '' ? undefined : key,
      fromStatusId: from === undefined || from === '' ? undefined : from,
      toStatusId,
      // The transition's own list wins; the top-level copy is the same data where both are sent.
      modifiedFields: { ...(p.modifiedFields ?? {}), ...(p.transition.modifiedFields ?? {}) },
      configuration: p.configuration,
    },
  };
}
