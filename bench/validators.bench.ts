/**
 * Time per evaluation of the "follows the loop" and "RTE review complete" decisions on a bug with 200 status
 * changes (history rebuilt from the changelog on every call, as the handler does), then the FULL handlers
 * (payload + config parsing, the gateway's getIssue with zod parsing of the reply, stage mapping from storage,
 * decision) with the Jira transport faked in memory, and the number of Jira calls per validation.
 * Run: npx tsx bench/validators.bench.ts
 */
import { parseValidatorConfig } from '../src/contracts/validator-config';
import { createJiraGateway } from '../src/jira/gateway';
import type { JiraTransport } from '../src/jira/transport';
import { installServices } from '../src/runtime/services';
import { memoryStore } from '../src/storage/key-value-store';
import { followsLoop, regressionBugLinked, reproStepsClear, rteReviewComplete, runValidator, type ValidationTrace } from '../src/validators';
import { derivedMapping, stageMappings } from '../src/storage/stage-mapping-store';
import type { StatusChange } from '../src/domain/bug-flow/changelog';
import type { JiraStatus, StatusStageMapping } from '../src/domain/bug-flow/status-mapping';
import { decideFollowsLoop } from '../src/domain/validators/follows-loop';
import type { IssueSnapshot } from '../src/domain/validators/issue-snapshot';
import { decideRteReviewComplete } from '../src/domain/validators/rte-review-complete';

const statuses: JiraStatus[] = [
  { id: '10', name: 'Open', categoryKey: 'new' },
  { id: '20', name: 'Triage', categoryKey: 'new' },
  { id: '30', name: 'In Progress', categoryKey: 'indeterminate' },
  { id: '40', name: 'RTE Review', categoryKey: 'indeterminate' },
  { id: '50', name: 'In QA', categoryKey: 'indeterminate' },
  { id: '60', name: 'Done', categoryKey: 'done' },
];
const mapping: StatusStageMapping = { byStatusId: { '10': 'L2', '20': 'RTE_TRIAGE', '30': 'DEV', '40': 'RTE_REVIEW', '50': 'QA', '60': 'DONE' } };

/** 200 changes: L2 → triage, then Dev ⇄ RTE review (and some QA loops) ending in RTE review; shuffled like merged pages. */
function longIssue(changeCount = 200): IssueSnapshot {
  const ids = ['10', '20'];
  while (ids.length < changeCount) ids.push(...(ids.length % 7 === 0 ? ['30', '40', '50'] : ['30', '40']));
  ids.length = changeCount + 1;
  if (ids[ids.length - 1] !== '40') ids[ids.length - 1] = '40';
  const t0 = Date.parse('2026-01-05T09:00:00.000Z');
  const changes: StatusChange[] = [];
  for (let i = 1; i < ids.length; i += 1) {
    changes.push({ at: new Date(t0 + i * 600_000).toISOString(), authorAccountId: `acc-${i % 5}`, fromStatusId: ids[i - 1] ?? '10', toStatusId: ids[i] ?? '10' });
  }
  changes.reverse(); // Jira pages may arrive newest first; the domain sorts
  return {
    key: 'RT-1',
    issueType: 'Bug',
    statusId: '40',
    labels: ['docs-impact', 'repro-confirmed'],
    fixVersions: ['4.3.0-rc.2'],
    affectsVersions: [],
    links: [],
    fields: {},
    description: null,
    created: new Date(t0).toISOString(),
    statusChanges: changes,
  };
}

type Figures = { name: string; calls: number; medianUs: number; p95Us: number };

function measure(name: string, fn: () => unknown, calls = 5000, warmup = 500): Figures {
  for (let i = 0; i < warmup; i += 1) fn();
  const samples: number[] = [];
  for (let i = 0; i < calls; i += 1) {
    const start = process.hrtime.bigint();
    fn();
    samples.push(Number(process.hrtime.bigint() - start) / 1000);
  }
  return summarise(name, calls, samples);
}

async function measureAsync(name: string, fn: () => Promise<unknown>, calls = 3000, warmup = 300): Promise<Figures> {
  for (let i = 0; i < warmup; i += 1) await fn();
  const samples: number[] = [];
  for (let i = 0; i < calls; i += 1) {
    const start = process.hrtime.bigint();
    await fn();
    samples.push(Number(process.hrtime.bigint() - start) / 1000);
  }
  return summarise(name, calls, samples);
}

function summarise(name: string, calls: number, samples: number[]): Figures {
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? Number.NaN;
  return { name, calls, medianUs: Math.round(at(0.5) * 10) / 10, p95Us: Math.round(at(0.95) * 10) / 10 };
}

/** The issue as Jira's GET /issue/{key}?expand=changelog returns it (the latest 100 histories inline). */
function jiraReply(issue: IssueSnapshot, statusName: (id: string) => string) {
  const histories = issue.statusChanges.slice(0, 100).map((c, i) => ({
    id: String(1000 + i),
    author: { accountId: c.authorAccountId ?? 'acc', displayName: 'Someone' },
    created: c.at,
    items: [{ field: 'status', fieldtype: 'jira', fieldId: 'status', from: c.fromStatusId, fromString: statusName(c.fromStatusId ?? ''), to: c.toStatusId, toString: statusName(c.toStatusId) }],
  }));
  return {
    id: '10001',
    key: issue.key,
    fields: {
      summary: 'Checkout fails with a saved card',
      description: { type: 'doc', version: 1, content: ['1. Open the cart', '2. Press Pay', 'Expected: the order is placed', 'Actual: error 500', 'Environment: Chrome 131, production'].map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) },
      issuetype: { id: '10004', name: 'Bug' },
      status: { id: issue.statusId, name: statusName(issue.statusId), statusCategory: { key: 'indeterminate' } },
      project: { id: '10000', key: 'RT' },
      created: issue.created,
      labels: issue.labels,
      fixVersions: issue.fixVersions.map((name, i) => ({ id: String(10010 + i), name })),
      versions: [],
      issuelinks: [],
    },
    changelog: { startAt: 0, maxResults: 100, total: histories.length, histories },
  };
}

