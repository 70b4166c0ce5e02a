/**
 * Where a part ends. Real descriptions put the build line straight under "Actual: …" (no blank line), and write
 * paragraphs of several sentences rather than one sentence a line: a part holds its own words, not its neighbours'.
 */
import { analyseReproSteps, splitIntoSteps, unplacedSentences } from '../../../src/domain/repro-steps';
import { doc, para } from './builders';

const STEPS = 'Steps to reproduce:\n1. Open the cart\n2. Add two items';

describe('a build, environment or frequency line right under a labelled result', () => {
  it.each([
    ['Build 4.3.0', { build: 'Build 4.3.0' }],
    ['build 4.3.0-rc.1', { build: 'build 4.3.0-rc.1' }],
    ['Version 4.3.0 on Windows 11', { build: 'Version 4.3.0 on Windows 11', environment: 'Version 4.3.0 on Windows 11' }],
    ['Firefox 120 / Windows 11', { environment: 'Firefox 120 / Windows 11' }],
    ['Happens 1 in 5 times', { frequency: 'Happens 1 in 5 times' }],
  ])('"Actual: 25\\n%s" keeps the line out of the actual result and reads it', (line, meta) => {
    const a = analyseReproSteps({ summary: 'Cart total wrong', description: `${STEPS}\nExpected: 20\nActual: 25\n${line}` });
    expect(a.parts.actual).toBe('25');
    expect(a.parts).toMatchObject(meta);
  });

  it('the same under "Expected:" when it comes last', () => {
    const a = analyseReproSteps({ description: `${STEPS}\nActual: 25\nExpected: 20\nBuild 4.3.0 on Windows 11` });
    expect(a.parts.expected).toBe('20');
    expect(a.parts.build).toBe('Build 4.3.0 on Windows 11');
    expect(a.findings.map((f) => f.code)).not.toContain('NO_BUILD');
  });

  it('a result line that merely names a platform stays part of the result', () => {
    const a = analyseReproSteps({ description: `${STEPS}\nExpected: 20\nActual: 25\nthe total is also wrong in the mobile app on Android` });
    expect(a.parts.actual).toBe('25\nthe total is also wrong in the mobile app on Android');
  });

  it('an "Expected equals actual" check is not fooled by the build line under one of them', () => {
    const a = analyseReproSteps({ description: `${STEPS}\nExpected: the total is 20\nActual: the total is 20\nBuild 1.0 on Windows 11` });
    expect(a.findings.map((f) => f.code)).toContain('EXPECTED_EQUALS_ACTUAL');
    expect(a.parts.build).toBe('Build 1.0 on Windows 11');
  });
});

describe('parts found in a paragraph of several sentences', () => {
  const paragraph = 'When I open the cart and add two items, the total shows 25. It should be 20. Build 4.3.0 on Chrome 120.';

  it.each([
    ['plain text', paragraph],
    ['ADF', doc(para(paragraph))],
  ])('takes the sentence that states each part (%s)', (_, description) => {
    const a = analyseReproSteps({ summary: 'Cart total wrong', description });
    expect(a.parts.expected).toBe('It should be 20.');
    expect(a.parts.build).toBe('Build 4.3.0 on Chrome 120.');
    expect(a.parts.environment).toBe('Build 4.3.0 on Chrome 120.');
    expect(a.parts.steps).toEqual(['Open the cart', 'Add two items']);
  });

  it('does not cut a sentence at an abbreviation ("e.g. for")', () => {
    const a = analyseReproSteps({ description: `${STEPS}\nActual: 25\n\nThe total should be 20 e.g. for two items at 10.` });
    expect(a.parts.expected).toBe('The total should be 20 e.g. for two items at 10.');
  });

  it('a paragraph after the labelled result is read as the report again', () => {
    const a = analyseReproSteps({ description: `${STEPS}\nActual: 25\n\nIt should be 20.\nVersion 4.3.0` });
    expect(a.parts.expected).toBe('It should be 20.');
    expect(a.parts.build).toBe('Version 4.3.0');
  });
});

