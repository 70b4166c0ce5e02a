import { evaluateGates } from '../../../src/domain/rc-readiness/gates';
import { fitVersionDescription, releaseNotes } from '../../../src/domain/rc-readiness/release-notes';
import { handoffDescription, readableDay, dayAfter } from '../../../src/domain/rc-readiness/handoff-description';
import {
  candidateStanding,
  nextTrainRelease,
  productionNamingProblem,
  productionVersionName,
  shippingIssues,
  standingSentence,
  unfinishedIssues,
  type TrainIssue,
} from '../../../src/domain/rc-readiness/train-release';
import { anOpenIssue, anRcIssue, aVersion } from '../../builders/rc';

const rc1 = { id: '1', name: '4.3.0-rc.1', n: 1 };
const rc2 = { id: '2', name: '4.3.0-rc.2', n: 2 };
const rc3 = { id: '3', name: '4.3.0-rc.3', n: 3 };
const issue = (key: string, fix: string[], done = true, type = 'Bug'): TrainIssue => ({ key, summary: `Summary of ${key}`, type, done, fixVersionIds: fix });

describe('the production version of a train', () => {
  it('is named by the project naming, {release} once; an unusable naming falls back to the release name', () => {
    expect(productionVersionName('4.3.0')).toBe('4.3.0');
    expect(productionVersionName('4.3.0', 'v{release}')).toBe('v4.3.0');
    expect(productionVersionName('4.3.0', 'Release {release} (prod)')).toBe('Release 4.3.0 (prod)');
    expect(productionNamingProblem('v{release}')).toBeUndefined();
    expect(productionNamingProblem('prod')).toMatch(/exactly once/);
    expect(productionNamingProblem('{release}-{release}')).toMatch(/exactly once/);
    expect(productionVersionName('4.3.0', 'prod')).toBe('4.3.0');
  });
});

describe('which issues ship, and where unfinished ones go', () => {
  const issues = [
    issue('RT-1', ['1']),
    issue('RT-2', ['1'], false),
    issue('RT-3', ['2'], true, 'Story'),
    issue('RT-4', ['1', '2']),
    issue('RT-5', ['3']),
    issue('RT-6', ['9']),
  ];
  it('ships the done issues of the promoted candidate and the earlier ones, each with the candidate it arrived in', () => {
    expect(shippingIssues([rc1, rc2, rc3], '2', issues)).toEqual([
      { key: 'RT-1', summary: 'Summary of RT-1', type: 'Bug', candidate: '4.3.0-rc.1' },
      { key: 'RT-3', summary: 'Summary of RT-3', type: 'Story', candidate: '4.3.0-rc.2' },
      { key: 'RT-4', summary: 'Summary of RT-4', type: 'Bug', candidate: '4.3.0-rc.2' },
    ]);
    // A later candidate's issues and another version's never ship with it.
    expect(shippingIssues([rc1, rc2, rc3], '2', issues).map((i) => i.key)).not.toContain('RT-5');
  });
  it('names the unfinished issues of the promoted candidate and the earlier ones', () => {
    expect(unfinishedIssues([rc1, rc2], '2', issues)).toEqual(['RT-2']);
    expect(unfinishedIssues([rc1, rc2], '1', [issue('RT-9', ['2'], false)])).toEqual([]);
  });
  it('rolls over into the next existing train, else the next minor release', () => {
    expect(nextTrainRelease('4.3.0', [{ release: '4.3.0' }, { release: '4.10.0' }, { release: '4.4.0' }])).toBe('4.4.0');
    expect(nextTrainRelease('4.3.0', [{ release: '4.3.0' }])).toBe('4.4.0');
    expect(nextTrainRelease('2026.11', [])).toBe('2026.12');
    expect(nextTrainRelease('web', [])).toBe('web.next');
  });
});

