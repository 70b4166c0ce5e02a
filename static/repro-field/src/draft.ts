/** The editor's state and its pure edits (no React, no bridge): what the form holds and what it submits. */
import { REPRO_MAX_STEP_LENGTH, REPRO_MAX_STEPS, REPRO_MAX_TEXT_LENGTH, REPRO_TEXT_PARTS, type ReproSplitClipDto, type ReproStepsFieldValueDto, type ReproTextPart } from '@rt/contracts';

export const TEXT_PARTS = REPRO_TEXT_PARTS;
export type TextPart = ReproTextPart;
export type Draft = Record<TextPart, string> & { steps: string[] };
/** The editor's label of each part's box. */
export const PART_LABELS: Record<TextPart, string> = {
  preconditions: 'Preconditions',
  expected: 'Expected result',
  actual: 'Actual result',
  environment: 'Environment',
  build: 'Build / version',
  frequency: 'Frequency',
};
/** Parts edited in a one-line input: a second text joins them with "; " instead of a new line. */
const LINE_PARTS: ReadonlySet<TextPart> = new Set(['environment', 'build', 'frequency']);

export function fromValue(value: ReproStepsFieldValueDto | null): Draft {
  const draft: Draft = { preconditions: '', expected: '', actual: '', environment: '', build: '', frequency: '', steps: [] };
  for (const k of TEXT_PARTS) draft[k] = value?.[k] ?? '';
  draft.steps = value && value.steps.length > 0 ? [...value.steps] : [''];
  return draft;
}

/** What the field stores: trimmed, empty parts left out; null when nothing is filled in. */
export function toValue(draft: Draft): ReproStepsFieldValueDto | null {
  const value: ReproStepsFieldValueDto = { steps: draft.steps.map((s) => s.trim()).filter((s) => s !== '') };
  for (const k of TEXT_PARTS) {
    const t = draft[k].trim();
    if (t !== '') value[k] = t;
  }
  return value.steps.length === 0 && TEXT_PARTS.every((k) => value[k] === undefined) ? null : value;
}

export function moveStep(steps: string[], index: number, delta: -1 | 1): string[] {
  const to = index + delta;
  if (index < 0 || index >= steps.length || to < 0 || to >= steps.length) return steps;
  const out = [...steps];
  [out[index], out[to]] = [out[to]!, out[index]!];
  return out;
}

export function removeStep(steps: string[], index: number): string[] {
  const out = steps.filter((_, i) => i !== index);
  return out.length === 0 ? [''] : out;
}

/** Puts a deleted step back at `index` (or at the end, when fewer steps are left); a lone empty step is replaced. */
export function restoreStep(steps: string[], index: number, text: string): string[] {
  if (steps.length === 1 && steps[0]!.trim() === '') return [text];
  const at = Math.min(index, steps.length);
  return [...steps.slice(0, at), text, ...steps.slice(at)];
}

/** A filled step deleted with ✕, for Undo. */
export type Deletion = { index: number; text: string };
/** How many deletions Undo can take back. */
export const MAX_UNDO = 10;

/** The deletions Undo offers after one more (the oldest goes past MAX_UNDO); Undo takes them back last first. */
export const pushDeletion = (stack: Deletion[], d: Deletion): Deletion[] => [...stack, d].slice(-MAX_UNDO);

export function insertStep(steps: string[], after: number): string[] {
  if (steps.length >= REPRO_MAX_STEPS) return steps;
  return [...steps.slice(0, after + 1), '', ...steps.slice(after + 1)];
}

export type Merged = {
  draft: Draft;
  /** Parts that already held text and got the paste's text added after it. */
  appended: TextPart[];
  /** What the paste held that did not fit (step or length limits), for the writer to place by hand. */
  notApplied: string[];
};

const clip = (t: string, max = 80): string => (t.length > max ? `${t.slice(0, max - 1)}…` : t);
const sameText = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * Merges a split paste into the draft at step `index`: the split steps replace that step when it is empty
 * (otherwise they follow it); the split's expected/actual/… fill the parts still empty and are added after the
 * text of a filled one (on a new line, or after "; " in a one-line box). Nothing already there is dropped: what
 * does not fit is returned in `notApplied`, after it what the split itself had to cut to the field's limits (`clipped`).
 */
