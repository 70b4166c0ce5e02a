import { useCallback, useEffect, useState } from 'react';
import type { Fail, RegressionPanel, Result } from '@rt/contracts';
import Button from '@atlaskit/button/new';
import Textfield from '@atlaskit/textfield';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives/compiled';
import { token } from '@atlaskit/tokens';
import { Banner, EmptyState, ErrorBanner, IssueLink, Loading, Lozenge } from '../../shared/components';
import { AddChecksPicker } from '../../shared/AddChecksPicker';
import { useResult } from '../../shared/use-result';
import { call, flag, newCheckId, openIssue } from './api';
import { LibraryPicker } from './LibraryPicker';
import { CHECK_COLUMNS, CheckRow } from './CheckRow';
import { BugPath } from './BugPath';
import { CycleHistory } from './CycleHistory';
import { ReportBugDialog } from './ReportBugDialog';
import { verdictKind, type CheckResult, type PanelCheck, type PanelCycle } from './labels';

type WriteBase = { issueKey: string; rc: string; baseRevision: number };

/** A control inside a check row, named by the row's check id and the control's data-focus-key. */
type FocusTarget = { checkId: string; key: string };

/** The check-row control that has focus now, if any. */
function focusedControl(): FocusTarget | null {
  const active = document.activeElement;
  const row = active?.closest('[data-check-id]');
  const key = active?.getAttribute('data-focus-key');
  const checkId = row?.getAttribute('data-check-id');
  return checkId && key ? { checkId, key } : null;
}

/**
 * Puts focus back on that control after the panel re-rendered (a moved row's DOM node loses focus), or on the
 * row's first enabled control when that one is now disabled (e.g. "Move down" on the last row).
 */
function restoreFocus(target: FocusTarget): void {
  const row = [...document.querySelectorAll<HTMLElement>('[data-check-id]')].find((el) => el.dataset['checkId'] === target.checkId);
  if (!row) return;
  const usable = (el: HTMLElement | null | undefined): el is HTMLElement => !!el && !(el as HTMLButtonElement).disabled;
  const same = row.querySelector<HTMLElement>(`[data-focus-key="${target.key}"]`);
  const fallback = [...row.querySelectorAll<HTMLElement>('button, textarea, input')].find(usable);
  const el = usable(same) ? same : fallback;
  if (el && document.activeElement !== el) el.focus();
}

