import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { readableDuration } from '../../../shared/delivery-format';

/**
 * Charts of the delivery metrics page (recharts). The project-pages build is one IIFE bundle (esbuild, no code
 * splitting), so recharts is bundled rather than lazy-loaded. Every chart has the same figures in text next to it.
 */
export function DeploymentsChart({ weeks }: { weeks: Array<{ weekStart: string; count: number }> }) {
  return (
    <figure style={{ margin: 0 }} aria-label="Deployments per week">
      <div style={{ width: '100%', height: 180 }} aria-hidden="true">
        <ResponsiveContainer>
          <BarChart data={weeks.map((w) => ({ week: w.weekStart.slice(5), count: w.count }))}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="week" fontSize={11} />
            <YAxis allowDecimals={false} fontSize={11} width={24} />
            <Tooltip formatter={(v) => [`${String(v)} deployment(s)`, 'week of']} />
            <Bar dataKey="count" fill="#0C66E4" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="rt-muted">Deployments per week (weeks start on Monday).</figcaption>
    </figure>
  );
}

export function StageChart({ stages }: { stages: Array<{ stage: string; medianMs: number | null }> }) {
  const data = stages.map((s) => ({ stage: s.stage, hours: s.medianMs === null ? 0 : Math.round((s.medianMs / 3_600_000) * 10) / 10 }));
  if (data.every((d) => d.hours === 0)) return null;
  return (
    <div style={{ width: '100%', height: 220 }} aria-hidden="true">
      <ResponsiveContainer>
        <BarChart data={data} layout="vertical" margin={{ left: 40 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" fontSize={11} unit=" h" />
          <YAxis type="category" dataKey="stage" fontSize={11} width={120} />
          <Tooltip formatter={(v) => [readableDuration(Number(v) * 3_600_000), 'median']} />
          <Bar dataKey="hours" fill="#1F845A" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
