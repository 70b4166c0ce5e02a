import { memo, useState, type DragEvent } from 'react';
import Lozenge from '@atlaskit/lozenge';
import Tooltip from '@atlaskit/tooltip';
import { IconButton } from '@atlaskit/button/new';
import ArrowUpIcon from '@atlaskit/icon/core/arrow-up';
import ArrowDownIcon from '@atlaskit/icon/core/arrow-down';
import ToTopIcon from '@atlaskit/icon/core/priority-highest';
import ChevronDownIcon from '@atlaskit/icon/core/chevron-down';
import ChevronRightIcon from '@atlaskit/icon/core/chevron-right';
import WarningIcon from '@atlaskit/icon/core/warning';
import { planStageLabels, type PlanBugView } from '@rt/contracts';
import type { Reorder } from '../../../../src/domain/sprint-plan/manual-order';
import { IssueLink } from '../ui/IssueLink';
import { PriorityIcon } from './PriorityIcon';

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

/**
 * One bug on one line, as in Jira's backlog: a real checkbox (keyboard selection), rank, key (a link), summary,
 * flags, priority, points; draggable. Why it ranks where it does shows on hover (tooltip) and on "expand".
 */
export const BugRow = memo(function BugRow({ bug, selected, onToggle, onDragStart, showReasons, disabled, onReorder, canUp = false, canDown = false }: Props) {
  const [open, setOpen] = useState(false);
  const id = `sp-bug-${bug.key}`;
  const why = showReasons && bug.reasons.length > 0 ? `Score ${bug.score}: ${bug.reasons.join(' · ')}` : null;
  const details = [planStageLabels[bug.stage], bug.severity, bug.assignee?.displayName ?? 'Unassigned'].filter(Boolean).join(' · ');
  return (
    <li className={`sp-bug${selected ? ' selected' : ''}`} data-issue-key={bug.key} draggable={!disabled} onDragStart={(e) => onDragStart(bug.key, e)}>
      <div className="sp-line">
        <input id={id} type="checkbox" checked={selected} disabled={disabled} onChange={() => onToggle(bug.key)} aria-label={`Select ${bug.key}`} />
        {why ? (
          <IconButton
            appearance="subtle"
            spacing="compact"
            icon={open ? ChevronDownIcon : ChevronRightIcon}
            label={`Why ${bug.key} ranks here`}
            aria-expanded={open}
            onClick={() => setOpen(!open)}
          />
        ) : null}
        {bug.rank !== undefined ? <span className="sp-rank">#{bug.rank}</span> : null}
        <IssueLink issueKey={bug.key} className="sp-key" />
        <Tooltip content={why ?? details} position="bottom-start">
          <label htmlFor={id} className="sp-summary">
            {bug.summary}
          </label>
        </Tooltip>
        <span className="sp-flags">
          {bug.carryOvers > 0 ? <Lozenge appearance="moved">carried over {bug.carryOvers}×</Lozenge> : null}
          {bug.foundInRegression ? <Lozenge appearance="new">regression</Lozenge> : null}
          {bug.pinnedSprintId !== undefined ? <Lozenge appearance="inprogress">pinned</Lozenge> : null}
          {bug.placedByPlanner && onReorder ? <Lozenge>placed by the planner</Lozenge> : null}
          {!bug.ready ? (
            <Tooltip content={bug.notReadyReason}>
              <span className="sp-warn" tabIndex={0} aria-label={`Not ready: ${bug.notReadyReason}`}>
                <WarningIcon label="" color="currentColor" />
              </span>
            </Tooltip>
          ) : null}
        </span>
        <span className="sp-priority" data-priority={bug.priority || 'No priority'}>
          <PriorityIcon priority={bug.priority} />
          <span>{bug.priority || 'No priority'}</span>
        </span>
        <span className={`sp-points${bug.storyPoints === undefined ? ' none' : ''}`} title={bug.storyPoints !== undefined ? `${bug.storyPoints} story points` : 'No estimate'}>
          {bug.storyPoints !== undefined ? bug.storyPoints : '–'}
        </span>
        {onReorder ? (
          <span className="sp-order" role="group" aria-label={`Rank of ${bug.key}`}>
            <IconButton appearance="subtle" spacing="compact" icon={ToTopIcon} label={`Move ${bug.key} to the top`} data-rank-action="top" isDisabled={disabled || !canUp} onClick={() => onReorder(bug.key, 'top')} />
            <IconButton appearance="subtle" spacing="compact" icon={ArrowUpIcon} label={`Move ${bug.key} up`} data-rank-action="up" isDisabled={disabled || !canUp} onClick={() => onReorder(bug.key, 'up')} />
            <IconButton appearance="subtle" spacing="compact" icon={ArrowDownIcon} label={`Move ${bug.key} down`} data-rank-action="down" isDisabled={disabled || !canDown} onClick={() => onReorder(bug.key, 'down')} />
          </span>
        ) : null}
      </div>
      {open && why ? (
        <div className="sp-reasons">
          {why}
          <span className="sp-details"> · {details}</span>
        </div>
      ) : null}
    </li>
  );
});
