import {
  VALIDATOR_CONFIG_MAX_BYTES,
  defaultValidatorConfig,
  parseValidatorConfig,
  serializeValidatorConfig,
  serializedSize,
} from '@rt/contracts/validator-config';
import { validatorKinds } from '../../../src/domain/validators/kinds';

describe('parseValidatorConfig', () => {
  test.each(validatorKinds)('%s: missing configuration gives the defaults', (kind) => {
    for (const raw of [undefined, null, '', '  ', 'null']) {
      const parsed = parseValidatorConfig(kind, raw);
      expect(parsed).toMatchObject({ ok: true, defaulted: true, config: { version: 1, issueTypes: ['Bug'], onJiraError: 'block' } });
    }
  });

  test('defaults per validator', () => {
    expect(defaultValidatorConfig('repro-steps-clear')).toEqual({
      version: 1,
      issueTypes: ['Bug'],
      onJiraError: 'block',
      onPermanentError: 'block',
      minimumScore: 60,
      requiredParts: ['steps', 'expected', 'actual'],
      field: { source: 'description' },
    });
    expect(defaultValidatorConfig('follows-loop')).toEqual({ version: 1, issueTypes: ['Bug'], onJiraError: 'block', onPermanentError: 'block', allowDoneToDev: false });
    expect(defaultValidatorConfig('rte-review-complete')).toMatchObject({
      rcPattern: '-rc\\.\\d+$',
      documentationImpact: { source: 'label', labels: ['docs-impact', 'no-docs-impact'] },
      reproConfirmed: { source: 'label', labels: ['repro-confirmed'] },
      requireRteReviewInHistory: true,
    });
    expect(defaultValidatorConfig('regression-bug-linked')).toMatchObject({
      regressionLabel: 'found-in-regression',
      link: { typeName: 'Relates', direction: 'any' },
      requireRcInAffectsVersions: true,
      onlyFirstTransition: true,
    });
  });

  test('accepts the JSON string Jira hands over, and an object', () => {
    const json = JSON.stringify({ version: 1, minimumScore: 75, requiredParts: ['steps', 'steps', 'environment'] });
    const parsed = parseValidatorConfig('repro-steps-clear', json);
    expect(parsed).toMatchObject({ ok: true, defaulted: false, config: { minimumScore: 75, requiredParts: ['steps', 'environment'] } });
    expect(parsed.ok && 'migratedFrom' in parsed).toBe(false);
    expect(parseValidatorConfig('follows-loop', { version: 1, onJiraError: 'allow-and-record' })).toMatchObject({ ok: true, config: { onJiraError: 'allow-and-record' } });
  });

  test('an unversioned (old) configuration is migrated', () => {
    const parsed = parseValidatorConfig('rte-review-complete', '{"rcPattern":"-RC\\\\d+$"}');
    expect(parsed).toMatchObject({ ok: true, migratedFrom: 0, config: { version: 1, rcPattern: '-RC\\d+$', requireRteReviewInHistory: true } });
  });

  test('a configuration from a newer version is refused clearly', () => {
    expect(parseValidatorConfig('follows-loop', { version: 2 })).toEqual({
      ok: false,
      message: "The 'Bug follows the release-train loop' configuration was saved by a newer version of Release Train (version 2; this one reads up to 1).",
    });
    expect(parseValidatorConfig('follows-loop', { version: 'one' })).toMatchObject({ ok: false, message: expect.stringContaining('has an invalid version ("one")') });
  });

  test('invalid configurations name the bad field', () => {
    expect(parseValidatorConfig('repro-steps-clear', { version: 1, minimumScore: 150 })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^The 'Repro steps are clear' configuration is not valid \(minimumScore: .+\); edit the validator and save it again\.$/),
      issues: [{ path: 'minimumScore' }],
    });
    expect(parseValidatorConfig('rte-review-complete', { version: 1, rcPattern: '([' })).toMatchObject({ ok: false, issues: [{ path: 'rcPattern', message: 'is not a valid regular expression' }] });
    expect(parseValidatorConfig('rte-review-complete', { version: 1, reproConfirmed: { source: 'field', fieldId: 'summary' } })).toMatchObject({
      ok: false,
      issues: [{ path: 'reproConfirmed.fieldId', message: 'must be a custom field id such as customfield_10042' }],
    });
    expect(parseValidatorConfig('regression-bug-linked', { version: 1, regressionLabel: 'found in regression' })).toMatchObject({ ok: false, issues: [{ message: 'a label cannot contain spaces' }] });
  });

  test('hostile input never crashes', () => {
    const inputs: unknown[] = ['{not json', '[1,2]', '42', 42, true, [], () => 1, '['.repeat(20000), { version: 1, issueTypes: 'Bug' }];
    for (const raw of inputs) {
      const parsed = parseValidatorConfig('follows-loop', raw);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.message).toMatch(/^The 'Bug follows the release-train loop' configuration /);
    }
    const circular: Record<string, unknown> = { version: 1 };
    circular['self'] = circular;
    expect(parseValidatorConfig('follows-loop', circular)).toEqual({ ok: false, message: "The 'Bug follows the release-train loop' configuration cannot be read (it is not plain JSON data)." });
    expect(parseValidatorConfig('nope' as never, {})).toEqual({ ok: false, message: "Unknown validator 'nope'." });
  });

  test('an `expression` key is stripped so it cannot override the manifest expression', () => {
    const parsed = parseValidatorConfig('follows-loop', { version: 1, expression: 'true' });
    expect(parsed.ok && 'expression' in parsed.config).toBe(false);
  });

  test('oversize configuration (over 32 KB) is refused, as a string or an object', () => {
    const big = { version: 1, issueTypes: ['Bug'], padding: 'é'.repeat(17000) }; // 34 KB in UTF-8
    expect(serializedSize(big)).toBeGreaterThan(VALIDATOR_CONFIG_MAX_BYTES);
    const message = "The 'Bug follows the release-train loop' configuration is larger than Jira's 32 KB limit; edit the validator and save it again.";
    expect(parseValidatorConfig('follows-loop', big)).toEqual({ ok: false, message });
    expect(parseValidatorConfig('follows-loop', JSON.stringify(big))).toEqual({ ok: false, message });
  });
});