describe('run-on reproductions written as a chain of actions', () => {
  it('"Open X, do Y and click Z. It fails." gives the actions as steps and the next sentence as the actual result', () => {
    const a = analyseReproSteps({ description: 'Open the cart, add two items and click Checkout. The page crashes with a 500 error. It should show the order page.' });
    expect(a.parts.steps).toEqual(['Open the cart', 'Add two items', 'Click Checkout']);
    expect(a.parts.actual).toBe('The page crashes with a 500 error');
    expect(a.parts.expected).toBe('It should show the order page.');
    expect(a.has.steps).toBe(true);
  });

  it('a menu path counts as one action: "Go to Settings > Billing, click Download. Nothing happens; expected a PDF."', () => {
    const a = analyseReproSteps({ description: 'Go to Settings > Billing > Invoices, click Download. Nothing happens; expected a PDF download.' });
    expect(a.parts.steps).toEqual(['Go to Settings > Billing > Invoices', 'Click Download']);
    expect(a.has.expected).toBe(true);
  });

  it.each([
    ['one action only', 'Open the cart. The page crashes.'],
    ['no failure after the actions', 'Open the cart, add two items and click Checkout. Then pay.'],
    ['a clause that is not an action', 'Open the cart, the total is 25. It is wrong.'],
  ])('is not read into %s', (_, description) => {
    expect(analyseReproSteps({ description }).parts.steps).not.toEqual(expect.arrayContaining(['Open the cart', 'Add two items']));
    expect(analyseReproSteps({ description }).parts.steps.length).toBeLessThan(2);
  });
});

describe('the GitHub issue template', () => {
  const template = [
    '**Describe the bug**', 'Saving a dashboard with two widgets throws an error.', '',
    '**To Reproduce**', 'Steps to reproduce the behavior:', "1. Go to 'Dashboards'", "2. Click on 'New'", '3. Add two widgets', '',
    '**Expected behavior**', 'The dashboard is saved.', '',
    '**Desktop**', ' - OS: macOS 14', ' - Browser: Chrome', '', '**Version**', '- 2.3.1',
  ].join('\n');

  it('reads every part, with "Describe the bug" as the description rather than part of the result', () => {
    const a = analyseReproSteps({ description: template });
    expect(a.parts.steps).toEqual(["Go to 'Dashboards'", "Click on 'New'", 'Add two widgets']);
    expect(a.parts.expected).toBe('The dashboard is saved.');
    expect(a.parts.actual).toBe('Saving a dashboard with two widgets throws an error.');
    expect(a.parts.environment).toBe('macOS 14; Chrome');
    expect(a.parts.build).toBe('2.3.1');
    expect(a.verdict).toBe('clear');
  });
});

describe('a numbered list written on one line', () => {
  it('"1) open cart 2) add item 3) click checkout" gives three steps, and the sentence after the last item is prose', () => {
    const a = analyseReproSteps({ description: '1) open cart 2) add item 3) click checkout -> the page crashes. Expected the order page.' });
    expect(a.parts.steps).toEqual(['open cart', 'add item', 'click checkout -> the page crashes.']);
    expect(a.parts.expected).toBe('Expected the order page.');
  });

  it.each([
    ['numbers that do not run 1, 2, 3', '1) open cart 3) add item'],
    ['a number inside a sentence', 'Upgrade to version 2. Then open the cart.'],
  ])('is not read into %s', (_, description) => {
    expect(analyseReproSteps({ description }).parts.steps).not.toEqual(['open cart', 'add item']);
    expect(analyseReproSteps({ description }).parts.steps.length).toBeLessThan(2);
  });
});

