/**
 * Every finding on an ADF description (what Jira REST v3 returns), built with the test builders: each example
 * triggers its finding and a good report does not.
 */
import { analyseReproSteps, type FindingCode } from '../../../src/domain/repro-steps';
import { aGoodAdfReport, bullets, code, doc, heading, ordered, para } from './builders';

const codes = (summary: string, description: unknown) => analyseReproSteps({ summary, description }).findings.map((f) => f.code);
const env = () => para('Build: 4.2.0-rc3, Environment: Chrome 126 on Windows 11');

const cases: [FindingCode, string, unknown][] = [
  ['MISSING_STEPS', 'Login broken', doc(para('Login is broken since yesterday, error 500.'), env())],
  [
    'MISSING_EXPECTED',
    'Promote fails',
    doc(heading('Steps to reproduce'), ordered('Open the Release board', 'Click Promote on RC 4.2'), heading('Actual result'), para('An error 500 banner appears.'), env()),
  ],
  [
    'MISSING_ACTUAL',
    'Promote fails',
    doc(heading('Steps to reproduce'), ordered('Open the Release board', 'Click Promote on RC 4.2'), heading('Expected result'), para('The RC moves to QA.'), env()),
  ],
  [
    'VAGUE_STEPS',
    'Promote fails',
    doc(heading('Steps to reproduce'), ordered("It doesn't work"), heading('Expected'), para('The RC moves to QA.'), heading('Actual'), para('Nothing moves.'), env()),
  ],
  [
    'SINGLE_STEP',
    'Promote to QA from the RC board',
    doc(heading('Steps to reproduce'), ordered('Promote to QA from the RC board'), heading('Expected'), para('The RC moves to QA.'), heading('Actual'), para('Nothing moves.'), env()),
  ],
  [
    'EXPECTED_EQUALS_ACTUAL',
    'Promote fails',
    doc(heading('Steps to reproduce'), ordered('Open the Release board', 'Click Promote'), heading('Expected'), para('The RC moves to QA.'), heading('Actual'), para('The RC moves to QA.'), env()),
  ],
  [
    'NO_BUILD',
    'Promote fails',
    doc(heading('Steps to reproduce'), bullets('Open the Release board', 'Click Promote'), heading('Expected'), para('The RC moves to QA.'), heading('Actual'), para('An error 500 banner appears.'), para('Environment: Chrome on Windows 11')),
  ],
  [
    'NO_ENVIRONMENT',
    'Promote fails',
    doc(heading('Steps to reproduce'), ordered('Open the Release board', 'Click Promote'), heading('Expected'), para('The RC moves to QA.'), heading('Actual'), code('Error: 500 Internal Server Error'), para('Build: 4.2.0-rc3')),
  ],
];

/** A bare complaint also lacks the expected result. */
const EXTRA: Partial<Record<FindingCode, FindingCode[]>> = { MISSING_STEPS: ['MISSING_STEPS', 'MISSING_EXPECTED'] };

describe('findings on ADF descriptions', () => {
  it.each(cases)('%s', (expected, summary, description) => {
    expect(codes(summary, description)).toEqual(EXTRA[expected] ?? [expected]);
  });

  it('gives none of them for a good ADF report', () => {
    expect(codes('Promote fails', aGoodAdfReport())).toEqual([]);
  });

  it('gives EMPTY for an empty document', () => {
    expect(codes('Promote fails', doc())).toEqual(['EMPTY']);
  });
});
