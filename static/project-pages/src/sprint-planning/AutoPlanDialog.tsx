import { useEffect, useRef } from 'react';
import type { AutoPlanPreview, PlanView } from '@rt/contracts';
import { sprintName } from './plan-helpers';

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';

/**
 * The auto-plan proposal as a diff (what moves where, what does not fit); nothing changes until "Apply".
 * A modal dialog: focus starts on Cancel (Enter never applies by accident), Tab and Shift+Tab stay inside, Escape
 * closes it wherever focus is. The page puts focus back where it belongs when the dialog closes.
 */
export function AutoPlanDialog({ preview, view, onApply, onCancel }: { preview: AutoPlanPreview; view: PlanView; onApply: () => void; onCancel: () => void }) {
  const dialog = useRef<HTMLDivElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const latestCancel = useRef(onCancel);
  latestCancel.current = onCancel;
  useEffect(() => {
    cancel.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      const box = dialog.current;
      if (!box) return;
      if (e.key === 'Escape') {
        e.preventDefault();
        latestCancel.current();
        return;
      }
      if (e.key !== 'Tab') return;
      const items = [...box.querySelectorAll<HTMLElement>(FOCUSABLE)];
      const first = items[0];
      const last = items[items.length - 1];
      if (!first || !last) return;
      const active = document.activeElement;
      const inside = active instanceof Node && box.contains(active);
      if (e.shiftKey && (!inside || active === first)) {
        e.preventDefault();
        last.focus();
      } else if (!e.shiftKey && (!inside || active === last)) {
        e.preventDefault();
        first.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
  return (
    <div ref={dialog} role="dialog" aria-modal="true" aria-labelledby="sp-autoplan-title" className="rt-card sp-dialog">
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
        <button type="button" className="rt-primary" disabled={preview.moves.length === 0} onClick={onApply}>
          Apply {preview.moves.length} move{preview.moves.length === 1 ? '' : 's'}
        </button>
        <button ref={cancel} type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
