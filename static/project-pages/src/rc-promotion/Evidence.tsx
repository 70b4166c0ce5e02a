import { router } from '../api';
import type { Gate, Readiness } from './types';

/** An issue key that opens the issue in Jira (through the bridge's router, as Custom UI must). */
export function IssueLink({ issueKey }: { issueKey: string }) {
  return (
    <a
      href={`/browse/${encodeURIComponent(issueKey)}`}
      onClick={(e) => {
        e.preventDefault();
        void router.navigate(`/browse/${encodeURIComponent(issueKey)}`);
      }}
    >
      {issueKey}
    </a>
  );
}

function IssueKeys({ keys }: { keys: readonly string[] }) {
  return (
    <ul className="rt-keys" aria-label="Issues">
      {keys.map((k) => (
        <li key={k}>
          <IssueLink issueKey={k} />
        </li>
      ))}
    </ul>
  );
}

/** The gates as a checklist; each failing gate lists the issues that fail it. */
export function GateList({ gates }: { gates: readonly Gate[] }) {
  return (
    <ul className="rt-gates" aria-label="Readiness gates">
      {gates.map((g) => (
        <li key={g.id} data-gate={g.id} data-passed={g.passed}>
          <span aria-hidden="true">{g.passed ? '✔' : '✖'}</span> <strong>{g.title}</strong>
          <span className="rt-sr-only">{g.passed ? ' (passed)' : ' (not passed)'}</span>
          <div className="rt-muted">{g.detail}</div>
          {!g.passed && g.evidence.length > 0 ? <IssueKeys keys={g.evidence} /> : null}
        </li>
      ))}
    </ul>
  );
}

/** Bugs found per candidate's regression: a bar per RC (fewer, down to zero, is converging). */
export function ConvergenceChart({ convergence }: { convergence: Readiness['convergence'] }) {
  const max = Math.max(1, ...convergence.rcs.map((r) => r.bugsFound.length));
  return (
    <figure className="rt-card">
      <figcaption>
        <strong>Convergence</strong> — {convergence.explanation}
      </figcaption>
      <table>
        <thead>
          <tr>
            <th scope="col">Candidate</th>
            <th scope="col">Bugs fixed</th>
            <th scope="col">Found in its regression</th>
            <th scope="col">Still open</th>
          </tr>
        </thead>
        <tbody>
          {convergence.rcs.map((r) => (
            <tr key={r.name}>
              <th scope="row">
                {r.name} <span className="rt-muted">(loop {r.loop}{r.regressionComplete ? '' : ', regression not finished'})</span>
              </th>
              <td>{r.bugsFixed.length}</td>
              <td>
                <span className="rt-bar" style={{ display: 'inline-block', width: `${(r.bugsFound.length / max) * 80}px`, height: 8, background: '#de350b', marginRight: 6 }} aria-hidden="true" />
                {r.bugsFound.length}
              </td>
              <td>{r.openFound.length ? <IssueKeys keys={r.openFound} /> : 0}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