export function mergeSplit(draft: Draft, index: number, split: ReproStepsFieldValueDto, clipped: ReproSplitClipDto[] = []): Merged {
  const keep = (draft.steps[index] ?? '').trim() === '' ? 0 : 1;
  const before = draft.steps.slice(0, index + keep);
  const after = draft.steps.slice(index + 1);
  const room = Math.max(0, REPRO_MAX_STEPS - before.length - after.length);
  const steps = [...before, ...split.steps.slice(0, room), ...after];
  const next: Draft = { ...draft, steps: steps.length > 0 ? steps : [''] };
  const appended: TextPart[] = [];
  const notApplied: string[] = [];
  const left = split.steps.length - room;
  if (left > 0) notApplied.push(`${left} step(s) from "${clip(split.steps[room]!)}" on (a bug has at most ${REPRO_MAX_STEPS} steps)`);
  for (const k of TEXT_PARTS) {
    const add = split[k]?.trim();
    if (!add) continue;
    const have = next[k];
    if (have.trim() === '') next[k] = add;
    else if (sameText(have, add) || have.toLowerCase().includes(add.toLowerCase())) continue;
    else {
      const joined = `${have.trimEnd()}${LINE_PARTS.has(k) ? '; ' : '\n'}${add}`;
      if (joined.length > REPRO_MAX_TEXT_LENGTH) notApplied.push(`${PART_LABELS[k]}: ${add}`);
      else {
        next[k] = joined;
        appended.push(k);
      }
    }
  }
  for (const c of clipped) notApplied.push(clipLine(c, before.length, room));
  return { draft: next, appended, notApplied };
}

/**
 * Text the split cut to the field's limits, as the "Not applied" list shows it; a cut step is named by its number
 * in the editor (the split's steps start after `offset` steps; the first `placed` of them went in).
 */
function clipLine(c: ReproSplitClipDto, offset: number, placed: number): string {
  if (c.part === 'steps' && c.step === undefined) return `Pasted steps past the ${REPRO_MAX_STEPS}th (a bug has at most ${REPRO_MAX_STEPS} steps):\n${c.text}`;
  const box = c.part !== 'steps' ? PART_LABELS[c.part] : c.step! <= placed ? `Step ${offset + c.step!}` : `Pasted step ${c.step!}`;
  // '' when the split's text could not be found in the paste to tell where the rest starts.
  if (c.text === '') return `${box}: only the first ${REPRO_MAX_TEXT_LENGTH.toLocaleString('en')} characters of the pasted text went in; the rest is still on the clipboard`;
  return cutLine({ box, max: c.part === 'steps' ? REPRO_MAX_STEP_LENGTH : REPRO_MAX_TEXT_LENGTH, text: c.text });
}

/**
 * An edit of a box (typing or a paste) checked against the box's limit: the text that was there stays, the inserted
 * text is cut to the room left, and what was cut is returned in `left` to show the writer (never dropped silently).
 */
