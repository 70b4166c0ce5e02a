/**
 * Keeps typing, pasting and dropping within a box's limit before the browser edits the box (a `beforeinput`
 * listener): an insert that would pass the limit is cancelled and only what fits goes in, through the browser's own
 * editing (execCommand insertText), so Ctrl+Z still undoes it and the caret stays where the user typed. Cutting
 * the value afterwards from code, as the editor did, wiped the box's undo history and put the caret at the end.
 * A box names itself with data-box (its label, for the "Not applied" list) and data-max (its limit).
 */
import { asBoxText, fitInsert, type Cut } from './draft';

export function keepInsertWithinLimit(e: InputEvent, onCut: (cut: Cut) => void): void {
  const el = e.target;
  if (!(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement)) return;
  const box = el.dataset['box'];
  const max = Number(el.dataset['max']);
  // An IME composition cannot be cancelled: the editor's change handler cuts it (fitEdit).
  if (!box || !Number.isFinite(max) || !e.inputType.startsWith('insert') || !e.cancelable) return;
  const raw = e.data ?? e.dataTransfer?.getData('text/plain') ?? (e.inputType === 'insertLineBreak' ? '\n' : '');
  const start = el.selectionStart ?? el.value.length;
  const end = el.selectionEnd ?? start;
  const { fit, rest } = fitInsert(el.value.length, end - start, asBoxText(raw, el instanceof HTMLInputElement), max);
  if (rest === '') return;
  e.preventDefault();
  if (fit !== '') {
    // Setting the selection ends Chromium's typing run, so Ctrl+Z undoes this insert apart from the typing before it.
    el.setSelectionRange(start, end);
    if (!document.execCommand('insertText', false, fit)) {
      el.setRangeText(fit, start, end, 'end');
      el.dispatchEvent(new Event('input', { bubbles: true }));
    }
  }
  onCut({ box, max, text: rest });
}
