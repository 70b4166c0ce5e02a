import { useId, useState, type MouseEvent } from 'react';
import { MAX_EVIDENCE } from '@rt/contracts';
import { Lozenge } from '../../../shared/components';
import { router } from '../api';
import type { Gate, Readiness } from './types';

/** Evidence chips shown before "Show all N". */
export const EVIDENCE_PREVIEW = 8;
const SHORT_SUMMARY = 32;

/** Summaries of evidence keys, from the readiness answer (absent for keys it could not read). */
export type Summaries = Readonly<Record<string, string>>;

const browse = (issueKey: string) => `/browse/${encodeURIComponent(issueKey)}`;
const open = (issueKey: string) => (e: MouseEvent) => {
  e.preventDefault();
  void router.navigate(browse(issueKey));
};

/** An issue key that opens the issue in Jira (through the bridge's router, as Custom UI must). */
export function IssueLink({ issueKey }: { issueKey: string }) {
  return (
    <a href={browse(issueKey)} onClick={open(issueKey)}>
      {issueKey}
    </a>
  );
}

/** One issue as a chip: the key and a short summary; the whole summary on hover; one click opens it. */
function IssueChip({ issueKey, summary }: { issueKey: string; summary: string | undefined }) {
  const short = summary && summary.length > SHORT_SUMMARY ? `${summary.slice(0, SHORT_SUMMARY - 1).trimEnd()}…` : summary;
  return (
    <a className="rc-chip" href={browse(issueKey)} onClick={open(issueKey)} title={summary ? `${issueKey}: ${summary}` : issueKey}>
      <strong>{issueKey}</strong>
      {short ? <span className="rc-chip-summary">{short}</span> : null}
    </a>
  );
}

/** Issues as a wrapped row of chips, the first 8 shown and a real button for the rest. */
export function IssueChips({ keys, summaries = {}, label = 'Issues' }: { keys: readonly string[]; summaries?: Summaries; label?: string }) {
  const [all, setAll] = useState(false);
  const id = useId();
  const shown = all ? keys : keys.slice(0, EVIDENCE_PREVIEW);
  const hidden = keys.length - EVIDENCE_PREVIEW;
  return (
    <div className="rc-evidence">
      <ul className="rc-chips" id={id} aria-label={label}>
        {shown.map((k) => (
          <li key={k}>
            <IssueChip issueKey={k} summary={summaries[k]} />
          </li>
        ))}
      </ul>
      {hidden > 0 ? (
        <button type="button" className="rt-button rt-subtle rc-more" aria-expanded={all} aria-controls={id} onClick={() => setAll(!all)}>
          {all ? 'Show fewer' : `Show all ${keys.length}`}
        </button>
      ) : null}
    </div>
  );
}

/** The gates name at most MAX_EVIDENCE issues; at the cap there may be more (the detail sentence has the total). */
const evidenceCount = (n: number) => (n >= MAX_EVIDENCE ? `${n}+ issues` : `${n} issue${n === 1 ? '' : 's'}`);

/** The gates as a checklist; each failing gate shows its count and the issues that fail it as chips. */
export function GateList({ gates, summaries }: { gates: readonly Gate[]; summaries?: Summaries }) {
  return (
    <>
      <style>{css}</style>
      <ul className="rt-gates rc-gates" aria-label="Readiness gates">
        {gates.map((g) => (
          <li key={g.id} data-gate={g.id} data-passed={g.passed} className="rc-gate">
            <div className="rc-gate-head">
              <span aria-hidden="true" className={g.passed ? 'rc-pass' : g.severity === 'warn' ? 'rc-warn' : 'rc-fail'}>
                {g.passed ? '✔' : g.severity === 'warn' ? '⚠' : '✖'}
              </span>{' '}
              <strong>{g.title}</strong>
              <span className="rt-sr-only">{g.passed ? ' (passed)' : g.severity === 'warn' ? ' (warning: does not block promotion)' : ' (not passed)'}</span>{' '}
              {!g.passed && g.severity === 'warn' ? <Lozenge kind="warning">Warning</Lozenge> : null}{' '}
              {!g.passed && g.evidence.length > 0 ? <Lozenge kind="danger">{evidenceCount(g.evidence.length)}</Lozenge> : null}
            </div>
            <div className="rt-muted">{g.detail}</div>
            {!g.passed && g.evidence.length > 0 ? <IssueChips keys={g.evidence} summaries={summaries} label={`Issues failing: ${g.title}`} /> : null}
          </li>
        ))}
      </ul>
    </>
  );
}

const css = `
.rc-gates { list-style: none; padding: 0; margin: 0 0 12px; }
.rc-gate { padding: 6px 0; border-bottom: 1px solid var(--rt-border); }
.rc-gate:last-child { border-bottom: 0; }
.rc-pass { color: var(--rt-success); } .rc-fail { color: var(--rt-danger); } .rc-warn { color: var(--rt-warning); }
.rc-evidence { display: flex; flex-wrap: wrap; align-items: center; gap: 4px; margin-top: 4px; }
.rc-chips { display: flex; flex-wrap: wrap; gap: 4px; list-style: none; margin: 0; padding: 0; }
.rc-chip { display: inline-flex; gap: 4px; align-items: baseline; max-width: 22em; padding: 1px 8px; border: 1px solid var(--rt-border);
  border-radius: 12px; background: var(--rt-neutral-bg); color: var(--rt-brand); font-size: 12px; text-decoration: none; white-space: nowrap; }
.rc-chip:hover { background: var(--rt-info-bg); } .rc-chip:focus-visible { outline: 2px solid var(--rt-brand); outline-offset: 1px; }
.rc-chip-summary { color: var(--rt-subtle); overflow: hidden; text-overflow: ellipsis; }
.rc-more { font-size: 12px; padding: 1px 8px; }
`;

/** Bugs found per candidate's regression: a bar per RC (fewer, down to zero, is converging). */
export function ConvergenceChart({ convergence, summaries }: { convergence: Readiness['convergence']; summaries?: Summaries }) {
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
              <td>{r.openFound.length ? <IssueChips keys={r.openFound} summaries={summaries} label={`Still open from ${r.name}`} /> : 0}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