describe('results written inside or after the steps', () => {
  it('a result line right after the numbered steps ends them and is the actual result', () => {
    const description = 'Steps:\n1. Create a project "Tmp"\n2. Delete it\n3. Search for "Tmp"\nThe deleted project still shows up in the results.';
    const a = analyseReproSteps({ description });
    expect(a.parts.steps).toEqual(['Create a project "Tmp"', 'Delete it', 'Search for "Tmp"']);
    expect(a.parts.actual).toBe('The deleted project still shows up in the results.');
  });

  it('an unmarked action line after the list is still a step', () => {
    const a = analyseReproSteps({ description: 'Steps:\n1. Create a project\n2. Delete it\nSearch for it in the global search' });
    expect(a.parts.steps).toEqual(['Create a project', 'Delete it', 'Search for it in the global search']);
  });

  it('a stack trace is the observed result of a short report', () => {
    const a = analyseReproSteps({ summary: 'NPE in OrderService', description: 'java.lang.NullPointerException\n    at com.acme.OrderService.total(OrderService.java:88)\n\nSeen on the order page.' });
    expect(a.has.actual).toBe(true);
    expect(a.parts.actual).toBe('java.lang.NullPointerException');
  });
});

describe('labels inside a paragraph', () => {
  it('"… crashes. Expected: … Actual: … Version …" opens each labelled part where its sentence starts', () => {
    const a = analyseReproSteps({ description: 'When I save the form, the app crashes. Expected: saved without error. Actual: the app closes. Version 3.1 on Android 14.' });
    expect(a.parts.expected).toBe('saved without error.');
    expect(a.parts.actual).toBe('the app closes.');
    expect(a.parts.build).toBe('Version 3.1 on Android 14.');
  });

  it('works for the other languages\' labels too', () => {
    const a = analyseReproSteps({ description: 'Die App stürzt beim Speichern ab. Erwartet: Speichern ohne Fehler. Version 3.1 auf Android 14.' });
    expect(a.parts.expected).toBe('Speichern ohne Fehler.');
    expect(a.parts.build).toBe('Version 3.1 auf Android 14.');
  });

  it('a sentence with a colon that is no label stays in its paragraph', () => {
    const a = analyseReproSteps({ description: 'Open the form and press Save. The message reads: Saved. Then it crashes.' });
    expect(a.parts.expected).toBeUndefined();
    expect(a.parts.actual).not.toBe('Saved.');
  });
});

describe('line ends', () => {
  it.each([
    ['\\r\\n', '\r\n'],
    ['\\r', '\r'],
    ['\\u2028', '\u2028'],
    ['\\n', '\n'],
  ])('%s separates lines', (_, eol) => {
    const a = analyseReproSteps({ description: ['Steps:', '1. Open the cart', '2. Add two items', 'Expected: 20', 'Actual: 25', 'Build 4.3.0'].join(eol) });
    expect(a.parts).toMatchObject({ steps: ['Open the cart', 'Add two items'], expected: '20', actual: '25', build: 'Build 4.3.0' });
  });
});

describe('paste → field (splitIntoSteps) on paragraphs', () => {
  it('a chain of actions, the failure sentence and the build sentence each go to their own field', () => {
    const v = splitIntoSteps('Open the cart, add two items and click Checkout. The page crashes with a 500 error. It should show the order page. Version 4.3 on Chrome.');
    expect(v).toMatchObject({
      steps: ['Open the cart', 'Add two items', 'Click Checkout'],
      actual: 'The page crashes with a 500 error',
      expected: 'It should show the order page.',
      // The line names both: Environment keeps it whole, Build holds the build only.
      environment: 'Version 4.3 on Chrome.',
      build: '4.3',
    });
  });

  it('keeps the only action of a paragraph with inline labels as a step', () => {
    const v = splitIntoSteps('When I save the form, the app crashes. Expected: saved without error. Actual: the app closes. Version 3.1 on Android 14.');
    expect(v).toMatchObject({ steps: ['When I save the form, the app crashes'], expected: 'saved without error.', actual: 'the app closes.', environment: 'Version 3.1 on Android 14.', build: '3.1' });
  });

  it('splits a one-line numbered list into its steps', () => {
    expect(splitIntoSteps('1) open cart 2) add item 3) click checkout -> the page crashes. Expected the order page.')).toMatchObject({
      steps: ['open cart', 'add item', 'click checkout -> the page crashes.'],
      expected: 'Expected the order page.',
    });
  });
});

