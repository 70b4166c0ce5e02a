/**
 * Bug sprint planning: upcoming sprints as columns with budget bars, the ranked backlog with each bug's reasons,
 * filters, moves by drag and drop or keyboard (checkboxes + "Move selected to"), undo of the last change,
 * auto-plan with a diff to confirm, progress and a per-bug failure report, and the signals panel.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import type { AutoPlanPreview, Fail, MoveOutcome, PlanBugView, PlanMoveInput, PlanView } from '@rt/contracts';
import { planStageLabels } from '@rt/contracts';
import Button from '@atlaskit/button/new';
import ProgressBar from '@atlaskit/progress-bar';
import Spinner from '@atlaskit/spinner';
import { token } from '@atlaskit/tokens/token';
import { Banner, EmptyState, ErrorBanner, Loading } from '../../../shared/components';
import { pageCss } from '../ui/page-styles';
import { IssueLink } from '../ui/IssueLink';
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

/** `label`: what is happening now ("Moving 3 of 8 bugs to RT Sprint 25…"), never the finished message. */
type Progress = { label: string; done: number; total: number };
type Report = { label: string; moved: number; failed: MoveOutcome[]; error?: string };
type Saved = { ok: true; data: PlanView } | Fail;
/** What "Undo last change" does: the inverse moves, or the resolver calls that restore pins, order or a budget. */
type Undo = { label: string; moves: PlanMoveInput[] } | { label: string; steps: Array<() => Promise<Saved>> };

