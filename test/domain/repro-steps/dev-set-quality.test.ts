/**
 * Quality gate on the public dev set (../shared/data/bug-reports-dev.jsonl). Skipped, with a message, when absent
 * (CI clones the repository without ../shared). Positive class = the report LACKS the part.
 *
 * Floors sit just under the figures reached (npx tsx bench/repro-steps.bench.ts), so the gate catches regressions:
 * the shipped model on the whole set (it was trained on it: an optimistic figure), and the held-out figures of the
 * same training procedure (scripts/train-repro-model.ts): 5-fold stratified CV and leave-one-system-out.
 */
import { heldOutScores, loadDevSet, qualityOn } from '../../../bench/repro-steps.bench';
import { FLOORS } from './dev-set-floors';
import { sharedPresentOrSkip } from '../../support/shared-data';

const reports = loadDevSet();
// RT_REQUIRE_SHARED=1 (.ci/run) turns a missing dev set into a failure instead of a skip.
const maybe = sharedPresentOrSkip('the dev set ../shared/data/bug-reports-dev.jsonl (dev-set quality gate)', reports !== undefined && reports !== null) ? describe : describe.skip;

maybe('repro-steps quality on the dev set', () => {
  it('the shipped model reaches its figures on the whole dev set', () => {
    const q = qualityOn(reports!);
    expect(q.s2r.f1).toBeGreaterThanOrEqual(FLOORS.full.steps);
    expect(q.eb.f1).toBeGreaterThanOrEqual(FLOORS.full.expected);
    expect(q.ob.f1).toBeGreaterThanOrEqual(FLOORS.full.actual);
  });

  it('generalises: 5-fold CV and leave-one-system-out F1 of the same training stay above their floors', () => {
    const h = heldOutScores(reports!);
    for (const part of ['steps', 'expected', 'actual'] as const) {
      expect({ part, cv: h[part].cv.f1 >= FLOORS.cv[part] }).toEqual({ part, cv: true });
      expect({ part, loso: h[part].loso.f1 >= FLOORS.loso[part] }).toEqual({ part, loso: true });
    }
  }, 180_000);
});