describe('what is not a step, and what is not the actual result', () => {
  const description = '- Go to the Issues page\n- Set filter "Status = Open"\n- Open any issue and go back\nFilter is reset to "All". It should stay "Open".';

  it('"Filter is reset" opens with a noun, not an imperative: it is not shown as a step', () => {
    expect(analyseReproSteps({ description }).parts.steps).toEqual(['Go to the Issues page', 'Set filter "Status = Open"', 'Open any issue and go back']);
  });

  it('a step that names an "issue" is not the actual result', () => {
    expect(analyseReproSteps({ description }).parts.actual).not.toBe('Open any issue and go back');
  });

  it('"we couldn\'t reproduce it" is not shown as what the bug does', () => {
    const a = analyseReproSteps({ description: 'Several customers are logged out while editing, roughly every 10 minutes. It started after the release. We couldn\'t reproduce it internally.' });
    expect(a.parts.actual ?? '').not.toContain('reproduce');
  });
});

describe('a Given / When / Then scenario', () => {
  it('reads Given as preconditions, When/And as steps, Then as expected and But as actual', () => {
    const a = analyseReproSteps({
      description: 'Given a customer with a 10% coupon\nAnd two items in the cart\nWhen they open the cart\nAnd they click Checkout\nThen the total should be 18\nBut it shows 20\n\nBuild 4.3.0 on Chrome 120',
    });
    expect(a.parts).toMatchObject({
      preconditions: 'a customer with a 10% coupon\ntwo items in the cart',
      steps: ['they open the cart', 'they click Checkout'],
      expected: 'the total should be 18',
      actual: 'it shows 20',
      build: 'Build 4.3.0 on Chrome 120',
    });
    expect(a.verdict).toBe('clear');
  });

  it('a "When I …, it crashes" sentence without Given and Then stays prose', () => {
    const a = analyseReproSteps({ description: 'When I open the cart and click Checkout, the page crashes.\nThen I reload.' });
    expect(a.parts.preconditions).toBeUndefined();
    expect(a.parts.steps).toEqual(['Open the cart', 'Click Checkout']);
  });
});

describe('pastes an audit found losing text', () => {
  it.each([
    ['1. Open cart 2. Add item 3. Click checkout', ['Open cart', 'Add item', 'Click checkout']],
    ['1. open cart 2. Add item 3. click checkout', ['open cart', 'Add item', 'click checkout']],
  ])('a one-line "1." list with capitalised items keeps every step: %s', (text, steps) => {
    expect(splitIntoSteps(text).steps).toEqual(steps);
    expect(analyseReproSteps({ description: text }).parts.steps).toEqual(steps);
  });

  const traceback = [
    'Create a draft and press Save, the app crashes with:',
    'Traceback (most recent call last):',
    '  File "app.py", line 10, in save',
    '    title.strip()',
    "AttributeError: 'NoneType' object has no attribute 'strip'",
    'It should save the draft.',
  ].join('\n');

  it('a pasted Python traceback is the actual result, not steps, and the expectation after it is kept', () => {
    expect(splitIntoSteps(traceback)).toMatchObject({
      steps: ['Create a draft', 'Press Save'],
      // The failure sentence with the error it quotes, then the rest of the trace (nothing pasted is lost).
      actual: "The app crashes with: AttributeError: 'NoneType' object has no attribute 'strip'\nTraceback (most recent call last):\n  File \"app.py\", line 10, in save\n    title.strip()",
      expected: 'It should save the draft.',
    });
  });

  it('the analyser reads the same traceback report: the chain as steps, the error line as what happened', () => {
    const a = analyseReproSteps({ description: traceback });
    expect(a.parts.steps).toEqual(['Create a draft', 'Press Save']);
    expect(a.parts.actual).toBe("The app crashes with: AttributeError: 'NoneType' object has no attribute 'strip'");
  });
});

