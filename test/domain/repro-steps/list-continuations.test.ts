/**
 * Real step lists are hard-wrapped, carry indented remarks, and are followed by a paragraph: the items stay whole, the
 * remark stays with its item, and the paragraph is not a step. Both readings: the description and the paste.
 */
import { analyseReproSteps, splitIntoSteps, unplacedSentences } from '../../../src/domain/repro-steps';
import { unwrapHardWraps } from '../../../src/domain/repro-steps/split-steps';

const both = (text: string) => ({ description: analyseReproSteps({ description: text }).parts, paste: splitIntoSteps(text) });

it('an indented "Note:" under an item stays with it and does not end the list', () => {
  const text = '1. Open cart\n   Note: use a fresh account\n2. Click Pay\n3. Confirm the dialog\nExpected: paid\nActual: 502';
  const { description, paste } = both(text);
  const steps = ['Open cart. Note: use a fresh account', 'Click Pay', 'Confirm the dialog'];
  expect(description.steps).toEqual(steps);
  expect(paste.steps).toEqual(steps);
  expect(unplacedSentences(text, paste)).toEqual([]);
});

it('a hard-wrapped item is one step', () => {
  const text =
    "1. Log in as an admin and open the Billing page from the account menu in\n   the top right corner\n2. Click Download invoice for the latest order\nExpected: the PDF downloads\nActual: an error 'Invoice not found' is shown";
  const steps = ['Log in as an admin and open the Billing page from the account menu in the top right corner', 'Click Download invoice for the latest order'];
  const { description, paste } = both(text);
  expect(description.steps).toEqual(steps);
  expect(paste.steps).toEqual(steps);
  expect(unplacedSentences(text, paste)).toEqual([]);
});

it('a paragraph after the list (a blank line between) is not a step', () => {
  const text = 'To reproduce:\n- Open the board\n- Drag item 3 above item 1\n- Reload\n\nItems are back in the old order.';
  const { description, paste } = both(text);
  expect(description.steps).toEqual(['Open the board', 'Drag item 3 above item 1', 'Reload']);
  expect(paste.steps).toEqual(['Open the board', 'Drag item 3 above item 1', 'Reload']);
  // The paste lists it for the writer to place.
  expect(unplacedSentences(text, paste)).toEqual(['Items are back in the old order.']);
});

it('still reads items after a blank line, and an unindented capitalised line under an item as a step of its own', () => {
  expect(analyseReproSteps({ description: 'Steps:\n1. Open cart\n\n2. Click Pay\n\n3. Confirm\nExpected: paid\nActual: 502' }).parts.steps).toEqual(['Open cart', 'Click Pay', 'Confirm']);
  expect(analyseReproSteps({ description: 'Steps:\nOpen cart\nClick Pay\nExpected: paid\nActual: 502' }).parts.steps).toEqual(['Open cart', 'Click Pay']);
});

describe('a hard-wrapped paste', () => {
  const wrapped =
    "When I open the billing page from the account menu and click Download\ninvoice for the latest order, the page shows 'Invoice not found'. It\nshould download the PDF.";

  it('is read as the sentences it holds', () => {
    const v = splitIntoSteps(wrapped);
    expect(v.steps).toEqual(['Open the billing page from the account menu', 'Click Download invoice for the latest order']);
    expect(v.actual).toBe("The page shows 'Invoice not found'");
    expect(v.expected).toBe('It should download the PDF.');
    expect(unplacedSentences(wrapped, v)).toEqual([]);
  });

  it('keeps code blocks, list items and labels on their own lines', () => {
    expect(unwrapHardWraps('Run the import with\n```\nmode: full\nretries: 3\n```\nthen open the log')).toBe('Run the import with\n```\nmode: full\nretries: 3\n```\nthen open the log');
    expect(unwrapHardWraps('The page crashes\nexpected: it loads')).toBe('The page crashes\nexpected: it loads');
    expect(unwrapHardWraps('1. Open cart\n2. click Pay')).toBe('1. Open cart\n2. click Pay');
    expect(unwrapHardWraps('It crashes.\nthen it restarts')).toBe('It crashes.\nthen it restarts');
    expect(unwrapHardWraps('Open the billing page from\nthe account menu')).toBe('Open the billing page from the account menu');
  });
});

it('a labelled value opening with a number keeps it ("Preconditions: 30 issues in the filter")', () => {
  const a = analyseReproSteps({ description: 'Preconditions: 30 issues in the filter\n1. Select all\n2. Confirm\nExpected: 30 moved\nActual: 29 moved' });
  expect(a.parts.preconditions).toBe('30 issues in the filter');
  expect(a.parts.steps).toEqual(['Select all', 'Confirm']);
  // Bullets and numbered markers of a labelled list are still stripped.
  expect(analyseReproSteps({ description: 'Preconditions:\n- logged in as admin\n- 2 items in the cart\n\nSteps:\n1. Open\n2. Click' }).parts.preconditions).toBe(
    'logged in as admin\n2 items in the cart',
  );
});

describe('a pasted trace keeps its lines', () => {
  it.each([
    ['Java, tab-indented', 'Actual:\njava.lang.IllegalStateException: invoice is null\n\tat com.acme.InvoiceService.render(InvoiceService.java:42)\n\tat com.acme.Api.get(Api.java:7)'],
    ['Java, not indented', 'Actual:\njava.lang.IllegalStateException: invoice is null\nat com.acme.InvoiceService.render(InvoiceService.java:42)\nat com.acme.Api.get(Api.java:7)'],
    ['Python', 'Actual:\nTraceback (most recent call last):\n  File "app.py", line 10, in export\n    data = build()\nKeyError: \'id\''],
  ])('%s', (_name, text) => {
    expect(unwrapHardWraps(text)).toBe(text);
  });
});

describe('an unlabelled pasted trace', () => {
  const java = 'java.lang.IllegalStateException: Invoice not found\n\tat com.acme.billing.InvoiceService.load(InvoiceService.java:100)\n\tat com.acme.Api.get(Api.java:7)';
  it('is the actual result, whole, and no step', () => {
    expect(splitIntoSteps(java)).toEqual({ steps: [], actual: java });
    const python = "Traceback (most recent call last):\n  File \"app.py\", line 10, in export\n    data = build()\nKeyError: 'id'";
    expect(splitIntoSteps(python)).toEqual({ steps: [], actual: python });
  });
  it('follows the failure sentence it belongs to', () => {
    const v = splitIntoSteps(`Open the invoice page and click Download, the page crashes with:\n${java}`);
    expect(v.steps).toEqual(['Open the invoice page', 'Click Download']);
    expect(v.actual).toBe(`The page crashes with: ${java}`);
  });
});
