import { memo, type DragEvent } from 'react';
import { planStageLabels, type PlanBugView } from '@rt/contracts';
import { Lozenge } from '../../../shared/components';
import type { Reorder } from '../../../../src/domain/sprint-plan/manual-order';

export const DRAG_TYPE = 'application/x-rt-bug-keys';

type Props = {
  bug: PlanBugView;
  selected: boolean;
  onToggle: (key: string) => void;
  onDragStart: (key: string, event: DragEvent) => void;
  showReasons: boolean;
  disabled: boolean;
  /** Backlog rows: the planner's manual order (Move to top / Up / Down); absent in sprint columns. */
  onReorder?: (key: string, to: Reorder) => void;
  canUp?: boolean;
  canDown?: boolean;
};

/** One bug: a real checkbox (keyboard selection), draggable, with its rank reasons when it is in the backlog. */
export const BugRow = memo(function BugRow({ bug, selected, onToggle, onDragStart, showReasons, disabled, onReorder, canUp = false, canDown = false }: Props) {
  const id = `sp-bug-${bug.key}`;
  return (
    <li
      className={`sp-bug${selected ? ' selected' : ''}`}
      data-issue-key={bug.key}
      draggable={!disabled}
      onDragStart={(e) => onDragStart(bug.key, e)}
    >
      <div className="rt-row">
        <input id={id} type="checkbox" checked={selected} disabled={disabled} onChange={() => onToggle(bug.key)} aria-label={`Select ${bug.key}`} />
        <label htmlFor={id} className="sp-bug-title">
          {bug.rank !== undefined ? <span className="rt-muted">#{bug.rank} </span> : null}
          <strong>{bug.key}</strong> {bug.summary}
        </label>
      </div>
      <div className="rt-row sp-meta">
        <Lozenge kind={bug.priority === 'Highest' || bug.priority === 'High' ? 'danger' : 'default'}>{bug.priority || 'No priority'}</Lozenge>
        {bug.severity ? <span className="rt-muted">{bug.severity}</span> : null}
        <span className="rt-muted">{planStageLabels[bug.stage]}</span>
        <span className="rt-muted">{bug.storyPoints !== undefined ? `${bug.storyPoints} pt` : 'no estimate'}</span>
        {bug.carryOvers > 0 ? <Lozenge kind="warning">carried over {bug.carryOvers}×</Lozenge> : null}
        {bug.foundInRegression ? <Lozenge kind="info">regression</Lozenge> : null}
        {bug.pinnedSprintId !== undefined ? <Lozenge kind="info">pinned</Lozenge> : null}
        {!bug.ready ? <span className="rt-muted" title={bug.notReadyReason}>⚠ {bug.notReadyReason}</span> : null}
        {bug.assignee ? <span className="rt-muted">{bug.assignee.displayName}</span> : null}
      </div>
      {onReorder ? (
        <div className="rt-row sp-order" role="group" aria-label={`Rank of ${bug.key}`}>
          <button type="button" className="rt-subtle" data-rank-action="top" disabled={disabled || !canUp} onClick={() => onReorder(bug.key, 'top')} aria-label={`Move ${bug.key} to the top`}>
            Move to top
          </button>
          <button type="button" className="rt-subtle" data-rank-action="up" disabled={disabled || !canUp} onClick={() => onReorder(bug.key, 'up')} aria-label={`Move ${bug.key} up`}>
            Up
          </button>
          <button type="button" className="rt-subtle" data-rank-action="down" disabled={disabled || !canDown} onClick={() => onReorder(bug.key, 'down')} aria-label={`Move ${bug.key} down`}>
            Down
          </button>
          {bug.placedByPlanner ? <span className="rt-muted">placed by the planner</span> : null}
        </div>
      ) : null}
      {showReasons && bug.reasons.length > 0 ? (
        <div className="rt-muted sp-reasons">
          Score {bug.score}: {bug.reasons.join(' · ')}
        </div>
      ) : null}
    </li>
  );
});
