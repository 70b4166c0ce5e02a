import { memo, type ReactNode } from 'react';
import type { PlanSprintView, SignalsView } from '@rt/contracts';
import { Banner } from '../../../shared/components';
import { BudgetLoadChart, FlowChart } from '../charts/lazy';
import { IssueLink } from '../ui/IssueLink';

/**
 * The top of the planning page: whether bugs are being deprioritized (the sentences that fired, the capacity
 * needed), bugs in vs fixed per closed sprint and budget vs load per upcoming sprint as charts; the lists behind the
 * signals expand on demand. `settings` (the budget settings) sits in the same band.
 */
export const SignalsPanel = memo(function SignalsPanel({ signals, sprints, unit, settings }: { signals: SignalsView; sprints: readonly PlanSprintView[]; unit: 'points' | 'count'; settings?: ReactNode }) {
  const needed = signals.capacityNeeded;
  const others = signals.summary.filter((s) => s !== needed.sentence);
  return (
    <section className="pp-card sp-signals" aria-labelledby="sp-signals-title">
      <div className="sp-signals-text">
        <h2 id="sp-signals-title">Signals</h2>
        {needed.needed ? (
          <Banner kind="warning">
            <strong>
              Needs {needed.perSprint} more {unit === 'points' ? 'points' : 'bugs'} per sprint
            </strong>{' '}
            — {needed.sentence}
          </Banner>
        ) : (
          <div className="pp-muted">{needed.sentence}</div>
        )}
        {others.length > 0 ? (
          <ul className="sp-signal-list">
            {others.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
        ) : (
          <div className="pp-muted">No deprioritization signal: bugs are keeping up.</div>
        )}
        {signals.carriedOver.length > 0 ? (
          <details className="pp-disclosure">
            <summary>Carried over 2+ sprints ({signals.carriedOver.length})</summary>
            <ul className="sp-signal-list">
              {signals.carriedOver.slice(0, 50).map((c) => (
                <li key={c.key}>
                  <IssueLink issueKey={c.key} className="pp-link" /> {c.summary} <span className="pp-muted">— carried over {c.carryOvers}×, in {c.sprintsIn} sprints</span>
                </li>
              ))}
            </ul>
          </details>
        ) : null}
        {signals.oldHighSeverity.length > 0 ? (
          <details className="pp-disclosure">
            <summary>Old high-severity bugs ({signals.oldHighSeverity.length})</summary>
            <ul className="sp-signal-list">
              {signals.oldHighSeverity.slice(0, 50).map((b) => (
                <li key={b.key}>
                  <IssueLink issueKey={b.key} className="pp-link" /> {b.summary} <span className="pp-muted">— {b.severity}, open {b.ageDays} days</span>
                </li>
              ))}
            </ul>
          </details>
        ) : null}
        {settings}
      </div>
      <div className="sp-signals-chart">
        <h3>Bugs in vs fixed</h3>
        {signals.flow.length === 0 ? <div className="pp-muted">No closed sprints with dates yet: no inflow/outflow to show.</div> : <FlowChart flow={signals.flow} />}
      </div>
      <div className="sp-signals-chart">
        <h3>Budget vs load</h3>
        {sprints.length === 0 ? <div className="pp-muted">No upcoming sprint.</div> : <BudgetLoadChart sprints={sprints} unit={unit} />}
      </div>
    </section>
  );
});
