import type { JiraStatus, StatusStageMapping } from '../bug-flow/status-mapping';
import { stageLabels, stageOwners, stagePhrase, type Stage } from '../bug-flow/stages';
import { stageOf } from '../bug-flow/status-mapping';
import type { CommonValidatorConfig } from './kinds';
import { appliesToIssueType, block, effectiveField, isAnswered, pass, type IssueSnapshot, type ValidatorDecision } from './issue-snapshot';
import { isFieldFilled } from '../repro-steps';
import { BOX_HINTS } from '../repro-steps/box-hints';

export const reproParts = ['steps', 'expected', 'actual', 'environment'] as const;
export type ReproPart = (typeof reproParts)[number];

/**
 * The repro-steps analyser's result, as this validator needs it (the analyser lives in domain/repro-steps and is
 * run by the caller on `reproStepsSource(...).value`; taking its summary keeps this module independent of it).
 * `score` is 0–100.
 */
export type ReproAnalysisSummary = {
  score: number;
  has: Record<ReproPart, boolean>;
  findings: ReadonlyArray<{ code: string; message: string; hint?: string }>;
};

export type ReproStepsField = { source: 'description' } | { source: 'field'; fieldId: string; fieldName?: string; fallbackToDescription: boolean };

export type ReproStepsClearConfig = CommonValidatorConfig & {
  minimumScore: number;
  requiredParts: ReproPart[];
  field: ReproStepsField;
};

const partNames: Record<ReproPart, string> = {
  steps: 'steps to reproduce',
  expected: 'expected result',
  actual: 'actual result',
  environment: 'environment',
};

const partHints: Record<ReproPart, string> = {
  steps: 'Add numbered steps to reproduce (1. … 2. …).',
  expected: 'Say what you expected to happen.',
  actual: 'Say what actually happened: the error, the wrong value, a screenshot.',
  environment: 'Name the environment: app version, browser and OS, site or tenant.',
};

const MAX_HINTS = 6;
const MAX_MESSAGE = 1500;

/**
 * Which value to analyse: the configured field, or the description where the field is not used (empty) and
 * fallback is on. Values changed on the transition screen (`modifiedFields`) win over stored ones.
 */
export function reproStepsSource(config: Pick<ReproStepsClearConfig, 'field'>, issue: IssueSnapshot): { fieldId: string; fieldLabel: string; value: unknown } {
  const description = { fieldId: 'description', fieldLabel: 'the description', value: effectiveField(issue, 'description') };
  if (config.field.source === 'description') return description;
  const value = effectiveField(issue, config.field.fieldId);
  if (!(typeof value === 'object' && value !== null && 'steps' in value ? isFieldFilled(value) : isAnswered(value)) && config.field.fallbackToDescription) return description;
  return { fieldId: config.field.fieldId, fieldLabel: config.field.fieldName ? `'${config.field.fieldName}'` : `field ${config.field.fieldId}`, value };
}

/** Where the bug is in the loop (stage of the transition's from status), for the message; absent on create. */
export type ReproLoopContext = { stage: Stage; mapping: StatusStageMapping; statuses?: readonly JiraStatus[] };

export type ReproStepsClearInput = {
  config: ReproStepsClearConfig;
  issue: IssueSnapshot;
  analysis: ReproAnalysisSummary;
  loop?: ReproLoopContext;
  /** The status the refused move goes to, for the first sentence ("Move to 'Triage' refused: …"); absent on create. */
  toStatusId?: string;
};

/** When the stage is unknown (a bug being created, or an unmapped status): reproduction steps are L2's part of the loop. */
const L2_NEXT = 'Clear reproduction steps are the L2 stage of the loop: L2 support completes them, then the bug goes to RTE triage.';

/** The finding that speaks for each part (one hint per missing part); EMPTY speaks for steps, expected and actual at once. */
const ownerPhrase: Readonly<Record<string, string>> = { 'L2 support': 'L2 support', RTE: 'the RTE', Developer: 'the developer', QA: 'QA' };

const findingPart: Readonly<Record<string, ReproPart | 'all'>> = {
  EMPTY: 'all',
  MISSING_STEPS: 'steps',
  SINGLE_STEP: 'steps',
  VAGUE_STEPS: 'steps',
  MISSING_EXPECTED: 'expected',
  MISSING_ACTUAL: 'actual',
  NO_ENVIRONMENT: 'environment',
};

