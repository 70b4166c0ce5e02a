import { useState } from 'react';
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
  readOnly: boolean;
  onResult(result: CheckResult, note?: string): void;
  /** Saves the note alone (result, tester and time stay). */
  onNote(note: string): void;
  onEdit(area: string, title: string): Promise<boolean>;
  onMove(delta: -1 | 1): void;
  onRemove(): void;
  onReport(): void;
  onOpenBug(key: string): void;
};

/** One check: one-click results, a note, edit/reorder/remove, and "File regression bug" once it failed. */
export function CheckRow({ check, index, count, readOnly, onResult, onNote, onEdit, onMove, onRemove, onReport, onOpenBug }: Props) {
  const [note, setNote] = useState(check.note ?? '');
  const [editing, setEditing] = useState(false);
  const [area, setArea] = useState(check.area);
  const [title, setTitle] = useState(check.title);
  const noteId = `rt-note-${check.id}`;
  const noteChanged = note.trim() !== (check.note ?? '');

  return (
    <li className="rt-card" data-check-id={check.id} aria-label={check.title}>
      {editing ? (
        <form
          aria-label={`Edit ${check.title}`}
          onSubmit={(e) => {
            e.preventDefault();
            void onEdit(area, title).then((ok) => ok && setEditing(false));
          }}
        >
          <label htmlFor={`rt-area-${check.id}`}>Area</label>
          <input id={`rt-area-${check.id}`} value={area} maxLength={80} onChange={(e) => setArea(e.target.value)} />
          <label htmlFor={`rt-title-${check.id}`}>Check</label>
          <input id={`rt-title-${check.id}`} value={title} maxLength={200} style={{ width: '100%' }} onChange={(e) => setTitle(e.target.value)} />
          <div className="rt-row" style={{ marginTop: 8 }}>
            <button type="submit" className="rt-primary" disabled={readOnly || !area.trim() || !title.trim()}>
              Save
            </button>
            <button type="button" onClick={() => (setEditing(false), setArea(check.area), setTitle(check.title))}>
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
            <button type="button" className="rt-subtle" disabled={readOnly || index === 0} aria-label={`Move ${check.title} up`} onClick={() => onMove(-1)}>
              ↑
            </button>
            <button type="button" className="rt-subtle" disabled={readOnly || index === count - 1} aria-label={`Move ${check.title} down`} onClick={() => onMove(1)}>
              ↓
            </button>
            <button type="button" className="rt-subtle" disabled={readOnly} aria-label={`Edit ${check.title}`} onClick={() => setEditing(true)}>
              Edit
            </button>
            <button type="button" className="rt-subtle" disabled={readOnly} aria-label={`Remove ${check.title}`} onClick={onRemove}>
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
            disabled={readOnly}
            onClick={() => onResult(b.result, noteChanged ? note : undefined)}
          >
            {b.text}
          </button>
        ))}
      </div>
      <label htmlFor={noteId}>Note for {check.title}</label>
      <div className="rt-row">
        <textarea id={noteId} rows={2} maxLength={1000} style={{ flex: 1 }} value={note} disabled={readOnly} onChange={(e) => setNote(e.target.value)} />
        <button type="button" disabled={readOnly || !noteChanged} onClick={() => onNote(note)}>
          Save note
        </button>
      </div>
      {check.reportedBugKey ? (
        <div className="rt-row" style={{ marginTop: 6 }}>
          Regression bug:{' '}
          <button type="button" className="rt-subtle" onClick={() => onOpenBug(check.reportedBugKey!)}>
            {check.reportedBugKey}
          </button>
        </div>
      ) : check.result === 'failed' ? (
        <button type="button" className="rt-danger" style={{ marginTop: 6 }} disabled={readOnly} onClick={onReport}>
          File regression bug
        </button>
      ) : null}
    </li>
  );
}
