import { useEffect, useRef, useState } from 'react';
import { Lozenge } from '../../shared/components';
import { resultKind, resultLabel, when, type CheckResult, type PanelCheck } from './labels';

const buttons: Array<{ result: CheckResult; text: string }> = [
  { result: 'passed', text: 'Pass' },
  { result: 'failed', text: 'Fail' },
  { result: 'blocked', text: 'Blocked' },
  { result: 'not-run', text: 'Not run' },
];

type Props = {
  check: PanelCheck;
  index: number;
  count: number;
  /** No right to edit: controls are disabled. */
  readOnly: boolean;
  /** Another action is running: controls stay focusable (aria-disabled) but ignore clicks, so keyboard focus is not lost. */
  busy: boolean;
  onResult(result: CheckResult, note?: string): void;
  /** Saves the note alone (result, tester and time stay). */
  onNote(note: string): void;
  /** Only the fields the user changed are given. */
  onEdit(area: string | undefined, title: string | undefined): Promise<boolean>;
  onMove(delta: -1 | 1): void;
  onRemove(): void;
  onReport(): void;
  onOpenBug(key: string): void;
};

/**
 * Local text that follows the stored value (a newer panel from the server) while the user has not typed;
 * once they have, their text is kept and `changedMeanwhile` says the stored value changed under it.
 */
function useFollowedText(stored: string): { value: string; set(v: string): void; reset(): void; dirty: boolean; changedMeanwhile: boolean } {
  const [value, setValue] = useState(stored);
  const [base, setBase] = useState(stored);
  const [changedMeanwhile, setChangedMeanwhile] = useState(false);
  if (stored !== base) {
    // Adjusting state while rendering (React's pattern for "state derived from a changed prop").
    setBase(stored);
    const untouched = value === base || value.trim() === stored.trim();
    if (untouched) setValue(stored);
    setChangedMeanwhile(!untouched);
  }
  return {
    value,
    set: setValue,
    reset: () => (setValue(stored), setBase(stored), setChangedMeanwhile(false)),
    dirty: value.trim() !== stored.trim(),
    changedMeanwhile,
  };
}

