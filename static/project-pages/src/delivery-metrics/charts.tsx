import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
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

const DAY = 86_400_000;

/** Lead time (median and 85th percentile, in days) per production release, oldest first: is delivery getting faster? */
export function LeadTimeChart({ releases }: { releases: Array<{ release: string; medianMs: number | null; p85Ms: number | null }> }) {
  const data = releases.filter((r) => r.medianMs !== null).map((r) => ({ release: r.release, median: Math.round(((r.medianMs ?? 0) / DAY) * 10) / 10, p85: Math.round(((r.p85Ms ?? r.medianMs ?? 0) / DAY) * 10) / 10 }));
  if (data.length < 2) return null;
  return (
    <figure className="pp-chart" aria-label="Lead time per production release">
      <div style={{ width: '100%', height: 180 }} aria-hidden="true">
        <ResponsiveContainer>
          <LineChart data={data} accessibilityLayer={false} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} stroke={t.grid} />
            <XAxis dataKey="release" {...t.axis} />
            <YAxis {...t.axis} width={32} unit=" d" />
            <Tooltip {...t.tooltip} formatter={(v, name) => [`${String(v)} days`, name === 'p85' ? '85th percentile' : 'median']} />
            <Legend {...t.legend} iconSize={10} formatter={(v: string) => (v === 'p85' ? '85th percentile' : 'median')} />
            <Line type="monotone" dataKey="median" stroke={t.brand} strokeWidth={2} dot isAnimationActive={false} />
            <Line type="monotone" dataKey="p85" stroke={t.warning} strokeWidth={2} strokeDasharray="4 3" dot isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <figcaption>Lead time of the bugs each production release shipped, release by release (figures in the table below).</figcaption>
    </figure>
  );
}
