/**
 * Quality gate on the public dev set (../shared/data/bug-reports-dev.jsonl). Skipped, with a message, when absent.
 * Positive class = the report LACKS the part.
 *
 * The floors below are the figures reached today (S2R F1 0.76, EB F1 0.85), set slightly under them so the gate
 * catches regressions. The targets in issue 3 are higher (S2R 0.82, EB 0.93) and are NOT yet met.
 */
import { loadDevSet, qualityOn } from '../../../bench/repro-steps.bench';

const reports = loadDevSet();
const maybe = reports ? describe : describe.skip;
if (!reports) console.warn('dev set ../shared/data/bug-reports-dev.jsonl not found: dev-set quality gate skipped');

maybe('repro-steps quality on the dev set', () => {
  it('keeps F1 for missing steps and missing expected behaviour at least at today\'s level', () => {
    const q = qualityOn(reports!);
    expect(q.s2r.f1).toBeGreaterThanOrEqual(0.75);
    expect(q.eb.f1).toBeGreaterThanOrEqual(0.84);
  });
});
