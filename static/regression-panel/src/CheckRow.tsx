import { useEffect, useId, useRef, useState } from 'react';
import Button, { IconButton } from '@atlaskit/button/new';
import Textfield from '@atlaskit/textfield';
import TextArea from '@atlaskit/textarea';
import ArrowUpIcon from '@atlaskit/icon/core/arrow-up';
import ArrowDownIcon from '@atlaskit/icon/core/arrow-down';
import DeleteIcon from '@atlaskit/icon/core/delete';
import ChevronDownIcon from '@atlaskit/icon/core/chevron-down';
import ChevronRightIcon from '@atlaskit/icon/core/chevron-right';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives/compiled';
import { token } from '@atlaskit/tokens';
import { IssueLink, Lozenge } from '../../shared/components';
import { day, resultKind, resultLabel, when, type CheckResult, type PanelCheck } from './labels';

const buttons: Array<{ result: CheckResult; text: string; selected: 'primary' | 'danger' | 'warning' | 'default' }> = [
  { result: 'passed', text: 'Pass', selected: 'primary' },
  { result: 'failed', text: 'Fail', selected: 'danger' },
  { result: 'blocked', text: 'Blocked', selected: 'warning' },
  { result: 'not-run', text: 'Not run', selected: 'default' },
];

/**
 * The checklist's columns, shared by every row (CSS subgrid) so results, testers and bugs line up: details toggle,
 * result, area · title (up to two lines), result buttons, tester · day, regression bug, move up/down.
 */
export const CHECK_COLUMNS = 'auto auto minmax(140px, 1fr) auto auto auto auto';

/** This check's result in an earlier release candidate's cycle (same check id), for the row's history. */
export type CheckHistoryEntry = { rc: string; check: PanelCheck };

