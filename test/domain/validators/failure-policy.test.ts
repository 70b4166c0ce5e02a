import { decideOnInternalError, decideOnJiraError, describeError } from '../../../src/domain/validators/failure-policy';

const base = { validator: 'follows-loop' as const, issueKey: 'RT-42', now: '2026-03-02T09:00:00.000Z' };

describe('decideOnJiraError', () => {
  test('blocks by default, saying verification failed and to retry, and records it', () => {
    const { decision, record } = decideOnJiraError({ ...base, error: new Error('Jira answered 503 Service Unavailable'), onJiraError: 'block' });
    expect(decision).toEqual({ result: false, errorMessage: 'Release Train could not verify this transition (Jira answered 503 Service Unavailable); retry in a moment.' });
    expect(record).toEqual({ at: base.now, validator: 'follows-loop', issueKey: 'RT-42', error: 'Jira answered 503 Service Unavailable', decision: 'blocked' });
  });

  test('allow-and-record lets the transition through and records it', () => {
    const { decision, record } = decideOnJiraError({ ...base, error: 'timeout', onJiraError: 'allow-and-record' });
    expect(decision).toEqual({ result: true });
    expect(record.decision).toBe('allowed');
    expect(record.error).toBe('timeout');
  });

  test('any error value is described briefly on one line', () => {
    expect(describeError(undefined)).toBe('unknown error');
    expect(describeError({ status: 429 })).toBe('{"status":429}');
    expect(describeError('line1\n  line2')).toBe('line1 line2');
    const circular: Record<string, unknown> = {};
    circular['self'] = circular;
    expect(describeError(circular)).toBe('[object Object]');
    expect(describeError('x'.repeat(1000))).toHaveLength(200);
  });
});

describe('decideOnInternalError', () => {
  test('always blocks (there is no policy to apply to a fault in Release Train) and records it as internal', () => {
    const { decision, record } = decideOnInternalError({ ...base, error: new TypeError('x is undefined') });
    expect(decision).toEqual({ result: false, errorMessage: 'Release Train hit an internal error while checking this transition (x is undefined), so it is blocked; retry, and tell your Jira admin if it keeps happening.' });
    expect(record).toEqual({ at: base.now, validator: 'follows-loop', issueKey: 'RT-42', error: 'internal error: x is undefined', decision: 'blocked' });
  });
});
