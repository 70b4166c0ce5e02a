/**
 * The structured editor (edit entry point): preconditions, ordered steps (add, reorder, delete, all from the
 * keyboard), expected, actual, environment, build and frequency, with the live check beside it. Pasting a
 * multi-line report into a step splits it into steps and parts. In the create dialog every change is handed to
 * the form at once with view.submit (Jira saves it on Create); on the issue view, Save submits and Cancel closes.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type ClipboardEvent, type KeyboardEvent, type RefObject } from 'react';
import { REPRO_MAX_PASTE_CHARS, REPRO_MAX_STEPS, REPRO_MAX_STEP_LENGTH, REPRO_MAX_TEXT_LENGTH, type Fail } from '@rt/contracts';
import { Banner, ErrorBanner } from '../../shared/components';
import { call, closeEditor, submitValue, type FieldContext } from './api';
import { keepInsertWithinLimit } from './box-limit';
import { CheckAnnouncer, CheckPanel } from './CheckPanel';
import { ImportOffer } from './ImportOffer';
import { addCut, cutLine, cutNotice, fitEdit, pushDeletion, type Deletion, formState, fromValue, insertStep, isMultiPartPaste, linesAsSteps, mergeSplit, moveStep, PART_LABELS, removeStep, restoreStep, sizeNotice, toValue, valueSize, type Cut, type Draft, type TextPart } from './draft';
import { useAnnouncer } from './live';
import { useLiveCheck } from './use-check';

const FREQUENCIES = ['Every time', 'Often (more than half the time)', 'Sometimes', 'Once so far'];

export function Editor({ field }: { field: FieldContext }) {
  const inCreate = field.renderContext === 'issue-create';
  const [draft, setDraft] = useState<Draft>(() => fromValue(field.value));
  /** The last step action's status; the same text again ("Step 2 deleted." twice) is heard again. */
  const [status, setStatus] = useAnnouncer();
  const [splitting, setSplitting] = useState(false);
  const [problem, setProblem] = useState<Fail | string | null>(null);
  /** The last paste could not be split (cleared by the next paste that is). */
  const [pasteProblem, setPasteProblem] = useState<Fail | null>(null);
  /** What the last split paste held that did not fit, shown for the writer to place by hand. */
  const [notApplied, setNotApplied] = useState<string[]>([]);
  /** Sentences of the last split paste that went into no box (an intro above labelled steps, a greeting). */
  const [unplaced, setUnplaced] = useState<string[]>([]);
  /** Typed or pasted text that did not fit in its box (2,000 characters), shown for the writer to place. */
  const [cuts, setCuts] = useState<Cut[]>([]);
  const cutsRef = useRef<Cut[]>([]);
  /** A short polite status of what the boxes did (a cut, the size's level): the banners themselves are not live. */
  const [notice, announce] = useAnnouncer();
  /** The filled steps deleted since the last other step action, last first out: Undo puts them back one by one. */
  const [deleted, setDeleted] = useState<Deletion[]>([]);
  const undoButton = useRef<HTMLButtonElement>(null);
  const focusUndo = useRef(false);
  const [saving, setSaving] = useState(false);
  const value = toValue(draft);
  // The latest draft, for merging a paste whose split comes back after later renders.
  const latest = useRef(draft);
  latest.current = draft;
  const check = useLiveCheck(value);
  const size = sizeNotice(valueSize(value));
  const stepRefs = useRef<Array<HTMLInputElement | null>>([]);
  const focusStep = useRef<number | null>(null);
  /** Where the caret goes after a change the box's limit cut (React's re-render would put it at the end). */
  const caret = useRef<{ id: string; at: number } | null>(null);
  const formRef = useRef<HTMLFormElement>(null);

  useLayoutEffect(() => {
    if (focusStep.current !== null) {
      stepRefs.current[focusStep.current]?.focus();
      focusStep.current = null;
    }
    if (focusUndo.current) {
      undoButton.current?.focus();
      focusUndo.current = false;
    }
    if (caret.current !== null) {
      const box = document.getElementById(caret.current.id);
      if (box instanceof HTMLInputElement || box instanceof HTMLTextAreaElement) box.setSelectionRange(caret.current.at, caret.current.at);
      caret.current = null;
    }
  });

  /** Lists a cut and says so once: keys typed on in a full box join the first key's entry, unannounced. */
  const noteCut = useCallback(
    (cut: Cut) => {
      const next = addCut(cutsRef.current, cut);
      const joined = next.length === cutsRef.current.length;
      cutsRef.current = next;
      setCuts(next);
      if (!joined) announce(cutNotice(cut));
    },
    [announce],
  );
  const clearCuts = () => {
    cutsRef.current = [];
    setCuts([]);
  };

  // Typing or pasting past a box's limit is cut before the browser edits the box, keeping its undo history.
  useEffect(() => {
    const form = formRef.current;
    if (!form) return;
    const onBeforeInput = (e: Event) => keepInsertWithinLimit(e as InputEvent, noteCut);
    form.addEventListener('beforeinput', onBeforeInput);
    return () => form.removeEventListener('beforeinput', onBeforeInput);
  }, [noteCut]);

  // The size is heard when its level changes (ok → near → over and back), not on every key.
  const sizeLevel = useRef(size.level);
  useEffect(() => {
    if (sizeLevel.current === size.level) return;
    sizeLevel.current = size.level;
    announce(size.text);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [size.level]);

  // Create dialog: hand every change to the form at once (Jira keeps the latest submitted value until Create). A
  // delayed hand-over lost the last edit when Create was clicked, or the frame closed, before it ran.
  const valueKey = JSON.stringify(value);
  const firstRender = useRef(true);
  useEffect(() => {
    if (!inCreate) return;
    if (firstRender.current) {
      firstRender.current = false;
      if (value === null) return;
    }
    submitValue(value).then(
      () => setProblem(null),
      (e: unknown) => setProblem(`The form did not take the steps: ${e instanceof Error ? e.message : String(e)}`),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [valueKey, inCreate]);

  /** Sets the action status; `undo` is what Undo then offers back (nothing after any other step action). */
  const say = (text: string, undo: Deletion[] = []) => {
    setStatus(text);
    setDeleted(undo);
  };
  /**
   * The box's new text, cut to its limit; what was cut goes to the "Not applied" list. Inserts are kept within the
   * limit before they happen (keepInsertWithinLimit); this catches what cannot be cancelled (an IME composition).
   */
  const keepWhatFits = (box: string, before: string, target: HTMLInputElement | HTMLTextAreaElement, max: number): string => {
    const { text, left } = fitEdit(before, target.value, max);
    if (left !== '') {
      noteCut({ box, max, text: left });
      caret.current = { id: target.id, at: Math.max(0, (target.selectionStart ?? text.length) - left.length) };
    }
    return text;
  };
  const setPart = (k: TextPart) => (e: { target: HTMLInputElement | HTMLTextAreaElement }) => {
    const text = keepWhatFits(PART_LABELS[k], draft[k], e.target, REPRO_MAX_TEXT_LENGTH);
    setDraft((d) => ({ ...d, [k]: text }));
  };
  const setSteps = (steps: string[], focus?: number) => {
    if (focus !== undefined) focusStep.current = focus;
    setDraft((d) => ({ ...d, steps }));
  };
  const move = (i: number, delta: -1 | 1) => {
    const to = i + delta;
    if (to < 0 || to >= draft.steps.length) return;
    setSteps(moveStep(draft.steps, i, delta), to);
    say(`Step ${i + 1} moved to position ${to + 1}.`);
  };
  /**
   * Deletes step i. A filled one can be undone: focus goes to Undo (from ✕; otherwise a keyboard user would Tab past
   * every later step to reach it). An empty one (Backspace) needs no Undo: focus goes to the step above.
   */
  const remove = (i: number) => {
    const text = draft.steps[i] ?? '';
    const filled = text.trim() !== '';
    setSteps(removeStep(draft.steps, i), filled ? undefined : Math.max(0, i - 1));
    focusUndo.current = filled;
    say(`Step ${i + 1} deleted.`, filled ? pushDeletion(deleted, { index: i, text }) : []);
  };
  const undoDelete = () => {
    const last = deleted[deleted.length - 1];
    if (!last) return;
    const steps = restoreStep(draft.steps, last.index, last.text);
    setSteps(steps, Math.min(last.index, steps.length - 1));
    say(`Step ${last.index + 1} restored.`, deleted.slice(0, -1));
  };
  const add = (after: number) => {
    if (draft.steps.length >= REPRO_MAX_STEPS) return say(`A bug can have at most ${REPRO_MAX_STEPS} steps.`);
    setSteps(insertStep(draft.steps, after), after + 1);
    // The deleted steps' places no longer hold: Undo is no longer offered.
    setDeleted([]);
  };

  const onStepKey = (i: number) => (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
      e.preventDefault();
      move(i, e.key === 'ArrowUp' ? -1 : 1);
    } else if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      add(i);
    } else if (e.key === 'Backspace' && draft.steps[i] === '' && draft.steps.length > 1) {
      e.preventDefault();
      remove(i);
    }
  };

  const onStepPaste = (i: number) => (e: ClipboardEvent<HTMLInputElement>) => {
    const text = e.clipboardData.getData('text/plain');
    if (!isMultiPartPaste(text)) return;
    e.preventDefault();
    setSplitting(true);
    say('Splitting the pasted text into steps…');
    const cut = text.length > REPRO_MAX_PASTE_CHARS;
    const pasted = text.slice(0, REPRO_MAX_PASTE_CHARS);
    const onlyFirst = cut ? ` (only the first ${REPRO_MAX_PASTE_CHARS.toLocaleString('en')} characters)` : '';
    void call('repro/split', { text: pasted }).then((r) => {
      setSplitting(false);
      if (!r.ok) {
        // Keep what was pasted rather than lose it: as typed, one step per line.
        const steps = linesAsSteps(pasted);
        const merged = mergeSplit(latest.current, i, { steps });
        setDraft(merged.draft);
        setNotApplied(merged.notApplied);
        setUnplaced([]);
        setPasteProblem({ ...r, message: `The pasted text could not be split into steps: ${r.message.trim().replace(/([^.!?])$/, '$1.')} It was kept as it is, one step per line: move any expected or actual result into its box.` });
        return say(`Pasted text kept as ${steps.length} step(s), not split${onlyFirst}.${leftOver(merged.notApplied.length, 0)}`);
      }
      setPasteProblem(null);
      const merged = mergeSplit(latest.current, i, r.data.value, r.data.clipped);
      setDraft(merged.draft);
      setNotApplied(merged.notApplied);
      setUnplaced(r.data.unplaced);
      const added = merged.appended.map((k) => PART_LABELS[k]).join(', ');
      say(`Pasted text split into ${r.data.value.steps.length} step(s)${onlyFirst}.${added ? ` Added after the text already in: ${added}.` : ''}${leftOver(merged.notApplied.length, r.data.unplaced.length)}`);
    });
  };

  const save = async () => {
    setSaving(true);
    setProblem(null);
    try {
      await submitValue(value);
    } catch (e) {
      setProblem(`Jira did not save the steps: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setSaving(false);
    }
  };

  const textArea = (k: TextPart, hint: string) => (
    <div>
      <label htmlFor={`repro-${k}`}>{PART_LABELS[k]}</label>
      <textarea id={`repro-${k}`} value={draft[k]} onChange={setPart(k)} rows={2} placeholder={hint} data-box={PART_LABELS[k]} data-max={REPRO_MAX_TEXT_LENGTH} />
    </div>
  );
  const line = (k: TextPart, hint: string, list?: string) => (
    <div>
      <label htmlFor={`repro-${k}`}>{PART_LABELS[k]}</label>
      <input id={`repro-${k}`} value={draft[k]} onChange={setPart(k)} placeholder={hint} list={list} data-box={PART_LABELS[k]} data-max={REPRO_MAX_TEXT_LENGTH} />
    </div>
  );

  return (
    <div className="rt-split">
      <form
        ref={formRef}
        aria-label="Reproduction steps"
        aria-busy={splitting || saving}
        onSubmit={(e) => {
          e.preventDefault();
          if (!inCreate) void save();
        }}
      >
        {problem ? <ErrorBanner error={problem} /> : null}
        {pasteProblem ? <ErrorBanner error={pasteProblem} /> : null}
        <Leftovers
          testId="repro-not-applied"
          kind="warning"
          intro="Not applied (no room left): copy it where it belongs, or attach the log to the issue and quote only the error line here:"
          items={[...notApplied, ...cuts.map(cutLine)]}
          onDismiss={() => {
            setNotApplied([]);
            clearCuts();
          }}
        />
        <Leftovers testId="repro-unplaced" kind="info" intro="Not placed in any box by the paste; copy what belongs to the bug where it fits:" items={unplaced} />
        {!inCreate && field.issueKey && field.value === null && !field.invalid ? (
          <ImportOffer
            issueKey={field.issueKey}
            onImport={(imported, left) => {
              setDraft(fromValue(imported));
              setUnplaced(left);
              focusStep.current = 0;
              say('Imported from the description: check each box, then Save.');
            }}
          />
        ) : null}
        {field.invalid ? <Banner kind="warning">The stored value did not fit this field's shape; start again from an empty form.</Banner> : null}
        {textArea('preconditions', 'Logged in as a guest; cart has 2 items')}
        <fieldset className="rt-steps">
          <legend>Steps to reproduce</legend>
          <p className="rt-muted" id="repro-steps-help">
            Enter adds a step, Alt+↑ / Alt+↓ move one, Backspace on an empty step deletes it. Paste a whole report into a step to split it.
          </p>
          <ol>
            {draft.steps.map((step, i) => (
              <li key={i} className="rt-row rt-step">
                <label className="rt-sr-only" htmlFor={`repro-step-${i}`}>
                  Step {i + 1}
                </label>
                <input
                  id={`repro-step-${i}`}
                  ref={(el) => {
                    stepRefs.current[i] = el;
                  }}
                  value={step}
                  data-box={`Step ${i + 1}`}
                  data-max={REPRO_MAX_STEP_LENGTH}
                  aria-describedby="repro-steps-help"
                  placeholder={i === 0 ? 'Open …' : 'Click …'}
                  onChange={(e) => {
                    const steps = [...draft.steps];
                    steps[i] = keepWhatFits(`Step ${i + 1}`, step, e.target, REPRO_MAX_STEP_LENGTH);
                    setSteps(steps);
                  }}
                  onKeyDown={onStepKey(i)}
                  onPaste={onStepPaste(i)}
                />
                <button type="button" className="rt-subtle" aria-label={`Move step ${i + 1} up`} title="Move up (Alt+↑)" disabled={i === 0} onClick={() => move(i, -1)}>
                  ↑
                </button>
                <button type="button" className="rt-subtle" aria-label={`Move step ${i + 1} down`} title="Move down (Alt+↓)" disabled={i === draft.steps.length - 1} onClick={() => move(i, 1)}>
                  ↓
                </button>
                <button type="button" className="rt-subtle" aria-label={`Delete step ${i + 1}`} title="Delete" onClick={() => remove(i)}>
                  ✕
                </button>
              </li>
            ))}
          </ol>
          <button type="button" onClick={() => add(draft.steps.length - 1)} disabled={draft.steps.length >= REPRO_MAX_STEPS}>
            Add step
          </button>
          <StepStatus status={status} onUndo={deleted.length > 0 ? undoDelete : undefined} undoRef={undoButton} />
        </fieldset>
        {textArea('expected', 'What should happen after the last step')}
        {textArea('actual', 'What happens instead, with the exact error text')}
        <div className="rt-grid3">
          {line('environment', 'Chrome 131 on Windows 11')}
          {line('build', '4.3.0-rc.2 (1210)')}
          {line('frequency', 'Every time', 'repro-frequencies')}
        </div>
        <datalist id="repro-frequencies">
          {FREQUENCIES.map((f) => (
            <option key={f} value={f} />
          ))}
        </datalist>
        {size.level === 'ok' ? (
          <div className="rt-muted" data-testid="repro-size">
            {size.text}
          </div>
        ) : (
          <div data-testid="repro-size">
            <Banner kind={size.level === 'over' ? 'error' : 'warning'} live={false}>
              {size.text}
            </Banner>
          </div>
        )}
        <div className="rt-sr-only" role="status" aria-live="polite" data-testid="repro-notice">
          {notice}
        </div>
        {inCreate ? (
          <div className="rt-muted" data-testid="repro-form-state">
            {formState(value)}
          </div>
        ) : (
          <div className="rt-row">
            <button type="submit" className="rt-primary" disabled={saving}>
              {saving ? 'Saving…' : 'Save'}
            </button>
            <button type="button" onClick={() => void closeEditor()} disabled={saving}>
              Cancel
            </button>
          </div>
        )}
      </form>
      <aside aria-label="Live check">
        <h2>Check</h2>
        {check.error ? <ErrorBanner error={check.error} onRetry={check.retry} /> : null}
        <CheckPanel analysis={check.analysis} checking={check.checking} place="editor" />
        <CheckAnnouncer analysis={check.analysis} />
      </aside>
    </div>
  );
}

/** The paste status's note of what it left above the editor (the lists themselves are not read out). */
function leftOver(notApplied: number, unplaced: number): string {
  const notes = [notApplied > 0 ? `${notApplied} text(s) did not fit` : '', unplaced > 0 ? `${unplaced} sentence(s) went into no box` : ''].filter(Boolean);
  return notes.length === 0 ? '' : ` ${notes.join('; ')}: listed above the editor.`;
}

/** Text the editor did not put anywhere (a paste's leftovers, what passed a box's limit), for the writer to place by hand. */
function Leftovers({ testId, kind, intro, items, onDismiss }: { testId: string; kind: 'warning' | 'info'; intro: string; items: string[]; onDismiss?: () => void }) {
  if (items.length === 0) return null;
  return (
    <div data-testid={testId}>
      {/* Not live: a long trace would be read out whole, again on every change; the editor says what was left. */}
      <Banner kind={kind} live={false}>
        {intro}
        {/* Focusable: a long trace scrolls inside the list, and the keyboard must reach it to scroll and copy. */}
        <ul className="rt-leftovers" tabIndex={0} aria-label="Text to place by hand">
          {items.map((t, i) => (
            <li key={i} className="rt-pre">
              {t}
            </li>
          ))}
        </ul>
        {onDismiss ? (
          <button type="button" className="rt-subtle" onClick={onDismiss}>
            Hide this list
          </button>
        ) : null}
      </Banner>
    </div>
  );
}

/** The polite status of the last step action (move, delete, paste); after a ✕ on a filled step it offers Undo. */
function StepStatus({ status, onUndo, undoRef }: { status: string; onUndo: (() => void) | undefined; undoRef: RefObject<HTMLButtonElement | null> }) {
  return (
    <div className="rt-row">
      <div className="rt-muted" role="status" aria-live="polite" id="repro-status" data-testid="repro-status">
        {status}
      </div>
      {onUndo ? (
        <button type="button" className="rt-subtle" aria-describedby="repro-status" onClick={onUndo} ref={undoRef}>
          Undo
        </button>
      ) : null}
    </div>
  );
}
