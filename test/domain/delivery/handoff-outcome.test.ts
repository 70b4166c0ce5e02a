import { addReport, outcomeOf, readHandoff, trainOutcomes } from '../../../src/domain/delivery';
import { aHandoff, aHandoffRecord, aReport } from '../../builders/delivery';

const NOW = '2026-10-10T12:00:00.000Z';

describe('reading a hand-off back from its stored properties', () => {
  it('is no hand-off when the record property is absent', () => {
    expect(readHandoff('OPS-1', undefined, undefined)).toEqual({ kind: 'not-handoff' });
  });

  it('reads a record without reports as awaiting deployment', () => {
    const read = readHandoff('OPS-1', aHandoffRecord(), undefined);
    expect(read.kind).toBe('handoff');
    if (read.kind === 'handoff') expect(outcomeOf(read.handoff.reports).status).toBe('awaiting');
  });

  it('says which field of a malformed record is wrong instead of guessing', () => {
    const { train: _t, ...missingTrain } = aHandoffRecord();
    const read = readHandoff('OPS-7', missingTrain, undefined);
    expect(read).toEqual({ kind: 'unreadable', problem: expect.stringContaining('OPS-7') });
    if (read.kind === 'unreadable') expect(read.problem).toContain('train');
  });

  it('refuses malformed reports (unknown outcome, reports not a list) rather than dropping them', () => {
    expect(readHandoff('OPS-1', aHandoffRecord(), { reports: [{ ...aReport(), outcome: 'shipped' }] }).kind).toBe('unreadable');
    expect(readHandoff('OPS-1', aHandoffRecord(), { reports: 'deployed' }).kind).toBe('unreadable');
    expect(readHandoff('OPS-1', aHandoffRecord(), { reports: [{ outcome: 'deployed' }] })).toEqual({ kind: 'unreadable', problem: expect.stringContaining('reports.0') });
  });
});

describe('the outcome ops reported', () => {
  it('deployed: the release deployment time is the time it happened, not when it was recorded', () => {
    const o = outcomeOf([aReport({ at: '2026-10-02T09:30:00.000Z', reportedAt: '2026-10-03T08:00:00.000Z' })]);
    expect(o).toMatchObject({ status: 'deployed', deployedAt: '2026-10-02T09:30:00.000Z', deployments: 1, rollbacks: 0 });
  });

  it('failed then deployed: deployed, with the successful time as deployment time', () => {
    const o = outcomeOf([aReport({ outcome: 'failed', at: '2026-10-02T09:00:00.000Z' }), aReport({ at: '2026-10-02T11:00:00.000Z' })]);
    expect(o.status).toBe('deployed');
    expect(o.deployedAt).toBe('2026-10-02T11:00:00.000Z');
  });

  it('orders by when things happened: a rollback recorded before a late-entered deployment still comes after it', () => {
    const o = outcomeOf([aReport({ outcome: 'rolled-back', at: '2026-10-03T10:00:00.000Z' }), aReport({ at: '2026-10-02T10:00:00.000Z' })]);
    expect(o.status).toBe('rolled-back');
  });
});

describe('train outcomes (what the RC page shows)', () => {
  it('a rollback reopens the train with what ops wrote', () => {
    const [o] = trainOutcomes([aHandoff({ reports: [aReport(), aReport({ outcome: 'rolled-back', at: '2026-10-03T10:00:00.000Z', note: 'Checkout 500s after deploy' })] })]);
    expect(o).toMatchObject({ train: '4.1.0', status: 'reopened', handoffKey: 'OPS-1', latest: { note: 'Checkout 500s after deploy' } });
  });

  it('a failed deployment is failed, not reopened; a deployed one is deployed; no report is awaiting', () => {
    const out = trainOutcomes([
      aHandoff({ issueKey: 'OPS-1', record: { train: '4.1.0' }, reports: [aReport({ outcome: 'failed' })] }),
      aHandoff({ issueKey: 'OPS-2', record: { train: '4.2.0' }, reports: [aReport()] }),
      aHandoff({ issueKey: 'OPS-3', record: { train: '4.3.0' } }),
    ]);
    expect(Object.fromEntries(out.map((o) => [o.train, o.status]))).toEqual({ '4.1.0': 'failed', '4.2.0': 'deployed', '4.3.0': 'awaiting' });
  });

  it('a later hand-off of the same train (after the next candidate) decides', () => {
    const out = trainOutcomes([
      aHandoff({ issueKey: 'OPS-1', record: { promotedAt: '2026-10-01T10:00:00.000Z' }, reports: [aReport(), aReport({ outcome: 'rolled-back', at: '2026-10-03T10:00:00.000Z' })] }),
      aHandoff({ issueKey: 'OPS-4', record: { promotedAt: '2026-10-05T10:00:00.000Z', candidateName: '4.1.0-rc.3' }, reports: [aReport({ at: '2026-10-06T10:00:00.000Z' })] }),
    ]);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ status: 'deployed', handoffKey: 'OPS-4', candidateName: '4.1.0-rc.3' });
  });

  it('trains of different projects with the same name stay apart', () => {
    const out = trainOutcomes([aHandoff({ record: { projectKey: 'RT' } }), aHandoff({ issueKey: 'OPS-9', record: { projectKey: 'WEB' } })]);
    expect(out).toHaveLength(2);
  });
});

