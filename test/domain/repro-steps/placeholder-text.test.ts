/**
 * Template and skeleton text never counts as content (issue 14, point 3): one test per placeholder family, in the
 * field, in a description and in a paste.
 */
import { analyseReproSteps, asksForSteps, isPlaceholderText, placeholderKind, splitIntoSteps, unplacedSentences } from '../../../src/domain/repro-steps';
import { buildOf, oneWordLabelsAsLabels } from '../../../src/domain/repro-steps/paste-meta';
import { REGRESSION_BUG_PROMPTS } from '../../../src/domain/regression/regression-bug-draft';

const clearField = { steps: ['Open the cart', 'Apply code SAVE10', 'Click Pay'], expected: 'The order is placed.', actual: 'Error 500 is shown.', environment: 'Chrome 131 on Windows 11', build: '4.3.0-rc.1' };

describe('placeholderKind: each family', () => {
  it.each([
    ['[steps here]', 'prompt'],
    ['[describe the bug]', 'prompt'],
    ['<describe>', 'prompt'],
    ['<what should happen>', 'prompt'],
    ['{version}', 'prompt'],
    ['(Add the exact actions that led to the failure.)', 'prompt'],
    ['(Describe what happened instead.)', 'prompt'],
    ['(Browser / OS / device.)', 'prompt'],
    ['[...]', 'prompt'],
    ['(…)', 'prompt'],
    ['N/A', 'filler'],
    ['n/a.', 'filler'],
    ['TBD', 'filler'],
    ['see above', 'filler'],
    ['Same as above.', 'filler'],
    ['See title', 'filler'],
    ['???', 'filler'],
    ['xxx', 'filler'],
    ['Lorem ipsum dolor sit amet, consectetur adipiscing elit.', 'lorem'],
    ['dolor sit amet', 'lorem'],
  ])('%s → %s', (text, kind) => {
    expect(placeholderKind(text)).toBe(kind);
    expect(isPlaceholderText(text)).toBe(true);
  });

  it.each([
    'Open the cart',
    '(only in dark mode)',
    '(Chrome 131 / Windows 11)',
    '<div>',
    '<fb:tag-body>',
    '[ERROR] Payment failed',
    'Nothing happens',
    'None of the items are shown',
    'Error 500',
    '0',
    'The lorem ipsum generator crashes when I click Generate',
  ])('content: %s', (text) => {
    expect(placeholderKind(text) === null || text.includes('lorem ipsum generator')).toBe(true);
    if (!text.includes('lorem')) expect(isPlaceholderText(text)).toBe(false);
  });

  it('a template instruction line counts too ("A clear and concise description of …")', () => {
    expect(isPlaceholderText('A clear and concise description of what the bug is.')).toBe(true);
  });

  it('asksForSteps: a prompt for the steps themselves, not any prompt', () => {
    expect(asksForSteps('(Add the exact actions that led to the failure.)')).toBe(true);
    expect(asksForSteps('[steps here]')).toBe(true);
    expect(asksForSteps('(Browser / OS / device.)')).toBe(false);
    expect(asksForSteps('Add the steps to the wiki')).toBe(false);
  });
});