const css = `
.sp-layout { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: ${token('space.150')}; align-items: start; }
@media (max-width: 1100px) { .sp-layout { grid-template-columns: minmax(0, 1fr); } }
.sp-column.drop, .sp-backlog.drop { outline: 2px dashed ${token('color.border.focused')}; outline-offset: -2px; }
.sp-list { list-style: none; margin: 0; padding: 0; border-top: 1px solid ${token('color.border')}; }
.sp-bug { border-bottom: 1px solid ${token('color.border')}; background: ${token('elevation.surface')}; cursor: grab; }
.sp-bug:hover { background: ${token('color.background.neutral.subtle.hovered')}; }
.sp-bug.selected { background: ${token('color.background.selected')}; }
.sp-line { display: flex; align-items: center; gap: ${token('space.075')}; min-height: 32px; padding: 0 ${token('space.050')}; white-space: nowrap; }
.sp-line input[type="checkbox"] { margin: 0; accent-color: ${token('color.background.brand.bold')}; }
.sp-rank { color: ${token('color.text.subtlest')}; font: ${token('font.body.small')}; min-width: 2.5em; text-align: right; }
.sp-key { color: ${token('color.link')}; text-decoration: none; font-weight: ${token('font.weight.medium')}; min-width: 5.5em; }
.sp-key:hover { text-decoration: underline; }
.sp-line > * { flex: none; }
.sp-line > div[role="presentation"] { flex: 1 1 0; min-width: 0; }
.pp-page .sp-summary { display: block; margin: 0; overflow: hidden; text-overflow: ellipsis; cursor: pointer; color: ${token('color.text')}; font: ${token('font.body')}; }
.pp-page .sp-line > .sp-flags { display: inline-flex; gap: ${token('space.050')}; align-items: center; flex: 0 1 auto; min-width: 0; overflow: hidden; }
.sp-warn { color: ${token('color.icon.warning')}; display: inline-flex; }
.sp-priority { display: inline-flex; align-items: center; gap: ${token('space.025')}; min-width: 5.5em; color: ${token('color.text.subtle')}; font: ${token('font.body.small')}; }
.sp-points { display: inline-block; min-width: 2em; text-align: center; border-radius: 8px; padding: 0 ${token('space.050')}; background: ${token('color.background.neutral')}; color: ${token('color.text')}; font: ${token('font.body.small')}; }
.sp-points.none { color: ${token('color.text.subtlest')}; }
.sp-order { display: inline-flex; }
.sp-reasons { padding: 0 ${token('space.100')} ${token('space.075')} 4.5em; color: ${token('color.text.subtle')}; font: ${token('font.body.small')}; white-space: normal; }
.sp-over { color: ${token('color.text.danger')}; font: ${token('font.body.small')}; font-weight: ${token('font.weight.semibold')}; }
.sp-toolbar { position: sticky; top: 0; background: ${token('elevation.surface')}; z-index: 2; padding: ${token('space.075')} 0; border-bottom: 1px solid ${token('color.border')}; margin-bottom: ${token('space.100')}; }
.sp-filters { margin-bottom: ${token('space.100')}; }
.sp-filters .pp-select { max-width: 170px; }
.sp-signals { display: grid; grid-template-columns: minmax(0, 1.2fr) minmax(0, 1fr) minmax(0, 1fr); gap: ${token('space.200')}; }
@media (max-width: 1100px) { .sp-signals { grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); } .sp-signals-text { grid-column: 1 / -1; } }
.sp-signals h2, .sp-signals h3 { margin-top: 0; }
.sp-signal-list { margin: ${token('space.050')} 0; padding-left: ${token('space.200')}; font: ${token('font.body.small')}; }
.sp-column-head { display: flex; align-items: center; gap: ${token('space.075')}; flex-wrap: wrap; }
.sp-column-head h3 { margin: 0; }
.sp-count { margin-left: auto; }
.sp-budget-row { display: flex; gap: ${token('space.150')}; align-items: center; flex-wrap: wrap; margin: ${token('space.075')} 0; }
.sp-budget { flex: 1 1 180px; min-width: 160px; }
.sp-budget.over [role="progressbar"] > span, .sp-budget.over [role="progressbar"] > div { background-color: ${token('color.background.danger.bold')}; }
.sp-budget-form { display: flex; gap: ${token('space.050')}; align-items: center; }
.sp-empty-drop { padding: ${token('space.100')}; border: 1px dashed ${token('color.border')}; border-radius: 3px; text-align: center; }
.sp-backdrop { position: fixed; inset: 0; background: ${token('color.blanket')}; z-index: 10; display: flex; align-items: flex-start; justify-content: center; padding-top: 5vh; }
.sp-dialog { background: ${token('elevation.surface.overlay')}; box-shadow: ${token('elevation.shadow.overlay')}; border-radius: 3px; width: min(800px, 92vw); max-height: 88vh; display: flex; flex-direction: column; }
.sp-dialog-body { padding: ${token('space.300')} ${token('space.300')} ${token('space.100')}; overflow: auto; }
.sp-dialog-footer { display: flex; justify-content: flex-end; gap: ${token('space.100')}; padding: ${token('space.200')} ${token('space.300')}; border-top: 1px solid ${token('color.border')}; }
.sp-progress { display: flex; align-items: center; gap: ${token('space.100')}; margin: ${token('space.100')} 0; }
.sp-progress > .sp-progress-bar { flex: 0 1 240px; }
.sp-settings { margin-top: ${token('space.100')}; }
.sp-settings-actions { margin-top: ${token('space.100')}; }
.sp-head { display: flex; gap: ${token('space.200')}; align-items: baseline; flex-wrap: wrap; }
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
      const doing = (done: number) => `${isUndo ? 'Undoing' : 'Moving'} ${done} of ${plural(moves.length, 'bug', 'bugs')}…`;
      setProgress({ label: doing(0), done: 0, total: moves.length });
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
        setProgress({ label: doing(done), done, total: moves.length });
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
      <label htmlFor={`sp-filter-${key}`} className="pp-inline-label">
        {label}
      </label>
      <select
        className="pp-select"
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

  const messages = (
    <>
      {actionError ? <ErrorBanner error={actionError} onRetry={reload} /> : null}
      {progress ? (
        <div role="status" aria-live="polite" className="sp-progress">
          <Spinner size="small" label="" />
          <span>{progress.label}</span>
          {progress.total > 0 ? (
            <span className="sp-progress-bar">
              <ProgressBar value={progress.done / progress.total} ariaLabel="Moving bugs" />
            </span>
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
            <div role="alert">
              <Banner kind="error" live={false}>
                {report.error !== undefined ? <div>A call to Jira failed: {report.error}</div> : null}
                {report.moved > 0 ? `${plural(report.moved, 'bug', 'bugs')} moved; ` : ''}
                {plural(report.failed.length, 'bug', 'bugs')} did not move:
                <ul>
                  {report.failed.slice(0, 100).map((f) => (
                    <li key={f.key}>
                      <strong>
                        <IssueLink issueKey={f.key} className="pp-link" />
                      </strong>{' '}
                      → {sprintName(view, f.toSprintId)}: {f.reason}
                    </li>
                  ))}
                </ul>
                {report.failed.length > 100 ? <div>…and {report.failed.length - 100} more.</div> : null}
                The page shows what Jira has now.
              </Banner>
            </div>
          )}
        </div>
      ) : null}
    </>
  );

  return (
    <main className="pp-page" aria-labelledby="sp-title">
      <style>{pageCss}</style>
      <style>{css}</style>
      <div className="sp-head">
        <h1 id="sp-title">Bug sprint planning — {view.projectKey}</h1>
        {view.boards.length > 1 ? (
          <span>
            <label htmlFor="sp-board" className="pp-inline-label">
              Board
            </label>
            <select className="pp-select" id="sp-board" value={view.board?.id ?? ''} onChange={(e) => setBoardId(Number(e.target.value))}>
              {view.boards.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name}
                </option>
              ))}
            </select>
          </span>
        ) : null}
      </div>
      {view.warnings.map((w) => (
        <Banner key={w} kind="warning">
          {w}
        </Banner>
      ))}
      {!view.canPlan ? <Banner kind="info">You can look at the plan; moving bugs and setting budgets needs the Schedule issues permission in {view.projectKey}.</Banner> : null}
      {view.board === null ? (
        <>
          {messages}
          <EmptyState title="No scrum board">Create a scrum board for {view.projectKey} to plan bugs into sprints.</EmptyState>
        </>
      ) : (
        <>
          <SignalsPanel
            signals={view.signals}
            sprints={view.sprints}
            unit={view.settings.unit}
            settings={<SettingsForm view={view} disabled={!view.canPlan || busy} onSave={(settings) => void change(() => call('sprint/set-settings', { ...boardInput, ...settings }))} />}
          />
          {messages}
          <div className="sp-toolbar pp-toolbar" role="toolbar" aria-label="Plan the selected bugs">
            <span className="pp-muted">{selected.size} selected</span>
            <label htmlFor="sp-target" className="pp-inline-label">
              Move selected to
            </label>
            <select className="pp-select" id="sp-target" value={target} onChange={(e) => setTarget(e.target.value)}>
              <option value="">Choose…</option>
              {view.sprints.map((s) => (
                <option key={s.id} value={String(s.id)}>
                  {s.name}
                </option>
              ))}
              <option value="backlog">Backlog</option>
            </select>
            <Button appearance="primary" isDisabled={!canMove} onClick={moveSelected}>
              Move
            </Button>
            <Button isDisabled={!view.canPlan || busy || selected.size === 0 || targetId === undefined || targetId === null} onClick={() => pinSelected(targetId ?? null)}>
              Pin selected
            </Button>
            <Button appearance="subtle" isDisabled={!view.canPlan || busy || selected.size === 0} onClick={() => pinSelected(null)}>
              Unpin
            </Button>
            <Button appearance="subtle" isDisabled={selected.size === 0} onClick={() => setSelected(new Set())}>
              Clear selection
            </Button>
            <Button isDisabled={!view.canPlan || busy || !lastUndo} onClick={undoLast}>
              Undo last change
            </Button>
            <Button id="sp-autoplan-open" isDisabled={!view.canPlan || busy || view.sprints.length === 0} onClick={() => void openAutoPlan()}>
              Auto-plan…
            </Button>
          </div>
          <div className="sp-filters pp-toolbar">
            {filterSelect('priority', 'Priority', view.filters.priorities.map((p) => [p, p]))}
            {filterSelect('component', 'Component', view.filters.components.map((c) => [c, c]))}
            {filterSelect('stage', 'Stage', view.filters.stages.map((s) => [s, planStageLabels[s]]))}
            {filterSelect('assignee', 'Assignee', [['-', 'Unassigned'], ...view.filters.assignees.map((a): [string, string] => [a.accountId, a.displayName])])}
            {filterSelect('label', 'Label', view.filters.labels.map((l) => [l, l]))}
            {isFiltered(filters) ? (
              <Button appearance="subtle" spacing="compact" onClick={() => setFilters(noFilters)}>
                Clear filters
              </Button>
            ) : null}
          </div>
          <div className="sp-layout">
            <section
              className={`pp-card sp-backlog${backlogHover ? ' drop' : ''}`}
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
              <div className="sp-column-head">
                <h2 id="sp-backlog-title">
                  Ranked backlog <span className="pp-muted">({isFiltered(filters) ? `${backlog.length} of ${backlogTotal}` : backlogTotal} unplanned)</span>
                </h2>
                <span className="sp-count">
                  {backlog.length > 0 ? (
                    <Button appearance="subtle" spacing="compact" isDisabled={busy} onClick={() => setSelected(new Set([...selected, ...backlog.slice(0, shown).map((b) => b.key)]))}>
                      Select all shown
                    </Button>
                  ) : null}
                  {view.canPlan && view.bugs.some((b) => b.placedByPlanner) ? (
                    <Button appearance="subtle" spacing="compact" isDisabled={busy} onClick={() => void change(() => call('sprint/set-order', { ...boardInput, keys: [] }), () => setNotice('The backlog is ranked by score again.'))}>
                      Rank by score only
                    </Button>
                  ) : null}
                </span>
              </div>
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
                <Button appearance="subtle" onClick={() => setShown(shown + PAGE)}>
                  Show {Math.min(PAGE, backlog.length - shown)} more ({backlog.length - shown} not shown)
                </Button>
              ) : null}
            </section>
            <div>
              {view.sprints.length === 0 ? (
                <EmptyState title="No upcoming sprint">Create a future sprint on the board to plan bugs into it.</EmptyState>
              ) : (
                view.sprints.map((s) => (
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
                ))
              )}
              <details className="pp-disclosure">
                <summary>Details</summary>
                <div className="pp-muted">
                  {view.stats.openBugs} open bugs read with {view.stats.searchCalls} search {view.stats.searchCalls === 1 ? 'call' : 'calls'} ({view.stats.jiraCalls} Jira calls in all).
                </div>
              </details>
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
