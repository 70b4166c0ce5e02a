/**
 * The check beside the Reproduction steps field: build and environment are separate rows that agree with the
 * findings, and in the structured editor the hints name the editor's boxes instead of "Expected: …" labels.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import type { ReproAnalysisDto } from '@rt/contracts';
import { analyseReproSteps } from '../../../src/domain/repro-steps';
import { CheckPanel, checkSummary } from '../../../static/repro-field/src/CheckPanel';

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/\s+/g, ' ');
const parts = (html: string) => [...html.matchAll(/<li><span aria-hidden="true">(✓|✗)<\/span> ([^<]+)<span/g)].map((m) => `${m[1]} ${m[2]}`);

const noBuild = analyseReproSteps({ field: { steps: ['Open the cart', 'Click Pay'], expected: 'VAT 20%', environment: 'Chrome 131 on Windows 11' } }) as ReproAnalysisDto;

it('shows build and environment as separate rows, consistent with the findings', () => {
  expect(noBuild.has.environment).toBe(true);
  expect(noBuild.findings.map((f) => f.code)).toEqual(expect.arrayContaining(['NO_BUILD', 'MISSING_ACTUAL']));
  const html = renderToStaticMarkup(<CheckPanel analysis={noBuild} />);
  expect(parts(html)).toEqual(['✓ Steps', '✓ Expected', '✗ Actual', '✗ Build / version', '✓ Environment']);
  expect(html).not.toContain('Environment / build');

  const noEnvironment = analyseReproSteps({ field: { steps: ['Open the cart'], expected: 'a', actual: 'b', build: '4.3.0' } }) as ReproAnalysisDto;
  expect(noEnvironment.findings.map((f) => f.code)).toContain('NO_ENVIRONMENT');
  expect(parts(renderToStaticMarkup(<CheckPanel analysis={noEnvironment} />)).slice(3)).toEqual(['✓ Build / version', '✗ Environment']);
});

it("in the editor, names the boxes to fill instead of the analyser's label hints", () => {
  const inEditor = text(renderToStaticMarkup(<CheckPanel analysis={noBuild} place="editor" />));
  expect(inEditor).toContain('Fill the Build / version box: the app version or build number where you saw it.');
  expect(inEditor).toContain('Fill the Actual result box: what happens instead, with the exact error text.');
  expect(inEditor).not.toMatch(/Add "(Build|Actual):/);
  // A description's analysis has no boxes: the label hints stay even in the editor's panel.
  const fromDescription = analyseReproSteps({ description: '1. Open the cart\n2. Click Pay' }) as ReproAnalysisDto;
  expect(text(renderToStaticMarkup(<CheckPanel analysis={fromDescription} place="editor" />))).toContain('Add "Expected: <what should happen after the last step>".');
});

it('on the issue view, names the boxes one Edit away for the field, and keeps the label hints for a description', () => {
  const viewer = text(renderToStaticMarkup(<CheckPanel analysis={noBuild} />));
  expect(viewer).toContain('Edit, then fill the Build / version box: the app version or build number where you saw it.');
  expect(viewer).toContain('Edit, then fill the Actual result box: what happens instead, with the exact error text.');
  expect(viewer).not.toMatch(/Add "(Build|Actual):/);
  const vague = analyseReproSteps({ field: { steps: ["it doesn't work"], expected: 'Paid', actual: 'Error 500' } }) as ReproAnalysisDto;
  expect(text(renderToStaticMarkup(<CheckPanel analysis={vague} />))).toContain('Edit, then replace "it doesn\'t work"');
  const fromDescription = analyseReproSteps({ description: '1. Open the cart\n2. Click Pay' }) as ReproAnalysisDto;
  expect(text(renderToStaticMarkup(<CheckPanel analysis={fromDescription} />))).toContain('Add "Expected: <what should happen after the last step>".');
});

it("the screen reader's summary names the first problem, so moving text between parts is heard", () => {
  const steps = ['Open the cart', 'Click Pay'];
  const noActual = analyseReproSteps({ field: { steps, expected: 'The order is paid.', build: '4.3.0', environment: 'Chrome 131' } }) as ReproAnalysisDto;
  const noExpected = analyseReproSteps({ field: { steps, actual: 'The order is paid.', build: '4.3.0', environment: 'Chrome 131' } }) as ReproAnalysisDto;
  expect(checkSummary(noActual)).toMatch(/^Score \d+, (needs work|missing), 1 problem: The actual \(observed\) result is missing\.$/);
  expect(checkSummary(noExpected)).toMatch(/^Score \d+, (needs work|missing), 1 problem: The expected result is missing\.$/);
  expect(checkSummary(noBuild)).toMatch(/^Score \d+, needs work, \d problems, first: /);
  const clear = analyseReproSteps({ field: { steps, expected: 'Paid', actual: 'Error 502', build: '4.3.0', environment: 'Chrome 131' } }) as ReproAnalysisDto;
  expect(checkSummary(clear)).toMatch(/^Score \d+, clear, no problems$/);
});

it('a result box holding text the check does not count ("see title", "tbd") is named with that text, not called empty', () => {
  const placeholders = analyseReproSteps({ field: { steps: ['Open the cart', 'Click Pay'], expected: 'see title', actual: 'tbd', build: '4.3.0' } }) as ReproAnalysisDto;
  expect(placeholders.findings.map((f) => f.code)).toEqual(expect.arrayContaining(['MISSING_EXPECTED', 'MISSING_ACTUAL']));
  expect(placeholders.parts).toMatchObject({ expected: 'see title', actual: 'tbd' });
  const inEditor = text(renderToStaticMarkup(<CheckPanel analysis={placeholders} place="editor" />));
  expect(inEditor).toContain('Replace "see title" in the Expected result box with what should happen after the last step.');
  expect(inEditor).toContain('Replace "tbd" in the Actual result box with what happens instead, with the exact error text.');
  expect(inEditor).not.toContain('Fill the Expected result box');
  expect(text(renderToStaticMarkup(<CheckPanel analysis={placeholders} />))).toContain('Edit, then replace "see title" in the Expected result box with what should happen after the last step.');
  // An empty box is still to be filled.
  expect(text(renderToStaticMarkup(<CheckPanel analysis={noBuild} place="editor" />))).toContain('Fill the Actual result box: what happens instead, with the exact error text.');
});
