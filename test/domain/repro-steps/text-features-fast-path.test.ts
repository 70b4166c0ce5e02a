/**
 * The analyser's fast path (token vocabulary of the model, sentence cues reused from the prose scan, hand-written
 * tokeniser) must give the model exactly the features the training path computes.
 */
import { extractParts } from '../../../src/domain/repro-steps/extract-parts';
import { learnedEvidence, logOdds, modelVocabulary } from '../../../src/domain/repro-steps/learned';
import { LEARNED_MODEL } from '../../../src/domain/repro-steps/learned-model';
import { reportFeatures, tokenVocabularyOf, type FeatureSource } from '../../../src/domain/repro-steps/text-features';
import { sentenceCues, sentenceKey, type SentenceCues } from '../../../src/domain/repro-steps/cues';

const REPORTS = [
  "When I open Settings and click Save, the app crashes.\nIt should save the form.\nIt doesn’t — rock'n'roll isn't a word here.",
  'Steps to reproduce:\n1. Open the web shop\n2. Add two items\nExpected: total updates\nActual: total is 25.00 too high\nBuild 4.3.0-rc.1 on Windows 11',
  'Crash on startup.\n\njava.lang.NullPointerException\n    at org.example.Main.run(Main.java:42)\n\nI clicked the icon twice, then it hung. Sometimes (1 in 5).',
  'ÉTAPES: ouvrir la page. Résultat attendu: rien. Ça plante!! café\'s naïve user—"quoted" words; semi;colons',
];

function source(text: string, knownSentences?: ReadonlyMap<string, SentenceCues>): FeatureSource {
  const e = extractParts(text);
  return { features: e.features, labelled: e.labelled, parts: e.parts, inferredSteps: e.inferredSteps, knownSentences };
}

describe('text features fast path', () => {
  test.each(REPORTS)('the model vocabulary keeps exactly the weighed features of %#', (text) => {
    const full = reportFeatures(text, source(text));
    const fast = reportFeatures(text, source(text), modelVocabulary());
    const weighed = new Set([LEARNED_MODEL.steps, LEARNED_MODEL.expected, LEARNED_MODEL.actual].flatMap((p) => Object.keys(p.weights)));
    const isToken = (k: string) => /^[wbs]:/.test(k);
    for (const [k, v] of full) if (!isToken(k) || weighed.has(k)) expect([k, fast.get(k)]).toEqual([k, v]);
    for (const k of fast.keys()) expect(full.has(k)).toBe(true);
    expect(learnedEvidence(fast)).toEqual(learnedEvidence(full));
  });

  test('reused sentence cues are the ones sentenceCues computes', () => {
    const text = REPORTS[0]!;
    const known = new Map<string, SentenceCues>();
    for (const line of text.split('\n')) known.set(sentenceKey(line.trim().toLowerCase()), sentenceCues(sentenceKey(line.trim().toLowerCase())));
    expect(reportFeatures(text, source(text, known))).toEqual(reportFeatures(text, source(text)));
  });

  test('a wrong remembered cue would change the features (the lookup is really used)', () => {
    const text = 'It should save the form.';
    const lie = new Map<string, SentenceCues>([[sentenceKey(text.toLowerCase()), { stepLike: false, expected: false, observed: false }]]);
    expect(reportFeatures(text, source(text)).get('sent:expectedShare')).toBe(1);
    expect(reportFeatures(text, source(text, lie)).get('sent:expectedShare')).toBe(0);
  });

  test('tokens: words with one apostrophe part, letters a-z only', () => {
    const x = reportFeatures("Doesn't rock'n'roll café x2y", source(''), tokenVocabularyOf(['w:doesn\'t', "w:rock'n", 'w:roll', 'w:caf', 'w:x', 'w:y', "b:doesn't rock'n", 's:doesn\'t']));
    expect([...x.keys()].filter((k) => /^[wbs]:/.test(k)).sort()).toEqual(["b:doesn't rock'n", "s:doesn't", 'w:caf', "w:doesn't", "w:rock'n", 'w:roll', 'w:x', 'w:y']);
  });

  test('the three parts summed in one pass give exactly the sums of one part at a time', () => {
    for (const text of REPORTS) {
      const x = reportFeatures(text, source(text), modelVocabulary());
      const onePart = (p: (typeof LEARNED_MODEL)['steps']) => {
        let z = p.bias;
        for (const [k, v] of x) if (p.weights[k] !== undefined) z += p.weights[k]! * v;
        return z;
      };
      expect(logOdds(LEARNED_MODEL, x)).toEqual({ steps: onePart(LEARNED_MODEL.steps), expected: onePart(LEARNED_MODEL.expected), actual: onePart(LEARNED_MODEL.actual) });
    }
  });
});
