import { useId, useState } from 'react';
import Button, { IconButton } from '@atlaskit/button/new';
import ChevronDownIcon from '@atlaskit/icon/core/chevron-down';
import ChevronRightIcon from '@atlaskit/icon/core/chevron-right';
import StatusErrorIcon from '@atlaskit/icon/core/status-error';
import StatusSuccessIcon from '@atlaskit/icon/core/status-success';
import StatusWarningIcon from '@atlaskit/icon/core/status-warning';
import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens/token';
import { MAX_EVIDENCE } from '@rt/contracts';
import { browse, IssueLink, openIssue } from '../ui/IssueLink';
import { ConvergenceBars } from '../charts/lazy';
import type { Gate, Readiness } from './types';

export { IssueLink };

/** Evidence chips shown before "Show all N". */
export const EVIDENCE_PREVIEW = 8;
const SHORT_SUMMARY = 32;

/** Summaries of evidence keys, from the readiness answer (absent for keys it could not read). */
export type Summaries = Readonly<Record<string, string>>;

/** One issue as a chip: the key and a short summary; the whole summary on hover; one click opens it. */
function IssueChip({ issueKey, summary }: { issueKey: string; summary: string | undefined }) {
  const short = summary && summary.length > SHORT_SUMMARY ? `${summary.slice(0, SHORT_SUMMARY - 1).trimEnd()}…` : summary;
  return (
    <a className="rc-chip" href={browse(issueKey)} onClick={openIssue(issueKey)} title={summary ? `${issueKey}: ${summary}` : issueKey}>
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
        <Button appearance="subtle" spacing="compact" aria-expanded={all} aria-controls={id} onClick={() => setAll(!all)}>
          {all ? 'Show fewer' : `Show all ${keys.length}`}
        </Button>
      ) : null}
    </div>
  );
}

/** The gates name at most MAX_EVIDENCE issues; at the cap there may be more (the detail sentence has the total). */
const evidenceCount = (n: number) => (n >= MAX_EVIDENCE ? `${n}+ issues` : `${n} issue${n === 1 ? '' : 's'}`);

/** One gate as a checklist line: status icon, title, counts; its explanation and failing issues expand on demand (open when not passed). */
function GateRow({ gate: g, summaries }: { gate: Gate; summaries: Summaries | undefined }) {
  const blocking = !g.passed && g.severity !== 'warn';
  const [open, setOpen] = useState(!g.passed);
  const id = useId();
  const state = g.passed ? 'passed' : g.severity === 'warn' ? 'warning: does not block promotion' : 'not passed';
  return (
    <li data-gate={g.id} data-passed={g.passed} className={`rc-gate${blocking ? ' blocking' : ''}`}>
      <div className="rc-gate-head">
        <IconButton appearance="subtle" spacing="compact" icon={open ? ChevronDownIcon : ChevronRightIcon} label={open ? 'Hide evidence' : 'Show evidence'} aria-expanded={open} aria-controls={id} aria-describedby={`${id}-title`} onClick={() => setOpen(!open)} />
        <span className="rc-gate-icon">
          {g.passed ? (
            <StatusSuccessIcon label="" color={token('color.icon.success') as 'currentColor'} />
          ) : g.severity === 'warn' ? (
            <StatusWarningIcon label="" color={token('color.icon.warning') as 'currentColor'} />
          ) : (
            <StatusErrorIcon label="" color={token('color.icon.danger') as 'currentColor'} />
          )}
        </span>
        <strong id={`${id}-title`}>{g.title}</strong>
        <span className="rt-sr-only"> ({state})</span>
        {!g.passed && g.severity === 'warn' ? <Lozenge appearance="moved">Warning</Lozenge> : null}
        {!g.passed && g.evidence.length > 0 ? <Lozenge appearance="removed">{evidenceCount(g.evidence.length)}</Lozenge> : null}
        {!open ? <span className="pp-muted rc-gate-line">{g.detail}</span> : null}
      </div>
      <div id={id} hidden={!open} className="rc-gate-body">
        <div className="pp-muted">{g.detail}</div>
        {!g.passed && g.evidence.length > 0 ? <IssueChips keys={g.evidence} summaries={summaries} label={`Issues failing: ${g.title}`} /> : null}
      </div>
    </li>
  );
}

/** The gates as a checklist; each failing gate shows its count and the issues that fail it as chips. */
export function GateList({ gates, summaries }: { gates: readonly Gate[]; summaries?: Summaries }) {
  return (
    <ul className="rt-gates rc-gates" aria-label="Readiness gates">
      {gates.map((g) => (
        <GateRow key={g.id} gate={g} summaries={summaries} />
      ))}
    </ul>
  );
}