describe('recording a report', () => {
  const who = { accountId: 'rt-ops-kwame' };
  const req = { outcome: 'deployed' as const, at: '2026-10-02T10:00:00.000Z', environment: ' production ', note: ' all green ' };

  it('appends the report with who and when it was recorded, trimmed', () => {
    const r = addReport(aHandoff(), req, who, NOW);
    expect(r.ok && r.data).toEqual([{ outcome: 'deployed', at: '2026-10-02T10:00:00.000Z', environment: 'production', note: 'all green', reportedBy: 'rt-ops-kwame', reportedAt: NOW }]);
  });

  it('refuses a time in the future, before the promotion, or unreadable', () => {
    expect(addReport(aHandoff(), { ...req, at: '2026-10-11T12:00:00.000Z' }, who, NOW)).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
    expect(addReport(aHandoff(), { ...req, at: '2026-09-01T12:00:00.000Z' }, who, NOW)).toMatchObject({ ok: false, message: expect.stringContaining('before 4.1.0 was promoted') });
    expect(addReport(aHandoff(), { ...req, at: 'yesterday' }, who, NOW)).toMatchObject({ ok: false });
  });

  it('refuses a rollback of a release that was never deployed, and accepts it after a deployment', () => {
    const rollback = { ...req, outcome: 'rolled-back' as const, at: '2026-10-03T10:00:00.000Z' };
    expect(addReport(aHandoff(), rollback, who, NOW)).toMatchObject({ ok: false, message: expect.stringContaining('deployed first') });
    expect(addReport(aHandoff({ reports: [aReport()] }), rollback, who, NOW).ok).toBe(true);
  });

  it('refuses an empty environment', () => {
    expect(addReport(aHandoff(), { ...req, environment: '   ' }, who, NOW)).toMatchObject({ ok: false, message: expect.stringContaining('environment') });
  });

  it('refuses the same event twice (a second click on the form), so one deployment is never counted twice', () => {
    const first = addReport(aHandoff(), req, who, NOW);
    if (!first.ok) throw new Error(first.message);
    const again = addReport(aHandoff({ reports: first.data }), { ...req, environment: 'PRODUCTION', note: 'clicked twice' }, who, NOW);
    expect(again).toMatchObject({ ok: false, code: 'CONFLICT', message: 'This is already recorded: deployed at 2026-10-02 10:00 UTC in production. Nothing was recorded twice.' });
    // Another time, another environment or another outcome is a report of its own.
    expect(addReport(aHandoff({ reports: first.data }), { ...req, at: '2026-10-02T11:00:00.000Z' }, who, NOW).ok).toBe(true);
    expect(addReport(aHandoff({ reports: first.data }), { ...req, environment: 'production-us' }, who, NOW).ok).toBe(true);
    expect(addReport(aHandoff({ reports: first.data }), { ...req, outcome: 'rolled-back' }, who, NOW).ok).toBe(true);
  });

  it('refuses a note that would take the stored reports past what Jira keeps on one issue (32,768 characters), saying how long it may be', () => {
    // Six reports with long notes: the property Jira stores them in is nearly full.
    const full = Array.from({ length: 6 }, (_, i) => aReport({ outcome: 'failed', at: `2026-10-02T1${i}:00:00.000Z`, note: 'n'.repeat(5000), reportedByName: 'Kwame Mensah' }));
    const long = addReport(aHandoff({ reports: full }), { ...req, at: '2026-10-03T10:00:00.000Z', note: 'x'.repeat(5000) }, who, NOW);
    expect(long).toMatchObject({ ok: false, code: 'BAD_REQUEST', message: expect.stringMatching(/^Jira keeps at most 32,768 characters of reports on one issue, and this note would pass it: shorten the note to at most [\d,]+ characters\. Nothing was recorded\.$/) });
    const room = Number(/at most ([\d,]+) characters\./.exec(long.ok ? '' : long.message)![1]!.replace(/,/g, ''));
    const fits = addReport(aHandoff({ reports: full }), { ...req, at: '2026-10-03T10:00:00.000Z', note: 'x'.repeat(room) }, who, NOW);
    expect(fits.ok).toBe(true);
    // What the panel then stores (the new report with the longest reporter name, and the JQL index) stays within Jira's limit.
    const stored = fits.ok ? { reports: fits.data.map((r, i) => (i === fits.data.length - 1 ? { ...r, reportedByName: 'K'.repeat(255) } : r)), index: { status: 'rolled-back', deployedAt: '2026-10-02T10:00:00.000Z' } } : null;
    expect(JSON.stringify(stored).length).toBeLessThanOrEqual(32_768);
    // Full to the brim: even an empty note does not fit, and the message says where the details can go instead.
    const brim = [...full, aReport({ outcome: 'failed', at: '2026-10-03T09:00:00.000Z', note: 'x'.repeat(room), reportedByName: 'Kwame Mensah' })];
    expect(addReport(aHandoff({ reports: brim }), { ...req, at: '2026-10-03T10:00:00.000Z', note: '' }, who, NOW)).toMatchObject({ ok: false, message: expect.stringContaining('Put the details in a comment on the issue') });
  });
});
