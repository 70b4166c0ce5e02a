/** The Reproduction steps editor's pure draft logic (static/repro-field/src/draft.ts). */
import { REPRO_MAX_STEP_LENGTH, REPRO_MAX_STEPS, REPRO_MAX_TEXT_LENGTH } from '@rt/contracts';
import { addCut, asBoxText, cutNotice, fitEdit, fitInsert, formState, fromValue, isMultiPartPaste, linesAsSteps, MAX_UNDO, mergeSplit, pushDeletion, removeStep, REPRO_MAX_VALUE_CHARS, restoreStep, sizeNotice, toValue, valueSize } from '../../../static/repro-field/src/draft';

describe('isMultiPartPaste', () => {
  it.each([
    ['several lines', '1. Open cart\n2. Click Pay'],
    ['a long run-on text', `When I open the cart and click Pay ${'the page hangs '.repeat(12)}`],
    ['a one-line numbered list with ")"', '1) open cart 2) add item 3) click checkout 4) page shows 500 error'],
    ['a one-line numbered list with "."', '1. Open cart 2. Click Pay'],
    ['an inline Expected label', 'Clicking Pay fails. Expected: it pays'],
    ['an inline Actual result label', 'Open the cart Actual result: total is 12'],
    ['a build label opening a sentence', 'Clicking Pay fails. Build: 4.3.0'],
  ])('splits %s', (_label, text) => {
    expect(isMultiPartPaste(text)).toBe(true);
  });

  it.each([
    ['a plain step', 'Open the cart'],
    ['a step naming a version', 'Open version 2. settings page'],
    ['a step that starts with 1 but has no second item', '1. Open the cart and click Pay'],
    ['a step naming a build page', 'Open the Build: overview page'],
  ])('leaves %s to the browser', (_label, text) => {
    expect(isMultiPartPaste(text)).toBe(false);
  });
});

describe('linesAsSteps (a paste kept as typed when it could not be split)', () => {
  it('keeps every non-blank line as a step', () => {
    expect(linesAsSteps('Open cart\r\n\n  Click Pay  \nExpected: paid')).toEqual(['Open cart', 'Click Pay', 'Expected: paid']);
    expect(linesAsSteps('1) open cart 2) add item')).toEqual(['1) open cart 2) add item']);
  });

  it('goes on in the next step when a line is longer than a step may be', () => {
    const steps = linesAsSteps('x'.repeat(REPRO_MAX_STEP_LENGTH + 5));
    expect(steps.map((s) => s.length)).toEqual([REPRO_MAX_STEP_LENGTH, 5]);
  });

  it('merged into an empty step replaces it, into a filled one follows it', () => {
    const d = fromValue({ steps: ['Log in', ''] });
    expect(mergeSplit(d, 1, { steps: linesAsSteps('Open cart\nClick Pay') }).draft.steps).toEqual(['Log in', 'Open cart', 'Click Pay']);
    expect(mergeSplit(d, 0, { steps: linesAsSteps('Open cart') }).draft.steps).toEqual(['Log in', 'Open cart', '']);
  });
});

describe('the size line (Jira refuses a value over 32,768 characters)', () => {
  it('counts the value as JSON, the way Jira measures it', () => {
    const value = toValue({ ...fromValue(null), steps: ['Open the cart'], expected: 'VAT 20%' });
    expect(valueSize(value)).toBe(JSON.stringify(value).length);
    expect(valueSize(null)).toBe(0);
    expect(REPRO_MAX_VALUE_CHARS).toBe(32_768);
  });

  it('shows the count, warns close to the limit and says what to do over it', () => {
    expect(sizeNotice(1_234)).toEqual({ level: 'ok', text: '1,234 of 32,768 characters' });
    expect(sizeNotice(30_000)).toEqual({ level: 'near', text: '30,000 of 32,768 characters: close to the limit; shorten the steps or attach a log.' });
    expect(sizeNotice(32_768).level).toBe('near');
    expect(sizeNotice(41_700)).toEqual({ level: 'over', text: '41,700 of 32,768 characters: too long for Jira to save; shorten the steps or attach a log.' });
  });
});

