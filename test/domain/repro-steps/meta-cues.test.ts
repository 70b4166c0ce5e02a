/** Frequency is how often the bug happens, not any "a/b" or percentage in the report. */
import { analyseReproSteps } from '../../../src/domain/repro-steps';
import { cuesOf } from '../../../src/domain/repro-steps/cues';

it.each(['happens 1 in 5 times', '3 out of 10', 'fails 3/10 tries', '30% of the time', '100% of the time', 'always', 'sometimes'])('%j is a frequency', (s) => {
  expect(cuesOf(s).frequency).toBe(true);
});

it.each(['the banner says 240/250 seats', 'stopped on 12/03', 'step 5 of 7 shows an error', 'vat shows 19%', 'cpu at 100%'])('%j is not', (s) => {
  expect(cuesOf(s).frequency).toBe(false);
});

it('a report whose only "a/b" is a count has no frequency part', () => {
  const a = analyseReproSteps({ description: 'Steps:\n1. Open the seat plan\n2. Book two seats\nExpected: 242/250 seats\nActual: the banner says 240/250 seats' });
  expect(a.parts.frequency).toBeUndefined();
});

it.each(['tested on the latest nightly', 'nightly build from today', 'beta channel', 'happens on trunk', 'firefox nightly'])('%j names a build', (s) => {
  expect(cuesOf(s).build).toBe(true);
});

it.each(['nightly export job fails', 'take a snapshot of the vm first', 'the nightly sync does nothing'])('%j does not', (s) => {
  expect(cuesOf(s).build).toBe(false);
});