describe('a first-person paragraph', () => {
  const report =
    'Since the last update the invoice PDF shows the wrong VAT. I logged in as a reseller, opened invoice INV-2231 and clicked Download PDF. The VAT line says 19% but the customer is in Austria, so it should be 20%. Seen on build 5.12.3, Firefox 128 on Ubuntu 22.04. Every time.';

  it('reads "I logged in, opened X and clicked Y." as the steps and splits "says 19%, so it should be 20%" into actual and expected', () => {
    const a = analyseReproSteps({ description: report });
    expect(a.parts.steps).toEqual(['Logged in as a reseller', 'Opened invoice INV-2231', 'Clicked Download PDF']);
    expect(a.parts.actual).toBe('The VAT line says 19% but the customer is in Austria');
    expect(a.parts.expected).toBe('It should be 20%.');
    expect(a.findings.map((f) => f.code)).not.toContain('EXPECTED_EQUALS_ACTUAL');
    expect(a.verdict).toBe('clear');
  });

  it('the paste keeps the paragraph (it holds a "should") and sorts its sentences', () => {
    expect(splitIntoSteps(report)).toMatchObject({
      steps: ['Logged in as a reseller', 'Opened invoice INV-2231', 'Clicked Download PDF'],
      expected: 'It should be 20%.',
      frequency: 'Every time.',
    });
  });
});

describe('template details an audit found lost', () => {
  it('the GitHub "Desktop" list keeps every environment item and a bare version number', () => {
    const a = analyseReproSteps({
      description: '**To Reproduce**\n1. Go to Reports\n2. Click Export\n\n**Expected behavior**\nA CSV downloads.\n\n**Desktop (please complete the following information):**\n - OS: macOS 14\n - Browser: Firefox\n - Version: 121',
    });
    expect(a.parts.environment).toBe('macOS 14; Firefox');
    expect(a.parts.build).toBe('121');
    expect(a.findings.map((f) => f.code)).not.toContain('NO_BUILD');
  });

  it('"Export to CSV does nothing" opens with a noun subject: it is what happened, not a step', () => {
    const a = analyseReproSteps({ description: 'Export to CSV does nothing on large projects.\n\nSteps:\n1. Go to Reports\n2. Click Export' });
    expect(a.parts.actual).toBe('Export to CSV does nothing on large projects.');
  });

  it('an inline "Steps:" label over one chain of actions gives one step per action', () => {
    const a = analyseReproSteps({ description: 'The total does not change. Steps: open the web shop, add two items, go to checkout and enter GC-25 in the gift card box. Expected: the total drops by 25. Actual: the total stays 80.' });
    expect(a.parts.steps).toEqual(['Open the web shop', 'Add two items', 'Go to checkout', 'Enter GC-25 in the gift card box']);
  });
});

describe('a paste loses no sentence', () => {
  it('"Clicking Pay fails. Expected: … Actual: …" keeps its first sentence as the (single) step', () => {
    expect(splitIntoSteps('Clicking Pay fails. Expected: it pays. Actual: error 500')).toMatchObject({
      steps: ['Clicking Pay fails.'],
      expected: 'it pays.',
      actual: 'error 500',
    });
  });
});

describe('emoji decoration', () => {
  it('"🐛 Steps:", "1️⃣ Open cart", "✅ Expected:" read as the label and list items they decorate', () => {
    const a = analyseReproSteps({ description: '🐛 Steps:\n1️⃣ Open cart\n2️⃣ Add item\n✅ Expected: total 20\n❌ Actual: total 25' });
    expect(a.parts).toMatchObject({ steps: ['Open cart', 'Add item'], expected: 'total 20', actual: 'total 25' });
  });
});