/** Bugs found per candidate's regression: a chart per RC (fewer, down to zero, is converging) and the figures as a table. */
export function ConvergenceChart({ convergence, summaries }: { convergence: Readiness['convergence']; summaries?: Summaries }) {
  return (
    <section className="pp-card" aria-labelledby="rc-convergence-title">
      <h3 id="rc-convergence-title">Convergence</h3>
      <p className="pp-muted">{convergence.explanation}</p>
      {convergence.rcs.length > 1 ? <ConvergenceBars points={convergence.rcs.map((r) => ({ name: r.name, found: r.bugsFound.length, open: r.openFound.length }))} /> : null}
      <table className="pp-table">
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
                {r.name} <span className="pp-muted">(loop {r.loop}{r.regressionComplete ? '' : ', regression not finished'})</span>
              </th>
              <td>{r.bugsFixed.length}</td>
              <td>{r.bugsFound.length}</td>
              <td>{r.openFound.length ? <IssueChips keys={r.openFound} summaries={summaries} label={`Still open from ${r.name}`} /> : 0}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** Styles of the RC page (design tokens only). */
export const rcCss = `
.rc-gates { list-style: none; padding: 0; margin: 0 0 ${token('space.150')}; border-top: 1px solid ${token('color.border')}; }
.rc-gate { border-bottom: 1px solid ${token('color.border')}; padding: ${token('space.025')} 0; }
.rc-gate-head { display: flex; align-items: center; gap: ${token('space.075')}; min-height: 32px; }
.rc-gate-icon { display: inline-flex; }
.rc-gate-line { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; min-width: 0; flex: 1 1 0; }
.rc-gate-body { padding: 0 0 ${token('space.100')} calc(24px + ${token('space.075')} * 2 + 16px); }
.rc-evidence { display: flex; flex-wrap: wrap; align-items: center; gap: ${token('space.050')}; margin-top: ${token('space.050')}; }
.rc-chips { display: flex; flex-wrap: wrap; gap: ${token('space.050')}; list-style: none; margin: 0; padding: 0; }
.rc-chip { display: inline-flex; gap: ${token('space.050')}; align-items: baseline; max-width: 22em; padding: 1px ${token('space.100')}; border: 1px solid ${token('color.border')};
  border-radius: 12px; background: ${token('color.background.neutral')}; color: ${token('color.link')}; font: ${token('font.body.small')}; text-decoration: none; white-space: nowrap; }
.rc-chip:hover { background: ${token('color.background.neutral.hovered')}; } .rc-chip:focus-visible { outline: 2px solid ${token('color.border.focused')}; outline-offset: 1px; }
.rc-chip-summary { color: ${token('color.text.subtle')}; overflow: hidden; text-overflow: ellipsis; }
.rc-trains { display: grid; grid-template-columns: repeat(auto-fit, minmax(420px, 1fr)); gap: ${token('space.150')}; }
.rc-train-head { display: flex; align-items: center; gap: ${token('space.100')}; flex-wrap: wrap; }
.rc-train-head h2 { margin: 0; }
.rc-candidate-button { font-weight: ${token('font.weight.medium')}; }
.rc-detail-head { display: flex; align-items: center; gap: ${token('space.100')}; flex-wrap: wrap; }
.rc-detail-head h2 { margin: 0; }
.rc-detail-head .rc-promote { margin-left: auto; }
.rc-detail:focus { outline: 2px solid ${token('color.border.focused')}; outline-offset: 2px; }
.rc-dialog { border: 2px solid ${token('color.border.focused')}; border-radius: 3px; background: ${token('elevation.surface.overlay')}; box-shadow: ${token('elevation.shadow.overlay')}; max-width: 640px; padding: ${token('space.200')} ${token('space.300')}; margin: ${token('space.150')} 0; }
.rc-dialog-actions { display: flex; gap: ${token('space.100')}; justify-content: flex-end; margin-top: ${token('space.150')}; }
.rc-steps { margin: ${token('space.100')} 0; padding-left: ${token('space.300')}; }
.rc-notes { white-space: pre-wrap; font: ${token('font.body')}; background: ${token('color.background.neutral')}; border-radius: 3px; padding: ${token('space.150')}; }
.rc-progress-steps { list-style: none; padding: 0; margin: ${token('space.100')} 0; }
.rc-progress-steps li { display: flex; align-items: center; gap: ${token('space.075')}; min-height: 24px; }
.rc-step-todo { display: inline-block; width: 12px; height: 12px; margin: 2px; border: 2px solid ${token('color.border')}; border-radius: 50%; }
.rc-setting input:not([type="checkbox"]), .rc-setting select, .rc-setting textarea { width: 100%; max-width: 40em; box-sizing: border-box; }
.rc-setting [aria-invalid="true"] { border-color: ${token('color.border.danger')}; }
.rt-field-error { color: ${token('color.text.danger')}; font: ${token('font.body.small')}; margin-top: ${token('space.025')}; }
.rc-gate-row { border-left: 3px solid ${token('color.border')}; padding-left: ${token('space.100')}; margin-bottom: ${token('space.100')}; }
.rc-settings > summary { font: ${token('font.heading.xsmall')}; color: ${token('color.text')}; }
.rc-metrics { display: grid; grid-template-columns: max-content 1fr; gap: ${token('space.050')} ${token('space.200')}; margin: 0; }
.rc-metrics dt { color: ${token('color.text.subtle')}; } .rc-metrics dd { margin: 0; }
`;
