/** The analyser's check: score, verdict lozenge, which parts were found, and each finding with its hint. */
import { useEffect } from 'react';
import type { ReproAnalysisDto } from '@rt/contracts';
import { Lozenge } from '../../shared/components';
import { hintFor, type HintPlace } from './box-hints';
import { useAnnouncer } from './live';

const VERDICT: Record<ReproAnalysisDto['verdict'], { label: string; kind: 'success' | 'warning' | 'danger' }> = {
  clear: { label: 'Clear', kind: 'success' },
  'needs-work': { label: 'Needs work', kind: 'warning' },
  missing: { label: 'Missing', kind: 'danger' },
};
const SEVERITY = { error: 'danger', warning: 'warning', info: 'info' } as const;

/**
 * `place`: beside the editor or on the issue view; for the field's own analysis the hints name the field's boxes
 * (on the view: "Edit, then …") rather than telling the writer to type "Expected: …" labels. Not a live region:
 * the editor announces the check once per change of verdict or findings (CheckAnnouncer).
 */
export function CheckPanel({ analysis, checking = false, place = 'view' }: { analysis: ReproAnalysisDto | null; checking?: boolean; place?: HintPlace }) {
  if (!analysis) return <div className="rt-muted">{checking ? 'Checking…' : 'Start writing to see the check.'}</div>;
  const v = VERDICT[analysis.verdict];
  // Build and environment each have their own row, found exactly when the NO_BUILD / NO_ENVIRONMENT findings are absent.
  const parts: Array<[string, boolean]> = [
    ['Steps', analysis.has.steps],
    ['Expected', analysis.has.expected],
    ['Actual', analysis.has.actual],
    ['Build / version', Boolean(analysis.parts.build)],
    ['Environment', Boolean(analysis.parts.environment)],
  ];
  return (
    <section aria-label="Repro steps check" aria-busy={checking} data-testid="repro-check">
      <div className="rt-row">
        <strong data-testid="repro-score" aria-label={`Score ${analysis.score} out of 100`}>
          {analysis.score}/100
        </strong>
        <span data-testid="repro-verdict">
          <Lozenge kind={v.kind}>{v.label}</Lozenge>
        </span>
        <span className="rt-muted">{analysis.source === 'field' ? 'from the Reproduction steps field' : 'from the description'}</span>
        {checking ? <span className="rt-muted">Checking…</span> : null}
      </div>
      <ul className="rt-parts" aria-label="Parts found">
        {parts.map(([label, found]) => (
          <li key={label}>
            <span aria-hidden="true">{found ? '✓' : '✗'}</span> {label}
            <span className="rt-sr-only">{found ? ' found' : ' missing'}</span>
          </li>
        ))}
      </ul>
      {analysis.findings.length === 0 ? (
        <p className="rt-muted">Nothing to add: someone else can follow these steps.</p>
      ) : (
        <ul className="rt-findings" aria-label="What to fix">
          {analysis.findings.map((f) => (
            <li key={f.code} data-finding={f.code}>
              <Lozenge kind={SEVERITY[f.severity]}>{f.severity}</Lozenge> <strong>{f.message}</strong>
              <div className="rt-muted">{hintFor(f, analysis, place)}</div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The findings' count and the first one: "1 problem: The expected result is missing.", "3 problems, first: …". */
function problems(findings: ReproAnalysisDto['findings']): string {
  const first = findings[0];
  if (!first) return 'no problems';
  return findings.length === 1 ? `1 problem: ${first.message}` : `${findings.length} problems, first: ${first.message}`;
}

/** What a screen reader hears of a check: "Score 60, needs work, 3 problems, first: The expected result is missing." */
export const checkSummary = (a: ReproAnalysisDto): string => `Score ${a.score}, ${VERDICT[a.verdict].label.toLowerCase()}, ${problems(a.findings)}`;

/**
 * One polite live summary of the check for screen readers, set when the verdict or the set of findings changes, so a
 * re-check after every pause in typing is not announced again. It names the first problem, and a change whose
 * summary reads the same (other findings behind the same first one) is announced again all the same.
 */
export function CheckAnnouncer({ analysis }: { analysis: ReproAnalysisDto | null }) {
  const key = analysis ? `${analysis.verdict}:${analysis.findings.map((f) => f.code).join(',')}` : '';
  const [text, announce] = useAnnouncer();
  // `key` stands for what is announced; the score follows the findings.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => {
    announce(analysis ? checkSummary(analysis) : '');
  }, [key]);
  return (
    <div className="rt-sr-only" role="status" aria-live="polite" data-testid="repro-check-summary">
      {text}
    </div>
  );
}
