import { analyseReproSteps, splitIntoSteps, type FindingCode } from '../../../src/domain/repro-steps';
import { reproAnalysisSchema } from '../../../src/contracts/repro-steps';
import { aGoodAdfReport, code, doc, heading, ordered, para } from './builders';

const codes = (a: { findings: { code: FindingCode }[] }) => a.findings.map((f) => f.code);

const template = (over: Partial<Record<'steps' | 'expected' | 'actual' | 'build', string>> = {}) =>
  [
    'Steps to reproduce:',
    over.steps ?? '1. Open the release board\n2. Click Promote on RC 4.2\n3. Confirm the dialog',
    `Expected: ${over.expected ?? 'the RC moves to QA'}`,
    `Actual: ${over.actual ?? 'an error dialog says "id is undefined"'}`,
    over.build ?? 'Build: 4.2.0-rc3 on Windows 11 / Chrome 126, always',
  ].join('\n');

describe('analyseReproSteps on descriptions', () => {
  it('reads a well-formed ADF report as clear, with every part', () => {
    const a = analyseReproSteps({ summary: 'Promote fails', description: aGoodAdfReport() });
    expect(a.source).toBe('description');
    expect(a.parts.steps).toEqual(['Open the Release board', 'Click "Promote" on RC 4.2', 'Confirm the dialog']);
    expect(a.parts.expected).toBe('The RC moves to the QA column.');
    expect(a.parts.actual).toContain('Cannot read property');
    expect(a.parts.build).toContain('4.2.0-rc3');
    expect(a.parts.environment).toContain('Windows 11');
    expect(a.parts.frequency).toBeDefined();
    expect(a.has).toEqual({ steps: true, expected: true, actual: true, environment: true });
    expect(a.findings).toEqual([]);
    expect(a.score).toBe(100);
    expect(a.verdict).toBe('clear');
    expect(reproAnalysisSchema.parse(a)).toEqual(a);
  });

  it.each([
    ['Steps to reproduce:', 'Expected result:', 'Actual result:'],
    ['STR:', 'Expected:', 'Actual:'],
    ['Repro:', 'Expected behaviour:', 'What happened:'],
    ['**How to reproduce**', '## Expected Results', 'Observed:'],
    ['Schritte zum Reproduzieren:', 'Erwartetes Ergebnis:', 'Tatsächliches Ergebnis:'],
    ['Étapes pour reproduire :', 'Résultat attendu :', 'Résultat obtenu :'],
    ['Pasos para reproducir:', 'Resultado esperado:', 'Resultado actual:'],
    ['Passos para reproduzir:', 'Resultado esperado:', 'Resultado obtido:'],
  ])('understands labels written as %s / %s / %s', (steps, expected, actual) => {
    const text = `${steps}\n1. Open the settings page\n2. Press save\n${expected}\nThe settings are stored\n${actual}\nNothing is stored`;
    const a = analyseReproSteps({ description: text });
    expect(a.parts.steps).toEqual(['Open the settings page', 'Press save']);
    expect(a.parts.expected).toBe('The settings are stored');
    expect(a.parts.actual).toBe('Nothing is stored');
  });

  it('ends a labelled expected/actual part at its paragraph and reads what follows for build and environment', () => {
    const a = analyseReproSteps({
      summary: 'Save crashes',
      description: 'Steps:\n1. Open a draft\n2. Click Save\nExpected: saved\nActual: crash\n\nVersion 4.2.1 on Windows 11, Chrome 126.',
    });
    expect(a.parts.actual).toBe('crash');
    expect(a.parts.build).toContain('4.2.1');
    expect(a.parts.environment).toContain('Windows 11');
    expect(codes(a)).not.toContain('NO_BUILD');
    expect(codes(a)).not.toContain('NO_ENVIRONMENT');
  });

  it('keeps a list or code block right under "Actual:" in the part', () => {
    const a = analyseReproSteps({
      description: 'Steps:\n1. Open a draft\n2. Click Save\nExpected: saved\nActual:\nThe app shows:\n\n- error 500\n- an empty page\n\n```\nTypeError: x is undefined\n```\n\nAlways, on build 4.2.1.',
    });
    expect(a.parts.actual).toBe('The app shows:\n- error 500\n- an empty page\nTypeError: x is undefined');
    expect(a.parts.build).toContain('4.2.1');
    expect(a.parts.frequency).toContain('Always');
  });

  it('reads Jira wiki markup: h1.–h6. headings as labels, "#" / "*" lines as list items ("##" nested under the item above)', () => {
    const a = analyseReproSteps({
      summary: 'Save fails',
      description: 'h3. Steps to reproduce\n# Open settings\n# Click *Save*\n## Wait a second\nh3. Expected result\nThe settings are saved.\nh2. Actual result\nAn error 500 is shown.\nh3. Environment\n* Chrome 126 on Windows 11, build 4.2.1',
    });
    expect(a.parts.steps).toEqual(['Open settings', 'Click *Save*\n- Wait a second']);
    expect(a.parts.expected).toBe('The settings are saved.');
    expect(a.parts.actual).toBe('An error 500 is shown.');
    expect(a.parts.environment).toContain('Windows 11');
    expect(a.verdict).toBe('clear');
    expect(splitIntoSteps('# Open settings\n# Click Save\n#* Reload').steps).toEqual(['Open settings', 'Click Save\n- Reload']);
    expect(splitIntoSteps('# Open settings\n# Click Save\n# Reload').steps).toEqual(['Open settings', 'Click Save', 'Reload']);
  });

  it('drops empty template items ("2", "3") from a steps section', () => {
    const a = analyseReproSteps({ description: 'Steps to Reproduce:\n1. Load example.com\n2.\n3\nActual Results:\nblank page' });
    expect(a.parts.steps).toEqual(['Load example.com']);
  });

  it('finds steps in run-on prose and a failure in the same sentence', () => {
    const a = analyseReproSteps({
      summary: 'Editor crash',
      description: 'When I open the editor and click Bold twice, the editor crashes.\nIt should just toggle bold.\nOpen any page first.',
    });
    expect(a.has.steps).toBe(true);
    expect(a.has.actual).toBe(true);
    expect(a.has.expected).toBe(true);
    expect(a.parts.steps.length).toBeGreaterThan(0);
  });

  it.each([
    'When I open X and click Y, Z crashes',
    'When I open the editor and click Bold twice, the editor crashes.',
    'If you type a name, press Enter and then click Save, nothing is saved.',
  ])('reads the single run-on sentence %j as steps and an actual result', (description) => {
    const a = analyseReproSteps({ summary: 'Crash', description });
    expect(a.has.steps).toBe(true);
    expect(a.has.actual).toBe(true);
    expect(a.verdict).not.toBe('missing');
    expect(a.parts.steps.length).toBeGreaterThanOrEqual(2);
  });

  it('does not read one action plus a failure as steps ("When I go to the page, it crashes")', () => {
    expect(analyseReproSteps({ description: 'When I go to the page, it crashes' }).has.steps).toBe(false);
  });

  it('counts a code sample as the reproduction and a stack trace as the observed result', () => {
    const a = analyseReproSteps({
      description: doc(
        para('Compile this class:'),
        code('public class A {\n  void f() {\n    int x = 1;\n  }\n}'),
        para('The compiler throws:'),
        code('java.lang.NullPointerException\nat org.x.Compiler.run(Compiler.java:12)\nat org.x.Main.main(Main.java:3)'),
      ),
    });
    expect(a.has.steps).toBe(true);
    expect(a.has.actual).toBe(true);
  });

  it('reports MISSING_STEPS, MISSING_EXPECTED, NO_BUILD on a bare complaint', () => {
    const a = analyseReproSteps({ summary: 'Login broken', description: 'Login is broken since yesterday, error 500.' });
    expect(codes(a)).toEqual(expect.arrayContaining(['MISSING_STEPS', 'MISSING_EXPECTED', 'NO_BUILD', 'NO_ENVIRONMENT']));
    expect(codes(a)).not.toContain('MISSING_ACTUAL');
    expect(a.verdict).toBe('missing');
    for (const f of a.findings) expect(f.hint.length).toBeGreaterThan(10);
  });

  it('reports MISSING_ACTUAL when only steps and expectation are given', () => {
    const a = analyseReproSteps({ description: template({ actual: '' }).replace('Actual: \n', '') });
    expect(codes(a)).toContain('MISSING_ACTUAL');
    expect(a.verdict).toBe('needs-work');
  });

  it('reports VAGUE_STEPS for "it doesn\'t work"', () => {
    const a = analyseReproSteps({ description: template({ steps: "1. Open the app\n2. It doesn't work" }) });
    expect(codes(a)).toContain('VAGUE_STEPS');
    expect(a.score).toBeLessThan(100);
  });

  it('a pointer step ("See title", "Same as above") is no step (placeholder-text.ts fillers)', () => {
    const a = analyseReproSteps({ description: template({ steps: '1. See title' }) });
    expect(a.has.steps).toBe(false);
    expect(a.verdict).toBe('missing');
    const b = analyseReproSteps({ description: template({ steps: '1. Open admin\n2. Same as above' }) });
    expect(b.parts.steps).toEqual(['Open admin']);
  });

  it('reports SINGLE_STEP when the only step is the bug itself', () => {
    const a = analyseReproSteps({ summary: 'Printing cuts the page in half', description: template({ steps: '1. Printing a page cuts it in half' }) });
    expect(codes(a)).toContain('SINGLE_STEP');
    expect(a.verdict).toBe('needs-work');
  });

  it('reports EXPECTED_EQUALS_ACTUAL', () => {
    const a = analyseReproSteps({ description: template({ expected: 'The page loads.', actual: 'the page loads' }) });
    expect(codes(a)).toContain('EXPECTED_EQUALS_ACTUAL');
    expect(a.verdict).toBe('needs-work');
  });

  it('reports EMPTY (and only that) for empty input', () => {
    for (const description of [undefined, null, '', '   \n  ', doc()]) {
      const a = analyseReproSteps({ description });
      expect(codes(a)).toEqual(['EMPTY']);
      expect(a.score).toBe(0);
      expect(a.verdict).toBe('missing');
    }
  });

  it('reports TRUNCATED past 2 MB', () => {
    const a = analyseReproSteps({ description: template() + '\n' + 'x'.repeat(2_100_000) });
    expect(codes(a)).toContain('TRUNCATED');
  });
});

