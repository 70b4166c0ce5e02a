import { isStage, stageLabels, stages, type Stage } from './stages';

/** A Jira status as the domain needs it (category key from `statusCategory.key`). */
export type JiraStatus = { id: string; name: string; categoryKey: 'new' | 'indeterminate' | 'done' | string };

/** Which stage each Jira status belongs to. Stored per project in app storage (see contracts/stage-mapping.ts). */
export type StatusStageMapping = { byStatusId: Record<string, Stage> };

/**
 * Name rules, tried in this order on a normalised name. Order matters: "Triage needed" is L2 before "triage"
 * is RTE triage; "Testing in progress" is QA before "in progress" is Dev; "Selected for Development" is
 * RTE triage before "develop" is Dev. "Reopened" is Dev: it is where RTE review and QA send a fix back (the loop's
 * send-backs); a done bug is reopened through RTE triage ("Reopened for triage" matches triage first).
 */
const nameRules: ReadonlyArray<readonly [Stage, RegExp]> = [
  ['L2', /^(open|to ?do|new|submitted|reported|created)$/],
  ['L2', /\bl2\b|triage needed|needs? (more )?info|waiting for (l2|support|customer|reporter|info)|more info/],
  ['QA', /\bqa\b|\btest|regression|verif|\bvalidat/],
  ['RTE_REVIEW', /review|\brte\b/],
  ['RTE_TRIAGE', /triage|accepted|planned|selected|ready for dev|approved|confirmed/],
  ['DEV', /in progress|develop|\bfix|\bdev\b|coding|implement|\bwip\b|\breopen/],
];

export function normaliseStatusName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * The stage a status most likely belongs to, from its category and name; undefined when nothing fits.
 * A status in the done category is DONE whatever its name ("QA passed", "Won't fix").
 * Without a name match, category `new` → L2 and `indeterminate` → DEV.
 */
export function guessStage(status: JiraStatus): Stage | undefined {
  if (status.categoryKey === 'done') return 'DONE';
  const name = normaliseStatusName(status.name);
  for (const [stage, pattern] of nameRules) {
    if (pattern.test(name)) return stage;
  }
  if (status.categoryKey === 'new') return 'L2';
  if (status.categoryKey === 'indeterminate') return 'DEV';
  return undefined;
}

/** A default mapping for a project's statuses; statuses nothing fits are left out (validateStageMapping reports them). */
export function deriveDefaultMapping(statuses: readonly JiraStatus[]): StatusStageMapping {
  const byStatusId: Record<string, Stage> = {};
  for (const status of statuses) {
    const stage = guessStage(status);
    if (stage) byStatusId[status.id] = stage;
  }
  return { byStatusId };
}

export function stageOf(statusId: string | undefined, mapping: StatusStageMapping): Stage | undefined {
  if (statusId === undefined || !Object.prototype.hasOwnProperty.call(mapping.byStatusId, statusId)) return undefined;
  return mapping.byStatusId[statusId];
}

export type MappingProblem = {
  code: 'UNKNOWN_STAGE' | 'UNMAPPED_STATUS' | 'UNKNOWN_STATUS' | 'STAGE_WITHOUT_STATUS';
  statusId?: string;
  stage?: string;
  message: string;
};

export type MappingValidation =
  | { ok: true; mapping: StatusStageMapping; warnings: MappingProblem[] }
  | { ok: false; errors: MappingProblem[]; warnings: MappingProblem[] };

/**
 * Checks an admin-edited mapping against the project's statuses.
 * Errors: a value that is not a stage; a project status left unmapped; a stage (other than L2) with no status,
 * since bugs could then never pass it. Warnings: ids that are not project statuses (dropped from the result),
 * and no L2 status (bugs are then filed straight into RTE triage, which is allowed).
 */
export function validateStageMapping(
  draft: { byStatusId: Readonly<Record<string, unknown>> },
  statuses: readonly JiraStatus[],
): MappingValidation {
  const errors: MappingProblem[] = [];
  const warnings: MappingProblem[] = [];
  const known = new Map(statuses.map((s) => [s.id, s]));
  const byStatusId: Record<string, Stage> = {};
  const stageNames = stages.map((s) => `${s} (${stageLabels[s]})`).join(', ');

  for (const [statusId, stage] of Object.entries(draft.byStatusId)) {
    const status = known.get(statusId);
    if (!status) {
      warnings.push({ code: 'UNKNOWN_STATUS', statusId, message: `Status ${statusId} is not one of this project's statuses; its mapping is ignored.` });
      continue;
    }
    if (!isStage(stage)) {
      errors.push({
        code: 'UNKNOWN_STAGE',
        statusId,
        stage: String(stage),
        message: `Status '${status.name}' is mapped to '${String(stage)}', which is not a stage. Use one of: ${stageNames}.`,
      });
      continue;
    }
    byStatusId[statusId] = stage;
  }
  for (const status of statuses) {
    if (!(status.id in byStatusId) && !errors.some((e) => e.statusId === status.id)) {
      errors.push({ code: 'UNMAPPED_STATUS', statusId: status.id, message: `Status '${status.name}' is not mapped to a stage.` });
    }
  }
  const used = new Set(Object.values(byStatusId));
  for (const stage of stages) {
    if (used.has(stage)) continue;
    const problem: MappingProblem = {
      code: 'STAGE_WITHOUT_STATUS',
      stage,
      message:
        stage === 'L2'
          ? 'No status is mapped to L2; new bugs start in RTE triage.'
          : `No status is mapped to ${stageLabels[stage]}; bugs could never pass that stage.`,
    };
    (stage === 'L2' ? warnings : errors).push(problem);
  }
  return errors.length > 0 ? { ok: false, errors, warnings } : { ok: true, mapping: { byStatusId }, warnings };
}

/**
 * The status to name when telling someone to move a bug into `stage`: the first status of that stage in the
 * project's status order, or the first mapped id. `name` falls back to the stage label when statuses are unknown.
 */
export function statusForStage(
  stage: Stage,
  mapping: StatusStageMapping,
  statuses: readonly JiraStatus[] = [],
): { statusId?: string; name: string } {
  const listed = statuses.find((s) => stageOf(s.id, mapping) === stage);
  if (listed) return { statusId: listed.id, name: listed.name };
  const mappedId = Object.keys(mapping.byStatusId).find((id) => mapping.byStatusId[id] === stage);
  return mappedId === undefined ? { name: stageLabels[stage] } : { statusId: mappedId, name: stageLabels[stage] };
}

export function statusName(statusId: string, statuses: readonly JiraStatus[] = []): string {
  return statuses.find((s) => s.id === statusId)?.name ?? statusId;
}
