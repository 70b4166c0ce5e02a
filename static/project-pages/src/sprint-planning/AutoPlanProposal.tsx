import type { RefObject } from 'react';
import Button from '@atlaskit/button/new';
import type { AutoPlanPreview } from '@rt/contracts';
import { IssueLink } from '../ui/IssueLink';
import { sprintName as nameIn } from './plan-helpers';

/**
 * The auto-plan proposal as a diff (what moves where, what does not fit); nothing changes until "Apply". Only
 * content and the two actions: it renders inside the page's dialog today and can render unchanged in a host modal
 * (docs/ui.md `openDialog`): its data is JSON (the preview and the sprints' names), its result is "apply" or nothing.
 */
export type AutoPlanData = { preview: AutoPlanPreview; sprints: Array<{ id: number; name: string }> };

export function AutoPlanProposal({
  data: { preview, sprints },
  onApply,
  onCancel,
  cancelRef,
}: {
  data: AutoPlanData;
  onApply: () => void;
  onCancel: () => void;
  cancelRef?: RefObject<HTMLButtonElement | null>;
}) {
  const n = preview.moves.length;
  const sprintName = (id: number | null) => nameIn({ sprints }, id);
  return (
    <>
      <div className="sp-dialog-body">
        <h2 id="sp-autoplan-title">Auto-plan proposal</h2>
        {n === 0 ? (
          <p>Auto-plan would move nothing: the upcoming sprints have no budget left, or no backlog bug is ready.</p>
        ) : (
          <p>
            {n} bug{n === 1 ? '' : 's'} would move. Nothing changes until you apply.
          </p>
        )}
        {preview.perSprint.length > 0 ? (
          <table className="pp-table" aria-label="Sprints after auto-plan">
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
        ) : null}
        {n > 0 ? (
          <table className="pp-table sp-moves" aria-label="Moves">
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
                    <strong>
                      <IssueLink issueKey={m.key} className="pp-link" />
                    </strong>{' '}
                    {m.summary}
                  </td>
                  <td>
                    {sprintName(m.fromSprintId)} → <strong>{sprintName(m.toSprintId)}</strong>
                  </td>
                  <td className="pp-muted">{m.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        {n > 500 ? <div className="pp-muted">…and {n - 500} more.</div> : null}
        {preview.notPlanned.length > 0 ? (
          <details className="pp-disclosure">
            <summary>Not planned ({preview.notPlanned.length})</summary>
            <ul>
              {preview.notPlanned.slice(0, 200).map((x) => (
                <li key={x.key}>
                  <IssueLink issueKey={x.key} className="pp-link" /> {x.summary} <span className="pp-muted">— {x.reason}</span>
                </li>
              ))}
            </ul>
          </details>
        ) : null}
        {preview.warnings.map((w) => (
          <div key={w} className="pp-muted">
            {w}
          </div>
        ))}
      </div>
      <div className="sp-dialog-footer">
        <Button ref={cancelRef} appearance="subtle" onClick={onCancel}>
          Cancel
        </Button>
        <Button appearance="primary" isDisabled={n === 0} onClick={onApply}>
          Apply {n} move{n === 1 ? '' : 's'}
        </Button>
      </div>
    </>
  );
}
