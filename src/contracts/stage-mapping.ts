import * as z from 'zod';
import type { StatusStageMapping } from '../domain/bug-flow/status-mapping';
import { stages } from '../domain/bug-flow/stages';
import { flattenZodIssues, type FieldIssue } from './result';

/**
 * A project's status → stage mapping as stored in app storage (one value per project) and exchanged with the
 * settings UI. Completeness (every status mapped, every stage reachable) is the domain's
 * `validateStageMapping`; this schema checks the shape.
 */
export const MAX_MAPPED_STATUSES = 500;

export const stageSchema = z.enum(stages);
const statusIdSchema = z.string().trim().min(1).max(64);

const byStatusId = <V extends z.ZodType>(value: V) =>
  z.record(statusIdSchema, value).refine((r) => Object.keys(r).length <= MAX_MAPPED_STATUSES, `at most ${MAX_MAPPED_STATUSES} statuses`);

export const storedStageMappingSchema = z.object({
  version: z.literal(1).default(1),
  projectId: z.string().min(1).max(64).optional(),
  byStatusId: byStatusId(stageSchema),
  /** True while the mapping is the derived default nobody has reviewed yet. */
  derived: z.boolean().default(false),
  updatedAt: z.string().max(40).optional(),
  updatedByAccountId: z.string().max(128).optional(),
  /** The project's statuses when the mapping was saved or derived (names for messages, without a Jira call). */
  statuses: z.array(z.object({ id: statusIdSchema, name: z.string().max(255), categoryKey: z.string().max(40) })).max(MAX_MAPPED_STATUSES).optional(),
});
export type StoredStageMapping = z.infer<typeof storedStageMappingSchema>;

/** What the settings UI sends: stage values as plain strings so the domain can explain an unknown one. */
export const stageMappingDraftSchema = z.object({ byStatusId: byStatusId(z.string().max(64)) });
export type StageMappingDraft = z.infer<typeof stageMappingDraftSchema>;

export function parseStoredStageMapping(
  raw: unknown,
): { ok: true; mapping: StoredStageMapping } | { ok: false; message: string; issues: FieldIssue[] } {
  const parsed = storedStageMappingSchema.safeParse(raw);
  if (parsed.success) return { ok: true, mapping: parsed.data };
  const issues = flattenZodIssues(parsed.error);
  const first = issues[0];
  return { ok: false, message: `The stored stage mapping is not valid (${first ? `${first.path}: ${first.message}` : 'invalid'}).`, issues };
}

export const toDomainMapping = (stored: Pick<StoredStageMapping, 'byStatusId'>): StatusStageMapping => ({ byStatusId: { ...stored.byStatusId } });
