import { memo, useState, type DragEvent } from 'react';
import type { PlanBugView, PlanSprintView } from '@rt/contracts';
import { Lozenge } from '../../../shared/components';
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

/** A budget bar: planned against budget, red and labelled when over. */
export function BudgetBar({ planned, budget, unit, noBudget = false }: { planned: number; budget: number; unit: 'points' | 'count'; noBudget?: boolean }) {
  const over = !noBudget && planned > budget + 1e-9;
  const share = noBudget ? 0 : budget > 0 ? Math.min(1, planned / budget) : planned > 0 ? 1 : 0;
  const text = noBudget
    ? `${round1(planned)} ${unitWord(unit, planned)} planned — no budget set`
    : `${round1(planned)} of ${round1(budget)} ${unitWord(unit, budget)}${over ? ` — over budget by ${round1(planned - budget)}` : ''}`;
  return (
    <div>
      <div className="sp-bar" role="meter" aria-valuemin={0} aria-valuemax={budget} aria-valuenow={planned} aria-label={`Bug budget used: ${text}`}>
        <div className={`sp-bar-fill${over ? ' over' : ''}`} style={{ width: `${Math.round(share * 100)}%` }} />
      </div>
      <div className={over ? 'sp-over' : 'rt-muted'}>{text}</div>
    </div>
  );
}

/** One upcoming sprint: budget bar and editor, its bugs, and a drop target. */
export const SprintColumn = memo(function SprintColumn({ sprint, bugs, unit, selected, busy, canPlan, onToggle, onDragStart, onDrop, onSetBudget }: Props) {
  const [draft, setDraft] = useState('');
  const [hover, setHover] = useState(false);
  const [all, setAll] = useState(false);
  const budgetId = `sp-budget-${sprint.id}`;
  const amount = Number(draft);
  const validDraft = draft.trim() !== '' && Number.isFinite(amount) && amount >= 0;
  const shown = all ? bugs : bugs.slice(0, SHOWN);
  return (
    <section
      className={`sp-column rt-card${hover ? ' drop' : ''}`}
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
      <h3>
        {sprint.name} {sprint.state === 'active' ? <Lozenge kind="success">active</Lozenge> : null} {sprint.over ? <Lozenge kind="danger">over budget</Lozenge> : null}
      </h3>
      {sprint.goal ? <div className="rt-muted">{sprint.goal}</div> : null}
      <BudgetBar planned={sprint.planned} budget={sprint.budget} unit={unit} noBudget={sprint.budgetSource === 'none'} />
      <div className="rt-muted">
        {sprint.bugs} bugs{sprint.unestimated > 0 ? `, ${sprint.unestimated} without estimate` : ''} · budget{' '}
        {sprint.budgetSource === 'sprint' ? 'set for this sprint' : sprint.budgetSource === 'velocity-share' ? 'from velocity share' : 'not set'}
      </div>
      {canPlan ? (
        <form
          className="rt-row"
          onSubmit={(e) => {
            e.preventDefault();
            if (validDraft) onSetBudget(sprint.id, amount);
            setDraft('');
          }}
        >
          <label htmlFor={budgetId} className="rt-sr-only">
            Bug budget of {sprint.name} ({unit})
          </label>
          <input id={budgetId} type="number" min={0} step={1} placeholder={`${round1(sprint.budget)}`} value={draft} onChange={(e) => setDraft(e.target.value)} style={{ width: 80 }} />
          <button type="submit" disabled={busy || !validDraft}>
            Set budget
          </button>
          {sprint.budgetSource === 'sprint' ? (
            <button type="button" className="rt-subtle" disabled={busy} onClick={() => onSetBudget(sprint.id, null)}>
              Use default
            </button>
          ) : null}
        </form>
      ) : null}
      {bugs.length === 0 ? (
        <div className="rt-muted">No open bugs planned{canPlan ? ': drag bugs here, or select them and use "Move selected to".' : '.'}</div>
      ) : (
        <ul className="sp-list">
          {shown.map((bug) => (
            <BugRow key={bug.key} bug={bug} selected={selected.has(bug.key)} onToggle={onToggle} onDragStart={onDragStart} showReasons={false} disabled={!canPlan || busy} />
          ))}
        </ul>
      )}
      {bugs.length > shown.length ? (
        <button type="button" className="rt-subtle" onClick={() => setAll(true)}>
          Show all {bugs.length}
        </button>
      ) : null}
    </section>
  );
});