/** The panel: loads once, then every action answers with the new panel (or an error shown above the list). */
export function RegressionPanelView({ issueKey }: { issueKey: string }) {
  const [loaded, reload, replace] = useResult(() => call('regression/get-panel', { issueKey }), [issueKey]);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<Fail | null>(null);
  const [reporting, setReporting] = useState<PanelCheck | null>(null);
  const [filed, setFiled] = useState<{ key: string; warnings: string[] } | null>(null);
  const [refocus, setRefocus] = useState<FocusTarget | null>(null);
  useEffect(() => {
    if (!refocus) return;
    restoreFocus(refocus);
    setRefocus(null);
  }, [refocus, loaded]);

  /** Runs one write; the reply replaces the panel. */
  const run = useCallback(
    async (label: string, action: () => Promise<Result<RegressionPanel>>) => {
      const focused = focusedControl();
      setBusy(label);
      setError(null);
      try {
        const r = await action();
        // Writes answer without the bug's path (it comes from the changelog on load): keep the one shown.
        if (r.ok) replace(r.data.path || loaded.state !== 'ready' || !loaded.data.path ? r.data : { ...r.data, path: loaded.data.path });
        else setError(r);
        return r.ok;
      } finally {
        setBusy(null);
        if (focused) setRefocus(focused);
      }
    },
    [replace, loaded],
  );

  if (loaded.state === 'loading') return <Loading label="Loading the regression…" />;
  if (loaded.state === 'error') return <ErrorBanner error={loaded.error} onRetry={reload} />;
  const panel = loaded.data;
  if (panel.notABug) {
    return (
      <p className="rt-muted" data-testid="regression-not-a-bug">
        Focused regression is kept on bugs; {issueKey} is of type {panel.notABug.issueType}, so there is no checklist here.
      </p>
    );
  }
  const rc = panel.currentRc;
  const record = panel.record;
  const cycle = rc && record ? record.cycles.find((c) => c.rc === rc) : undefined;
  const base: WriteBase | null = rc && record ? { issueKey, rc, baseRevision: record.revision } : null;
  // Busy does not disable controls (a disabled button drops keyboard focus): they are aria-disabled and ignore clicks.
  const readOnly = !panel.canEdit;
  const isBusy = busy !== null;
  const ariaBusy = isBusy ? { 'aria-disabled': true as const } : {};
  const current = panel.verdicts.find((v) => v.rc === rc);
  const earlier = record ? record.cycles.filter((c) => c.rc !== rc) : [];

  return (
    <div aria-busy={busy !== null}>
      <Inline space="space.100" alignBlock="center" shouldWrap>
        {rc ? <Lozenge kind="info">{rc}</Lozenge> : null}
        {current ? (
          <span data-testid="regression-verdict">
            Verdict: <Lozenge kind={verdictKind(current.verdict)}>{current.verdict}</Lozenge>{' '}
            <Text color="color.text.subtle" size="small">
              {current.counts.passed} passed · {current.counts.failed} failed · {current.counts.blocked} blocked · {current.counts['not-run']} not run
            </Text>
          </span>
        ) : null}
      </Inline>
      {panel.path ? <BugPath path={panel.path} /> : null}
      <p className="rt-muted" data-testid="regression-loop">
        {panel.storedInvalid ? (
          <>Dev → QA → RC loop: {panel.loop.sentence}</>
        ) : (
          <>
            Dev → QA → RC loop: <strong>{panel.loop.rcCount}</strong> release candidate{panel.loop.rcCount === 1 ? '' : 's'}. {panel.loop.sentence}
          </>
        )}
      </p>

      {busy ? <Loading label={busy} /> : null}
      {panel.notice ? <Banner kind="warning">{panel.notice.message}</Banner> : null}
      {error ? (
        <div>
          <ErrorBanner error={error} onRetry={error.code === 'CONFLICT' || error.code === 'NOT_FOUND' ? undefined : () => setError(null)} />
          {error.code === 'CONFLICT' || error.code === 'NOT_FOUND' ? <Button onClick={reload}>Reload the panel</Button> : null}
        </div>
      ) : null}
      {filed ? (
        <Banner kind={filed.warnings.length ? 'warning' : 'success'}>
          <Stack space="space.075">
            <div>
              Regression bug <strong>{filed.key}</strong> was filed, linked to {issueKey} with Affects version {rc}.
            </div>
            {filed.warnings.map((w) => (
              <div key={w}>{w}</div>
            ))}
            <Inline>
              <Button onClick={() => void openIssue(filed.key)}>Open {filed.key}</Button>
            </Inline>
          </Stack>
        </Banner>
      ) : null}
      {panel.storedInvalid ? <ErrorBanner error={`${panel.storedInvalid.message} The panel is read-only until it is fixed.`} /> : null}
      {panel.shippedIn ? (
        <Banner kind="success">
          <span data-testid="regression-shipped">
            {issueKey} shipped in {panel.shippedIn.release}
            {panel.shippedIn.releaseDate ? `, released ${shippedDay(panel.shippedIn.releaseDate)}` : ''}
            {panel.shippedIn.candidate ? ` (from ${panel.shippedIn.candidate})` : ''}. Its regression is closed: the checklist below is what it shipped with. A problem found now is a new bug.
          </span>
        </Banner>
      ) : null}
      {!panel.canEdit && !panel.storedInvalid && !panel.shippedIn ? <Banner kind="info">You can view this regression; recording results needs permission to edit {issueKey}.</Banner> : null}

      {!rc && panel.shippedIn ? null : !rc ? (
        <EmptyState title="No release candidate yet">
          {issueKey} has no release-candidate fix version. Set its Fix version to the release candidate under test (such as 4.3.0-rc.1) to run its focused regression.
        </EmptyState>
      ) : record && !cycle && !panel.shippedIn ? (
        <Box padding="space.150" backgroundColor="elevation.surface.sunken">
          <h3>Regression for {rc} not started</h3>
          {record.cycles.length > 0 ? (
            <p>The checks of the previous release candidate are carried over as not run.</p>
          ) : panel.suggestions.length > 0 ? (
            <>
              <p>It will start with these suggested checks (edit them afterwards):</p>
              <ul>
                {panel.suggestions.map((s) => (
                  <li key={s.id}>
                    <Text color="color.text.subtle">{s.area} · </Text>
                    {s.title}{' '}
                    <Text color="color.text.subtlest" size="small">
                      ({s.reason})
                    </Text>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <Button appearance="primary" isDisabled={readOnly} {...ariaBusy} onClick={() => base && !isBusy && void run('Starting the regression…', () => call('regression/start-cycle', base))}>
            Start regression for {rc}
          </Button>
        </Box>
      ) : cycle && base ? (
        <>
          <h3>Checklist for {rc}</h3>
          {cycle.checks.length === 0 ? <EmptyState title="No checks yet">Add the areas and checks to regress for this fix below.</EmptyState> : null}
          <ol className="rt-checklist" aria-label={`Checklist for ${rc}`} style={{ display: 'grid', gridTemplateColumns: CHECK_COLUMNS, columnGap: token('space.100'), listStyle: 'none', margin: 0, padding: 0, borderTop: `${token('border.width')} solid ${token('color.border')}` }}>
            {cycle.checks.map((check, i) => (
              <CheckRow
                key={check.id}
                check={check}
                history={historyOf(earlier, check.id)}
                index={i}
                count={cycle.checks.length}
                readOnly={readOnly}
                busy={isBusy}
                onResult={(result: CheckResult, note?: string) =>
                  void run(`Recording ${result}…`, () => call('regression/record-result', { ...base, checkId: check.id, result, ...(note !== undefined ? { note } : {}), seenUpdatedAt: check.updatedAt }))
                }
                onNote={(note) => void run('Saving the note…', () => call('regression/set-note', { ...base, checkId: check.id, note, seenUpdatedAt: check.updatedAt }))}
                onEdit={(area, title) => run('Saving the check…', () => call('regression/edit-check', { ...base, checkId: check.id, ...(area !== undefined ? { area } : {}), ...(title !== undefined ? { title } : {}), seenUpdatedAt: check.updatedAt }))}
                onMove={(delta) => {
                  const order = cycle.checks.map((c) => c.id);
                  const [moved] = order.splice(i, 1);
                  order.splice(i + delta, 0, moved!);
                  void run('Reordering…', () => call('regression/reorder-checks', { ...base, order }));
                }}
                onRemove={() => void run('Removing the check…', () => call('regression/delete-check', { ...base, checkId: check.id }))}
                onReport={() => setReporting(check)}
                onOpenBug={(key) => void openIssue(key)}
              />
            ))}
          </ol>
          <AddCheckForm disabled={readOnly} busy={isBusy} onAdd={(area, title) => run('Adding the check…', () => call('regression/add-check', { ...base, check: { id: newCheckId(), area, title } }))} />
          {panel.canEdit ? (
            <LibraryPicker issueKey={issueKey} taken={new Set(cycle.checks.map((c) => c.id))} disabled={readOnly} busy={isBusy} onAdd={(c) => void run('Adding the check…', () => call('regression/add-check', { ...base, check: c }))} />
          ) : null}
          {panel.suggestions.length > 0 && panel.canEdit ? (
            <AddChecksPicker
              label="Suggested checks"
              checks={panel.suggestions.filter((s) => !cycle.checks.some((c) => c.id === s.id)).map((s) => ({ id: s.id, area: s.area, title: s.title, detail: s.reason }))}
              addLabel="Add suggested check"
              disabled={readOnly}
              busy={isBusy}
              onAdd={(s) => void run('Adding the check…', () => call('regression/add-check', { ...base, check: { id: s.id, area: s.area ?? '', title: s.title } }))}
            />
          ) : null}
        </>
      ) : null}

      {panel.loop.foundBugs.length > 0 ? (
        <>
          <h3>Bugs found while regressing this fix</h3>
          <ul aria-label="Bugs found while regressing this fix" style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.150'), listStyle: 'none', margin: 0, padding: 0 }}>
            {panel.loop.foundBugs.map((k) => (
              <li key={k}>
                <IssueLink issueKey={k} onOpen={(key) => void openIssue(key)} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {earlier.length > 0 ? <CycleHistory cycles={earlier} verdicts={panel.verdicts} /> : null}

      {reporting && rc ? (
        <ReportBugDialog
          issueKey={issueKey}
          rc={rc}
          check={reporting}
          baseRevision={record?.revision ?? 0}
          onClose={() => {
            setReporting(null);
            setRefocus({ checkId: reporting.id, key: 'report' });
          }}
          onFiled={(key, warnings, next) => {
            // The reply has no path through the loop (it comes from the changelog on load): keep the one shown.
            replace(next.path || !panel.path ? next : { ...next, path: panel.path });
            setReporting(null);
            setRefocus({ checkId: reporting.id, key: 'report' });
            setFiled({ key, warnings });
            flag(`Filed ${key}`, `Regression bug linked to ${issueKey}.`, warnings.length ? 'warning' : 'success');
          }}
        />
      ) : null}
    </div>
  );
}

function AddCheckForm({ disabled, busy, onAdd }: { disabled: boolean; busy: boolean; onAdd: (area: string, title: string) => Promise<boolean> }) {
  const [area, setArea] = useState('');
  const [title, setTitle] = useState('');
  return (
    <form
      style={{ paddingBlock: token('space.100') }}
      aria-label="Add a check"
      onSubmit={(e) => {
        e.preventDefault();
        if (busy || !area.trim() || !title.trim()) return;
        void onAdd(area, title).then((ok) => {
          if (ok) {
            setArea('');
            setTitle('');
          }
        });
      }}
    >
      <Inline space="space.100" alignBlock="end" shouldWrap>
        <div style={{ width: 160 }}>
          <label htmlFor="rt-new-area">Area</label>
          <Textfield id="rt-new-area" isCompact value={area} maxLength={80} onChange={(e) => setArea(e.currentTarget.value)} placeholder="Checkout" />
        </div>
        <div style={{ flex: 1, minWidth: 240 }}>
          <label htmlFor="rt-new-title">Check</label>
          <Textfield id="rt-new-title" isCompact value={title} maxLength={200} onChange={(e) => setTitle(e.currentTarget.value)} placeholder="Pay with a saved card" />
        </div>
        <Button type="submit" isDisabled={disabled || !area.trim() || !title.trim()} aria-disabled={busy || undefined}>
          Add check
        </Button>
      </Inline>
    </form>
  );
}

/** "2026-11-16" → "16 Nov 2026" in the browser's locale. */
function shippedDay(day: string): string {
  const t = Date.parse(`${day}T12:00:00Z`);
  return Number.isNaN(t) ? day : new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' }).format(t);
}

/** The same check (by id) in the earlier cycles, oldest first. */
function historyOf(earlier: PanelCycle[], checkId: string) {
  return earlier.flatMap((c) => {
    const check = c.checks.find((x) => x.id === checkId);
    return check ? [{ rc: c.rc, check }] : [];
  });
}
