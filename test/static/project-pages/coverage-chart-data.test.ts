/** The coverage picture's rows: areas the candidate changed or regressed, checks by result, gaps marked. */
import { coverageChartRows } from '../../../static/project-pages/src/coverage/coverage-chart-data';

const counts = (c: Partial<{ run: number; passed: number; failed: number; blocked: number; notRun: number }> = {}) => ({ run: 0, passed: 0, failed: 0, blocked: 0, notRun: 0, ...c });
const area = (name: string, o: { changedBy?: string[]; checks?: ReturnType<typeof counts> } = {}) => {
  const checks = o.checks ?? counts();
  const changedBy = o.changedBy ?? [];
  return { area: name, changedBy, changed: changedBy.length > 0, checks, regressed: checks.run > 0, failed: checks.failed > 0, suite: null, ran: [], flaky: [] };
};

test('one row per area changed or regressed: issues that changed it, checks by result, a gap where nothing ran', () => {
  const rows = coverageChartRows([
    area('Checkout', { changedBy: ['RT-1', 'RT-2'], checks: counts({ run: 4, passed: 2, failed: 1, blocked: 1 }) }),
    area('Search', { changedBy: ['RT-3'] }),
    area('Mobile', { checks: counts({ run: 1, passed: 1 }) }),
    area('Idle'),
  ]);
  expect(rows).toEqual([
    { area: 'Checkout', label: 'Checkout', changedBy: 2, passed: 2, failed: 1, blocked: 1, gap: false },
    { area: 'Search', label: 'Search (not regressed)', changedBy: 1, passed: 0, failed: 0, blocked: 0, gap: true },
    { area: 'Mobile', label: 'Mobile', changedBy: 0, passed: 1, failed: 0, blocked: 0, gap: false },
  ]);
});