describe('candidate standing', () => {
  const train = { candidates: [rc1, rc2].map((c) => ({ version: aVersion({ id: c.id, name: c.name }), n: c.n, source: 'convention' as const })) };
  it('after the train shipped from rc.2: rc.2 promoted, rc.1 superseded with a sentence naming the release', () => {
    const shipment = { promotion: { versionId: '2', versionName: '4.3.0-rc.2', productionName: '4.3.0', status: 'done' as const } };
    expect(candidateStanding(train, '2', shipment)).toEqual({ kind: 'promoted', productionName: '4.3.0' });
    const rc1Standing = candidateStanding(train, '1', shipment);
    expect(rc1Standing).toEqual({ kind: 'superseded', productionName: '4.3.0', promotedCandidate: '4.3.0-rc.2' });
    expect(standingSentence('4.3.0-rc.1', rc1Standing)).toBe('4.3.0-rc.1 is superseded: the train shipped as 4.3.0 (promoted from 4.3.0-rc.2). It cannot be promoted.');
  });
  it('a production version released in Jira without the app supersedes every candidate', () => {
    expect(candidateStanding(train, '2', { productionVersion: { name: '4.3.0', released: true } })).toEqual({ kind: 'superseded', productionName: '4.3.0' });
  });
  it('while rc.2 is being promoted, rc.1 is blocked; before any promotion only the latest is open', () => {
    const running = { promotion: { versionId: '2', versionName: '4.3.0-rc.2', productionName: '4.3.0', status: 'failed' as const } };
    expect(candidateStanding(train, '1', running)).toEqual({ kind: 'promoting', promotedCandidate: '4.3.0-rc.2' });
    expect(candidateStanding(train, '2', running)).toEqual({ kind: 'open' });
    expect(candidateStanding(train, '1', {})).toEqual({ kind: 'older', latest: '4.3.0-rc.2' });
    expect(candidateStanding(train, '2', { productionVersion: { name: '4.3.0', released: false } })).toEqual({ kind: 'open' });
  });
  it('a reopened train (ops rolled back rc.2): rc.1 and rc.2 superseded as rolled back, rc.3 open despite the released version', () => {
    const rc3 = { version: aVersion({ id: '3', name: '4.3.0-rc.3' }), n: 3, source: 'convention' as const };
    const reopened = { candidates: [...train.candidates, rc3] };
    const shipment = { rolledBack: { versionId: '2', versionName: '4.3.0-rc.2', productionName: '4.3.0' }, productionVersion: { name: '4.3.0', released: true } };
    const rc2Standing = candidateStanding(reopened, '2', shipment);
    expect(rc2Standing).toEqual({ kind: 'superseded', productionName: '4.3.0', promotedCandidate: '4.3.0-rc.2', rolledBack: true });
    expect(standingSentence('4.3.0-rc.2', rc2Standing)).toBe('4.3.0-rc.2 is superseded: ops rolled back 4.3.0 (promoted from 4.3.0-rc.2), so the train is reopened. Cut a newer candidate and promote it.');
    expect(candidateStanding(reopened, '1', shipment)).toMatchObject({ kind: 'superseded', rolledBack: true });
    expect(candidateStanding(reopened, '3', shipment)).toEqual({ kind: 'open' });
    // Before rc.3 is cut, the rolled-back rc.2 (the latest) is still not promotable.
    expect(candidateStanding(train, '2', shipment)).toMatchObject({ kind: 'superseded' });
    // Once rc.3's promotion runs, it decides.
    const running = { ...shipment, promotion: { versionId: '3', versionName: '4.3.0-rc.3', productionName: '4.3.0', status: 'in-progress' as const } };
    expect(candidateStanding(reopened, '2', running)).toEqual({ kind: 'promoting', promotedCandidate: '4.3.0-rc.3' });
  });
});

describe('gates of a candidate with earlier candidates', () => {
  it('unfinished issues of an earlier candidate fail their own gate, naming them', () => {
    const gates = evaluateGates({ rc: '4.3.0-rc.2', issues: [anRcIssue({ key: 'RT-10' })], earlier: [{ name: '4.3.0-rc.1', issues: [anOpenIssue({ key: 'RT-3' }), anRcIssue({ key: 'RT-1' })] }] });
    const g = gates.find((x) => x.id === 'earlier-candidates-done')!;
    expect(g).toMatchObject({ passed: false, evidence: ['RT-3'], title: 'No unfinished issue left in earlier candidates (4.3.0-rc.1)' });
    expect(g.detail).toBe('1 of 2 issues of 4.3.0-rc.1 is not done: finish it, or override to roll it into the next candidate.');
  });
  it('passes when every earlier issue is done; no such gate for the first candidate', () => {
    const gates = evaluateGates({ rc: '4.3.0-rc.2', issues: [anRcIssue()], earlier: [{ name: '4.3.0-rc.1', issues: [anRcIssue()] }] });
    expect(gates.find((x) => x.id === 'earlier-candidates-done')).toMatchObject({ passed: true, detail: 'The issue of 4.3.0-rc.1 is done and ships with this candidate.' });
    expect(evaluateGates({ rc: '4.3.0-rc.1', issues: [anRcIssue()] }).some((x) => x.id === 'earlier-candidates-done')).toBe(false);
  });
  it('says "The bug" for one bug and never "All 1 bug … are"', () => {
    const gates = evaluateGates({ rc: '4.3.0-rc.2', issues: [anRcIssue(), anRcIssue({ foundInRegressionOf: ['4.3.0-rc.2'] })].slice(0, 1), regressionFinds: [anRcIssue({ foundInRegressionOf: ['4.3.0-rc.2'] })] });
    const text = gates.map((g) => g.detail).join(' ');
    expect(text).not.toMatch(/All 1 /);
    expect(text).toContain('The issue is done.');
    expect(text).toContain('The bug was reviewed by the RTE after its latest Dev work.');
    expect(text).toContain('The bug found during regression of 4.3.0-rc.2 is done.');
    expect(evaluateGates({ rc: 'x', issues: [anRcIssue({ type: 'Story' })] }).find((g) => g.id === 'rte-reviewed')?.detail).toBe('There are no bugs to review.');
  });
});

