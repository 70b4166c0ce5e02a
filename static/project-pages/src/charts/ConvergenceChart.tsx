/** RC convergence (recharts, loaded on demand): per candidate of a train, bugs found in its regression and still open. */
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { chartTheme as t } from './theme';

export type ConvergencePoint = { name: string; found: number; open: number };

export function ConvergenceBars({ points }: { points: readonly ConvergencePoint[] }) {
  return (
    <figure className="pp-chart" role="img" aria-label={`Bugs found in each candidate's regression: ${points.map((p) => `${p.name} ${p.found} found, ${p.open} still open`).join('; ')}`}>
      <div style={{ width: '100%', height: 150 }}>
        <ResponsiveContainer>
          <BarChart data={[...points]} accessibilityLayer={false} margin={{ top: 4, right: 4, bottom: 0, left: -16 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} stroke={t.grid} />
            <XAxis dataKey="name" {...t.axis} />
            <YAxis allowDecimals={false} {...t.axis} />
            <Tooltip {...t.tooltip} />
            <Legend {...t.legend} iconSize={10} />
            <Bar dataKey="found" name="Found in its regression" fill={t.warning} isAnimationActive={false} />
            <Bar dataKey="open" name="Still open" fill={t.danger} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <figcaption>Bugs found in each candidate's regression and still open: fewer, down to zero, is converging.</figcaption>
    </figure>
  );
}
