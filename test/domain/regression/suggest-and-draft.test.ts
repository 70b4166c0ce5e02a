import { suggestChecks, suggestionId } from '../../../src/domain/regression/suggest-checks';
import { draftRegressionBug, REGRESSION_BUG_PROMPTS, reproFromReport, withReproSections } from '../../../src/domain/regression/regression-bug-draft';
import { analyseReproSteps } from '../../../src/domain/repro-steps';
import { aCheck, aCycle, aRecord, ann } from '../../builders/regression';

const bug = { key: 'BUG-1', components: ['Checkout', 'Payments'], labels: ['mobile', 'repro-confirmed'], linkedIssues: [{ key: 'BUG-0', summary: 'Totals off', linkType: 'relates to' }] };

describe('suggestChecks', () => {
  it('suggests the fix, components, labels (not process labels) and linked issues', () => {
    const s = suggestChecks({ bug });
    expect(s.map((x) => `${x.area} | ${x.title}`)).toEqual([
      'The fix | BUG-1 no longer reproduces (follow its repro steps)',
      'Checkout | Main flows of Checkout work as before',
      'Payments | Main flows of Payments work as before',
      'Linked issues | BUG-0 (Totals off) still works',
      "mobile | Scenarios tagged 'mobile' still work",
    ]);
    expect(s.every((x) => /^sg-[0-9a-f]{8}$/.test(x.id))).toBe(true);
  });

  it('adds what similar past bugs were regressed with, weighting failures, deduplicating across bugs', () => {
    const past = [
      { issueKey: 'BUG-5', components: ['Checkout'], labels: [], record: aRecord({ cycles: [aCycle({ checks: [aCheck({ area: 'Checkout', title: 'Coupon applies', result: 'failed' }), aCheck({ area: 'Checkout', title: 'Guest checkout' })] })] }) },
      { issueKey: 'BUG-6', components: ['checkout'], labels: ['mobile'], record: aRecord({ cycles: [aCycle({ checks: [aCheck({ area: 'checkout ', title: 'coupon  applies' })] })] }) },
      { issueKey: 'BUG-7', components: ['Search'], labels: [], record: aRecord({ cycles: [aCycle({ checks: [aCheck({ area: 'Search', title: 'Unrelated' })] })] }) },
    ];
    const s = suggestChecks({ bug, pastRecords: past });
    const coupon = s.find((x) => x.title === 'Coupon applies');
    // BUG-5: similarity 2 × failed 3 = 6; BUG-6: similarity 2 + 1 = 3 × 1 = 3.
    expect(coupon).toMatchObject({ area: 'Checkout', score: 9, reason: 'Regressed for BUG-5 (failed there); Regressed for BUG-6' });
    expect(s.find((x) => x.title === 'Guest checkout')?.score).toBe(2);
    expect(s.some((x) => x.title === 'Unrelated')).toBe(false);
    expect(s.filter((x) => x.title.toLowerCase() === 'coupon applies')).toHaveLength(1);
  });

  it('is deterministic and capped', () => {
    const many = { ...bug, components: Array.from({ length: 60 }, (_, i) => `C${i}`) };
    const a = suggestChecks({ bug: many, max: 7 });
    expect(a).toHaveLength(7);
    expect(suggestChecks({ bug: many, max: 7 })).toEqual(a);
    expect(suggestChecks({ bug: many, max: 1000 }).length).toBeLessThanOrEqual(40);
    expect(suggestionId('Cart ', 'ADD  item')).toBe(suggestionId('cart', 'add item'));
  });
});

