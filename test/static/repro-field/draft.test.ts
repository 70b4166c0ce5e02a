/** The Reproduction steps editor's pure draft logic (static/repro-field/src/draft.ts). */
import { REPRO_MAX_STEP_LENGTH } from '@rt/contracts';
import { fromValue, isMultiPartPaste, linesAsSteps, mergeSplit, REPRO_MAX_VALUE_CHARS, sizeNotice, toValue, valueSize } from '../../../static/repro-field/src/draft';

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
    expect(mergeSplit(d, 1, { steps: linesAsSteps('Open cart\nClick Pay') }).steps).toEqual(['Log in', 'Open cart', 'Click Pay']);
    expect(mergeSplit(d, 0, { steps: linesAsSteps('Open cart') }).steps).toEqual(['Log in', 'Open cart', '']);
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