/** One check: one-click results, a note, edit/reorder/remove, and "File regression bug" once it failed. */
export function CheckRow({ check, index, count, readOnly, busy, onResult, onNote, onEdit, onMove, onRemove, onReport, onOpenBug }: Props) {
  const noteText = useFollowedText(check.note ?? '');
  const [editing, setEditing] = useState(false);
  const areaText = useFollowedText(check.area);
  const titleText = useFollowedText(check.title);
  const note = noteText.value;
  const area = areaText.value;
  const title = titleText.value;
  const noteId = `rt-note-${check.id}`;
  /** Only what the user typed is sent: a note they did not touch is never sent back (it could be stale). */
  const noteChanged = noteText.dirty;
  const startEditing = () => (areaText.reset(), titleText.reset(), setEditing(true));
  /** Busy: the click is ignored (the button keeps focus instead of being disabled). */
  const act = (fn: () => void) => () => {
    if (!busy) fn();
  };
  const ariaBusy = busy ? { 'aria-disabled': true as const } : {};
  // When the edit form closes, focus goes back to its Edit button.
  const editButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);
  useEffect(() => {
    if (wasEditing.current && !editing) editButton.current?.focus();
    wasEditing.current = editing;
  }, [editing]);

  return (
    <li className="rt-card" data-check-id={check.id} aria-label={check.title}>
      {editing ? (
        <form
          aria-label={`Edit ${check.title}`}
          onSubmit={(e) => {
            e.preventDefault();
            if (busy) return;
            if (!areaText.dirty && !titleText.dirty) return setEditing(false);
            void onEdit(areaText.dirty ? area : undefined, titleText.dirty ? title : undefined).then((ok) => ok && setEditing(false));
          }}
        >
          <label htmlFor={`rt-area-${check.id}`}>Area</label>
          <input id={`rt-area-${check.id}`} autoFocus value={area} maxLength={80} onChange={(e) => areaText.set(e.target.value)} />
          <label htmlFor={`rt-title-${check.id}`}>Check</label>
          <input id={`rt-title-${check.id}`} value={title} maxLength={200} style={{ width: '100%' }} onChange={(e) => titleText.set(e.target.value)} />
          {areaText.changedMeanwhile || titleText.changedMeanwhile ? (
            <p className="rt-muted" role="status">
              Someone else changed this check meanwhile (now {check.area} · {check.title}); saving keeps your text.
            </p>
          ) : null}
          <div className="rt-row" style={{ marginTop: 8 }}>
            <button type="submit" className="rt-primary" data-focus-key="edit" disabled={readOnly || !area.trim() || !title.trim()} {...ariaBusy}>
              Save
            </button>
            <button type="button" data-focus-key="edit" onClick={() => (setEditing(false), areaText.reset(), titleText.reset())}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <div className="rt-row" style={{ justifyContent: 'space-between' }}>
          <div>
            <span className="rt-muted">{check.area}</span> · <strong>{check.title}</strong>{' '}
            <Lozenge kind={resultKind(check.result)}>
              <span data-testid="check-result">{resultLabel[check.result]}</span>
            </Lozenge>
            {check.tester ? (
              <span className="rt-muted">
                {' '}
                by {check.tester.name || check.tester.accountId} {when(check.at)}
              </span>
            ) : null}
          </div>
          <div className="rt-row">
            <button type="button" className="rt-subtle" data-focus-key="up" disabled={readOnly || index === 0} {...ariaBusy} aria-label={`Move ${check.title} up`} onClick={act(() => onMove(-1))}>
              ↑
            </button>
            <button type="button" className="rt-subtle" data-focus-key="down" disabled={readOnly || index === count - 1} {...ariaBusy} aria-label={`Move ${check.title} down`} onClick={act(() => onMove(1))}>
              ↓
            </button>
            <button ref={editButton} type="button" className="rt-subtle" data-focus-key="edit" disabled={readOnly} {...ariaBusy} aria-label={`Edit ${check.title}`} onClick={act(startEditing)}>
              Edit
            </button>
            <button type="button" className="rt-subtle" data-focus-key="remove" disabled={readOnly} {...ariaBusy} aria-label={`Remove ${check.title}`} onClick={act(onRemove)}>
              Remove
            </button>
          </div>
        </div>
      )}
      <div className="rt-row" role="group" aria-label={`Result of ${check.title}`} style={{ marginTop: 6 }}>
        {buttons.map((b) => (
          <button
            key={b.result}
            type="button"
            aria-pressed={check.result === b.result}
            className={check.result === b.result ? (b.result === 'failed' ? 'rt-danger' : 'rt-primary') : undefined}
            data-focus-key={`result-${b.result}`}
            disabled={readOnly}
            {...ariaBusy}
            onClick={act(() => onResult(b.result, noteChanged ? note : undefined))}
          >
            {b.text}
          </button>
        ))}
      </div>
      <label htmlFor={noteId}>Note for {check.title}</label>
      <div className="rt-row">
        <textarea id={noteId} rows={2} maxLength={1000} style={{ flex: 1 }} value={note} disabled={readOnly} onChange={(e) => noteText.set(e.target.value)} />
        <button type="button" data-focus-key="save-note" disabled={readOnly || !noteChanged} {...ariaBusy} onClick={act(() => onNote(note))}>
          Save note
        </button>
      </div>
      {noteText.changedMeanwhile && noteText.dirty ? (
        <p className="rt-muted" role="status">
          The saved note changed meanwhile{check.note ? `: “${check.note}”` : ' (it was removed)'}. Your unsaved text is kept; Save note replaces it.
        </p>
      ) : null}
      {check.reportedBugKey ? (
        <div className="rt-row" style={{ marginTop: 6 }}>
          Regression bug:{' '}
          <button type="button" className="rt-subtle" data-focus-key="report" onClick={() => onOpenBug(check.reportedBugKey!)}>
            {check.reportedBugKey}
          </button>
        </div>
      ) : check.result === 'failed' ? (
        <button type="button" className="rt-danger" style={{ marginTop: 6 }} data-focus-key="report" disabled={readOnly} {...ariaBusy} onClick={act(onReport)}>
          File regression bug
        </button>
      ) : null}
    </li>
  );
}
