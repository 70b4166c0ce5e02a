/** The check library: checks QA ran before, one per area and title, with their failure history; a fix's own check is none. */
import { buildLibrary, libraryCheckId, type AreaSuite } from '../../../src/domain/coverage';
import { suggestionId } from '../../../src/domain/regression/suggest-checks';
import { aCheck, aRecord, at } from '../../builders/regression';

const suite = (area: string, cycles: AreaSuite['record']['cycles']): AreaSuite => ({ schemaVersion: 1, area, record: aRecord({ cycles }), runs: [] });

describe('the check library', () => {
  const bugRecord = aRecord({
    cycles: [
      { rc: 'rc.1', startedAt: at(0), checks: [aCheck({ area: 'checkout', title: 'Pay  with a saved card', result: 'failed', at: at(1) }), aCheck({ area: 'The fix', title: 'RT-80 no longer reproduces', result: 'passed' })] },
      { rc: 'rc.2', startedAt: at(10), checks: [aCheck({ area: 'Checkout', title: 'Pay with a saved card', result: 'passed', at: at(11) })] },
    ],
  });
  const lib = buildLibrary({
    suites: [suite('Checkout', [{ rc: 'rc.2', startedAt: at(0), checks: [aCheck({ area: 'Checkout', title: 'pay with a saved card', result: 'not-run' }), aCheck({ area: 'Checkout', title: 'Refund', result: 'blocked', at: at(5) })] }])],
    bugRecords: [{ key: 'RT-80', record: bugRecord }],
  });

  it('is one check per area and title (case and spacing ignored), with runs, failures and the candidates it failed in', () => {
    const pay = lib.find((c) => c.title.toLowerCase() === 'pay with a saved card')!;
    expect(pay).toMatchObject({ runs: 2, failures: 1, failedIn: ['rc.1'], lastResult: 'passed', lastRc: 'rc.2', sources: ['suite', 'RT-80'] });
    expect(pay.id).toBe(suggestionId('Checkout', 'Pay with a saved card'));
    expect(libraryCheckId('CHECKOUT', ' pay with a saved card ')).toBe(pay.id);
    expect(lib.find((c) => c.title === 'Refund')).toMatchObject({ runs: 1, failures: 0, lastResult: 'blocked' });
  });

  it('leaves out the check of a fix itself: it belongs to one bug and is no area to regress', () => {
    expect(lib.map((c) => c.area.toLowerCase())).not.toContain('the fix');
    expect(lib).toHaveLength(2);
  });
});
