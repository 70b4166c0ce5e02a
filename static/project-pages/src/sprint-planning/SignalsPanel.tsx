import { memo } from 'react';
import type { SignalsView } from '@rt/contracts';
import { Banner } from '../../../shared/components';

/** Inflow vs outflow of bugs per closed sprint, as grouped bars (inline SVG, with a text table for screen readers). */
export function FlowChart({ flow }: { flow: SignalsView['flow'] }) {
  if (flow.length === 0) return <div className="rt-muted">No closed sprints with dates yet: no inflow/outflow to show.</div>;
  const max = Math.max(1, ...flow.map((f) => Math.max(f.inflow, f.outflow)));
  const group = 70;
  const barW = 22;
  const h = 120;
  const width = flow.length * group + 20;
  const y = (n: number) => h - (n / max) * (h - 20);
  return (
    <figure className="sp-chart">
      <svg width={width} height={h + 36} role="img" aria-label={`Bugs in vs bugs fixed per sprint: ${flow.map((f) => `${f.name} ${f.inflow} in, ${f.outflow} fixed`).join('; ')}`}>
        <line x1={10} x2={width - 5} y1={h} y2={h} stroke="#DCDFE4" />
        {flow.map((f, i) => {
          const x = 15 + i * group;
          return (
            <g key={f.sprintId}>
              <rect x={x} y={y(f.inflow)} width={barW} height={h - y(f.inflow)} fill="#C9372C">
                <title>{`${f.name}: ${f.inflow} bugs came in`}</title>
              </rect>
              <rect x={x + barW + 4} y={y(f.outflow)} width={barW} height={h - y(f.outflow)} fill="#1F845A">
                <title>{`${f.name}: ${f.outflow} bugs fixed`}</title>
              </rect>
              <text x={x + barW / 2} y={y(f.inflow) - 3} fontSize={10} textAnchor="middle">{f.inflow}</text>
              <text x={x + barW * 1.5 + 4} y={y(f.outflow) - 3} fontSize={10} textAnchor="middle">{f.outflow}</text>
              <text x={x + barW + 2} y={h + 14} fontSize={10} textAnchor="middle">{f.name.replace(/^.*?(\d+)$/, 'S$1')}</text>
            </g>
          );
        })}
        <rect x={10} y={h + 22} width={10} height={10} fill="#C9372C" />
        <text x={24} y={h + 31} fontSize={10}>in</text>
        <rect x={44} y={h + 22} width={10} height={10} fill="#1F845A" />
        <text x={58} y={h + 31} fontSize={10}>fixed</text>
      </svg>
      <figcaption className="rt-muted">Bugs created vs resolved during each closed sprint.</figcaption>
    </figure>
  );
}

/** Deprioritization signals: the sentences that fired, the flow chart and the capacity needed. */
export const SignalsPanel = memo(function SignalsPanel({ signals, unit }: { signals: SignalsView; unit: 'points' | 'count' }) {
  const needed = signals.capacityNeeded;
  return (
    <section className="rt-card" aria-labelledby="sp-signals-title">
      <h2 id="sp-signals-title">Signals</h2>
      {needed.needed ? (
        <Banner kind="warning">
          <strong>
            Needs {needed.perSprint} more {unit === 'points' ? 'points' : 'bugs'} per sprint
          </strong>{' '}
          — {needed.sentence}
        </Banner>
      ) : (
        <div className="rt-muted">{needed.sentence}</div>
      )}
      <FlowChart flow={signals.flow} />
      {signals.summary.filter((s) => s !== needed.sentence).length > 0 ? (
        <ul>
          {signals.summary
            .filter((s) => s !== needed.sentence)
            .map((s) => (
              <li key={s}>{s}</li>
            ))}
        </ul>
      ) : (
        <div className="rt-muted">No deprioritization signal: bugs are keeping up.</div>
      )}
      {signals.carriedOver.length > 0 ? (
        <details>
          <summary>Carried over 2+ sprints ({signals.carriedOver.length})</summary>
          <ul>
            {signals.carriedOver.slice(0, 50).map((c) => (
              <li key={c.key}>
                <strong>{c.key}</strong> {c.summary} <span className="rt-muted">— carried over {c.carryOvers}×, in {c.sprintsIn} sprints</span>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {signals.oldHighSeverity.length > 0 ? (
        <details>
          <summary>Old high-severity bugs ({signals.oldHighSeverity.length})</summary>
          <ul>
            {signals.oldHighSeverity.slice(0, 50).map((b) => (
              <li key={b.key}>
                <strong>{b.key}</strong> {b.summary} <span className="rt-muted">— {b.severity}, open {b.ageDays} days</span>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
});
