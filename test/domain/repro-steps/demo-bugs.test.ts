/**
 * The workspace's demo bugs exercise every finding of the repro-steps check (issue 3: "demo bugs exercise every
 * finding"), read the way the app reads them: the Reproduction steps field when set, the description otherwise.
 * TRUNCATED is left out: it needs a description over 2 MB, which a demo should not carry.
 */
import { createSeedState } from '../../../local/seed';
import { analyseReproSteps, type FindingCode } from '../../../src/domain/repro-steps';

const EVERY_CODE: FindingCode[] = [
  'EMPTY', 'MISSING_STEPS', 'MISSING_EXPECTED', 'MISSING_ACTUAL', 'VAGUE_STEPS', 'SINGLE_STEP', 'EXPECTED_EQUALS_ACTUAL', 'NO_BUILD', 'NO_ENVIRONMENT',
];

type SeedIssue = { key: string; fields: { summary: string; description: unknown; issueTypeId: string; custom?: Record<string, unknown> } };

it('the demo bugs exercise every finding code except TRUNCATED', () => {
  const state = createSeedState();
  const bug = state.issueTypes.find((t: { name: string }) => t.name === 'Bug')!.id;
  const field = state.fields.find((f: { name: string }) => f.name === 'Reproduction steps')?.id ?? 'customfield_10100';
  const seen = new Set<FindingCode>();
  for (const issue of state.issues as unknown as SeedIssue[]) {
    if (issue.fields.issueTypeId !== bug) continue;
    const a = analyseReproSteps({ summary: issue.fields.summary, description: issue.fields.description, field: (issue.fields.custom?.[field] as never) ?? null });
    for (const f of a.findings) seen.add(f.code);
  }
  expect(EVERY_CODE.filter((c) => !seen.has(c))).toEqual([]);
});
