/**
 * Plain types of the repro-steps analyser. They mirror the zod schemas in
 * src/contracts/repro-steps.ts (kept as plain TS so the domain does not need zod at runtime;
 * a type-level test there checks both stay in step).
 */

/** The text parts of the "Reproduction steps" field beside its steps, in the field's order. */
export const REPRO_TEXT_PARTS = ['preconditions', 'expected', 'actual', 'environment', 'build', 'frequency'] as const;
export type ReproTextPart = (typeof REPRO_TEXT_PARTS)[number];

/** Value of the "Reproduction steps" custom field. */
export type ReproStepsFieldValue = {
  preconditions?: string;
  steps: string[];
  expected?: string;
  actual?: string;
  environment?: string;
  build?: string;
  frequency?: string;
};

export type FindingSeverity = 'error' | 'warning' | 'info';

export type FindingCode =
  | 'EMPTY'
  | 'MISSING_STEPS'
  | 'MISSING_EXPECTED'
  | 'MISSING_ACTUAL'
  | 'VAGUE_STEPS'
  | 'SINGLE_STEP'
  | 'EXPECTED_EQUALS_ACTUAL'
  | 'NO_BUILD'
  | 'NO_ENVIRONMENT'
  | 'TRUNCATED';

export type Finding = {
  code: FindingCode;
  severity: FindingSeverity;
  message: string;
  /** One line telling the writer what to add or change. */
  hint: string;
};

export type ReproParts = {
  preconditions?: string;
  steps: string[];
  expected?: string;
  actual?: string;
  environment?: string;
  build?: string;
  frequency?: string;
  attachmentsMentioned: boolean;
};

export type ReproVerdict = 'clear' | 'needs-work' | 'missing';

export type ReproAnalysis = {
  source: 'field' | 'description';
  parts: ReproParts;
  has: { steps: boolean; expected: boolean; actual: boolean; environment: boolean };
  findings: Finding[];
  score: number;
  verdict: ReproVerdict;
};