describe('analyseReproSteps on the field', () => {
  it.each([
    [['Open app', 'Click'], 'works', 'broken'],
    [['Go', 'Do it'], 'ok', 'not ok'],
    [['login', 'try'], 'fine', 'error'],
    [['Open cart', 'Pay'], 'Paid', 'Error'],
  ])('very short steps %j are vague (never clear, and the Triage check refuses them)', (steps, expected, actual) => {
    const a = analyseReproSteps({ summary: 'Checkout fails', field: { steps, expected, actual } });
    expect(codes(a)).toContain('VAGUE_STEPS');
    expect(a.verdict).not.toBe('clear');
  });

  it('the same very short steps in a description are vague too', () => {
    expect(codes(analyseReproSteps({ description: '1. Open app\n2. Click\nExpected: works\nActual: broken' }))).toContain('VAGUE_STEPS');
  });

  it('reads the field when it is set and ignores the description', () => {
    const a = analyseReproSteps({
      description: 'nothing useful',
      field: { steps: ['Open board', 'Click Promote'], expected: 'RC in QA', actual: 'Error 500', build: '4.2', environment: 'Chrome' },
    });
    expect(a.source).toBe('field');
    expect(a.parts.steps).toEqual(['Open board', 'Click Promote']);
    expect(a.verdict).toBe('clear');
    expect(a.score).toBe(95);
  });

  it('falls back to the description when the field is empty', () => {
    const a = analyseReproSteps({ description: aGoodAdfReport(), field: { steps: ['  ', ''] } });
    expect(a.source).toBe('description');
    expect(a.verdict).toBe('clear');
  });

  it('flags every problem of a poor field value', () => {
    const a = analyseReproSteps({ summary: 'Save fails', field: { steps: ["it doesn't work"], expected: 'Save fails', actual: 'save fails' } });
    expect(codes(a)).toEqual(expect.arrayContaining(['VAGUE_STEPS', 'EXPECTED_EQUALS_ACTUAL', 'NO_BUILD']));
    const b = analyseReproSteps({ field: { steps: [], expected: 'x saved' } });
    expect(codes(b)).toEqual(expect.arrayContaining(['MISSING_STEPS', 'MISSING_ACTUAL']));
    expect(b.verdict).toBe('missing');
  });
});

