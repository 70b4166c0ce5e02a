/**
 * Demo data for regression coverage and features in the train:
 * - development information on the candidates' features, as Jira's GitHub/Bitbucket/GitLab integrations report it
 *   (read by JQL `development[…]` fields): the 4.3.0-rc.2 story keeps a (draft) pull request open, an rc.1 story has
 *   an open pull request, the other rc.1 story a failing build; done bugs have merged pull requests and branches;
 * - a "Breaks" link type (is broken by / breaks) and one link: the rc.2 story broke a Payments bug, so rc.2 changed
 *   Payments too (areas of bugs linked as "broken by");
 * - a rejected QA sign-off on the rc.1 story in QA (issue property `release-train-qa-signoff`, with its JQL index).
 * Only adds what is absent.
 */
import type { EmulatorState, EmuIssue } from '../emulator/state';
import { ISSUE_TYPE, STATUS } from './project';
import { VERSION } from './sprints';
import { people } from './users';

const SIGNOFF_PROPERTY = 'release-train-qa-signoff';
export const BREAKS_LINK_TYPE = { id: '10010', name: 'Breaks', inward: 'is broken by', outward: 'breaks' } as const;

export function seedCoverage(state: EmulatorState): void {
  const rt = state.issues.filter((i) => i.key.startsWith('RT-'));
  const features = (rcId: string) => rt.filter((i) => i.fields.issueTypeId !== ISSUE_TYPE.BUG && i.fields.fixVersionIds.includes(rcId));
  const setDev = (issue: EmuIssue | undefined, dev: NonNullable<EmuIssue['development']>) => {
    if (issue && !issue.development) issue.development = dev;
  };
  const [rc2Story] = features(VERSION.RC2);
  const rc1 = features(VERSION.RC1);
  const rc1InQa = rc1.find((i) => i.fields.statusId !== STATUS.DONE);
  const rc1Done = rc1.find((i) => i.fields.statusId === STATUS.DONE);
  setDev(rc2Story, { pullrequests: { open: 1, merged: 1 }, branches: 2, commits: 9, builds: { successful: 4 } });
  setDev(rc1InQa, { pullrequests: { open: 1 }, branches: 1, commits: 4, builds: { successful: 2 } });
  setDev(rc1Done, { pullrequests: { merged: 2 }, branches: 1, commits: 6, builds: { failing: 1, successful: 3 } });
  for (const bug of rt.filter((i) => i.fields.issueTypeId === ISSUE_TYPE.BUG && i.fields.statusId === STATUS.DONE)) {
    setDev(bug, { pullrequests: { merged: 1 }, branches: 1, commits: 2, builds: { successful: 1 } });
  }

  if (!state.linkTypes.some((t) => t.name === BREAKS_LINK_TYPE.name)) state.linkTypes.push({ ...BREAKS_LINK_TYPE });
  const payments = state.projects.flatMap((p) => p.components).find((c) => c.name === 'Payments');
  const brokenBug = rt.find((i) => i.fields.issueTypeId === ISSUE_TYPE.BUG && payments && i.fields.componentIds.includes(payments.id) && i.fields.fixVersionIds.length === 0);
  if (rc2Story && brokenBug && !state.issueLinks.some((l) => l.typeId === BREAKS_LINK_TYPE.id)) {
    state.issueLinks.push({ id: String(state.counters.linkId++), typeId: BREAKS_LINK_TYPE.id, inwardIssueId: rc2Story.id, outwardIssueId: brokenBug.id });
  }

  if (rc1InQa && !(SIGNOFF_PROPERTY in rc1InQa.properties)) {
    const qa = people.qa[0]!;
    const at = new Date(Date.parse(state.seededAt) - 5 * 3_600_000).toISOString();
    rc1InQa.properties[SIGNOFF_PROPERTY] = {
      schemaVersion: 1,
      entries: [{ id: 'seed-signoff-1', rc: '4.3.0-rc.1', decision: 'rejected', by: { accountId: qa.accountId, name: qa.displayName }, at, note: 'The empty state still shows the old copy; see the design.' }],
      revision: 1,
      index: { latestRc: '4.3.0-rc.1', latestDecision: 'rejected' },
    };
  }
}
