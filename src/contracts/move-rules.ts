import * as z from 'zod';
import type { MoveRules } from '../domain/move-rules/move-rules';
import { procedure } from './procedure';

/**
 * Who may make each move of the loop (src/domain/move-rules): stored per project in app storage
 * (`move-rules:<projectId>`) and published as the project property the role validator's Jira expression reads.
 * Roles and groups are named as Jira names them.
 */
const name = z.string().trim().min(1).max(255);
export const moveRuleSchema = z.object({ roles: z.array(name).max(20), groups: z.array(name).max(20) });
export const moveRulesSchema = z.object({
  version: z.literal(1),
  byStage: z.object({ L2: moveRuleSchema, RTE_TRIAGE: moveRuleSchema, DEV: moveRuleSchema, RTE_REVIEW: moveRuleSchema, QA: moveRuleSchema, DONE: moveRuleSchema }),
  overrideRole: name.nullable(),
}) satisfies z.ZodType<MoveRules, unknown>;

export const storedMoveRulesSchema = moveRulesSchema.extend({ updatedAt: z.string().max(40).optional(), updatedByAccountId: z.string().max(128).optional() });
export type StoredMoveRules = z.infer<typeof storedMoveRulesSchema>;

export const moveRulesSetupSchema = z.object({
  projectKey: z.string(),
  rules: moveRulesSchema,
  /** True while nobody saved rules: the process defaults are shown and are NOT yet enforced (nothing published). */
  defaulted: z.boolean(),
  /** The project's roles, with who holds them (names; only for admins, who may read role members). */
  roles: z.array(z.object({ id: z.number(), name: z.string(), holders: z.array(z.string()).optional() })),
  canAdminister: z.boolean(),
  updatedAt: z.string().optional(),
});
export type MoveRulesSetupDto = z.infer<typeof moveRulesSetupSchema>;

export const moveRulesProcedures = {
  /** The project's move rules (or the defaults), its roles and their holders, and whether the user may edit them. */
  'stage-mapping/move-rules': procedure(z.object({}).strict(), moveRulesSetupSchema),
  /** Saves the rules (Administer Projects) and publishes them, with the stage mapping, to the validator's project property. */
  'stage-mapping/save-move-rules': procedure(z.object({ rules: moveRulesSchema }).strict(), moveRulesSetupSchema),
};
