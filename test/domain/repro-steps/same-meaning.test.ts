/** EXPECTED_EQUALS_ACTUAL compares what the two results say, not the links or screenshots they carry. */
import { analyseReproSteps } from '../../../src/domain/repro-steps';
import { sameMeaning } from '../../../src/domain/repro-steps/findings';

const codes = (description: string) => analyseReproSteps({ summary: 'Chart legend overlaps the plot', description }).findings.map((f) => f.code);
const steps = '1. Open the dashboard\n2. Resize the window to 800 px\n';

it('does not call two different screenshots the same result', () => {
  const description =
    steps +
    'Expected:\n<img width="1368" alt="Screenshot 2023-01-03" src="https://user-images.githubusercontent.com/1/2.png">\n' +
    'Actual:\n<img width="750" alt="Screenshot 2023-01-03" src="https://user-images.githubusercontent.com/1/3.png">\n';
  expect(codes(description)).not.toContain('EXPECTED_EQUALS_ACTUAL');
  expect(sameMeaning('![before](https://x.example/a.png)', '![after](https://x.example/b.png)')).toBe(false);
  expect(sameMeaning('!expected.png|thumbnail!', '!actual.png|thumbnail!')).toBe(false);
});

it('still finds the same words around a link or an image', () => {
  expect(codes(steps + 'Expected: the legend overlaps the plot, see https://x.example/1.png\nActual: the legend overlaps the plot, see https://x.example/2.png\n')).toContain(
    'EXPECTED_EQUALS_ACTUAL',
  );
  expect(sameMeaning('The total is wrong <img src="a.png">', 'the total is WRONG')).toBe(true);
  expect(sameMeaning('The legend sits beside the plot', 'The legend overlaps the plot')).toBe(false);
});

it('does not call a result and its negation the same', () => {
  expect(sameMeaning('The discount is applied', "The discount isn't applied")).toBe(false);
  expect(sameMeaning('The discount is applied', 'The discount isn\u2019t applied')).toBe(false);
  expect(sameMeaning('The invoice is paid', 'The invoice is not paid')).toBe(false);
  expect(sameMeaning('A receipt is sent', 'No receipt is sent')).toBe(false);
  expect(codes(steps + 'Expected: The discount is applied\nActual: The discount is not applied\n')).not.toContain('EXPECTED_EQUALS_ACTUAL');
  // Both negative, same words: still the same.
  expect(sameMeaning('The page does not reload', 'the page does NOT reload.')).toBe(true);
  expect(sameMeaning('Nothing is exported', 'nothing is exported')).toBe(true);
});

it('does not call results with different numbers the same', () => {
  expect(sameMeaning('Report lists 12 items', 'Report lists 0 items')).toBe(false);
  expect(sameMeaning('VAT is 20%', 'VAT is 19%')).toBe(false);
  expect(sameMeaning('Total 119.00 EUR', 'Total 119.50 EUR')).toBe(false);
  expect(codes(steps + 'Expected: Report lists 12 items\nActual: Report lists 0 items\n')).not.toContain('EXPECTED_EQUALS_ACTUAL');
  // The same numbers in the same words: the same.
  expect(sameMeaning('Error 500 is shown', 'error 500 is shown.')).toBe(true);
  expect(sameMeaning('The report lists 12 items', 'Report lists 12 items')).toBe(true);
});
