/**
 * Bug sprint planning: upcoming sprints as columns with budget bars, the ranked backlog with each bug's reasons,
 * filters, moves by drag and drop or keyboard (checkboxes + "Move selected to"), undo of the last change,
 * auto-plan with a diff to confirm, progress and a per-bug failure report, and the signals panel.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import type { AutoPlanPreview, Fail, MoveOutcome, PlanBugView, PlanMoveInput, PlanView } from '@rt/contracts';
import { planStageLabels } from '@rt/contracts';
import { Banner, EmptyState, ErrorBanner, Loading } from '../../../shared/components';
import { useResult } from '../../../shared/use-result';
import { call, type PageContext } from '../api';
import { AutoPlanDialog } from './AutoPlanDialog';
import { BugRow, DRAG_TYPE } from './BugRow';
import { SettingsForm } from './SettingsForm';
import { SignalsPanel } from './SignalsPanel';
import { SprintColumn } from './SprintColumn';
import { reorderBacklog, type Reorder } from '../../../../src/domain/sprint-plan/manual-order';
import { chunk, invertMoves, isFiltered, matches, movesFor, noFilters, plural, settleUnsent, sprintName, type Filters } from './plan-helpers';

const PAGE = 50;

type Progress = { label: string; done: number; total: number };
type Report = { label: string; moved: number; failed: MoveOutcome[]; error?: string };
type Saved = { ok: true; data: PlanView } | Fail;
/** What "Undo last change" does: the inverse moves, or the resolver calls that restore pins, order or a budget. */
type Undo = { label: string; moves: PlanMoveInput[] } | { label: string; steps: Array<() => Promise<Saved>> };

const css = `
.sp-layout { display: grid; grid-template-columns: minmax(320px, 1.2fr) 2fr; gap: 12px; align-items: start; }
.sp-columns { display: grid; grid-template-columns: repeat(auto-fit, minmax(220px, 1fr)); gap: 8px; }
.sp-column.drop, .sp-backlog.drop { outline: 2px dashed var(--rt-brand); }
.sp-list { list-style: none; margin: 0; padding: 0; }
.sp-bug { border: 1px solid var(--rt-border); border-radius: 4px; padding: 4px 6px; margin: 4px 0; background: #fff; cursor: grab; }
.sp-bug.selected { background: var(--rt-info-bg); border-color: var(--rt-brand); }
.sp-bug-title { display: inline; font-size: 13px; font-weight: 400; color: var(--rt-text); margin: 0; }
.sp-meta { gap: 4px; } .sp-reasons { margin-top: 2px; }
.sp-bar { height: 8px; background: var(--rt-neutral-bg); border-radius: 4px; overflow: hidden; margin: 4px 0; }
.sp-bar-fill { height: 100%; background: var(--rt-success); } .sp-bar-fill.over { background: var(--rt-danger); }
.sp-over { color: var(--rt-danger); font-weight: 600; font-size: 12px; }
.sp-toolbar { position: sticky; top: 0; background: #fff; z-index: 1; padding: 4px 0; border-bottom: 1px solid var(--rt-border); }
.sp-toolbar label { display: inline; margin: 0 4px 0 0; }
.sp-dialog { position: fixed; inset: 5% 10%; background: #fff; z-index: 10; overflow: auto; box-shadow: 0 8px 24px rgba(9,30,66,.3); }
.sp-scroll { max-height: 40vh; overflow: auto; }
.sp-filters select { max-width: 160px; }
.sp-order button { padding: 0 6px; font-size: 12px; }
`;