/** "the expected result", "the steps to reproduce and the expected result", "…, … and …". */
function listParts(parts: readonly ReproPart[]): string {
  const names = parts.map((p) => `the ${partNames[p]}`);
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] ?? ''}`;
}

/**
 * One hint per missing part (the analyser's own finding for it when it has one, else the part's hint), then the
 * other findings once each. The analyser's EMPTY already covers steps, expected and actual.
 */
function hintsFor(findings: ReproAnalysisSummary['findings'], missing: readonly ReproPart[], inField: boolean): string[] {
  const hints: string[] = [];
  // Sent to the Reproduction steps field, the writer fills its boxes: "Fill the Expected result box", not "Add 'Expected: …'".
  const hintOf = (f: ReproAnalysisSummary['findings'][number]) => (inField ? (BOX_HINTS as Readonly<Record<string, string | undefined>>)[f.code] : undefined) ?? f.hint ?? f.message;
  const add = (hint: string | undefined) => {
    const text = hint?.trim();
    if (text && !hints.includes(text) && hints.length < MAX_HINTS) hints.push(text);
  };
  const covered = new Set<ReproPart>();
  const empty = findings.find((f) => f.code === 'EMPTY');
  if (empty) {
    add(hintOf(empty));
    for (const p of ['steps', 'expected', 'actual'] as const) covered.add(p);
  }
  for (const part of missing) {
    if (covered.has(part)) continue;
    const own = findings.find((f) => findingPart[f.code] === part);
    add(own ? hintOf(own) : partHints[part]);
    covered.add(part);
  }
  for (const f of findings) {
    const part = findingPart[f.code];
    if (part === 'all' || (part !== undefined && covered.has(part))) continue;
    add(hintOf(f));
    if (part !== undefined) covered.add(part);
  }
  return hints;
}

/**
 * What to edit. When the configured field is empty and the description was checked instead, the field is still
 * where the steps belong: it is named (so the issue view can link it) and its editor imports the description.
 */
function whereToWrite(config: Pick<ReproStepsClearConfig, 'field'>, fieldLabel: string): string {
  if (fieldLabel !== 'the description') return `Edit the field ${fieldLabel}`;
  if (config.field.source !== 'field') return 'Edit the description';
  const field = config.field.fieldName ? `'${config.field.fieldName}'` : config.field.fieldId;
  return `Fill in the field ${field} (it is empty, so the description was checked; its editor can import the steps from the description)`;
}

export function decideReproStepsClear({ config, issue, analysis, loop, toStatusId }: ReproStepsClearInput): ValidatorDecision {
  if (!appliesToIssueType(issue, config.issueTypes)) return pass();
  const score = Number.isFinite(analysis.score) ? Math.round(analysis.score) : 0;
  const missing = config.requiredParts.filter((part) => analysis.has[part] !== true);
  const lowScore = score < config.minimumScore;
  // Steps that give a reader nothing to do ("Go", "Do it"), or one step that only restates the bug, are no steps to
  // follow: a good score from the other parts must not carry them past the check.
  const vague = config.requiredParts.includes('steps') && analysis.has.steps === true && analysis.findings.some((f) => f.code === 'VAGUE_STEPS' || f.code === 'SINGLE_STEP');
  if (!lowScore && missing.length === 0 && !vague) return pass();

  const { fieldLabel } = reproStepsSource(config, issue);
  const hints = hintsFor(analysis.findings, missing, config.field.source === 'field');

  // The first sentence says what was refused and why, like a title.
  const toName = toStatusId === undefined ? undefined : (loop?.statuses?.find((s) => s.id === toStatusId)?.name ?? (loop ? stageLabels[stageOf(toStatusId, loop.mapping) ?? loop.stage] : undefined));
  const why =
    missing.length > 0
      ? `reproduction steps are missing ${listParts(missing)}`
      : vague && !lowScore
        ? 'the steps to reproduce are too vague to follow'
        : `reproduction steps are not clear enough yet (score ${score} of 100; at least ${config.minimumScore} needed)`;
  const parts = [toName ? `Move to '${toName}' refused: ${why}.` : `${why.charAt(0).toUpperCase()}${why.slice(1)}.`];
  if (missing.length > 0 && lowScore) parts.push(`Score ${score} of 100; at least ${config.minimumScore} needed.`);
  parts.push(`${whereToWrite(config, fieldLabel)}${hints.length > 0 ? `: ${hints.join(' ')}` : '.'}`);
  const body = parts.join(' ');
  // Where the bug is and who completes the steps always survive the length cap (never "move it to …": that move was just refused).
  const next = loop ? `This bug is ${stagePhrase(loop.stage)}; ${ownerPhrase[stageOwners[loop.stage]]} completes the reproduction steps before it moves on.` : L2_NEXT;
  const room = MAX_MESSAGE - next.length - 1;
  return block(`${body.length > room ? `${body.slice(0, room - 1)}…` : body} ${next}`);
}
