/**
 * Quality gate on the public dev set (../shared/data/bug-reports-dev.jsonl). Skipped, with a message, when absent
 * (CI clones the repository without ../shared). Positive class = the report LACKS the part.
 *
 * Floors = the figures reached (bench/repro-steps.bench.ts), set just under them so the gate catches regressions:
 *   missing steps to reproduce  F1 0.786 (2-fold held-out 0.760 / 0.770)   issue target 0.82: NOT reached
 *   missing expected behaviour  F1 0.875 (2-fold held-out 0.875 / 0.874)   issue target 0.93: NOT reached
 *   missing observed behaviour  F1 0.242 (only 37 of 776 reports lack it; reported, no target)
 */
import { loadDevSet, qualityOn, twoFoldScores } from '../../../bench/repro-steps.bench';

const reports = loadDevSet();
const maybe = reports ? describe : describe.skip;
if (!reports) console.warn('dev set ../shared/data/bug-reports-dev.jsonl not found: dev-set quality gate skipped');

maybe('repro-steps quality on the dev set', () => {
  it('keeps F1 for missing steps and missing expected behaviour at the reached level', () => {
    const q = qualityOn(reports!);
    expect(q.s2r.f1).toBeGreaterThanOrEqual(0.78);
    expect(q.eb.f1).toBeGreaterThanOrEqual(0.87);
    expect(q.ob.f1).toBeGreaterThanOrEqual(0.2);
  });

  it('generalises across halves: weights fitted on one half score close on the other', () => {
    for (const fold of twoFoldScores(reports!)) {
      expect(fold.heldOut.steps).toBeGreaterThanOrEqual(0.74);
      expect(fold.heldOut.expected).toBeGreaterThanOrEqual(0.85);
    }
  });
});