describe('mergeSplit keeps what is already there and what was pasted', () => {
  const filled = fromValue({ steps: ['Open the cart'], expected: 'VAT 20%', actual: 'VAT 0%', build: '4.3.0' });

  it("fills empty parts, and adds a paste's expected/actual after the text already in a filled box", () => {
    const { draft, appended, notApplied } = mergeSplit(filled, 0, { steps: ['Click Pay'], expected: 'The receipt shows VAT', actual: 'No VAT line', environment: 'Chrome 131', build: '4.3.1' });
    expect(draft).toMatchObject({ steps: ['Open the cart', 'Click Pay'], expected: 'VAT 20%\nThe receipt shows VAT', actual: 'VAT 0%\nNo VAT line', environment: 'Chrome 131', build: '4.3.0; 4.3.1' });
    expect(appended).toEqual(['expected', 'actual', 'build']);
    expect(notApplied).toEqual([]);
  });

  it('does not repeat a text the box already holds', () => {
    const { draft, appended } = mergeSplit(filled, 0, { steps: [], expected: 'vat 20%', build: '4.3.0' });
    expect(draft).toMatchObject({ expected: 'VAT 20%', build: '4.3.0' });
    expect(appended).toEqual([]);
  });

  it('reports, instead of dropping, a part that would grow past its limit and steps past the step limit', () => {
    const full = { ...filled, actual: 'x'.repeat(REPRO_MAX_TEXT_LENGTH - 5), steps: Array.from({ length: REPRO_MAX_STEPS - 1 }, (_, n) => `Step ${n + 1}`) };
    const { draft, notApplied } = mergeSplit(full, 0, { steps: ['Click Pay', 'Click Confirm'], actual: 'No VAT line' });
    expect(draft.actual).toBe(full.actual);
    expect(draft.steps).toHaveLength(REPRO_MAX_STEPS);
    expect(draft.steps.slice(0, 3)).toEqual(['Step 1', 'Click Pay', 'Step 2']);
    expect(draft.steps.at(-1)).toBe(`Step ${REPRO_MAX_STEPS - 1}`);
    expect(notApplied).toEqual([`1 step(s) from "Click Confirm" on (a bug has at most ${REPRO_MAX_STEPS} steps)`, 'Actual result: No VAT line']);
  });
});

describe("mergeSplit lists what the split cut to the field's limits", () => {
  it('after what did not fit, naming the box, the step as numbered in the editor, and the steps past the last', () => {
    const d = fromValue({ steps: ['Log in', ''] });
    const { draft, notApplied } = mergeSplit(d, 1, { steps: ['Open the cart', 'Click Pay'], actual: 'Error 500' }, [
      { part: 'steps', step: 2, text: 'and wait' },
      { part: 'steps', text: '101. Click OK\n102. Close' },
      { part: 'actual', text: 'at com.acme.Pay(Pay.java:12)' },
      { part: 'expected', text: '' },
    ]);
    expect(draft.steps).toEqual(['Log in', 'Open the cart', 'Click Pay']);
    expect(notApplied).toEqual([
      'Step 3, past its 2,000 characters: and wait',
      `Pasted steps past the ${REPRO_MAX_STEPS}th (a bug has at most ${REPRO_MAX_STEPS} steps):\n101. Click OK\n102. Close`,
      'Actual result, past its 2,000 characters: at com.acme.Pay(Pay.java:12)',
      'Expected result: only the first 2,000 characters of the pasted text went in; the rest is still on the clipboard',
    ]);
  });
});

describe('fitEdit (a box never cuts text silently)', () => {
  it('keeps an edit within the limit as it is', () => {
    expect(fitEdit('Error', 'Error 502', 10)).toEqual({ text: 'Error 502', left: '' });
  });

  it('keeps the text that was there and cuts only what was inserted, wherever it was inserted', () => {
    expect(fitEdit('', 'abcdefghij', 4)).toEqual({ text: 'abcd', left: 'efghij' });
    expect(fitEdit('Error: ', 'Error: stack trace', 10)).toEqual({ text: 'Error: sta', left: 'ck trace' });
    expect(fitEdit('ab|cd', 'ab|XYZcd', 6)).toEqual({ text: 'ab|Xcd', left: 'YZ' });
    // A full box: what is typed is what is cut.
    expect(fitEdit('abcd', 'abcde', 4)).toEqual({ text: 'abcd', left: 'e' });
  });
});

describe('fitInsert (a paste or typed text cut before it goes into the box)', () => {
  it('lets in what fits at the caret, counting the selection it replaces, and returns the rest', () => {
    expect(fitInsert(5, 0, 'abc', 10)).toEqual({ fit: 'abc', rest: '' });
    expect(fitInsert(7, 0, 'abcdefghij', 10)).toEqual({ fit: 'abc', rest: 'defghij' });
    expect(fitInsert(10, 4, 'abcdefghij', 10)).toEqual({ fit: 'abcd', rest: 'efghij' });
    // A full box: a typed key is all rest.
    expect(fitInsert(10, 0, 'x', 10)).toEqual({ fit: '', rest: 'x' });
  });

  it('never splits an emoji', () => {
    expect(fitInsert(8, 0, 'a😀b', 10)).toEqual({ fit: 'a', rest: '😀b' });
  });

  it('counts line breaks as the box takes them in', () => {
    expect(asBoxText('a\r\nb\rc\nd', true)).toBe('a b c d');
    expect(asBoxText('a\r\nb\rc\nd', false)).toBe('a\nb\nc\nd');
  });
});

