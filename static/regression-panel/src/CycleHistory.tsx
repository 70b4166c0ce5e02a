import { useState } from 'react';
import Button from '@atlaskit/button/new';
import ChevronDownIcon from '@atlaskit/icon/core/chevron-down';
import ChevronRightIcon from '@atlaskit/icon/core/chevron-right';
import { Text } from '@atlaskit/primitives/compiled';
import type { RegressionPanel } from '@rt/contracts';
import { IssueLink, Lozenge } from '../../shared/components';
import { openIssue } from './api';
import { resultKind, resultLabel, verdictKind, when, type PanelCycle } from './labels';

/** Earlier release candidates' cycles, read-only, newest first; each opens on demand. */
export function CycleHistory({ cycles, verdicts }: { cycles: PanelCycle[]; verdicts: RegressionPanel['verdicts'] }) {
  return (
    <section aria-label="Earlier cycles">
      <h3>Earlier cycles</h3>
      {[...cycles].reverse().map((cycle) => (
        <EarlierCycle key={cycle.rc} cycle={cycle} verdict={verdicts.find((x) => x.rc === cycle.rc)} />
      ))}
    </section>
  );
}

function EarlierCycle({ cycle, verdict: v }: { cycle: PanelCycle; verdict: RegressionPanel['verdicts'][number] | undefined }) {
  const [open, setOpen] = useState(false);
  return (
    <div>
      <Button appearance="subtle" spacing="compact" aria-expanded={open} iconBefore={(p) => (open ? <ChevronDownIcon {...p} size="small" /> : <ChevronRightIcon {...p} size="small" />)} onClick={() => setOpen(!open)}>
        {cycle.rc}
      </Button>{' '}
      <Lozenge kind={verdictKind(v?.verdict ?? 'none')}>{v?.verdict ?? 'none'}</Lozenge>{' '}
      <Text color="color.text.subtle" size="small">
        started {when(cycle.startedAt)}
        {v ? `; ${v.counts.passed}/${v.counts.total} passed` : ''}
      </Text>
      {open ? (
        <table>
          <thead>
            <tr>
              <th scope="col">Area</th>
              <th scope="col">Check</th>
              <th scope="col">Result</th>
              <th scope="col">Tester</th>
              <th scope="col">Note</th>
            </tr>
          </thead>
          <tbody>
            {cycle.checks.map((c) => (
              <tr key={c.id}>
                <td>{c.area}</td>
                <td>{c.title}</td>
                <td>
                  <Lozenge kind={resultKind(c.result)}>{resultLabel[c.result]}</Lozenge>
                  {c.reportedBugKey ? (
                    <>
                      {' → '}
                      <IssueLink issueKey={c.reportedBugKey} onOpen={(k) => void openIssue(k)} />
                    </>
                  ) : null}
                </td>
                <td>{c.tester ? `${c.tester.name} ${when(c.at)}` : ''}</td>
                <td>{c.note ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
