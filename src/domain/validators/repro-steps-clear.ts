import { whereAndNext } from '../bug-flow/evaluate-transition';
import type { JiraStatus, StatusStageMapping } from '../bug-flow/status-mapping';
import type { Stage } from '../bug-flow/stages';
import type { CommonValidatorConfig } from './kinds';
import { appliesToIssueType, block, effectiveField, isAnswered, pass, type IssueSnapshot, type ValidatorDecision } from './issue-snapshot';
import { isFieldFilled } from '../repro-steps';

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

export type ReproStepsClearInput = { config: ReproStepsClearConfig; issue: IssueSnapshot; analysis: ReproAnalysisSummary; loop?: ReproLoopContext };

/** When the stage is unknown (a bug being created, or an unmapped status): reproduction steps are L2's part of the loop. */
const L2_NEXT = 'Clear reproduction steps are the L2 stage of the loop: L2 support completes them, then the bug goes to RTE triage.';

export function decideReproStepsClear({ config, issue, analysis, loop }: ReproStepsClearInput): ValidatorDecision {
  if (!appliesToIssueType(issue, config.issueTypes)) return pass();
  const score = Number.isFinite(analysis.score) ? Math.round(analysis.score) : 0;
  const missing = config.requiredParts.filter((part) => analysis.has[part] !== true);
  const lowScore = score < config.minimumScore;
  if (!lowScore && missing.length === 0) return pass();

  const { fieldLabel } = reproStepsSource(config, issue);
  const hints: string[] = [];
  const addHint = (hint: string | undefined) => {
    const text = hint?.trim();
    if (text && !hints.includes(text) && hints.length < MAX_HINTS) hints.push(text);
  };
  for (const finding of analysis.findings) addHint(finding.hint ?? finding.message);
  for (const part of missing) addHint(partHints[part]);

  const parts = [
    lowScore
      ? `The reproduction steps in ${fieldLabel} are not clear enough yet (score ${score} of 100; at least ${config.minimumScore} needed).`
      : `The reproduction steps in ${fieldLabel} are missing required parts.`,
  ];
  if (missing.length > 0) parts.push(`Missing: ${missing.map((p) => partNames[p]).join(', ')}.`);
  if (hints.length > 0) parts.push(`What to add: ${hints.join(' ')}`);
  const body = parts.join(' ');
  // Where the bug is, its next step and who takes it always survive the length cap.
  const next = loop ? whereAndNext(loop.stage, loop.mapping, loop.statuses) : L2_NEXT;
  const room = MAX_MESSAGE - next.length - 1;
  return block(`${body.length > room ? `${body.slice(0, room - 1)}…` : body} ${next}`);
}