describe('splitIntoSteps', () => {
  it('splits a pasted template into the field parts', () => {
    const v = splitIntoSteps(template());
    expect(v.steps).toEqual(['Open the release board', 'Click Promote on RC 4.2', 'Confirm the dialog']);
    expect(v.expected).toBe('the RC moves to QA');
    expect(v.actual).toContain('id is undefined');
    expect(v.build).toContain('4.2.0-rc3');
  });

  it('splits run-on prose into steps and keeps the expectation apart', () => {
    const v = splitIntoSteps('Open the settings page, then click Save. Then reload the page.\nIt should keep the new name.');
    expect(v.steps).toEqual(['Open the settings page', 'Click Save', 'Reload the page']);
    expect(v.expected).toBe('It should keep the new name.');
  });

  it.each([
    ['When I open X and click Y, Z crashes', ['Open X', 'Click Y'], 'Z crashes', undefined],
    ['When I open the settings page and click Save, the app crashes.', ['Open the settings page', 'Click Save'], 'The app crashes', undefined],
    ['Open settings and click Save, then the app crashes. It should save.', ['Open settings', 'Click Save'], 'The app crashes', 'It should save.'],
    ['I opened settings, clicked Save and the app crashed.', ['Opened settings', 'Clicked Save'], 'The app crashed', undefined],
  ])('splits the run-on sentence %j into steps, actual and expected', (text, steps, actual, expected) => {
    const v = splitIntoSteps(text);
    expect(v.steps).toEqual(steps);
    expect(v.actual).toBe(actual);
    expect(v.expected).toBe(expected);
  });

  it('takes unlabelled bullet lists as steps', () => {
    expect(splitIntoSteps('- open app\n- tap login\n- enter a wrong password').steps).toEqual(['open app', 'tap login', 'enter a wrong password']);
  });

  it('caps the number of steps at 100 and survives junk', () => {
    const many = Array.from({ length: 300 }, (_, i) => `${i + 1}. click button ${i}`).join('\n');
    expect(splitIntoSteps(many).steps).toHaveLength(100);
    expect(splitIntoSteps('').steps).toEqual([]);
    expect(splitIntoSteps(undefined as unknown as string).steps).toEqual([]);
  });
});