type Props = {
  check: PanelCheck;
  /** The same check in earlier cycles, oldest first. */
  history: CheckHistoryEntry[];
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

/**
 * One check as one compact row (result, title, one-click result buttons, tester and time, actions); its note and its
 * results in earlier cycles open on demand under the row. "File regression bug" appears once it failed.
 */
export function CheckRow({ check, history, index, count, readOnly, busy, onResult, onNote, onEdit, onMove, onRemove, onReport, onOpenBug }: Props) {
  const noteText = useFollowedText(check.note ?? '');
  const [editing, setEditing] = useState(false);
  const [expanded, setExpanded] = useState(false);
  const areaText = useFollowedText(check.area);
  const titleText = useFollowedText(check.title);
  const note = noteText.value;
  const area = areaText.value;
  const title = titleText.value;
  const noteId = `rt-note-${check.id}`;
  const detailsId = useId();
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
  // An unsaved note, or one changed under the user's text, keeps the details open.
  const showDetails = expanded || (noteText.changedMeanwhile && noteText.dirty);

  return (
    <li
      data-check-id={check.id}
      aria-label={check.title}
      style={{ display: 'grid', gridTemplateColumns: 'subgrid', gridColumn: '1 / -1', borderBottom: `${token('border.width')} solid ${token('color.border')}`, paddingBlock: token('space.075'), paddingInline: token('space.050') }}
    >
      {editing ? (
        <form
          style={{ gridColumn: '1 / -1' }}
          aria-label={`Edit ${check.title}`}
          onSubmit={(e) => {
            e.preventDefault();
            if (busy) return;
            if (!areaText.dirty && !titleText.dirty) return setEditing(false);
            void onEdit(areaText.dirty ? area : undefined, titleText.dirty ? title : undefined).then((ok) => ok && setEditing(false));
          }}
        >
          <Inline space="space.100" alignBlock="end" shouldWrap>
            <div style={{ width: 160 }}>
              <label htmlFor={`rt-area-${check.id}`}>Area</label>
              <Textfield id={`rt-area-${check.id}`} isCompact autoFocus value={area} maxLength={80} onChange={(e) => areaText.set(e.currentTarget.value)} />
            </div>
            <div style={{ flex: 1, minWidth: 240 }}>
              <label htmlFor={`rt-title-${check.id}`}>Check</label>
              <Textfield id={`rt-title-${check.id}`} isCompact value={title} maxLength={200} onChange={(e) => titleText.set(e.currentTarget.value)} />
            </div>
            <Button type="submit" appearance="primary" data-focus-key="edit" isDisabled={readOnly || !area.trim() || !title.trim()} {...ariaBusy}>
              Save
            </Button>
            <Button data-focus-key="edit" onClick={() => (setEditing(false), areaText.reset(), titleText.reset())}>
              Cancel
            </Button>
          </Inline>
          {areaText.changedMeanwhile || titleText.changedMeanwhile ? (
            <p className="rt-muted" role="status">
              Someone else changed this check meanwhile (now {check.area} · {check.title}); saving keeps your text.
            </p>
          ) : null}
        </form>
      ) : null}
      <div style={{ display: 'grid', gridTemplateColumns: 'subgrid', gridColumn: '1 / -1', alignItems: 'center' }}>
        <IconButton
          appearance="subtle"
          spacing="compact"
          label={`Note and history of ${check.title}`}
          aria-expanded={showDetails}
          aria-controls={detailsId}
          data-focus-key="details"
          icon={(p) => (showDetails ? <ChevronDownIcon {...p} size="small" /> : <ChevronRightIcon {...p} size="small" />)}
          onClick={() => setExpanded(!showDetails)}
        />
        <span>
          <Lozenge kind={resultKind(check.result)}>
            <span data-testid="check-result">{resultLabel[check.result]}</span>
          </Lozenge>
        </span>
        <span title={`${check.area} · ${check.title}${check.note ? ` — ${check.note}` : ''}`} style={{ overflow: 'hidden', display: '-webkit-box', WebkitLineClamp: 2, WebkitBoxOrient: 'vertical' }}>
          {editing ? null : (
            <>
              <Text color="color.text.subtle">{check.area} · </Text>
              <Text weight="medium">{check.title}</Text>
              {check.note && !showDetails ? <Text color="color.text.subtlest"> — {check.note}</Text> : null}
            </>
          )}
        </span>
        <div role="group" aria-label={`Result of ${check.title}`} style={{ display: 'inline-flex', gap: token('space.050') }}>
          {buttons.map((b) => {
            const on = check.result === b.result;
            return (
              <Button
                key={b.result}
                spacing="compact"
                appearance={on ? b.selected : 'default'}
                isSelected={on && b.selected === 'default'}
                aria-pressed={on}
                data-focus-key={`result-${b.result}`}
                isDisabled={readOnly}
                {...ariaBusy}
                onClick={act(() => onResult(b.result, noteChanged ? note : undefined))}
              >
                {b.text}
              </Button>
            );
          })}
        </div>
        <span title={check.tester ? `${check.tester.name || check.tester.accountId}, ${when(check.at)}` : undefined} style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
          {check.tester ? (
            <Text color="color.text.subtle" size="small">
              {check.tester.name || check.tester.accountId} · {day(check.at)}
            </Text>
          ) : (
            <Text color="color.text.subtlest" size="small">
              Not run yet
            </Text>
          )}
        </span>
        <span>
          {check.reportedBugKey ? (
            <IssueLink issueKey={check.reportedBugKey} data-focus-key="report" onOpen={onOpenBug} />
          ) : check.result === 'failed' ? (
            <Button spacing="compact" appearance="danger" data-focus-key="report" isDisabled={readOnly} {...ariaBusy} onClick={act(onReport)}>
              File regression bug
            </Button>
          ) : null}
        </span>
        <Inline space="space.025" alignBlock="center">
          <IconButton
            appearance="subtle"
            spacing="compact"
            label={`Move ${check.title} up`}
            data-focus-key="up"
            isDisabled={readOnly || index === 0}
            {...ariaBusy}
            icon={(p) => <ArrowUpIcon {...p} size="small" />}
            onClick={act(() => onMove(-1))}
          />
          <IconButton
            appearance="subtle"
            spacing="compact"
            label={`Move ${check.title} down`}
            data-focus-key="down"
            isDisabled={readOnly || index === count - 1}
            {...ariaBusy}
            icon={(p) => <ArrowDownIcon {...p} size="small" />}
            onClick={act(() => onMove(1))}
          />
        </Inline>
      </div>
      {showDetails ? (
        <div id={detailsId} style={{ gridColumn: '1 / -1', paddingInlineStart: token('space.400'), paddingBlockStart: token('space.075') }}>
          <Stack space="space.075">
            <div>
              <label htmlFor={noteId}>Note for {check.title}</label>
              <Inline space="space.100" alignBlock="start">
                <div style={{ flex: 1 }}>
                  <TextArea id={noteId} minimumRows={2} resize="vertical" maxLength={1000} value={note} isDisabled={readOnly} onChange={(e) => noteText.set(e.currentTarget.value)} />
                </div>
                <Button data-focus-key="save-note" isDisabled={readOnly || !noteChanged} {...ariaBusy} onClick={act(() => onNote(note))}>
                  Save note
                </Button>
              </Inline>
            </div>
            <Inline space="space.100">
              <Button ref={editButton} spacing="compact" data-focus-key="edit" isDisabled={readOnly || editing} {...ariaBusy} aria-label={`Edit ${check.title}`} onClick={act(startEditing)}>
                Edit
              </Button>
              <Button spacing="compact" iconBefore={(p) => <DeleteIcon {...p} size="small" />} data-focus-key="remove" isDisabled={readOnly} {...ariaBusy} aria-label={`Remove ${check.title}`} onClick={act(onRemove)}>
                Remove
              </Button>
            </Inline>
            {noteText.changedMeanwhile && noteText.dirty ? (
              <p className="rt-muted" role="status">
                The saved note changed meanwhile{check.note ? `: “${check.note}”` : ' (it was removed)'}. Your unsaved text is kept; Save note replaces it.
              </p>
            ) : null}
            {history.length > 0 ? (
              <Box>
                <Text color="color.text.subtle" size="small" weight="semibold">
                  In earlier release candidates
                </Text>
                <ul style={{ margin: 0, paddingInlineStart: token('space.200') }}>
                  {[...history].reverse().map((h) => (
                    <li key={h.rc}>
                      <Text size="small">
                        {h.rc}: {resultLabel[h.check.result]}
                        {h.check.tester ? ` by ${h.check.tester.name || h.check.tester.accountId} ${when(h.check.at)}` : ''}
                        {h.check.note ? ` — “${h.check.note}”` : ''}
                      </Text>
                      {h.check.reportedBugKey ? (
                        <>
                          {' '}
                          <IssueLink issueKey={h.check.reportedBugKey} onOpen={onOpenBug} />
                        </>
                      ) : null}
                    </li>
                  ))}
                </ul>
              </Box>
            ) : (
              <Text color="color.text.subtlest" size="small">
                Not run in an earlier release candidate.
              </Text>
            )}
          </Stack>
        </div>
      ) : null}
    </li>
  );
}