describe('serializeValidatorConfig', () => {
  test('validates, adds the version, strips unknown keys and stays under the limit', () => {
    const result = serializeValidatorConfig('regression-bug-linked', { regressionLabel: 'rc-regression', expression: 'false' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(JSON.parse(result.json)).toEqual({ ...defaultValidatorConfig('regression-bug-linked'), regressionLabel: 'rc-regression' });
    expect(serializedSize(result.json)).toBeLessThan(VALIDATOR_CONFIG_MAX_BYTES);
    expect(parseValidatorConfig('regression-bug-linked', result.json)).toMatchObject({ ok: true, defaulted: false, config: { regressionLabel: 'rc-regression' } });
  });

  test('refuses an invalid configuration', () => {
    expect(serializeValidatorConfig('repro-steps-clear', { minimumScore: -1 })).toMatchObject({ ok: false, issues: [{ path: 'minimumScore' }] });
  });

  test('the largest valid configuration still fits in 32 KB', () => {
    const maximal = {
      issueTypes: Array.from({ length: 50 }, (_, i) => `${'T'.repeat(95)}${i}`),
      rcPattern: 'x'.repeat(200),
      documentationImpact: { source: 'label', labels: Array.from({ length: 10 }, (_, i) => `${'d'.repeat(250)}${i}`) },
      reproConfirmed: { source: 'label', labels: Array.from({ length: 10 }, (_, i) => `${'r'.repeat(250)}${i}`) },
    };
    const result = serializeValidatorConfig('rte-review-complete', maximal);
    expect(result.ok).toBe(true);
    if (result.ok) expect(serializedSize(result.json)).toBeLessThan(VALIDATOR_CONFIG_MAX_BYTES);
  });
});