describe('draftRegressionBug', () => {
  const fixBug = { key: 'BUG-1', summary: 'Totals wrong with coupons', components: ['Checkout'] };
  const failed = aCheck({ id: 'k', area: 'Checkout', title: 'Coupon applies to the total.', result: 'failed', tester: ann, at: '2026-03-02T10:00:00.000Z', note: 'Total ignores the coupon' });

  it('drafts summary, RC as Affects version, label and link to the fix; the skeleton only as prompts', () => {
    const r = draftRegressionBug({ fixBug, rc: '4.3.0-rc.2', check: failed });
    if (!r.ok) throw new Error(r.message);
    const d = r.data;
    expect(d.summary).toBe('Regression in 4.3.0-rc.2: Checkout — Coupon applies to the total.');
    expect(d.affectsVersions).toEqual(['4.3.0-rc.2']);
    expect(d.labels).toEqual(['found-in-regression']);
    expect(d.link).toEqual({ typeName: 'Relates', issueKey: 'BUG-1' });
    expect(d.components).toEqual(['Checkout']);
    expect(d.prompts.steps).toEqual(['Use build 4.3.0-rc.2.', 'Go to Checkout.', 'Coupon applies to the total.', REGRESSION_BUG_PROMPTS.steps]);
    // Real values only: the check's note as the actual result, the RC as the build; no step, no prompt.
    expect(d.prefill).toEqual({ steps: [], expected: '', actual: 'Total ignores the coupon', environment: '', build: '4.3.0-rc.2' });
    const text = JSON.stringify(d.description);
    expect(text).toContain('failed by Ann QA on 2026-03-02');
    for (const prompt of Object.values(REGRESSION_BUG_PROMPTS)) expect(text).not.toContain(prompt);
    expect(text).not.toContain('Steps to reproduce');
    // The description alone holds no reproduction: it reads as missing, never "clear".
    expect(analyseReproSteps({ description: d.description }).verdict).toBe('missing');
  });

  it('reproFromReport: the tester\'s steps, results and environment, the RC as the build', () => {
    const r = reproFromReport({ steps: [' Open the cart ', '', 'Apply coupon SAVE10'], expected: 'Total is 90.00', actual: 'Total is 100.00', environment: 'Chrome 131' }, '4.3.0-rc.2');
    expect(r).toEqual({ ok: true, data: { steps: ['Open the cart', 'Apply coupon SAVE10'], expected: 'Total is 90.00', actual: 'Total is 100.00', environment: 'Chrome 131', build: '4.3.0-rc.2' } });
    const filled = analyseReproSteps({ field: r.ok ? r.data : null });
    expect(filled.has).toMatchObject({ steps: true, expected: true, actual: true, environment: true });
  });

  it('reproFromReport refuses missing parts and prompts left in, naming each', () => {
    const none = reproFromReport({ steps: ['', ' '], expected: '', actual: '' }, 'rc.1');
    expect(!none.ok && none.code).toBe('BAD_REQUEST');
    expect(!none.ok && none.message).toBe('Write at least one step, the expected result, the actual result before filing the regression bug.');
    const prompts = reproFromReport({ steps: ['Open the cart', REGRESSION_BUG_PROMPTS.steps], expected: 'It works', actual: REGRESSION_BUG_PROMPTS.actual }, 'rc.1');
    expect(!prompts.ok && prompts.message).toContain('steps without template text');
    expect(!prompts.ok && prompts.message).toContain('the actual result');
    const placeholderEnv = reproFromReport({ steps: ['Open'], expected: 'a', actual: 'b', environment: REGRESSION_BUG_PROMPTS.environment }, 'rc.1');
    expect(placeholderEnv.ok && placeholderEnv.data.environment).toBeUndefined();
    expect(reproFromReport({ steps: ['x'.repeat(2001)], expected: 'a', actual: 'b' }, 'rc.1').ok).toBe(false);
  });

  it('withReproSections: the tester\'s reproduction as labelled sections for a site without the field', () => {
    const r = draftRegressionBug({ fixBug, rc: '4.3.0-rc.2', check: failed });
    if (!r.ok) throw new Error(r.message);
    const doc = withReproSections(r.data.description, { steps: ['Open the cart', 'Apply coupon SAVE10'], expected: 'Total is 90.00', actual: 'Total is 100.00', build: '4.3.0-rc.2' });
    const a = analyseReproSteps({ description: doc });
    expect(a.has).toMatchObject({ steps: true, expected: true, actual: true });
    expect(a.parts.build).toContain('4.3.0-rc.2');
  });

  it('caps the summary at 255 characters', () => {
    const r = draftRegressionBug({ fixBug, rc: 'rc.1', check: { ...failed, title: 'x'.repeat(200), area: 'y'.repeat(80) } });
    expect(r.ok && r.data.summary.length).toBe(255);
  });

  it('refuses a check that did not fail or was already reported', () => {
    expect(draftRegressionBug({ fixBug, rc: 'rc.1', check: { ...failed, result: 'passed' } }).ok).toBe(false);
    const again = draftRegressionBug({ fixBug, rc: 'rc.1', check: { ...failed, reportedBugKey: 'BUG-9' } });
    expect(!again.ok && again.message).toContain('BUG-9');
  });
});
