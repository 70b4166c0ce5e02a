import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { CoverageView } from '@rt/contracts';
import { chartTheme as t } from '../charts/theme';
import { coverageChartRows } from './coverage-chart-data';

/**
 * The picture of the coverage table: per area, the issues that changed it next to the checks run in it by result
 * (passed / failed / blocked). An area changed but not regressed has a blue bar and no check bar. The table beside
 * it holds the same figures as text (the chart is hidden from screen readers). Colours are design tokens; loaded on
 * demand through charts/lazy.
 */
export function CoverageChart({ view }: { view: CoverageView }) {
  const rows = coverageChartRows(view.selected.areas);
  if (rows.length === 0) return null;
  return (
    <figure className="pp-chart" aria-label={`Chart: areas of ${view.rc}, changed against regressed and failed`} data-testid="coverage-chart">
      <div style={{ width: '100%', height: Math.max(120, 34 * rows.length + 60) }} aria-hidden="true">
        <ResponsiveContainer>
          <BarChart data={rows} layout="vertical" margin={{ left: 40, right: 16 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} stroke={t.grid} />
            <XAxis type="number" allowDecimals={false} {...t.axis} />
            <YAxis type="category" dataKey="label" {...t.axis} width={170} />
            <Tooltip {...t.tooltip} />
            <Legend {...t.legend} />
            <Bar dataKey="changedBy" name="Issues that changed it" fill={t.brand} isAnimationActive={false} />
            <Bar dataKey="passed" name="Checks passed" stackId="checks" fill={t.success} isAnimationActive={false} />
            <Bar dataKey="failed" name="Checks failed" stackId="checks" fill={t.danger} isAnimationActive={false} />
            <Bar dataKey="blocked" name="Checks blocked" stackId="checks" fill={t.warning} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <figcaption>Per area: issues of {view.rc} that changed it (blue) against the checks run in it, by result. “Not regressed”: changed, no check run.</figcaption>
    </figure>
  );
}