describe('cumulative notes, the version description and the hand-off', () => {
  const notes = releaseNotes({
    release: '4.3.0',
    rc: '4.3.0-rc.2',
    issues: [
      { key: 'RT-1', summary: 'Crash on login', type: 'Bug', candidate: '4.3.0-rc.1' },
      { key: 'RT-3', summary: 'New export', type: 'Story', candidate: '4.3.0-rc.2' },
    ],
    baseUrl: 'https://acme.atlassian.net',
  });
  it('list every issue by type with the candidate it arrived in', () => {
    expect(notes.text).toBe('Release 4.3.0 (from 4.3.0-rc.2)\n\nStories (1)\n- RT-3: New export (4.3.0-rc.2)\n\nBug fixes (1)\n- RT-1: Crash on login (4.3.0-rc.1)');
  });
  it('are cut at a line to fit Jira’s 16,384-byte version description, saying where the rest is', () => {
    const long = ['Release 4.3.0', ...Array.from({ length: 2000 }, (_, i) => `- RT-${i}: ${'é'.repeat(20)}`)].join('\n');
    const cut = fitVersionDescription(long, 'the hand-off has the whole list.');
    expect(new TextEncoder().encode(cut).length).toBeLessThanOrEqual(16_384);
    expect(cut.endsWith("… cut to fit Jira's limit; the hand-off has the whole list.")).toBe(true);
    expect(cut.split('\n').slice(0, -1).every((l) => long.split('\n').includes(l))).toBe(true);
    expect(fitVersionDescription('short', 'x')).toBe('short');
  });
  it('the hand-off holds the intro, links back, the checklist as Jira tasks, rollback notes and the notes', () => {
    const doc = handoffDescription({
      productionName: '4.3.0',
      projectKey: 'RT',
      candidateName: '4.3.0-rc.2',
      promotedBy: 'Chloé',
      promotedOn: readableDay('2026-11-16T09:00:00.000Z'),
      dueOn: readableDay(dayAfter('2026-11-16T09:00:00.000Z', 2)),
      versionUrl: 'https://acme.atlassian.net/projects/RT/versions/10050',
      issuesUrl: 'https://acme.atlassian.net/issues/?jql=fixVersion%20%3D%2010050',
      checklist: ['Deploy', 'Front-end team: deploy the UI', 'Smoke test'],
      rollbackNotes: 'Redeploy 4.2.0.',
      notes: notes.adf,
      idPrefix: 'rt-train-rt-4.3.0',
    });
    const json = JSON.stringify(doc);
    expect(json).toContain('Chloé promoted 4.3.0-rc.2 on 16 Nov 2026: deploy production release 4.3.0 of RT by 18 Nov 2026');
    expect(json).toContain('"href":"https://acme.atlassian.net/projects/RT/versions/10050"');
    expect(json).toContain('every issue shipping in 4.3.0');
    const tasks = (doc.content.find((b) => (b as { type: string }).type === 'taskList') as { content: Array<{ attrs: { localId: string; state: string } }> }).content;
    expect(tasks.map((t) => t.attrs.state)).toEqual(['TODO', 'TODO', 'TODO']);
    expect(new Set(tasks.map((t) => t.attrs.localId)).size).toBe(3);
    expect(json).toContain('Redeploy 4.2.0.');
    expect(json).toContain('RT-1');
  });
  it('reads dates as people do', () => {
    expect(readableDay('2026-11-16')).toBe('16 Nov 2026');
    expect(readableDay('not a date')).toBe('not a date');
  });
});
