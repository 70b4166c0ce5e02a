import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { createInterface } from 'node:readline';
import { auditLine } from '../../src/cli/audit-lines';
import { auditStream } from '../../src/cli/repro-audit';

const good = JSON.stringify({
  id: 'RT-1',
  title: 'Promote fails',
  text: 'Steps to reproduce:\n1. Open the board\n2. Click Promote\nExpected: RC moves to QA\nActual: error 500\nBuild: 4.2 on Chrome 126',
});

describe('auditLine', () => {
  it('returns the audit of a text report', () => {
    expect(auditLine(good, 1)).toEqual({ id: 'RT-1', hasSteps: true, hasExpected: true, hasActual: true, score: 95, verdict: 'clear', findings: [] });
  });

  it('reads an ADF description in preference to text', () => {
    const adf = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Nothing here' }] }] };
    const r = auditLine(JSON.stringify({ id: 'RT-2', text: 'Steps to reproduce:\n1. Open x\n2. Click y', description: adf }), 2);
    expect(r).toMatchObject({ id: 'RT-2', hasSteps: false, verdict: 'missing' });
    expect('findings' in r && r.findings[0]).toEqual({ code: 'MISSING_STEPS', message: 'No steps to reproduce were found.' });
  });

  it('reads text when the description is not ADF, with a warning', () => {
    const r = auditLine(JSON.stringify({ id: 'RT-4', description: { foo: 1 }, text: JSON.parse(good).text }), 4);
    expect(r).toMatchObject({ id: 'RT-4', hasSteps: true, verdict: 'clear' });
    expect('warning' in r && r.warning).toMatch(/not an ADF document.*"text" was read/);
  });

  it.each([{ type: 'doc', content: [] }, '   ', null])('reads text when the description is empty (%j), without a warning', (description) => {
    const r = auditLine(JSON.stringify({ id: 'RT-5', description, text: JSON.parse(good).text }), 5);
    expect(r).toMatchObject({ id: 'RT-5', hasSteps: true, verdict: 'clear' });
    expect(r).not.toHaveProperty('warning');
  });

  it.each([
    ['{not json', 'line:3', /not valid JSON/],
    ['{"id":"X-1","description":{"foo":1}}', 'X-1', /not an ADF document/],
    ['{"id":"X-1","description":{"type":"doc","content":"x"}}', 'X-1', /not an ADF document/],
    ['{"id":"X-1","description":[1],"text":"  "}', 'X-1', /not an ADF document/],
    ['[1,2]', 'line:3', /JSON object/],
    ['"str"', 'line:3', /JSON object/],
    ['{"title":"no id"}', 'line:3', /"id"/],
    ['{"id":7}', '7', /"id"/],
    ['{"id":"X-1","text":5}', 'X-1', /"text" must be a string/],
    ['{"id":"X-1","description":5}', 'X-1', /ADF/],
  ])('turns %s into an error line', (line, id, error) => {
    const r = auditLine(line, 3);
    expect(r.id).toBe(id);
    expect('error' in r && r.error).toMatch(error);
  });
});

describe('auditLine: a "field" not of the Reproduction steps shape', () => {
  it.each([
    [{ steps: 'Open cart' }, /^"field" is not a Reproduction steps value \(.*\): "steps" must be a list of texts, not a string$/],
    [{ expected: 'Paid', actual: 'Error 500' }, /"steps" is missing$/],
    [{ steps: ['Open cart', 2] }, /"steps"\[1\] must be a text, not a number$/],
    [{ steps: ['Open cart'], expected: ['Paid'] }, /"expected" must be a text, not a list$/],
    [{ steps: ['Open cart'], Expected: 'Paid' }, /unknown part "Expected" \(the parts are steps, preconditions, expected, actual, environment, build, frequency\)$/],
  ])('%j is an error line for its id, not an EMPTY audit', (field, error) => {
    const r = auditLine(JSON.stringify({ id: 'FIELD-BAD', field, text: JSON.parse(good).text }), 9);
    expect(r).toEqual({ id: 'FIELD-BAD', error: expect.stringMatching(error) });
  });

  it('audits a field of the right shape, null parts included', () => {
    const r = auditLine(JSON.stringify({ id: 'FIELD-OK', field: { steps: ['Open the cart', 'Click Pay'], expected: 'Paid', actual: 'Error 500', build: '4.3', environment: null } }), 1);
    expect(r).toMatchObject({ id: 'FIELD-OK', hasSteps: true, hasExpected: true, hasActual: true });
    expect(r).not.toHaveProperty('error');
  });
});

describe('auditStream', () => {
  it('goes on after a field of the wrong shape', async () => {
    const input = ['{"id":"FIELD-BAD","field":{"steps":"Open cart"}}', good].join('\n');
    const out: string[] = [];
    await auditStream(createInterface({ input: Readable.from([input]), crlfDelay: Infinity }), (s) => out.push(s));
    const rows = out.join('').trim().split('\n').map((l) => JSON.parse(l) as { id: string; error?: string; verdict?: string });
    expect(rows).toEqual([{ id: 'FIELD-BAD', error: expect.stringMatching(/"steps" must be a list of texts/) }, expect.objectContaining({ id: 'RT-1', verdict: 'clear' })]);
  });

  it('writes one line per non-blank input line, in order, and goes on after errors', async () => {
    const input = [good, 'oops', '', JSON.stringify({ id: 'RT-3', text: '' })].join('\n');
    const out: string[] = [];
    const n = await auditStream(createInterface({ input: Readable.from([input]), crlfDelay: Infinity }), (s) => out.push(s));
    expect(n).toBe(3);
    const rows = out.join('').trim().split('\n').map((l) => JSON.parse(l) as { id: string; error?: string; verdict?: string });
    expect(rows.map((r) => r.id)).toEqual(['RT-1', 'line:2', 'RT-3']);
    expect(rows[1]!.error).toMatch(/JSON/);
    expect(rows[2]!.verdict).toBe('missing');
  });
});

describe('docs/repro-audit.md', () => {
  it('shows the real output of its example input line', () => {
    const md = readFileSync(join(__dirname, '../../docs/repro-audit.md'), 'utf8');
    const blocks = [...md.matchAll(/```json\n(.*)\n```/g)].map((m) => m[1]!);
    const input = blocks.find((b) => b.startsWith('{"id": "RT-12"'));
    const output = blocks.find((b) => b.startsWith('{"id":"RT-12"'));
    expect(input && output).toBeTruthy();
    expect(JSON.stringify(auditLine(input!, 1))).toBe(output);
  });
});
