import type { RegressionPanel } from '@rt/contracts';
import { Lozenge } from '../../shared/components';
import { resultKind, resultLabel, verdictKind, when, type PanelCycle } from './labels';

/** Earlier release candidates' cycles, read-only, newest first. */
export function CycleHistory({ cycles, verdicts }: { cycles: PanelCycle[]; verdicts: RegressionPanel['verdicts'] }) {
  return (
    <section aria-label="Earlier cycles">
      <h3>Earlier cycles</h3>
      {[...cycles].reverse().map((cycle) => {
        const v = verdicts.find((x) => x.rc === cycle.rc);
        return (
          <details key={cycle.rc} className="rt-card">
            <summary>
              {cycle.rc} — <Lozenge kind={verdictKind(v?.verdict ?? 'none')}>{v?.verdict ?? 'none'}</Lozenge>{' '}
              <span className="rt-muted">started {when(cycle.startedAt)}; {v ? `${v.counts.passed}/${v.counts.total} passed` : ''}</span>
            </summary>
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
                      {c.reportedBugKey ? ` → ${c.reportedBugKey}` : ''}
                    </td>
                    <td>{c.tester ? `${c.tester.name} ${when(c.at)}` : ''}</td>
                    <td>{c.note ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        );
      })}
    </section>
  );
}