export function SprintPlanningPage({ context }: { context: PageContext }) {
  const [boardId, setBoardId] = useState<number | undefined>(undefined);
  const [loaded, reload, replace] = useResult(() => call('sprint/load', boardId !== undefined ? { boardId } : {}), [context.projectKey, boardId]);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [filters, setFilters] = useState<Filters>(noFilters);
  const [target, setTarget] = useState('');
  const [shown, setShown] = useState(PAGE);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [lastUndo, setLastUndo] = useState<Undo | null>(null);
  const [preview, setPreview] = useState<AutoPlanPreview | null>(null);
  const [actionError, setActionError] = useState<Fail | null>(null);
  const [backlogHover, setBacklogHover] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  /** Where keyboard focus goes once the page is idle again (first enabled match): controls are disabled while busy. */
  const focusAfter = useRef<Array<string | HTMLElement> | null>(null);

  const view = loaded.state === 'ready' ? loaded.data : null;
  const busy = progress !== null;
  const boardInput = boardId !== undefined ? { boardId } : {};

  const bugsByKey = useMemo(() => new Map((view?.bugs ?? []).map((b) => [b.key, b])), [view]);
  const backlog = useMemo(() => (view?.bugs ?? []).filter((b) => b.sprintId === null && matches(b, filters)), [view, filters]);
  const bySprint = useMemo(() => {
    const map = new Map<number, PlanBugView[]>();
    for (const b of view?.bugs ?? []) {
      if (b.sprintId === null || !matches(b, filters)) continue;
      const list = map.get(b.sprintId) ?? [];
      list.push(b);
      map.set(b.sprintId, list);
    }
    return map;
  }, [view, filters]);

  const toggle = useCallback((key: string) => {
    setSelected((prev) => {
      const next = new Set(prev);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  }, []);

  const applyMoves = useCallback(
    async (moves: PlanMoveInput[], label: string, isUndo = false) => {
      if (moves.length === 0) return;
      setActionError(null);
      setReport(null);
      setNotice(null);
      const parts = chunk(moves, 100);
      const failed: MoveOutcome[] = [];
      const undo: PlanMoveInput[][] = [];
      let moved = 0;
      let done = 0;
      let fresh: PlanView | undefined;
      let callError: string | undefined;
      let unsent: PlanMoveInput[] = [];
      setProgress({ label, done: 0, total: moves.length });
      for (let i = 0; i < parts.length; i += 1) {
        const part = parts[i] as PlanMoveInput[];
        const r = await call('sprint/move', { ...boardInput, moves: part, refresh: i === parts.length - 1 });
        if (!r.ok) {
          // This call and every later one are unaccounted for: never report them as moved.
          callError = r.message;
          unsent = parts.slice(i).flat();
          break;
        }
        moved += r.data.moved;
        failed.push(...r.data.outcomes.filter((o) => o.status === 'failed'));
        undo.unshift(r.data.undo);
        fresh = r.data.view;
        done += part.length;
        setProgress({ label, done, total: moves.length });
      }
      if (callError !== undefined) {
        // Read what Jira has now, so the page and the report match it (the failed call may have moved some bugs).
        setProgress({ label: 'Reloading what Jira has now…', done: 0, total: 0 });
        const now = await call('sprint/load', boardInput);
        const settled = settleUnsent(unsent, callError, now.ok ? now.data : null);
        moved += settled.moved.length;
        failed.push(...settled.failed);
        undo.unshift(invertMoves(settled.moved));
        fresh = now.ok ? now.data : undefined;
      }
      setProgress(null);
      setSelected(new Set());
      if (fresh) replace(fresh);
      else reload();
      setReport({ label, moved, failed, ...(callError !== undefined ? { error: callError } : {}) });
      // The Move button is disabled now (nothing selected): the result message takes keyboard focus instead.
      focusAfter.current = ['#sp-report'];
      const inverse = undo.flat();
      setLastUndo(isUndo || inverse.length === 0 ? null : { label, moves: inverse });
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [boardId, replace, reload],
  );

  const onDragStart = useCallback(
    (key: string, event: DragEvent) => {
      const keys = selected.has(key) ? [...selected] : [key];
      event.dataTransfer.setData(DRAG_TYPE, JSON.stringify(keys));
      event.dataTransfer.setData('text/plain', keys.join(' '));
      event.dataTransfer.effectAllowed = 'move';
    },
    [selected],
  );

  const onDrop = useCallback(
    (sprintId: number | null, event: DragEvent) => {
      event.preventDefault();
      let keys: string[] = [];
      try {
        const raw = event.dataTransfer.getData(DRAG_TYPE);
        keys = raw ? (JSON.parse(raw) as unknown[]).filter((k): k is string => typeof k === 'string') : [];
      } catch {
        keys = [];
      }
      const moves = movesFor(keys, sprintId, bugsByKey);
      if (view) void applyMoves(moves, `Moved ${plural(moves.length, 'bug', 'bugs')} to ${sprintName(view, sprintId)}`);
    },
    [bugsByKey, applyMoves, view],
  );

  /** A saved change (budget, settings, pins, order); `undo` is how to take it back (none: nothing to undo after it). */
  const change = useCallback(
    async (run: () => Promise<Saved>, after?: (fresh: PlanView) => void, undo?: Undo) => {
      setActionError(null);
      setReport(null);
      setNotice(null);
      // The control is disabled while saving: give focus back to it afterwards, else to the message.
      const active = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
      focusAfter.current ??= [...(active ? [active] : []), '#sp-notice'];
      setProgress({ label: 'Saving…', done: 0, total: 0 });
      const r = await run();
      setProgress(null);
      if (r.ok) {
        replace(r.data);
        after?.(r.data);
        setLastUndo(undo ?? null);
      } else setActionError(r);
    },
    [replace],
  );

  /** Runs undo steps in order; stops at the first that fails. */
  const runSteps = async (steps: Array<() => Promise<Saved>>): Promise<Saved> => {
    let last: Saved = { ok: false, code: 'INTERNAL', message: 'Nothing to undo.' };
    for (const step of steps) {
      last = await step();
      if (!last.ok) return last;
    }
    return last;
  };

  const onReorder = useCallback(
    (key: string, to: Reorder) => {
      if (!view) return;
      const order = view.bugs.filter((b) => b.rank !== undefined).map((b) => b.key);
      const placed = view.bugs.filter((b) => b.placedByPlanner).length;
      const keys = reorderBacklog(order, placed, key, to, isFiltered(filters) ? new Set(backlog.map((b) => b.key)) : undefined);
      if (!keys) return;
      const row = `[data-issue-key="${key}"]`;
      focusAfter.current = [`${row} [data-rank-action="${to}"]`, `${row} [data-rank-action="${to === 'down' ? 'up' : 'down'}"]`, `${row} input[type="checkbox"]`];
      const before = view.bugs.filter((b) => b.placedByPlanner).map((b) => b.key);
      void change(
        () => call('sprint/set-order', { ...boardInput, keys }),
        (fresh) => setNotice(`${key} is now #${fresh.bugs.find((b) => b.key === key)?.rank ?? '?'} in the backlog.`),
        { label: `Moved ${key} ${to === 'top' ? 'to the top' : to}`, steps: [() => call('sprint/set-order', { ...boardInput, keys: before })] },
      );
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [view, filters, backlog, change, boardId],
  );

  useEffect(() => {
    const wanted = focusAfter.current;
    if (!wanted || busy || !view) return;
    focusAfter.current = null;
    for (const target of wanted) {
      const el = typeof target === 'string' ? document.querySelector<HTMLElement>(target) : target.isConnected ? target : null;
      if (el && !(el as HTMLButtonElement).disabled) {
        el.focus();
        return;
      }
    }
  });

  const onSetBudget = useCallback(
    (sprintId: number, amount: number | null) => {
      const sprint = view?.sprints.find((s) => s.id === sprintId);
      const before = sprint?.budgetSource === 'sprint' ? sprint.budget : null;
      const name = sprint?.name ?? `sprint ${sprintId}`;
      const label = amount === null ? `Cleared the budget of ${name}` : `Set the budget of ${name} to ${amount}`;
      void change(() => call('sprint/set-budget', { ...boardInput, sprintId, amount }), () => setNotice(`${label}.`), {
        label,
        steps: [() => call('sprint/set-budget', { ...boardInput, sprintId, amount: before })],
      });
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [change, boardId, view],
  );

  async function openAutoPlan() {
    setActionError(null);
    setProgress({ label: 'Computing auto-plan…', done: 0, total: 0 });
    const r = await call('sprint/auto-plan-preview', boardInput);
    setProgress(null);
    if (r.ok) setPreview(r.data);
    else setActionError(r);
  }

  function pinSelected(sprintId: number | null) {
    const keys = [...selected];
    if (keys.length === 0) return;
    const what = plural(keys.length, 'bug', 'bugs');
    // Undo pins each bug back where it was pinned before (one call per former pin sprint).
    const before = new Map<number | null, string[]>();
    for (const key of keys) {
      const pin = bugsByKey.get(key)?.pinnedSprintId ?? null;
      before.set(pin, [...(before.get(pin) ?? []), key]);
    }
    const label = sprintId === null ? `Unpinned ${what}` : `Pinned ${what} to ${view ? sprintName(view, sprintId) : `sprint ${sprintId}`}`;
    void change(
      () => call('sprint/pin', { ...boardInput, keys, sprintId }),
      () => setNotice(sprintId === null ? `${label}.` : `${label}: auto-plan puts them there.`),
      { label, steps: [...before].map(([pin, group]) => () => call('sprint/pin', { ...boardInput, keys: group, sprintId: pin })) },
    );
  }

  if (loaded.state === 'loading' && !view) return <Loading label="Loading bugs and sprints…" />;
  if (loaded.state === 'error') return <ErrorBanner error={loaded.error} onRetry={reload} />;
  if (!view) return null;

  const backlogTotal = view.bugs.filter((b) => b.sprintId === null).length;
  const undoLast = () => {
    if (!lastUndo) return;
    if ('moves' in lastUndo) void applyMoves(lastUndo.moves, `Undid: ${lastUndo.label}`, true);
    else void change(() => runSteps(lastUndo.steps), () => setNotice(`Undid: ${lastUndo.label}.`));
  };
  const targetId = target === 'backlog' ? null : target === '' ? undefined : Number(target);
  const canMove = view.canPlan && !busy && selected.size > 0 && targetId !== undefined;
  const moveSelected = () => {
    if (targetId === undefined) return;
    const moves = movesFor(selected, targetId, bugsByKey);
    void applyMoves(moves, `Moved ${plural(moves.length, 'bug', 'bugs')} to ${sprintName(view, targetId)}`);
  };
  const matchesKey = (key: string, f: Filters) => {
    const bug = bugsByKey.get(key);
    return bug !== undefined && matches(bug, f);
  };
  const filterSelect = (key: keyof Filters, label: string, options: Array<[string, string]>) => (
    <span>
      <label htmlFor={`sp-filter-${key}`}>{label}</label>
      <select
        id={`sp-filter-${key}`}
        value={filters[key]}
        onChange={(e) => {
          const next = { ...filters, [key]: e.target.value };
          setFilters(next);
          setShown(PAGE);
          // A bug the filters hide must not be moved or pinned unseen: it leaves the selection.
          setSelected((prev) => new Set([...prev].filter((k) => matchesKey(k, next))));
        }}
      >
        <option value="">All</option>
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </span>
  );

  return (
    <main>
      <style>{css}</style>
      <h1>Bug sprint planning — {view.projectKey}</h1>
      {view.boards.length > 1 ? (
        <div>
          <label htmlFor="sp-board">Board</label>
          <select id="sp-board" value={view.board?.id ?? ''} onChange={(e) => setBoardId(Number(e.target.value))}>
            {view.boards.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {view.warnings.map((w) => (
        <Banner key={w} kind="warning">
          {w}
        </Banner>
      ))}
      {!view.canPlan ? <Banner kind="info">You can look at the plan; moving bugs and setting budgets needs the Schedule issues permission in {view.projectKey}.</Banner> : null}
      {actionError ? <ErrorBanner error={actionError} onRetry={reload} /> : null}
      {progress ? (
        <div role="status" aria-live="polite" className="rt-row">
          <span className="rt-spinner" aria-hidden="true" /> {progress.label}
          {progress.total > 0 ? (
            <>
              <progress max={progress.total} value={progress.done} aria-label="Moving bugs" /> {progress.done} of {progress.total}
            </>
          ) : null}
        </div>
      ) : null}
      {notice ? (
        <div id="sp-notice" tabIndex={-1}>
          <Banner kind="success">{notice}</Banner>
        </div>
      ) : null}
      {report ? (
        <div id="sp-report" tabIndex={-1}>
          {report.failed.length === 0 && report.error === undefined ? (
            <Banner kind="success">{report.label}.</Banner>
          ) : (
            <div role="alert" className="rt-banner error">
              {report.error !== undefined ? <div>A call to Jira failed: {report.error}</div> : null}
              {report.moved > 0 ? `${plural(report.moved, 'bug', 'bugs')} moved; ` : ''}
              {plural(report.failed.length, 'bug', 'bugs')} did not move:
              <ul>
                {report.failed.slice(0, 100).map((f) => (
                  <li key={f.key}>
                    <strong>{f.key}</strong> → {sprintName(view, f.toSprintId)}: {f.reason}
                  </li>
                ))}
              </ul>
              {report.failed.length > 100 ? <div>…and {report.failed.length - 100} more.</div> : null}
              The page shows what Jira has now.
            </div>
          )}
        </div>
      ) : null}
      {view.board === null ? (
        <EmptyState title="No scrum board">Create a scrum board for {view.projectKey} to plan bugs into sprints.</EmptyState>
      ) : (
        <>
          <div className="sp-toolbar rt-row">
            <span className="rt-muted">{selected.size} selected</span>
            <label htmlFor="sp-target">Move selected to</label>
            <select id="sp-target" value={target} onChange={(e) => setTarget(e.target.value)}>
              <option value="">Choose…</option>
              {view.sprints.map((s) => (
                <option key={s.id} value={String(s.id)}>
                  {s.name}
                </option>
              ))}
              <option value="backlog">Backlog</option>
            </select>
            <button type="button" className="rt-primary" disabled={!canMove} onClick={moveSelected}>
              Move
            </button>
            <button type="button" disabled={!view.canPlan || busy || selected.size === 0 || targetId === undefined || targetId === null} onClick={() => pinSelected(targetId ?? null)}>
              Pin selected
            </button>
            <button type="button" className="rt-subtle" disabled={!view.canPlan || busy || selected.size === 0} onClick={() => pinSelected(null)}>
              Unpin
            </button>
            <button type="button" className="rt-subtle" disabled={selected.size === 0} onClick={() => setSelected(new Set())}>
              Clear selection
            </button>
            <button type="button" disabled={!view.canPlan || busy || !lastUndo} onClick={undoLast}>
              Undo last change
            </button>
            <button id="sp-autoplan-open" type="button" disabled={!view.canPlan || busy || view.sprints.length === 0} onClick={() => void openAutoPlan()}>
              Auto-plan…
            </button>
          </div>
          <div className="sp-filters rt-row">
            {filterSelect('priority', 'Priority', view.filters.priorities.map((p) => [p, p]))}
            {filterSelect('component', 'Component', view.filters.components.map((c) => [c, c]))}
            {filterSelect('stage', 'Stage', view.filters.stages.map((s) => [s, planStageLabels[s]]))}
            {filterSelect('assignee', 'Assignee', [['-', 'Unassigned'], ...view.filters.assignees.map((a): [string, string] => [a.accountId, a.displayName])])}
            {filterSelect('label', 'Label', view.filters.labels.map((l) => [l, l]))}
            {isFiltered(filters) ? (
              <button type="button" className="rt-subtle" onClick={() => setFilters(noFilters)}>
                Clear filters
              </button>
            ) : null}
          </div>
          <div className="sp-layout">
            <section
              className={`rt-card sp-backlog${backlogHover ? ' drop' : ''}`}
              aria-labelledby="sp-backlog-title"
              onDragOver={(e) => {
                if (!view.canPlan || busy) return;
                e.preventDefault();
                setBacklogHover(true);
              }}
              onDragLeave={() => setBacklogHover(false)}
              onDrop={(e) => {
                setBacklogHover(false);
                onDrop(null, e);
              }}
            >
              <h2 id="sp-backlog-title">
                Ranked backlog <span className="rt-muted">({isFiltered(filters) ? `${backlog.length} of ${backlogTotal}` : backlogTotal} unplanned)</span>
              </h2>
              {backlog.length > 0 ? (
                <button type="button" className="rt-subtle" disabled={busy} onClick={() => setSelected(new Set([...selected, ...backlog.slice(0, shown).map((b) => b.key)]))}>
                  Select all shown
                </button>
              ) : null}
              {view.canPlan && view.bugs.some((b) => b.placedByPlanner) ? (
                <button type="button" className="rt-subtle" disabled={busy} onClick={() => void change(() => call('sprint/set-order', { ...boardInput, keys: [] }), () => setNotice('The backlog is ranked by score again.'))}>
                  Rank by score only
                </button>
              ) : null}
              {backlog.length === 0 ? (
                <EmptyState title={backlogTotal === 0 ? 'No unplanned bugs' : 'No bug matches the filters'}>
                  {backlogTotal === 0 ? 'Every open bug is planned into a sprint.' : 'Change or clear the filters.'}
                </EmptyState>
              ) : (
                <ul className="sp-list" aria-label="Ranked backlog">
                  {backlog.slice(0, shown).map((bug, i) => (
                    <BugRow
                      key={bug.key}
                      bug={bug}
                      selected={selected.has(bug.key)}
                      onToggle={toggle}
                      onDragStart={onDragStart}
                      showReasons
                      disabled={!view.canPlan || busy}
                      {...(view.canPlan ? { onReorder, canUp: i > 0, canDown: i < backlog.length - 1 } : {})}
                    />
                  ))}
                </ul>
              )}
              {backlog.length > shown ? (
                <button type="button" onClick={() => setShown(shown + PAGE)}>
                  Show {Math.min(PAGE, backlog.length - shown)} more ({backlog.length - shown} not shown)
                </button>
              ) : null}
            </section>
            <div>
              {view.sprints.length === 0 ? (
                <EmptyState title="No upcoming sprint">Create a future sprint on the board to plan bugs into it.</EmptyState>
              ) : (
                <div className="sp-columns">
                  {view.sprints.map((s) => (
                    <SprintColumn
                      key={s.id}
                      sprint={s}
                      bugs={bySprint.get(s.id) ?? []}
                      unit={view.settings.unit}
                      selected={selected}
                      busy={busy}
                      canPlan={view.canPlan}
                      onToggle={toggle}
                      onDragStart={onDragStart}
                      onDrop={onDrop}
                      onSetBudget={onSetBudget}
                    />
                  ))}
                </div>
              )}
              <SignalsPanel signals={view.signals} unit={view.settings.unit} />
              <SettingsForm
                view={view}
                disabled={!view.canPlan || busy}
                onSave={(settings) => void change(() => call('sprint/set-settings', { ...boardInput, ...settings }))}
              />
              <div className="rt-muted">
                {view.stats.openBugs} open bugs read with {view.stats.searchCalls} search {view.stats.searchCalls === 1 ? 'call' : 'calls'} ({view.stats.jiraCalls} Jira calls in all).
              </div>
            </div>
          </div>
        </>
      )}
      {preview ? (
        <AutoPlanDialog
          preview={preview}
          view={view}
          onCancel={() => {
            focusAfter.current = ['#sp-autoplan-open'];
            setPreview(null);
          }}
          onApply={() => {
            const moves = preview.moves.map(({ key, fromSprintId, toSprintId }) => ({ key, fromSprintId, toSprintId }));
            setPreview(null);
            void applyMoves(moves, `Auto-plan moved ${plural(moves.length, 'bug', 'bugs')}`);
          }}
        />
      ) : null}
    </main>
  );
}
