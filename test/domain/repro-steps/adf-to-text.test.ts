import { adfToText, analyseReproSteps } from '../../../src/domain/repro-steps';
import { bullets, code, doc, heading, ordered, para, text } from './builders';

const cell = (...content: unknown[]) => ({ type: 'tableCell', content });
const header = (...content: unknown[]) => ({ type: 'tableHeader', content });
const row = (...cells: unknown[]) => ({ type: 'tableRow', content: cells });
const table = (...rows: unknown[]) => ({ type: 'table', content: rows });
const task = (t: string) => ({ type: 'taskItem', attrs: { localId: t, state: 'TODO' }, content: [text(t)] });
const tasks = (...items: unknown[]) => ({ type: 'taskList', attrs: { localId: 'l' }, content: items });
const decision = (t: string) => ({ type: 'decisionItem', attrs: { localId: t, state: 'DECIDED' }, content: [text(t)] });
const expand = (title: string | undefined, ...content: unknown[]) => ({ type: 'expand', attrs: title === undefined ? {} : { title }, content });

describe('adfToText', () => {
  it('keeps headings, numbered and bulleted list items and code lines', () => {
    const out = adfToText(
      doc(heading('Steps to reproduce'), ordered('Open X', 'Click Y'), bullets('Chrome', 'Firefox'), code('at a.b(C.java:1)\nat d.e(F.java:2)')),
    );
    expect(out.split('\n')).toEqual(
      expect.arrayContaining(['Steps to reproduce', '1. Open X', '2. Click Y', '- Chrome', '- Firefox', 'at a.b(C.java:1)', 'at d.e(F.java:2)']),
    );
    expect(out.indexOf('1. Open X')).toBeLessThan(out.indexOf('2. Click Y'));
  });

  it('reads a label | value table (a common Jira bug template) as the labels and their values', () => {
    const report = doc(
      table(
        row(cell(para('Steps to reproduce')), cell(ordered('Open the cart', 'Add two items'))),
        row(cell(para('Expected')), cell(para('Total is 20'))),
        row(cell(para('Actual')), cell(para('Total is 25'))),
        row(cell(para('Build')), cell(para('4.3.0'))),
      ),
    );
    expect(adfToText(report).split('\n')).not.toContain('|');
    const a = analyseReproSteps({ description: report });
    expect(a.parts).toMatchObject({ steps: ['Open the cart', 'Add two items'], expected: 'Total is 20', actual: 'Total is 25', build: '4.3.0' });
    expect(a.findings.map((f) => f.code)).not.toContain('VAGUE_STEPS');
  });

  it('reads each task and decision item as its own "- " line, nested task lists indented', () => {
    const out = adfToText(doc(tasks(task('Open any checklist'), tasks(task('Pick item 3'), task('Drag it above item 1')), task('Reload'))));
    expect(out.split('\n').filter((l) => l !== '')).toEqual(['- Open any checklist', '  - Pick item 3', '  - Drag it above item 1', '- Reload']);
    expect(adfToText(doc({ type: 'decisionList', attrs: { localId: 'd' }, content: [decision('Use UTC'), decision('Round down')] })).split('\n')).toEqual(
      expect.arrayContaining(['- Use UTC', '- Round down']),
    );
  });

  it('reads steps written as a task list as one step per item', () => {
    const labelled = doc(
      heading('Steps to reproduce'),
      tasks(task('Open any checklist'), task('Drag item 3 above item 1'), task('Reload the page')),
      heading('Expected'),
      para('Item 3 stays first.'),
      heading('Actual'),
      para('Items are back in the old order.'),
    );
    const a = analyseReproSteps({ description: labelled });
    expect(a.parts.steps).toEqual(['Open any checklist', 'Drag item 3 above item 1', 'Reload the page']);
    expect(a.findings.map((f) => f.code)).toEqual(['NO_BUILD', 'NO_ENVIRONMENT']);
    // The audit's report: "To reproduce:" over a task list, the result as the paragraph under it.
    const audit = doc(para('To reproduce:'), tasks(task('Open any checklist'), task('Drag item 3 above item 1'), task('Reload')), para('Items are back in the old order.'));
    expect(analyseReproSteps({ description: audit }).parts.steps.slice(0, 3)).toEqual(['Open any checklist', 'Drag item 3 above item 1', 'Reload']);
  });

  it('keeps an expand\'s title as a heading line, so steps folded into "Steps to reproduce" are steps', () => {
    const report = doc(
      para('Status: ', { type: 'status', attrs: { text: 'BLOCKER', color: 'red' } } as never, ' timesheet totals are off by one minute.'),
      expand('Steps to reproduce', ordered('Log 20 min on three issues', 'Open Timesheet > This week')),
      para('Expected 1h 0m, shows 59m.'),
    );
    expect(adfToText(report).split('\n')).toEqual(expect.arrayContaining(['Steps to reproduce', '1. Log 20 min on three issues']));
    const a = analyseReproSteps({ description: report });
    expect(a.parts.steps).toEqual(['Log 20 min on three issues', 'Open Timesheet > This week']);
    expect(a.findings.map((f) => f.code)).not.toContain('MISSING_STEPS');
    const nested = doc(heading('Steps to reproduce'), ordered('Open the cart'), { type: 'nestedExpand', attrs: { title: 'Expected result' }, content: [para('The total is 20.')] }, heading('Actual'), para('The total is 25.'));
    expect(analyseReproSteps({ description: nested }).parts.expected).toBe('The total is 20.');
    expect(adfToText(doc(expand(undefined, para('x')), expand('  ', para('y'))))).toBe('x\n\ny');
  });

  it('reads a table with a header row column-wise: each value under its header', () => {
    const report = doc(
      para('Run the "Open bugs by component" report for project RT.'),
      table(row(header(para('Expected')), header(para('Actual'))), row(cell(para('Report lists 12 items')), cell(para('Report lists 0 items')))),
    );
    expect(adfToText(report).split('\n')).toEqual(expect.arrayContaining(['Expected: Report lists 12 items', 'Actual: Report lists 0 items']));
    const a = analyseReproSteps({ description: report });
    expect(a.parts).toMatchObject({ expected: 'Report lists 12 items', actual: 'Report lists 0 items' });
    expect(a.findings.map((f) => f.code)).not.toContain('MISSING_EXPECTED');
    const full = doc(
      table(
        row(header(para('Steps to reproduce')), header(para('Expected result:')), header(para('Actual result'))),
        row(cell(ordered('Open the cart', 'Click Checkout')), cell(para('The payment page opens')), cell(para('Error 500 is shown'))),
      ),
      para('Build: 4.3.0, Environment: Chrome 126 on Windows 11'),
    );
    const b = analyseReproSteps({ description: full });
    expect(b.parts).toMatchObject({ steps: ['Open the cart', 'Click Checkout'], expected: 'The payment page opens', actual: 'Error 500 is shown' });
    expect(b.findings).toEqual([]);
  });

  it('keeps label | value tables row-wise, with a header row or a header column', () => {
    const fieldValue = doc(
      table(
        row(header(para('Field')), header(para('Value'))),
        row(cell(para('Steps to reproduce')), cell(ordered('Open the cart', 'Add two items'))),
        row(cell(para('Expected')), cell(para('Total is 20'))),
        row(cell(para('Actual')), cell(para('Total is 25'))),
      ),
    );
    const headerColumn = doc(
      table(
        row(header(para('Steps')), cell(ordered('Open the cart', 'Add two items'))),
        row(header(para('Expected')), cell(para('Total is 20'))),
        row(header(para('Actual')), cell(para('Total is 25'))),
      ),
    );
    for (const report of [fieldValue, headerColumn])
      expect(analyseReproSteps({ description: report }).parts).toMatchObject({ steps: ['Open the cart', 'Add two items'], expected: 'Total is 20', actual: 'Total is 25' });
    // One column: the header is a heading over its rows.
    expect(adfToText(doc(table(row(header(para('Steps to reproduce'))), row(cell(para('Open the cart'))))))).toBe('Steps to reproduce\n\nOpen the cart');
  });

  it('writes a date as YYYY-MM-DD, not as a 13-digit number read as the build', () => {
    const report = doc(
      heading('Steps to reproduce'),
      ordered('Open the cart', 'Click Checkout'),
      heading('Expected'),
      para('The payment page opens.'),
      heading('Actual'),
      para('Error 500 is shown.'),
      { type: 'paragraph', content: [text('Seen since '), { type: 'date', attrs: { timestamp: '1700000000000' } }] },
    );
    expect(adfToText(report)).toContain('Seen since 2023-11-14');
    expect(analyseReproSteps({ description: report }).parts.build).toBeUndefined();
    expect(adfToText(doc({ type: 'paragraph', content: [{ type: 'date', attrs: { timestamp: 'soon' } }] }))).toBe('soon');
  });

  it('gives sensible text for inline nodes, panels, quotes and code or hard breaks inside list items', () => {
    const report = doc(
      heading('Steps to reproduce'),
      {
        type: 'orderedList',
        content: [
          { type: 'listItem', content: [{ type: 'paragraph', content: [text('Open the board of '), { type: 'mention', attrs: { id: '1', text: '@Ann' } }, { type: 'hardBreak' }, text('and click Share')] }] },
          { type: 'listItem', content: [para('Run the script'), code('npm run sync')] },
        ],
      },
      { type: 'panel', attrs: { panelType: 'info' }, content: [para('Expected: the board is shared.')] },
      { type: 'blockquote', content: [para('Actual: the dialog closes ', { type: 'emoji', attrs: { shortName: ':cry:', text: '😢' } } as never, ' and nothing is shared.')] },
      { type: 'paragraph', content: [text('See '), { type: 'inlineCard', attrs: { url: 'https://acme.atlassian.net/browse/RT-1' } }] },
      { type: 'mediaSingle', content: [{ type: 'media', attrs: { id: 'f1', alt: 'share.png' } }] },
    );
    expect(adfToText(report).split('\n')).toEqual(
      expect.arrayContaining(['1. Open the board of @Ann', '  and click Share', '2. Run the script', 'npm run sync', '[attachment: share.png]']),
    );
    const a = analyseReproSteps({ description: report });
    expect(a.parts.steps[0]).toBe('Open the board of @Ann and click Share');
    expect(a.parts).toMatchObject({ expected: 'the board is shared.', attachmentsMentioned: true });
    expect(a.parts.actual).toContain('the dialog closes');
  });

  it('honours the start number of an ordered list', () => {
    expect(adfToText(doc({ type: 'orderedList', attrs: { order: 3 }, content: [{ type: 'listItem', content: [para('Third')] }] }))).toBe('3. Third');
  });

  it('renders hard breaks, mentions and media placeholders', () => {
    const out = adfToText(
      doc(
        { type: 'paragraph', content: [{ type: 'text', text: 'a' }, { type: 'hardBreak' }, { type: 'mention', attrs: { text: '@Ann' } }] },
        { type: 'mediaSingle', content: [{ type: 'media', attrs: { id: 'f1', alt: 'crash.png' } }] },
      ),
    );
    expect(out).toContain('a\n@Ann');
    expect(out).toContain('[attachment: crash.png]');
  });

  it('returns strings as they are and "" for non-documents', () => {
    expect(adfToText('plain')).toBe('plain');
    for (const v of [null, undefined, 42, true, Symbol.for('x')]) expect(adfToText(v)).toBe('');
  });

  it('skips invalid and unknown nodes but keeps their text', () => {
    const out = adfToText({ type: 'doc', content: [null, 7, 'str', { type: 'weirdNode', content: [{ type: 'text', text: 'kept' }] }, { content: 'not-an-array' }, { type: 'text', text: 5 }] });
    expect(out).toBe('kept');
  });

  it('survives 100k levels of nesting without recursion', () => {
    let node: Record<string, unknown> = { type: 'text', text: 'deep' };
    for (let i = 0; i < 100_000; i++) node = { type: 'blockquote', content: [node] };
    expect(adfToText({ type: 'doc', content: [node] })).toBe('deep');
  });

  it('stops on cyclic objects instead of looping forever', () => {
    const a: Record<string, unknown> = { type: 'paragraph', content: [] };
    (a.content as unknown[]).push(a, { type: 'text', text: 'x' });
    expect(typeof adfToText({ type: 'doc', content: [a] })).toBe('string');
  });
});