describe('cutNotice (what a screen reader hears of a cut)', () => {
  it('says how much of which box was not applied, never the text itself', () => {
    expect(cutNotice({ box: 'Actual result', max: 2000, text: 'x'.repeat(2_010) })).toBe('2,010 characters of Actual result not applied.');
    expect(cutNotice({ box: 'Step 3', max: 2000, text: '!' })).toBe('Step 3 is full: what you type goes to the Not applied list.');
  });
});

describe('addCut', () => {
  it('lists each cut; keys typed on in a full box make one entry', () => {
    const pasted = addCut([], { box: 'Actual result', max: 2000, text: 'at Foo.bar' });
    const typed = addCut(addCut(pasted, { box: 'Actual result', max: 2000, text: '!' }), { box: 'Actual result', max: 2000, text: '?' });
    expect(typed.map((c) => c.text)).toEqual(['at Foo.bar', '!?']);
    expect(addCut(typed, { box: 'Step 1', max: 2000, text: 'x' }).map((c) => c.text)).toEqual(['at Foo.bar', '!?', 'x']);
  });
});

describe('restoreStep (Undo of a deleted step)', () => {
  it('puts the step back where it was, at the end when fewer steps are left, or in place of a lone empty step', () => {
    expect(restoreStep(['Open', 'Pay'], 1, 'Apply code')).toEqual(['Open', 'Apply code', 'Pay']);
    expect(restoreStep(['Open'], 3, 'Pay')).toEqual(['Open', 'Pay']);
    expect(restoreStep([''], 0, 'Open')).toEqual(['Open']);
  });
});

describe('pushDeletion (Undo takes back several deletions, last first)', () => {
  it('restores the steps as they were when undone in reverse order', () => {
    const start = ['Open', 'Apply code', 'Choose delivery', 'Pay'];
    let steps = start;
    let stack: ReturnType<typeof pushDeletion> = [];
    for (const i of [1, 1, 0]) {
      stack = pushDeletion(stack, { index: i, text: steps[i]! });
      steps = removeStep(steps, i);
    }
    expect(steps).toEqual(['Pay']);
    for (const d of [...stack].reverse()) steps = restoreStep(steps, d.index, d.text);
    expect(steps).toEqual(start);
  });

  it(`keeps the last ${MAX_UNDO}`, () => {
    let stack: ReturnType<typeof pushDeletion> = [];
    for (let n = 0; n < MAX_UNDO + 2; n++) stack = pushDeletion(stack, { index: 0, text: `Step ${n}` });
    expect(stack).toHaveLength(MAX_UNDO);
    expect(stack[0]!.text).toBe('Step 2');
  });
});

describe('formState (the create dialog says what Jira will refuse)', () => {
  it.each([
    [null, 'Nothing in the form: the field stays empty.'],
    [{ steps: [], build: '4.3.0' }, 'Jira will refuse these steps on Create until they have at least one step, the expected result and the actual result (or leave the field empty).'],
    [{ steps: ['Open'], expected: 'Paid' }, 'Jira will refuse these steps on Create until they have the actual result (or leave the field empty).'],
    [{ steps: ['Open', 'Pay'], expected: 'Paid', actual: 'Error 502', build: '4.3.0' }, 'Added to the form: 2 step(s), build 4.3.0.'],
  ])('%j', (value, text) => {
    expect(formState(value)).toBe(text);
  });

  it('says Jira will refuse a value over 32,768 characters, instead of "Added to the form"', () => {
    const steps = Array.from({ length: 17 }, (_, n) => `Click item ${n} `.padEnd(REPRO_MAX_STEP_LENGTH, 'x'));
    const value = { steps, expected: 'Paid', actual: 'Error 502' };
    expect(valueSize(value)).toBeGreaterThan(REPRO_MAX_VALUE_CHARS);
    expect(formState(value)).toBe(`Jira will refuse these steps on Create: they are too long (${valueSize(value).toLocaleString('en')} of 32,768 characters); shorten them or attach a log.`);
    expect(formState({ steps })).toMatch(/: they are too long \([\d,]+ of 32,768 characters\); shorten them or attach a log\. They also need the expected result and the actual result\.$/);
  });
});
