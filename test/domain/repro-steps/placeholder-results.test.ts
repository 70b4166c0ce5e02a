/** A field whose Expected or Actual box holds a placeholder ("-", "see title", "tbd") is not a clear report. */
import { analyseReproSteps } from '../../../src/domain/repro-steps';
import { isPlaceholderResult } from '../../../src/domain/repro-steps/findings';

const field = (expected: string, actual: string) =>
  analyseReproSteps({ summary: 'Discount missing at checkout', field: { steps: ['Open the cart', 'Apply code SAVE10', 'Click Pay'], expected, actual, build: '4.3.0', environment: 'Chrome 120' } });
const codes = (a: ReturnType<typeof field>) => a.findings.map((f) => f.code);

it.each([
  ['-', 'see title'],
  ['?', 'bug'],
  ['same as summary', 'see title.'],
  ['n/a', 'TBD'],
  ['x', 'y'],
  ['asdf', 'xxx'],
  ['…', 'See the screenshot'],
])('Expected %j / Actual %j: both reported missing, not clear', (expected, actual) => {
  const a = field(expected, actual);
  expect(codes(a)).toEqual(expect.arrayContaining(['MISSING_EXPECTED', 'MISSING_ACTUAL']));
  expect(a.has.expected).toBe(false);
  expect(a.has.actual).toBe(false);
  expect(a.verdict).not.toBe('clear');
  // What the writer typed is still shown.
  expect(a.parts.expected).toBe(expected);
});

it.each(['VAT 0%', '0', '500', 'Crash', 'Error 500', 'Blank page', 'OK', 'The discount is applied', 'No receipt'])('%j is a result', (text) => {
  expect(isPlaceholderResult(text)).toBe(false);
  const a = field('The order page shows 10% off', text);
  expect(a.has.actual).toBe(true);
});

it('a complete field is still clear', () => {
  const a = field('The total shows 10% off', 'The total shows no discount');
  expect(a.verdict).toBe('clear');
  expect(codes(a)).toEqual([]);
});

it('a labelled Expected or Actual in a description that states nothing is missing too', () => {
  const a = analyseReproSteps({ summary: 'Card does not move', description: 'Steps:\n1. Open the board\n2. Drag a card\nExpected: card moves\nActual: see title' });
  expect(a.has.actual).toBe(false);
  expect(a.findings.map((f) => f.code)).toContain('MISSING_ACTUAL');
  expect(a.verdict).not.toBe('clear');
  const b = analyseReproSteps({ summary: 'Card does not move', description: 'Steps:\n1. Open the board\n2. Drag a card\nExpected: -\nActual: the card snaps back' });
  expect(b.has.expected).toBe(false);
  expect(b.has.actual).toBe(true);
});
