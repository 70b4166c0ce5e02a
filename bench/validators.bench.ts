/**
 * Time per evaluation of the "follows the loop" and "RTE review complete" decisions on a bug with 200 status
 * changes (history rebuilt from the changelog on every call, as the handler does). Pure domain: no gateway.
 * Run: npx tsx bench/validators.bench.ts
 */
import { parseValidatorConfig } from '../src/contracts/validator-config';
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
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? Number.NaN;
  return { name, calls, medianUs: Math.round(at(0.5) * 10) / 10, p95Us: Math.round(at(0.95) * 10) / 10 };
}

export function run(): Figures[] {
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
  for (const f of figures) console.log(`  ${f.name.padEnd(45)} median ${f.medianUs.toFixed(1).padStart(7)} µs   p95 ${f.p95Us.toFixed(1).padStart(7)} µs   (${f.calls} calls)`);
  return figures;
}

if (require.main === module) run();