describe('unplacedSentences (what a paste put in no box)', () => {
  it('lists an intro sentence, not a greeting (paste-email.test.ts) nor the sentences that went into the value or the labels', () => {
    const text = 'Hi team, quick one from support.\nCustomers in Austria get the wrong VAT on invoices.\nSteps:\n1. Open invoice INV-2231\n2. Click Download PDF\nExpected: VAT 20%\nActual: VAT 19%';
    expect(unplacedSentences(text, splitIntoSteps(text))).toEqual(['Customers in Austria get the wrong VAT on invoices.']);
  });

  it('lists no trace or code line, and at most ten sentences of at most 200 characters', () => {
    const text = `Steps:\n1. Run it\nActual: crash\n\`\`\`\njava.lang.IllegalStateException: boom\n\`\`\`\n\n${Array.from({ length: 30 }, (_, i) => `Unrelated remark number ${i} ${'about something else entirely '.repeat(10)}.`).join('\n')}`;
    const out = unplacedSentences(text, splitIntoSteps(text));
    expect(out).toHaveLength(10);
    expect(out.every((s) => s.length <= 200 && !s.includes('IllegalState'))).toBe(true);
  });
});

describe('more list shapes', () => {
  it('"(1) Open cart⏎(2) Pay" is a numbered list, not one joined step', () => {
    const a = analyseReproSteps({ description: 'Steps to reproduce\n(1) Open cart\n(2) Pay with a saved card\nExpected result\nReceipt\nActual result\nError 502' });
    expect(a.parts.steps).toEqual(['Open cart', 'Pay with a saved card']);
  });

  it('a result line right under the steps ("=> error 502") is the actual result', () => {
    const a = analyseReproSteps({ description: 'Repro:\n- open the cart\n- pay with a saved card\n=> error 502 (expected receipt)' });
    expect(a.has.actual).toBe(true);
    expect(a.parts.actual).toBe('=> error 502 (expected receipt)');
    expect(a.findings.map((f) => f.code)).not.toContain('MISSING_ACTUAL');
  });
});

describe('run-on sentences share one action-chain reader', () => {
  it('"When I open the cart and I click Pay, …" drops the actor of every action, as the other chains do', () => {
    expect(analyseReproSteps({ description: 'When I open the cart and I click Pay, the page crashes.' }).parts.steps).toEqual(['Open the cart', 'Click Pay']);
  });
});

describe('build, environment and frequency are not read from the steps', () => {
  it('a step that names windows, a date or a version is a step, not the build or environment', () => {
    const a = analyseReproSteps({
      description: 'Steps to reproduce:\n1. Open the report\n2. Close all other windows\n3. Enter 12.03.2024 in the date field\n4. Click Export every time\nExpected: a CSV\nActual: an empty file',
    });
    expect(a.parts.steps).toContain('Close all other windows');
    expect(a.parts.environment).toBeUndefined();
    expect(a.parts.build).toBeUndefined();
    expect(a.parts.frequency).toBeUndefined();
  });

  it('an imperative line in prose names no environment; a day.month.year date is no build', () => {
    const a = analyseReproSteps({ description: 'Open the browser settings and turn off cookies.\nThe export dated 12.03.2024 is empty.' });
    expect(a.parts.environment).toBeUndefined();
    expect(a.parts.build).toBeUndefined();
  });

  it.each([
    ['a labelled build and environment', `${STEPS}\nBuild: 4.3.0\nEnvironment: Windows 11`, { build: '4.3.0', environment: 'Windows 11' }],
    ['a version line in prose', `${STEPS}\n\nVersion 4.3.0 on Windows 11`, { build: 'Version 4.3.0 on Windows 11' }],
    ['an Eclipse build header above imperative lines', 'Build 20020425:\nOpen the history view on a file.\nClick the date column.', { build: 'Build 20020425:' }],
    [
      'the Firefox header lines',
      'User-Agent: Mozilla/5.0 (Windows NT 10.0; rv:121.0) Gecko/20100101 Firefox/121.0\nBuild Identifier: 20231211\n\nSteps to reproduce:\n1. Open about:preferences',
      { build: '20231211', environment: 'Mozilla/5.0 (Windows NT 10.0; rv:121.0) Gecko/20100101 Firefox/121.0' },
    ],
  ])('%s still gives them', (_, description, meta) => {
    expect(analyseReproSteps({ description }).parts).toMatchObject(meta);
  });
});