describe('in the Reproduction steps field', () => {
  it('a clear value stays clear (the control)', () => {
    expect(analyseReproSteps({ field: clearField }).verdict).toBe('clear');
  });

  it('the regression bug skeleton reads as missing, not 95/100 clear', () => {
    const a = analyseReproSteps({
      field: { steps: ['Use build 4.3.0-rc.1.', 'Go to Checkout.', 'Pay with a saved card.', REGRESSION_BUG_PROMPTS.steps], expected: 'Pay with a saved card, as it did before the fix for RT-1.', actual: REGRESSION_BUG_PROMPTS.actual, environment: REGRESSION_BUG_PROMPTS.environment, build: '4.3.0-rc.1' },
    });
    expect(a.verdict).toBe('missing');
    expect(a.has).toMatchObject({ steps: false, actual: false });
    expect(a.parts.environment).toBeUndefined();
  });

  it.each([
    ['bracketed steps', { ...clearField, steps: ['[steps here]', '<describe>'] }, 'steps'],
    ['N/A steps', { ...clearField, steps: ['N/A'] }, 'steps'],
    ['see above steps', { ...clearField, steps: ['see above'] }, 'steps'],
    ['lorem steps', { ...clearField, steps: ['Lorem ipsum dolor sit amet', 'consectetur adipiscing elit'] }, 'steps'],
    ['a prompt as expected', { ...clearField, expected: '(Add the expected result.)' }, 'expected'],
    ['lorem as actual', { ...clearField, actual: 'Lorem ipsum dolor sit amet.' }, 'actual'],
    ['N/A as actual', { ...clearField, actual: 'N/A' }, 'actual'],
  ])('%s does not count', (_name, field, part) => {
    const a = analyseReproSteps({ field });
    expect(a.has[part as 'steps' | 'expected' | 'actual']).toBe(false);
    expect(a.verdict).not.toBe('clear');
  });

  it('placeholder environment and build are no environment and no build', () => {
    const a = analyseReproSteps({ field: { ...clearField, environment: '(Browser / OS / device.)', build: 'N/A' } });
    expect(a.parts.environment).toBeUndefined();
    expect(a.parts.build).toBeUndefined();
    expect(a.has.environment).toBe(false);
    expect(a.findings.map((f) => f.code)).toEqual(expect.arrayContaining(['NO_BUILD', 'NO_ENVIRONMENT']));
  });

  it('a placeholder step among real ones is dropped, the real ones count', () => {
    const a = analyseReproSteps({ field: { ...clearField, steps: ['Open the cart', 'Click Pay', '[step 3]'] } });
    expect(a.parts.steps).toEqual(['Open the cart', 'Click Pay']);
    expect(a.has.steps).toBe(true);
  });
});

describe('in a description', () => {
  const skeleton = [
    'Found during the focused regression of RT-1 in 4.3.0-rc.1: the check "Checkout — Pay" failed.',
    '',
    'Steps to reproduce',
    '1. Use build 4.3.0-rc.1.',
    '2. Go to Checkout.',
    '3. Pay with a saved card.',
    `4. ${REGRESSION_BUG_PROMPTS.steps}`,
    '',
    'Expected result',
    'Pay with a saved card, as it did before the fix for RT-1.',
    '',
    'Actual result',
    REGRESSION_BUG_PROMPTS.actual,
    '',
    'Environment:',
    REGRESSION_BUG_PROMPTS.environment,
  ].join('\n');

  it('the old regression bug skeleton reads as missing', () => {
    const a = analyseReproSteps({ description: skeleton });
    expect(a.verdict).toBe('missing');
    expect(a.parts.environment).toBeUndefined();
  });

  it('an untouched issue template reads as missing every part', () => {
    const untouched = 'Steps to reproduce:\n1. [steps here]\n2. <describe>\n\nExpected result:\n(Describe what should happen.)\n\nActual result:\n(Describe what happened instead.)\n\nEnvironment: (Browser / OS / device.)\nBuild: N/A';
    const a = analyseReproSteps({ description: untouched });
    expect(a.has).toMatchObject({ steps: false, expected: false, actual: false, environment: false });
    expect(a.score).toBe(0);
  });

  it("a template's own labels left as the field's values are no report (\"Step 1\", \"Expected result\", \"Environment\")", () => {
    const labels = analyseReproSteps({ field: { steps: ['Step 1', 'Step 2', 'Step 3'], expected: 'Expected result', actual: 'Actual result', environment: 'Environment', build: 'Build' } });
    expect(labels.has).toEqual({ steps: false, expected: false, actual: false, environment: false });
    expect(labels.verdict).toBe('missing');
    // Instructions written without brackets are prompts too.
    const told = analyseReproSteps({ field: { steps: ['Describe the steps here', 'Add more steps'], expected: 'What you expected', actual: 'What happened' } });
    expect(told.has).toMatchObject({ steps: false, expected: false, actual: false });
    // Real values that share a word with the labels still count ("Build 1203", "Add two items to the cart").
    const real = analyseReproSteps({ field: { steps: ['Add two items to the cart', 'Enter the coupon code SAVE10', 'Click Pay'], expected: 'The order is placed.', actual: 'Error 500 is shown.', build: 'Build 1203', environment: 'Chrome 131' } });
    expect(real.has).toEqual({ steps: true, expected: true, actual: true, environment: true });
    expect(real.parts.steps).toHaveLength(3);
  });

  it('bracketed ordinal prompts ("[First step]", "[Second step]") are no steps in a description', () => {
    const a = analyseReproSteps({ description: '*Steps to reproduce*\n1. [First step]\n2. [Second step]\n*Expected:* [What should happen]\n*Actual:* [What happens]\n*Environment:* [Browser/OS]' });
    expect(a.has).toMatchObject({ steps: false, expected: false, actual: false, environment: false });
  });

  it('lorem ipsum is no report', () => {
    const a = analyseReproSteps({ description: 'Steps:\n1. Lorem ipsum dolor sit amet\n2. consectetur adipiscing elit\nExpected: lorem ipsum\nActual: dolor sit amet' });
    expect(a.has).toMatchObject({ steps: false, expected: false, actual: false });
  });

  it('"see above" everywhere is no report', () => {
    const a = analyseReproSteps({ description: 'Steps: see above\nExpected: see above\nActual: see above' });
    expect(a.has.steps).toBe(false);
    expect(a.verdict).toBe('missing');
  });

  it('the demo data template (seeded headings) left empty reads as missing', () => {
    const a = analyseReproSteps({
      description: {
        type: 'doc',
        version: 1,
        content: ['Steps to reproduce', 'Expected result', 'Actual result', 'Environment'].flatMap((h) => [
          { type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: h }] },
          { type: 'paragraph', content: [{ type: 'text', text: h === 'Environment' ? '(Browser / OS / device.)' : '[fill in]' }] },
        ]),
      },
    });
    expect(a.has).toMatchObject({ steps: false, expected: false, actual: false, environment: false });
  });
});

