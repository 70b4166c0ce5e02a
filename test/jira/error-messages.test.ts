import { errorForStatus } from '../../src/jira/errors';

describe('Jira error messages name what was asked in words, never the gateway operation', () => {
  it.each([401, 403, 404, 409, 429, 500, 400])('status %i', (status) => {
    const e = errorForStatus('listVersions', status, { errorMessages: ['No project could be found with key RT.'] });
    expect(e.message).not.toMatch(/listVersions/);
    expect(e.operation).toBe('listVersions');
  });

  it('the ops user’s old “could not find what listVersions asked for” now says what', () => {
    expect(errorForStatus('listVersions', 404, {}).message).toMatch(/^Jira could not find what was needed to .*versions/);
  });
});
