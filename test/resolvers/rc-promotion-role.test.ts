import { createJiraGateway } from '../../src/jira';
import type { RetryPolicy } from '../../src/jira/transport';
import { checkProjectRole } from '../../src/resolvers/rc-promotion/promoter-role';
import { scriptedTransport, type Scripted } from '../jira/fake-transport';

/** The promoter role check as the app: user actors, group actors (through the caller's groups), and refusals. */
const policy: RetryPolicy = { maxRetries: 0, baseDelayMs: 1, maxDelayMs: 1, sleep: async () => undefined };
const roles = { status: 200, body: [{ id: 10101, name: 'RTE' }, { id: 10102, name: 'Developers' }] };
const role = (actors: unknown[]) => ({ status: 200, body: { id: 10101, name: 'RTE', actors } });

function gateway(answers: Record<string, Scripted>) {
  const { transport, requests } = scriptedTransport((req) => answers[req.path.split('?')[0]!] ?? { status: 404, body: { errorMessages: ['nope'] } });
  return { app: createJiraGateway(transport, policy), requests };
}

it('finds a user actor without asking for groups', async () => {
  const { app, requests } = gateway({ '/rest/api/3/project/RT/roledetails': roles, '/rest/api/3/project/RT/role/10101': role([{ type: 'atlassian-user-role-actor', actorUser: { accountId: 'u1' } }]) });
  await expect(checkProjectRole(app, 'RT', 'rte', 'u1')).resolves.toEqual({ member: true });
  expect(requests.map((r) => r.path)).toEqual(['/rest/api/3/project/RT/roledetails', '/rest/api/3/project/RT/role/10101']);
});

it('finds a member through a group actor (by group id), and refuses a user in no listed group', async () => {
  const actors = [{ type: 'atlassian-group-role-actor', actorGroup: { name: 'release-engineers', groupId: 'g-1' } }];
  const member = gateway({ '/rest/api/3/project/RT/roledetails': roles, '/rest/api/3/project/RT/role/10101': role(actors), '/rest/api/3/user/groups': { status: 200, body: [{ name: 'renamed', groupId: 'g-1' }] } });
  await expect(checkProjectRole(member.app, 'RT', 'RTE', 'u2')).resolves.toEqual({ member: true });
  expect(member.requests.at(-1)?.path).toBe('/rest/api/3/user/groups?accountId=u2');
  const other = gateway({ '/rest/api/3/project/RT/roledetails': roles, '/rest/api/3/project/RT/role/10101': role(actors), '/rest/api/3/user/groups': { status: 200, body: [{ name: 'qa', groupId: 'g-2' }] } });
  await expect(checkProjectRole(other.app, 'RT', 'RTE', 'u3')).resolves.toEqual({ member: false });
});

it('a 403 reading the role is a "no" with the reason, not an error', async () => {
  const { app } = gateway({ '/rest/api/3/project/RT/roledetails': { status: 403, body: { errorMessages: ['You cannot view project roles.'] } } });
  const check = await checkProjectRole(app, 'RT', 'RTE', 'u1');
  expect(check.member).toBe(false);
  expect(check.problem).toMatch(/could not read the RTE role of RT/);
});

it('a Jira outage is still an error (the page shows it and can retry)', async () => {
  const { app } = gateway({ '/rest/api/3/project/RT/roledetails': { status: 503 } });
  await expect(checkProjectRole(app, 'RT', 'RTE', 'u1')).rejects.toMatchObject({ kind: 'server' });
});
