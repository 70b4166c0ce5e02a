import { useEffect, useRef } from 'react';
import type { AutoPlanPreview, PlanView } from '@rt/contracts';
import { sprintName } from './plan-helpers';

/** The auto-plan proposal as a diff (what moves where, what does not fit); nothing changes until "Apply". */
export function AutoPlanDialog({ preview, view, onApply, onCancel }: { preview: AutoPlanPreview; view: PlanView; onApply: () => void; onCancel: () => void }) {
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);
  return (
    <div role="dialog" aria-modal="true" aria-labelledby="sp-autoplan-title" className="rt-card sp-dialog" onKeyDown={(e) => e.key === 'Escape' && onCancel()}>
      <h2 id="sp-autoplan-title">Auto-plan proposal</h2>
      {preview.moves.length === 0 ? (
        <p>Auto-plan would move nothing: the upcoming sprints have no budget left, or no backlog bug is ready.</p>
      ) : (
        <p>
          {preview.moves.length} bug{preview.moves.length === 1 ? '' : 's'} would move. Nothing changes until you apply.
        </p>
      )}
      <table>
        <thead>
          <tr>
            <th>Sprint</th>
            <th>Planned after</th>
            <th>Budget</th>
            <th>Added</th>
          </tr>
        </thead>
        <tbody>
          {preview.perSprint.map((p) => (
            <tr key={p.sprintId}>
              <td>{p.name}</td>
              <td className={p.over ? 'sp-over' : undefined}>{Math.round(p.planned * 10) / 10}</td>
              <td>{p.budget}</td>
              <td>+{p.added}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {preview.moves.length > 0 ? (
        <div className="sp-scroll">
          <table aria-label="Moves">
            <thead>
              <tr>
                <th>Bug</th>
                <th>From → to</th>
                <th>Why</th>
              </tr>
            </thead>
            <tbody>
              {preview.moves.slice(0, 500).map((m) => (
                <tr key={m.key}>
                  <td>
                    <strong>{m.key}</strong> {m.summary}
                  </td>
                  <td>
                    {sprintName(view, m.fromSprintId)} → <strong>{sprintName(view, m.toSprintId)}</strong>
                  </td>
                  <td className="rt-muted">{m.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {preview.moves.length > 500 ? <div className="rt-muted">…and {preview.moves.length - 500} more.</div> : null}
        </div>
      ) : null}
      {preview.notPlanned.length > 0 ? (
        <details>
          <summary>Not planned ({preview.notPlanned.length})</summary>
          <ul>
            {preview.notPlanned.slice(0, 200).map((n) => (
              <li key={n.key}>
                <strong>{n.key}</strong> {n.summary} <span className="rt-muted">— {n.reason}</span>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {preview.warnings.map((w) => (
        <div key={w} className="rt-muted">
          {w}
        </div>
      ))}
      <div className="rt-row">
        <button ref={first} type="button" className="rt-primary" disabled={preview.moves.length === 0} onClick={onApply}>
          Apply {preview.moves.length} move{preview.moves.length === 1 ? '' : 's'}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
