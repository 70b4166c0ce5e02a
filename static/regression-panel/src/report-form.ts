/**
 * The report dialog's form: the tester's own reproduction steps, expected and actual result (and environment), turned
 * into the `repro` the resolver stores in the new bug's Reproduction steps field. Pure, so it is tested directly.
 */

export type ReportForm = { summary: string; steps: string; expected: string; actual: string; environment: string };
export type ReportBox = 'steps' | 'expected' | 'actual';

/** What the dialog starts with: real values only (the check's note, never a prompt). */
export function initialForm(draft: { summary: string; prefill: { steps: string[]; expected: string; actual: string; environment: string } }): ReportForm {
  return { summary: draft.summary, steps: draft.prefill.steps.join('\n'), expected: draft.prefill.expected, actual: draft.prefill.actual, environment: draft.prefill.environment };
}

/** One step per non-blank line; a leading "1." / "2)" / "-" the tester typed is dropped (the field numbers the steps). */
export function stepsOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.replace(/^\s*(?:\d{1,3}[.)]|[-*•])\s+/, '').trim())
    .filter((l) => l !== '');
}

const MESSAGES: Record<ReportBox, string> = {
  steps: 'Write the steps, one action per line.',
  expected: 'Write what should happen.',
  actual: 'Write what happened instead.',
};

/** The boxes still empty, each with its message, in the dialog's order. */
export function missingBoxes(form: ReportForm): Array<{ box: ReportBox; message: string }> {
  const out: Array<{ box: ReportBox; message: string }> = [];
  if (stepsOf(form.steps).length === 0) out.push({ box: 'steps', message: MESSAGES.steps });
  if (form.expected.trim() === '') out.push({ box: 'expected', message: MESSAGES.expected });
  if (form.actual.trim() === '') out.push({ box: 'actual', message: MESSAGES.actual });
  return out;
}

export function reproOf(form: ReportForm): { steps: string[]; expected: string; actual: string; environment?: string } {
  const environment = form.environment.trim();
  return { steps: stepsOf(form.steps), expected: form.expected.trim(), actual: form.actual.trim(), ...(environment ? { environment } : {}) };
}

/** The suggested first steps (the skeleton without its prompt), for "Start from the suggested steps". */
export function suggestedSteps(prompts: string[]): string {
  return prompts.filter((s) => !/^\(.*\)\.?$/.test(s.trim())).join('\n');
}
