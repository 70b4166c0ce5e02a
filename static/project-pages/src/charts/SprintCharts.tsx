/** Sprint planning charts (recharts, loaded on demand): bug inflow/outflow per closed sprint, budget vs load per upcoming sprint. */
import type { ReactNode } from 'react';
import { Bar, BarChart, CartesianGrid, Cell, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { PlanSprintView, SignalsView } from '@rt/contracts';
import { chartTheme as t } from './theme';

const shortSprint = (name: string) => name.replace(/^.*?(\d+)$/, 'S$1');

/** One bar chart per sprint (short names on the axis, the full name in the tooltip) in a labelled figure. */
function SprintBarChart({ label, caption, data, children }: { label: string; caption: ReactNode; data: ReadonlyArray<{ name: string; full: string }>; children: ReactNode }) {
  return (
    <figure className="pp-chart" role="img" aria-label={label}>
      <div style={{ width: '100%', height: 140 }}>
        <ResponsiveContainer>
          <BarChart data={[...data]} accessibilityLayer={false} margin={{ top: 4, right: 4, bottom: 0, left: -16 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} stroke={t.grid} />
            <XAxis dataKey="name" {...t.axis} />
            <YAxis allowDecimals={false} {...t.axis} />
            <Tooltip {...t.tooltip} labelFormatter={(_, p) => String(p[0]?.payload?.full ?? '')} />
            <Legend {...t.legend} iconSize={10} />
            {children}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <figcaption>{caption}</figcaption>
    </figure>
  );
}

export function FlowChart({ flow }: { flow: SignalsView['flow'] }) {
  const data = flow.map((f) => ({ name: shortSprint(f.name), full: f.name, in: f.inflow, fixed: f.outflow }));
  return (
    <SprintBarChart label={`Bugs in vs bugs fixed per sprint: ${flow.map((f) => `${f.name} ${f.inflow} in, ${f.outflow} fixed`).join('; ')}`} caption="Bugs created vs resolved during each closed sprint." data={data}>
      <Bar dataKey="in" name="Came in" fill={t.danger} isAnimationActive={false} />
      <Bar dataKey="fixed" name="Fixed" fill={t.success} isAnimationActive={false} />
    </SprintBarChart>
  );
}

export function BudgetLoadChart({ sprints, unit }: { sprints: readonly PlanSprintView[]; unit: 'points' | 'count' }) {
  const data = sprints.map((s) => ({ name: shortSprint(s.name), full: s.name, budget: s.budgetSource === 'none' ? 0 : Math.round(s.budget * 10) / 10, planned: Math.round(s.planned * 10) / 10, over: s.over }));
  const what = unit === 'points' ? 'points' : 'bugs';
  return (
    <SprintBarChart
      label={`Bug budget vs planned ${what} per sprint: ${sprints.map((s) => `${s.name} ${Math.round(s.planned * 10) / 10} of ${s.budgetSource === 'none' ? 'no budget' : Math.round(s.budget * 10) / 10}`).join('; ')}`}
      caption={`Bug budget and planned ${what} of each upcoming sprint (red: over budget).`}
      data={data}
    >
      <Bar dataKey="budget" name="Budget" fill={t.neutral} isAnimationActive={false} />
      <Bar dataKey="planned" name="Planned" fill={t.brand} isAnimationActive={false}>
        {data.map((d) => (
          <Cell key={d.full} fill={d.over ? t.danger : t.brand} />
        ))}
      </Bar>
    </SprintBarChart>
  );
}