describe('a line that opens with a one-word label and holds more labels', () => {
  it.each(['Steps', 'Repro', 'STR'])('"%s: open the cart and click Pay. Expected: … Actual: …" gives each part', (label) => {
    const a = analyseReproSteps({ description: `${label}: open the cart and click Pay. Expected: a receipt. Actual: error 500.` });
    expect(a.parts.steps).toEqual(['Open the cart', 'Click Pay']);
    expect(a.parts.expected).toBe('a receipt.');
    expect(a.parts.actual).toBe('error 500.');
  });

  it('a single labelled line with a colon later in it stays one part', () => {
    const a = analyseReproSteps({ description: 'Steps:\n1. Open the cart\nExpected: the total reads: 20 EUR' });
    expect(a.parts.expected).toBe('the total reads: 20 EUR');
  });
});

describe('code and nested lists inside a step list', () => {
  const compose = '## Steps to reproduce\n1. Create `docker-compose.yml`:\n   ```yaml\n   services:\n     web:\n       image: nginx:1.25\n   ```\n2. Run `docker compose up -d`\n3. Run `docker compose ps`';

  it('a fenced block under a step belongs to that step', () => {
    const a = analyseReproSteps({ description: `${compose}\n\n## Expected\n\`web\` is running.` });
    expect(a.parts.steps).toEqual(['Create `docker-compose.yml`:\nservices:\nweb:\nimage: nginx:1.25', 'Run `docker compose up -d`', 'Run `docker compose ps`']);
  });

  it('a wiki {code} block between items belongs to the item above it', () => {
    const a = analyseReproSteps({ description: "*Steps:*\n# Call the endpoint\n{code:bash}\ncurl -X POST https://api.example.com/v1/orders -d '{\"qty\": 0}'\n{code}\n# Check the response" });
    expect(a.parts.steps).toEqual(["Call the endpoint\ncurl -X POST https://api.example.com/v1/orders -d '{\"qty\": 0}'", 'Check the response']);
  });

  it('commands in a block before any step are still one step each', () => {
    const a = analyseReproSteps({ description: 'Steps:\n```\n$ npm install\n$ npm test\n```\nExpected: tests pass' });
    expect(a.parts.steps).toEqual(['$ npm install', '$ npm test']);
  });

  it.each([
    ['markdown', 'Repro:\n1. Create two issues\n   - RT-1 "Blocker"\n   - RT-2 "Blocked"\n2. Link RT-2 to RT-1\n3. Open the Dependencies tab'],
    ['ADF', doc({ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Repro' }] }, {
      type: 'orderedList',
      content: [
        { type: 'listItem', content: [para('Create two issues'), { type: 'bulletList', content: [{ type: 'listItem', content: [para('RT-1 "Blocker"')] }, { type: 'listItem', content: [para('RT-2 "Blocked"')] }] }] },
        { type: 'listItem', content: [para('Link RT-2 to RT-1')] },
        { type: 'listItem', content: [para('Open the Dependencies tab')] },
      ],
    })],
    ['Jira wiki', 'Steps:\n# Create two issues\n#* RT-1 "Blocker"\n#* RT-2 "Blocked"\n# Link RT-2 to RT-1\n# Open the Dependencies tab'],
  ])('a nested list (%s) is the detail of the step above it', (_, description) => {
    expect(analyseReproSteps({ description }).parts.steps).toEqual([
      'Create two issues\n- RT-1 "Blocker"\n- RT-2 "Blocked"', 'Link RT-2 to RT-1', 'Open the Dependencies tab',
    ]);
  });

  it('a pasted list keeps the code under its first item', () => {
    const v = splitIntoSteps('1. Create docker-compose.yml:\n```yaml\nservices:\n  - web\n```\n2. Run docker compose up\n3. Open localhost');
    expect(v.steps).toEqual(['Create docker-compose.yml:\nservices:\n- web', 'Run docker compose up', 'Open localhost']);
  });
});