export function fitEdit(before: string, after: string, max: number): { text: string; left: string } {
  if (after.length <= max) return { text: after, left: '' };
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let end = 0;
  while (end < before.length - start && end < after.length - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  const inserted = after.slice(start, after.length - end);
  const room = Math.max(0, max - (after.length - inserted.length));
  return { text: after.slice(0, start) + inserted.slice(0, room) + after.slice(after.length - end), left: inserted.slice(room) };
}

/** Text as a box takes it in: a one-line input turns each line break into a space (as Chromium pastes), a text area keeps "\n". */
export const asBoxText = (text: string, oneLine: boolean): string => text.replace(/\r\n|\r|\n/g, oneLine ? ' ' : '\n');

/**
 * Text about to go into a box at the caret, replacing `selected` of the `length` characters there, cut to the room
 * the box's limit leaves: `fit` goes in, `rest` is listed as not applied. A surrogate pair (emoji) is never split.
 */
export function fitInsert(length: number, selected: number, inserted: string, max: number): { fit: string; rest: string } {
  let room = Math.max(0, max - (length - selected));
  if (room >= inserted.length) return { fit: inserted, rest: '' };
  if (room > 0 && /[\uD800-\uDBFF]/.test(inserted.charAt(room - 1))) room--;
  return { fit: inserted.slice(0, room), rest: inserted.slice(room) };
}

/** Text cut from a box because it passed the box's limit. */
export type Cut = { box: string; max: number; text: string; /** Made of single keys typed on. */ typed?: boolean };

/** Adds a cut to the list; keys typed on in a full box (one-character cuts in a row) make one entry. */
export function addCut(cuts: Cut[], cut: Cut): Cut[] {
  const last = cuts[cuts.length - 1];
  const typingOn = last !== undefined && last.box === cut.box && cut.text.length === 1 && last.typed === true;
  if (typingOn) return [...cuts.slice(0, -1), { ...last, text: last.text + cut.text }];
  return [...cuts, { ...cut, typed: cut.text.length === 1 }];
}

/** What a screen reader hears of a cut: short, never the cut text itself ("2,010 characters of Actual result not applied."). */
export const cutNotice = (c: Cut): string =>
  c.text.length === 1 ? `${c.box} is full: what you type goes to the Not applied list.` : `${c.text.length.toLocaleString('en')} characters of ${c.box} not applied.`;

/** A cut as the "Not applied" list shows it. */
export const cutLine = (c: Cut): string => `${c.box}, past its ${c.max.toLocaleString('en')} characters: ${c.text}`;

/** What Jira's validation (the manifest's expression) still needs before it accepts a filled value; [] when none. */
export function missingForJira(value: ReproStepsFieldValueDto | null): string[] {
  if (value === null) return [];
  const missing: string[] = [];
  if (value.steps.length === 0) missing.push('at least one step');
  if (!value.expected) missing.push('the expected result');
  if (!value.actual) missing.push('the actual result');
  return missing;
}

/** "a", "a and b", "a, b and c". */
export const listing = (items: string[]): string => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`);

/** The line under the create dialog's editor: what the form holds, or what Jira will refuse on Create. */
export function formState(value: ReproStepsFieldValueDto | null): string {
  if (value === null) return 'Nothing in the form: the field stays empty.';
  const missing = missingForJira(value);
  const size = valueSize(value);
  if (size > REPRO_MAX_VALUE_CHARS) {
    const count = `${size.toLocaleString('en')} of ${REPRO_MAX_VALUE_CHARS.toLocaleString('en')} characters`;
    const also = missing.length > 0 ? ` They also need ${listing(missing)}.` : '';
    return `Jira will refuse these steps on Create: they are too long (${count}); shorten them or attach a log.${also}`;
  }
  if (missing.length > 0) return `Jira will refuse these steps on Create until they have ${listing(missing)} (or leave the field empty).`;
  return `Added to the form: ${value.steps.length} step(s)${value.build ? `, build ${value.build}` : ''}.`;
}

/**
 * A paste kept as it was typed, for when it could not be split: one step per non-blank line, a line longer than a
 * step may be going on in the next step.
 */
export function linesAsSteps(text: string): string[] {
  const steps: string[] = [];
  for (const line of text.split(/\r\n|[\r\n\u2028\u2029]/)) {
    const t = line.trim();
    for (let at = 0; at < t.length; at += REPRO_MAX_STEP_LENGTH) steps.push(t.slice(at, at + REPRO_MAX_STEP_LENGTH));
  }
  return steps;
}

/** "1. Open cart 2. Click Pay" or "1) … 2) …" on one line. */
const INLINE_NUMBERED_LIST = /^\s*1[.)]\s+\S[\s\S]*?\s2[.)]\s+\S/;
/** An "Expected:"/"Actual:" label anywhere, or a build/environment label that opens a sentence. */
const INLINE_LABEL = /\b(?:expected|actual)(?:\s+(?:results?|behaviou?r))?\s*:|(?:^|[.!?;]\s+)(?:build|version|environment|env)\s*:/i;

/**
 * A paste worth splitting: several lines, a long run-on text, a one-line numbered list, or a text carrying a
 * label of another part ("Clicking Pay fails. Expected: it pays").
 */
export const isMultiPartPaste = (text: string): boolean =>
  /\n\s*\S/.test(text.trim()) || text.length > 200 || INLINE_NUMBERED_LIST.test(text) || INLINE_LABEL.test(text);

/** Jira stores a custom field's value of at most this many characters (as JSON); a longer one is refused. */
export const REPRO_MAX_VALUE_CHARS = 32_768;
/** From this share of the limit on, the editor warns. */
const NEAR_LIMIT = 0.9;

/** What the value's size counts against the limit: its JSON, as Jira measures it. */
export const valueSize = (value: ReproStepsFieldValueDto | null): number => (value === null ? 0 : JSON.stringify(value).length);

export type SizeNotice = { level: 'ok' | 'near' | 'over'; text: string };

/** The size line under the editor: the count against the limit, and what to do when it is close or over. */
export function sizeNotice(size: number): SizeNotice {
  const count = `${size.toLocaleString('en')} of ${REPRO_MAX_VALUE_CHARS.toLocaleString('en')} characters`;
  if (size > REPRO_MAX_VALUE_CHARS) return { level: 'over', text: `${count}: too long for Jira to save; shorten the steps or attach a log.` };
  if (size >= REPRO_MAX_VALUE_CHARS * NEAR_LIMIT) return { level: 'near', text: `${count}: close to the limit; shorten the steps or attach a log.` };
  return { level: 'ok', text: count };
}
