import { analyseReproSteps } from '../../../src/domain/repro-steps';
import { extractParts } from '../../../src/domain/repro-steps/extract-parts';
import { learnedEvidence, type LearnedModel } from '../../../src/domain/repro-steps/learned';
import { LEARNED_MODEL } from '../../../src/domain/repro-steps/learned-model';
import { MAX_SENTENCES, reportFeatures, sentencesOf } from '../../../src/domain/repro-steps/text-features';

const featuresOf = (text: string) => {
  const e = extractParts(text);
  return reportFeatures(text, { features: e.features, labelled: e.labelled, parts: e.parts, inferredSteps: e.inferredSteps });
};

const PROSE_WITH_STEPS = [
  'The preferences dialog loses my changes.',
  'Open the preferences dialog and go to the General page.',
  'Change the font size to 14 and click Apply, then close the dialog.',
  'When I open the dialog again the font size is back to 12.',
  'It should keep 14.',
].join('\n');

const PROSE_WITHOUT_STEPS = 'The startup time of the application has become much worse lately.\nIt is a problem for all of us.';

describe('the learned model decides has.steps / has.expected / has.actual', () => {
  it('detects steps, expected and observed behaviour in unlabelled prose', () => {
    const a = analyseReproSteps({ summary: 'Font size not kept', description: PROSE_WITH_STEPS });
    expect(a.has.steps).toBe(true);
    expect(a.has.expected).toBe(true);
    expect(a.has.actual).toBe(true);
    expect(a.parts.steps.length).toBeGreaterThan(0);
    expect(a.findings.map((f) => f.code)).not.toContain('MISSING_STEPS');
  });

  it('reports missing steps and expected result for a complaint without them, with consistent findings', () => {
    const a = analyseReproSteps({ summary: 'Slow startup', description: PROSE_WITHOUT_STEPS });
    expect(a.has.steps).toBe(false);
    expect(a.has.expected).toBe(false);
    expect(a.parts.steps).toEqual([]);
    expect(a.findings.map((f) => f.code)).toEqual(expect.arrayContaining(['MISSING_STEPS', 'MISSING_EXPECTED']));
    expect(a.verdict).toBe('missing');
  });

  it('takes its decision from the shipped weights: the evidence is the learned log-odds minus the cut', () => {
    const e = extractParts(PROSE_WITH_STEPS);
    expect(e.evidence).toEqual(learnedEvidence(featuresOf(PROSE_WITH_STEPS)));
    // A model that believes nothing is ever present flips the decision: the weights are what decides.
    const never: LearnedModel = {
      steps: { bias: -100, cut: 0, weights: {} },
      expected: { bias: -100, cut: 0, weights: {} },
      actual: { bias: -100, cut: 0, weights: {} },
    };
    expect(learnedEvidence(featuresOf(PROSE_WITH_STEPS), never).steps).toBeLessThan(0);
    expect(learnedEvidence(featuresOf(PROSE_WITH_STEPS)).steps).toBeGreaterThanOrEqual(0);
  });

  it('a labelled section still wins over the model', () => {
    const a = analyseReproSteps({ description: 'Steps to reproduce:\n1. Start the app\nExpected: a window\nActual: nothing' });
    expect(a.has).toMatchObject({ steps: true, expected: true, actual: true });
    expect(a.parts.steps).toEqual(['Start the app']);
  });

  it('learns only generic words: every token feature is a plain lower-case English word form', () => {
    for (const part of ['steps', 'expected', 'actual'] as const) {
      for (const key of Object.keys(LEARNED_MODEL[part].weights)) {
        expect(key).toMatch(/^(?:(?:w|s):[a-z']+|b:[a-z']+ [a-z']+|(?:f|lab|meta|len|sent):\w+)$/);
      }
    }
  });

  it('weights read naturally: step wording raises the steps evidence, "should" the expected one', () => {
    const w = LEARNED_MODEL.steps.weights;
    expect((w['f:imperative'] ?? 0) + (w['s:click'] ?? 0) + (w['s:open'] ?? 0)).toBeGreaterThan(0);
    expect(LEARNED_MODEL.expected.weights['f:expected']).toBeGreaterThan(0);
  });

  it('tokenises a bounded number of sentences (linear cost on huge input)', () => {
    const big = 'Click the button. '.repeat(100_000);
    expect(sentencesOf(big).length).toBe(MAX_SENTENCES);
    expect(sentencesOf('one. two! three?\nfour; five')).toEqual(['one', 'two', 'three', 'four', 'five']);
  });
});

describe('a description that says nothing of its own', () => {
  it.each(['see title', 'See the summary.', 'as per title', 'Title says it all', '', 'crash'])('%j carries no part', (description) => {
    const r = analyseReproSteps({ summary: 'Sort by price shows hidden items on page 2', description });
    expect(r.has).toMatchObject({ steps: false, expected: false, actual: false });
    expect(r.verdict).toBe('missing');
  });
  it('a short but real observation still counts as one', () => {
    const r = analyseReproSteps({ summary: 'Checkout', description: 'Actual: the Pay button stays disabled after entering a valid card.' });
    expect(r.has.actual).toBe(true);
  });
});