async function handlerFigures(issue: IssueSnapshot): Promise<Figures[]> {
  const body = JSON.stringify(jiraReply(issue, (id) => statuses.find((s) => s.id === id)?.name ?? id));
  let sent = 0; // HTTP requests, as the validators send them (their own gateway over the app's transport)
  const transport: JiraTransport = { send: async () => (sent++, { status: 200, header: () => null, text: async () => body }) };
  const gateway = createJiraGateway(transport);
  const storage = memoryStore();
  await stageMappings(storage).set('10000', derivedMapping('10000', statuses, new Date('2026-11-16T12:00:00Z')));
  installServices({ jira: () => gateway, appTransport: () => transport, storage, now: () => new Date('2026-11-16T12:00:00Z') });

  const payload = (from: string, to: string, configuration: unknown = {}) => ({ issue: { key: 'RT-1' }, configuration, transition: { from: { id: from }, to: { id: to } } });
  const cases = [
    { name: 'handler: follows-loop RTE Review → In QA', def: followsLoop, payload: payload('40', '50') },
    { name: 'handler: rte-review-complete → In QA', def: rteReviewComplete, payload: payload('40', '50', JSON.stringify({ version: 1 })) },
    { name: 'handler: repro-steps-clear (description)', def: reproStepsClear, payload: payload('10', '20') },
    { name: 'handler: regression-bug-linked', def: regressionBugLinked, payload: payload('40', '50') },
  ] as const;
  const figures: Figures[] = [];
  for (const c of cases) {
    const trace: ValidationTrace = { jiraCalls: 0, wholeHistoryRead: false, mappingDerived: false };
    const first = await runValidator(c.def as typeof followsLoop, c.payload, trace);
    if (!first.result) throw new Error(`${c.name} blocked the bench issue: ${first.errorMessage}`);
    const before = sent;
    const f = await measureAsync(c.name, () => runValidator(c.def as typeof followsLoop, c.payload));
    const perValidation = (sent - before) / (f.calls + 300);
    figures.push({ ...f, name: `${f.name} [${perValidation} Jira call/validation]` });
  }
  return figures;
}

export async function run(): Promise<void> {
  const figures = runDecisions();
  figures.push(...(await handlerFigures(longIssue(200))));
  for (const f of figures) console.log(`  ${f.name.padEnd(70)} median ${f.medianUs.toFixed(1).padStart(7)} µs   p95 ${f.p95Us.toFixed(1).padStart(7)} µs   (${f.calls} calls)`);
  console.log('  Jira requests per validation: 1 (the issue with its changelog); +1 retry at most when Jira fails; +1 once per project when no stage mapping was ever');
  console.log('  stored (derived default, then cached); + ceil(total/100) changelog pages only when the inline 100 entries');
  console.log('  cannot decide (window starts in an unmapped status, or a move into QA with no Dev and no review in it).');
}

function runDecisions(): Figures[] {
  const issue = longIssue(200);
  const transition = { fromStatusId: '40', toStatusId: '50' };
  const loopJson = JSON.stringify({ version: 1 });
  const rteJson = JSON.stringify({ version: 1, rcPattern: '-rc\\.\\d+$' });
  const loopConfig = parseValidatorConfig('follows-loop', loopJson);
  const rteConfig = parseValidatorConfig('rte-review-complete', rteJson);
  if (!loopConfig.ok || !rteConfig.ok) throw new Error('bench configuration did not parse');
  // Sanity: both decisions must pass on this bug, or we would be timing the wrong path.
  const check = [
    decideFollowsLoop({ config: loopConfig.config, issue, transition, mapping, statuses }),
    decideRteReviewComplete({ config: rteConfig.config, issue, transition, mapping, statuses }),
  ];
  if (check.some((d) => !d.result)) throw new Error(`bench issue is not valid: ${check.map((d) => d.errorMessage).join(' | ')}`);

  const figures = [
    measure('follows-loop (200 changes)', () => decideFollowsLoop({ config: loopConfig.config, issue, transition, mapping, statuses })),
    measure('rte-review-complete (200 changes)', () => decideRteReviewComplete({ config: rteConfig.config, issue, transition, mapping, statuses })),
    measure('both, incl. parsing both configs from JSON', () => {
      const a = parseValidatorConfig('follows-loop', loopJson);
      const b = parseValidatorConfig('rte-review-complete', rteJson);
      if (a.ok) decideFollowsLoop({ config: a.config, issue, transition, mapping, statuses });
      if (b.ok) decideRteReviewComplete({ config: b.config, issue, transition, mapping, statuses });
    }),
  ];
  console.log(`validators bench: ${issue.statusChanges.length} status changes, Node ${process.version}`);
  return figures;
}

if (require.main === module) void run();
