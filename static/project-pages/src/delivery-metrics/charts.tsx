import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { readableDuration } from '../../../shared/delivery-format';
import { chartTheme as t } from '../charts/theme';

/**
 * Charts of the delivery metrics page (recharts, themed with design tokens, loaded on demand through
 * charts/lazy). Every chart has the same figures in text next to it.
 */
export function DeploymentsChart({ weeks }: { weeks: Array<{ weekStart: string; count: number }> }) {
  return (
    <figure className="pp-chart" aria-label="Deployments per week">
      <div style={{ width: '100%', height: 180 }} aria-hidden="true">
        <ResponsiveContainer>
          <BarChart data={weeks.map((w) => ({ week: w.weekStart.slice(5), count: w.count }))} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} stroke={t.grid} />
            <XAxis dataKey="week" {...t.axis} />
            <YAxis allowDecimals={false} {...t.axis} width={24} />
            <Tooltip {...t.tooltip} formatter={(v) => [`${String(v)} deployment(s)`, 'week of']} />
            <Bar dataKey="count" fill={t.brand} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <figcaption>Deployments per week (weeks start on Monday).</figcaption>
    </figure>
  );
}

export function StageChart({ stages }: { stages: Array<{ stage: string; medianMs: number | null }> }) {
  const data = stages.map((s) => ({ stage: s.stage, hours: s.medianMs === null ? 0 : Math.round((s.medianMs / 3_600_000) * 10) / 10 }));
  if (data.every((d) => d.hours === 0)) return null;
  return (
    <div style={{ width: '100%', height: 220 }} aria-hidden="true">
      <ResponsiveContainer>
        <BarChart data={data} layout="vertical" margin={{ left: 40 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} stroke={t.grid} />
          <XAxis type="number" {...t.axis} unit=" h" />
          <YAxis type="category" dataKey="stage" {...t.axis} width={120} />
          <Tooltip {...t.tooltip} formatter={(v) => [readableDuration(Number(v) * 3_600_000), 'median']} />
          <Bar dataKey="hours" fill={t.success} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