describe('in a paste', () => {
  it('a pasted template fills no box', () => {
    const v = splitIntoSteps('Steps to reproduce:\n1. [steps here]\n2. <describe>\nExpected: (Add the expected result.)\nActual: N/A\nEnvironment: (Browser / OS / device.)');
    expect(v.steps).toEqual([]);
    expect(v.environment).toBeUndefined();
  });
});

describe('paste: Environment and Build only from a line that names one (RT-145)', () => {
  // The text a copied RT-145 description gives: the summary sentence, then headings on lines of their own.
  const rt145 = [
    'Place order button is disabled on Safari 17.',
    '',
    'Steps to reproduce',
    '',
    '1. Open the web shop and add two items to the cart',
    '2. Repeat in Safari 17 on macOS',
    '',
    'Expected result',
    '',
    'The control is enabled once the form is valid.',
    '',
    'Actual result',
    '',
    'It stays greyed out although every field is filled in.',
    '',
    'Environment',
    '',
    'Chrome 131 on Windows 11, web build 4.2.0 (1187)',
  ].join('\n');

  it('the summary sentence is no environment; the environment line is Environment, its build Build', () => {
    const v = splitIntoSteps(rt145);
    expect(v.environment).toBe('Chrome 131 on Windows 11, web build 4.2.0 (1187)');
    expect(v.build).toBe('4.2.0 (1187)');
    expect(v.steps).toEqual(['Open the web shop and add two items to the cart', 'Repeat in Safari 17 on macOS']);
  });

  it('the sentence left out is listed for the writer, the headings are not', () => {
    const v = splitIntoSteps(rt145);
    expect(unplacedSentences(rt145, v)).toEqual(['Place order button is disabled on Safari 17.']);
  });

  it('a report sentence that mentions a browser fills neither box; a line written as an environment does', () => {
    expect(splitIntoSteps('The total is wrong on Safari 17.\n1. Open the cart\n2. Click Pay\nExpected: 90\nActual: 100').environment).toBeUndefined();
    expect(splitIntoSteps('1. Open the cart\n2. Click Pay\nExpected: 90\nActual: 100\nSeen on Chrome 131 / Windows 11.').environment).toBe('Seen on Chrome 131 / Windows 11.');
  });

  it('a one-word heading is a label only on a line of its own after a blank line', () => {
    expect(oneWordLabelsAsLabels('Steps\n\nBuild\n4.3.0')).toBe('Steps\n\nBuild:\n4.3.0');
    expect(oneWordLabelsAsLabels('The Build\nBuild failed')).toBe('The Build\nBuild failed');
    expect(oneWordLabelsAsLabels('Open the app\nEnvironment')).toBe('Open the app\nEnvironment');
  });

  it('buildOf: the build a line names, or the line', () => {
    expect(buildOf('Chrome 131 on Windows 11, web build 4.2.0 (1187)')).toBe('4.2.0 (1187)');
    expect(buildOf('Version 4.3 on Chrome.')).toBe('4.3');
    expect(buildOf('Android app on Pixel 8')).toBe('Android app on Pixel 8');
  });
});
