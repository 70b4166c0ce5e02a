import { memo, useState, type DragEvent } from 'react';
import Button, { IconButton } from '@atlaskit/button/new';
import ChevronDownIcon from '@atlaskit/icon/core/chevron-down';
import ChevronRightIcon from '@atlaskit/icon/core/chevron-right';
import Lozenge from '@atlaskit/lozenge';
import ProgressBar from '@atlaskit/progress-bar';
import Textfield from '@atlaskit/textfield';
import type { PlanBugView, PlanSprintView } from '@rt/contracts';
import { BugRow } from './BugRow';
import { round1, unitWord } from './plan-helpers';

type Props = {
  sprint: PlanSprintView;
  bugs: PlanBugView[];
  unit: 'points' | 'count';
  selected: ReadonlySet<string>;
  busy: boolean;
  canPlan: boolean;
  onToggle: (key: string) => void;
  onDragStart: (key: string, event: DragEvent) => void;
  onDrop: (target: number | null, event: DragEvent) => void;
  onSetBudget: (sprintId: number, amount: number | null) => void;
};

const SHOWN = 30;

/** A budget bar (Atlaskit progress bar): planned against budget, with the figures in words, red when over. */
export function BudgetBar({ planned, budget, unit, noBudget = false }: { planned: number; budget: number; unit: 'points' | 'count'; noBudget?: boolean }) {
  const over = !noBudget && planned > budget + 1e-9;
  const share = noBudget ? 0 : budget > 0 ? Math.min(1, planned / budget) : planned > 0 ? 1 : 0;
  const text = noBudget
    ? `${round1(planned)} ${unitWord(unit, planned)} planned — no budget set`
    : `${round1(planned)} of ${round1(budget)} ${unitWord(unit, budget)}${over ? ` — over budget by ${round1(planned - budget)}` : ''}`;
  return (
    <div className={`sp-budget${over ? ' over' : ''}`}>
      <ProgressBar value={share} appearance={over ? 'default' : 'success'} ariaLabel={`Bug budget used: ${text}`} />
      <div className={over ? 'sp-over' : 'pp-muted'}>{text}</div>
    </div>
  );
}

/** One upcoming sprint, collapsible like Jira's backlog: budget bar and editor, its bugs one per line, and a drop target. */
export const SprintColumn = memo(function SprintColumn({ sprint, bugs, unit, selected, busy, canPlan, onToggle, onDragStart, onDrop, onSetBudget }: Props) {
  const [draft, setDraft] = useState('');
  const [hover, setHover] = useState(false);
  const [all, setAll] = useState(false);
  const [open, setOpen] = useState(true);
  const budgetId = `sp-budget-${sprint.id}`;
  const listId = `sp-sprint-list-${sprint.id}`;
  const amount = Number(draft);
  const validDraft = draft.trim() !== '' && Number.isFinite(amount) && amount >= 0;
  const shown = all ? bugs : bugs.slice(0, SHOWN);
  return (
    <section
      className={`sp-column pp-card${hover ? ' drop' : ''}`}
      aria-label={sprint.name}
      data-sprint-id={sprint.id}
      onDragOver={(e) => {
        if (!canPlan || busy) return;
        e.preventDefault();
        setHover(true);
      }}
      onDragLeave={() => setHover(false)}
      onDrop={(e) => {
        setHover(false);
        onDrop(sprint.id, e);
      }}
    >
      <div className="sp-column-head">
        <IconButton appearance="subtle" spacing="compact" icon={open ? ChevronDownIcon : ChevronRightIcon} label={open ? `Collapse ${sprint.name}` : `Expand ${sprint.name}`} aria-expanded={open} aria-controls={listId} onClick={() => setOpen(!open)} />
        <h3>{sprint.name}</h3>
        {sprint.state === 'active' ? <Lozenge appearance="inprogress">active</Lozenge> : null}
        {sprint.over ? <Lozenge appearance="removed">over budget</Lozenge> : null}
        <span className="pp-muted sp-count">
          {sprint.bugs} bugs{sprint.unestimated > 0 ? `, ${sprint.unestimated} without estimate` : ''} · budget{' '}
          {sprint.budgetSource === 'sprint' ? 'set for this sprint' : sprint.budgetSource === 'velocity-share' ? 'from velocity share' : 'not set'}
        </span>
      </div>
      {sprint.goal ? <div className="pp-muted">{sprint.goal}</div> : null}
      <div className="sp-budget-row">
        <BudgetBar planned={sprint.planned} budget={sprint.budget} unit={unit} noBudget={sprint.budgetSource === 'none'} />
        {canPlan ? (
          <form
            className="sp-budget-form"
            onSubmit={(e) => {
              e.preventDefault();
              if (validDraft) onSetBudget(sprint.id, amount);
              setDraft('');
            }}
          >
            <label htmlFor={budgetId} className="rt-sr-only">
              Bug budget of {sprint.name} ({unit})
            </label>
            <Textfield id={budgetId} type="number" min={0} step={1} isCompact width={72} placeholder={`${round1(sprint.budget)}`} value={draft} onChange={(e) => setDraft(e.currentTarget.value)} />
            <Button type="submit" spacing="compact" isDisabled={busy || !validDraft}>
              Set budget
            </Button>
            {sprint.budgetSource === 'sprint' ? (
              <Button appearance="subtle" spacing="compact" isDisabled={busy} onClick={() => onSetBudget(sprint.id, null)}>
                Use default
              </Button>
            ) : null}
          </form>
        ) : null}
      </div>
      <div id={listId} hidden={!open}>
        {bugs.length === 0 ? (
          <div className="pp-muted sp-empty-drop">No open bugs planned{canPlan ? ': drag bugs here, or select them and use "Move selected to".' : '.'}</div>
        ) : (
          <ul className="sp-list">
            {shown.map((bug) => (
              <BugRow key={bug.key} bug={bug} selected={selected.has(bug.key)} onToggle={onToggle} onDragStart={onDragStart} showReasons={false} disabled={!canPlan || busy} />
            ))}
          </ul>
        )}
        {bugs.length > shown.length ? (
          <Button appearance="subtle" spacing="compact" onClick={() => setAll(true)}>
            Show all {bugs.length}
          </Button>
        ) : null}
      </div>
    </section>
  );
});
