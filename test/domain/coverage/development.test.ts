import { developmentJql } from '../../../src/domain/coverage';
import { developmentGate } from '../../../src/domain/rc-readiness';
import { emulatorEnv, type EmulatorEnv } from '../../support/emulator-env';
import { services } from '../../../src/runtime/services';
import { seedIds } from '../../../local/seed';

describe('the development gate and its JQL', () => {
  it('asks Jira one question per search, scoped to the candidate (and refuses a bad version id)', () => {
    expect(developmentJql('RT', '10012', 'openPullRequests')).toBe('project = "RT" AND fixVersion = 10012 AND development[pullrequests].open > 0 ORDER BY key ASC');
    expect(developmentJql('RT', '10012', 'failingBuilds')).toContain('development[builds].failing > 0');
    expect(developmentJql('RT', '10012', 'branches')).toContain('development[branches].all > 0');
    expect(() => developmentJql('RT', '10012) OR (1=1', 'branches')).toThrow(/not a Jira version id/);
  });

  it('names the issues with an open pull request or a failing build; says Jira cannot tell drafts; fails closed on an error', () => {
    const g = developmentGate('rc.2', 'block', { openPullRequests: ['RT-60'], failingBuilds: ['RT-61', 'RT-60'] })!;
    expect(g).toMatchObject({ id: 'development-clean', passed: false, evidence: ['RT-60', 'RT-61'] });
    expect(g.severity).toBeUndefined();
    expect(g.detail).toMatch(/1 with an open pull request \(RT-60\); 2 with a failing build.*draft/);
    expect(developmentGate('rc.2', 'warn', { openPullRequests: [], failingBuilds: [] })).toMatchObject({ passed: true, severity: 'warn' });
    expect(developmentGate('rc.2', 'off', { openPullRequests: ['RT-1'], failingBuilds: [] })).toBeNull();
    expect(developmentGate('rc.2', 'block', { openPullRequests: [], failingBuilds: [], error: 'Field development does not exist' })).toMatchObject({ passed: false, evidence: [] });
  });

  describe('against the emulator (development data of the demo issues)', () => {
    let env: EmulatorEnv;
    beforeAll(async () => (env = await emulatorEnv({ prefix: 'rt-dev-', baseUrl: 'http://jira.test' })));
    afterAll(() => env.close());
    const keys = async (jql: string) => (await services().jira('app').searchAll({ jql, fields: ['summary'] })).issues.map((i) => i.key);

    it('finds the rc.2 feature with an open (draft) pull request, and the rc.1 feature with a failing build', async () => {
      const rc2 = await keys(developmentJql('RT', seedIds.VERSION.RC2, 'openPullRequests'));
      expect(rc2).toHaveLength(1);
      const [feature] = rc2;
      const story = env.store.get().issues.find((i) => i.key === feature)!;
      expect(story.fields.issueTypeId).not.toBe('10004');
      expect(await keys(developmentJql('RT', seedIds.VERSION.RC2, 'failingBuilds'))).toEqual([]);
      expect(await keys(developmentJql('RT', seedIds.VERSION.RC1, 'failingBuilds'))).toHaveLength(1);
      // `all` sums the kinds; a range on a missing count is 0, not an error.
      expect((await keys('project = RT AND development[pullrequests].all >= 1')).length).toBeGreaterThan(rc2.length);
      expect(await keys('project = RT AND development[commits].all > 1000')).toEqual([]);
    });
  });
});
