import { useEffect, useRef, useState } from 'react';
import type { Fail, Result } from '@rt/contracts';
import Button from '@atlaskit/button/new';
import { Banner, EmptyState, ErrorBanner, Loading, Lozenge } from '../../../shared/components';
import { pageCss } from '../ui/page-styles';
import { useResult } from '../../../shared/use-result';
import { call, type PageContext } from '../api';
import { CoverageSection } from './CoverageSection';
import { ConvergenceChart, GateList, rcCss } from './Evidence';
import { ConvergenceBars } from '../charts/lazy';
import { MetricsPanel } from './MetricsPanel';
import { PromoteDialog } from './PromoteDialog';
import { PromotionProgress } from './PromotionProgress';
import { SettingsPanel } from './SettingsPanel';
import { count, readableDay, readableTime } from './dates';
import { TrainOutcomes } from './TrainOutcomes';
import type { Gate, PromotionView, Readiness, Trains } from './types';

type Loaded = { trains: Trains; readiness: Record<string, Result<Readiness>> };

/**
 * Trains, their candidates with readiness, and the promotion of the selected candidate; the settings below, kept
 * mounted while the trains reload (so a save's confirmation stays, and a bad stored setting can be fixed from here).
 */
export function RcPromotionPage({ context }: { context: PageContext }) {
  const projectKey = context.projectKey;
  const load = async (): Promise<Result<Loaded>> => {
    const trains = await call('rc/trains', { projectKey });
    if (!trains.ok) return trains;
    // Released, promoted and superseded candidates are judged only when selected: their gates no longer decide anything.
    const ids = trains.data.trains.flatMap((t) => t.candidates.filter((c) => !c.version.released && !settled(c.standing)).map((c) => c.version.id));
    const results = await Promise.all(ids.map((versionId) => call('rc/readiness', { projectKey, versionId })));
    return { ok: true, data: { trains: trains.data, readiness: Object.fromEntries(ids.map((id, i) => [id, results[i]!])) } };
  };
  const [loaded, reload, replace] = useResult<Loaded>(load, [projectKey]);
  // After a promotion: the trains and candidates are re-read in place (no spinner over the page), so the new state
  // (shipped, superseded) shows at once and the promotion's result stays on screen.
  const refresh = () => void load().then((r) => (r.ok ? replace(r.data) : reload()));
  // Kept here so a reload (after a promotion, an abandon or a settings save) stays on the same candidate.
  const [selected, setSelected] = useState<string | null>(null);
  return (
    <main aria-label="RC promotion" className="pp-page">
      <style>{pageCss}</style>
      <style>{rcCss}</style>
      <a className="pp-skip" href="#rt-candidate" onClick={skipToCandidate}>
        Skip to the selected candidate and Promote
      </a>
      {loaded.state === 'loading' ? (
        <Loading label="Loading release trains…" />
      ) : loaded.state === 'error' ? (
        <ErrorBanner error={loaded.error} onRetry={reload} />
      ) : (
        <Trains projectKey={projectKey} loaded={loaded.data} reload={refresh} selected={selected} onSelect={setSelected} />
      )}
      <SettingsPanel projectKey={projectKey} onSaved={reload} />
    </main>
  );
}

/** The skip link: focus lands on the candidate's section, one Tab from its Promote button. */
function skipToCandidate(e: React.MouseEvent) {
  const target = document.getElementById('rt-candidate');
  if (!target) return;
  e.preventDefault();
  target.focus();
  target.scrollIntoView({ block: 'start' });
}

type Standing = Trains['trains'][number]['candidates'][number]['standing'];
/** Gates that block (not passed, not a warning): what "n of m gates not passed" counts, live and in a snapshot. */
const blocking = (gates: readonly Gate[]) => gates.filter((g) => !g.passed && g.severity !== 'warn').length;

/** Promoted or superseded: the train has shipped, nothing is left to decide for the candidate. */
const settled = (s: Standing) => s?.kind === 'promoted' || s?.kind === 'superseded';

/** Ops rolled back the train's production release and no new promotion has started: the train is open again. */
const reopened = (candidates: ReadonlyArray<{ standing?: Standing }>) => candidates.some((c) => c.standing?.kind === 'superseded' && c.standing.rolledBack === true);

/** The candidate's lozenge in the train list. */
function StandingLozenge({ candidate, standing, readiness }: { candidate: string; standing: Standing; readiness: Result<Readiness> | undefined }) {
  if (standing?.kind === 'promoted') return <Lozenge kind="success">Shipped as {standing.productionName}</Lozenge>;
  // Only the candidate that was deployed was rolled back; the earlier ones never ran in production.
  if (standing?.kind === 'superseded' && standing.rolledBack)
    return standing.promotedCandidate === undefined || standing.promotedCandidate === candidate ? <Lozenge kind="danger">Rolled back in production</Lozenge> : <Lozenge>Superseded (train reopened)</Lozenge>;
  if (standing?.kind === 'superseded') return <Lozenge>Superseded by {standing.productionName}</Lozenge>;
  if (standing?.kind === 'promoting') return <Lozenge kind="info">Train being promoted from {standing.promotedCandidate}</Lozenge>;
  if (!readiness) return null;
  if (!readiness.ok) return <Lozenge kind="warning">Could not check</Lozenge>;
  const r = readiness.data;
  if (r.promotion?.status === 'done') return <Lozenge kind="success">Promoted</Lozenge>;
  if (r.promotion) return <Lozenge kind="info">Promotion {r.promotion.status === 'failed' ? 'stopped' : 'in progress'}</Lozenge>;
  const failing = blocking(r.gates);
  const verdict = r.ready ? <Lozenge kind="success">Ready</Lozenge> : <Lozenge kind="danger">Blocked: {failing} of {count(r.gates.length, 'gate')} not passed</Lozenge>;
  return standing?.kind === 'older' ? (
    <>
      {verdict} <span className="pp-muted">(older candidate: {standing.latest} is newer)</span>
    </>
  ) : (
    verdict
  );
}

function Trains({
  projectKey,
  loaded,
  reload,
  selected,
  onSelect,
}: {
  projectKey: string;
  loaded: Loaded;
  reload: () => void;
  selected: string | null;
  onSelect: (versionId: string) => void;
}) {
  const { trains, readiness } = loaded;
  const candidates = trains.trains.flatMap((t) => t.candidates);
  if (candidates.length === 0) {
    return (
      <EmptyState title="No release candidates in this project">
        Versions named like {trains.pattern} (e.g. {trains.pattern.replace('{release}', '4.3.0').replace('{n}', '1')}) appear here as candidates of their
        release.
      </EmptyState>
    );
  }
  const current =
    (selected && candidates.some((c) => c.version.id === selected) ? selected : null) ??
    candidates.find((c) => !c.version.released && c.standing?.kind !== 'older' && readiness[c.version.id]?.ok)?.version.id ??
    candidates.find((c) => c.standing?.kind === 'promoted')?.version.id ??
    candidates[0]!.version.id;

  return (
    <>
      <h1 id="rt-rc-title">RC promotion</h1>
      {trains.warnings.map((w) => (
        <Banner key={w} kind="warning">
          {w}
        </Banner>
      ))}
      <TrainOutcomes projectKey={projectKey} trains={trains} onChanged={reload} />
      <nav aria-label="Release trains" className="rc-trains">
        {trains.trains.map((t) => {
          const convergence = trainConvergence(t, readiness);
          return (
            <section key={t.release} aria-label={`Release ${t.release}`} className="pp-card">
              <div className="rc-train-head">
                <h2>Release {t.release}</h2>
                {t.shipped ? (
                  <Lozenge kind="success">Shipped</Lozenge>
                ) : reopened(t.candidates) ? (
                  <Lozenge kind="warning">Rolled back: reopened</Lozenge>
                ) : t.releaseVersion?.released ? (
                  <Lozenge kind="success">Released</Lozenge>
                ) : null}
              </div>
              {t.shipped ? (
                <p data-testid="train-shipped" className="pp-muted">
                  The train shipped as version {t.shipped.productionName}
                  {t.shipped.fromCandidate ? ` from ${t.shipped.fromCandidate}` : ''}
                  {t.shipped.on ? ` on ${readableDay(t.shipped.on)}` : ''}. Its other candidates are superseded.
                </p>
              ) : (
                <p className="pp-muted">Promoting a candidate releases version {t.productionName ?? t.release} in Jira with the done issues of that candidate and the earlier ones.</p>
              )}
              <table className="pp-table" aria-label={`Candidates of ${t.release}`}>
                <thead>
                  <tr>
                    <th scope="col">Candidate</th>
                    <th scope="col">Status</th>
                    <th scope="col">Issues</th>
                    <th scope="col">Gates passed</th>
                    <th scope="col">Open from its regression</th>
                  </tr>
                </thead>
                <tbody>
                  {t.candidates.map((c) => {
                    const r = readiness[c.version.id];
                    const ok = r?.ok ? r.data : null;
                    const open = convergence?.find((x) => x.name === c.version.name)?.open;
                    return (
                      <tr key={c.version.id} data-candidate={c.version.name} data-standing={c.standing?.kind ?? 'open'} className={current === c.version.id ? 'pp-current' : undefined}>
                        <td>
                          <Button appearance="subtle" spacing="compact" isSelected={current === c.version.id} aria-pressed={current === c.version.id} onClick={() => onSelect(c.version.id)}>
                            {c.version.name}
                          </Button>
                        </td>
                        <td>{c.version.released && !settled(c.standing) ? <Lozenge kind="success">Released</Lozenge> : <StandingLozenge candidate={c.version.name} standing={c.standing} readiness={r} />}</td>
                        <td>{ok ? ok.issueCount : '–'}</td>
                        <td>{ok ? `${ok.gates.filter((g) => g.passed).length} of ${ok.gates.length}` : '–'}</td>
                        <td>{open ?? '–'}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
              {convergence && convergence.length > 1 ? <ConvergenceBars points={convergence} /> : null}
            </section>
          );
        })}
      </nav>
      <SelectedCandidate key={current} projectKey={projectKey} versionId={current} result={readiness[current]} onChanged={reload} />
      <MetricsPanel projectKey={projectKey} />
    </>
  );
}

/** Open bugs per candidate of a train (found in each candidate's regression), from the readiness of its latest judged candidate. */
function trainConvergence(t: Trains['trains'][number], readiness: Loaded['readiness']) {
  const judged = [...t.candidates].reverse().map((c) => readiness[c.version.id]).find((r) => r?.ok);
  if (!judged?.ok) return null;
  return judged.data.convergence.rcs.map((r) => ({ name: r.name, found: r.bugsFound.length, open: r.openFound.length }));
}

/** "1 of 6 readiness gates is not passed:" / "2 of 6 readiness gates are not passed:". */
const notPassed = (failing: number, total: number) => `${failing} of ${count(total, 'readiness gate')} ${failing === 1 ? 'is' : 'are'} not passed:`;

/** Only an open candidate (the train's latest, the train not shipped nor being promoted from another) offers Promote. */
const promotable = (r: Readiness) => !r.standing || r.standing.kind === 'open';

/** The selected candidate; a released one is read when it is selected. */
function SelectedCandidate({ projectKey, versionId, result, onChanged }: { projectKey: string; versionId: string; result: Result<Readiness> | undefined; onChanged: () => void }) {
  const [own] = useResult<Readiness>(async () => result ?? call('rc/readiness', { projectKey, versionId }), [projectKey, versionId, result]);
  if (result) return <CandidateDetail projectKey={projectKey} result={result} onChanged={onChanged} />;
  if (own.state === 'loading') return <Loading label="Loading the candidate…" />;
  return <CandidateDetail projectKey={projectKey} result={own.state === 'error' ? own.error : { ok: true, data: own.data }} onChanged={onChanged} />;
}

function CandidateDetail({ projectKey, result, onChanged }: { projectKey: string; result: Result<Readiness> | undefined; onChanged: () => void }) {
  const [dialog, setDialog] = useState(false);
  const [running, setRunning] = useState(false);
  const [view, setView] = useState<PromotionView | null>(null);
  const [error, setError] = useState<Fail | null>(null);
  const poll = useRef<ReturnType<typeof setInterval> | null>(null);
  useEffect(() => () => void (poll.current && clearInterval(poll.current)), []);
  const stored = result?.ok ? result.data.promotion : null;
  useEffect(() => {
    // A promotion already stored (done, or stopped by a failure): show its steps, evidence and resume.
    if (!stored || !result?.ok) return;
    let live = true;
    void call('rc/promotion', { projectKey, versionId: result.data.version.id }).then((p) => live && p.ok && setView(p.data));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [stored?.id]);

  if (!result) return null;
  if (!result.ok) return <ErrorBanner error={result} onRetry={onChanged} />;
  const r = result.data;
  // A finished promotion is shown with the evidence it was decided on (the audit), not today's re-evaluation.
  const promoted = r.promotion?.status === 'done' ? r.audit : null;
  const shown: PromotionView | null = view ?? (r.promotion ? { state: r.promotion, audit: null, progress: null, running: true } : null);
  const versionId = r.version.id;
  /** Promote is offered for an open candidate not released and not being promoted. */
  const canOffer = !r.version.released && !shown?.state && promotable(r);

  async function abandon(reason: string): Promise<Fail | null> {
    const res = await call('rc/promotion-abandon', { projectKey, versionId, reason });
    if (!res.ok) return res;
    setView(null);
    onChanged();
    return null;
  }

  async function promote(override?: { reason: string }) {
    setDialog(false);
    setRunning(true);
    setError(null);
    // The promote call runs every step; meanwhile the stored progress is polled so each step shows as it finishes.
    poll.current = setInterval(() => {
      void call('rc/promotion', { projectKey, versionId }).then((p) => p.ok && p.data.state && setView(p.data));
    }, 1000);
    const res = await call('rc/promote', { projectKey, versionId, confirm: true, ...(override ? { override } : {}) });
    if (poll.current) clearInterval(poll.current);
    setRunning(false);
    if (res.ok) setView(res.data);
    else setError(res);
    // The trains and this candidate are re-read at once: shipped, superseded, the audit's snapshot.
    if (res.ok && res.data.state?.status === 'done') onChanged();
  }

  return (
    <section id="rt-candidate" tabIndex={-1} className="pp-card rc-detail" aria-labelledby="rt-detail-title" data-testid="candidate-detail">
      <div className="rc-detail-head">
        <h2 id="rt-detail-title">
          {r.version.name} <span className="pp-muted">→ release {r.release}</span>{' '}
          {promoted ? (
            <Lozenge kind="success">Shipped as {r.productionName ?? r.release}</Lozenge>
          ) : r.standing?.kind === 'superseded' ? (
            <Lozenge>Superseded</Lozenge>
          ) : r.version.released ? (
            <Lozenge kind="success">Released</Lozenge>
          ) : r.ready ? (
            <Lozenge kind="success">Ready</Lozenge>
          ) : (
            <Lozenge kind="danger">Blocked</Lozenge>
          )}
        </h2>
        {canOffer && r.canPromote ? (
          <span className="rc-promote">
            <Button appearance="primary" onClick={() => setDialog(true)} isDisabled={running}>
              Promote to production release
            </Button>
          </span>
        ) : null}
      </div>
      {canOffer && !r.canPromote ? <Banner kind="info">{r.refusal ?? `Only members of the ${r.promoterRole} project role can promote a release candidate.`}</Banner> : null}
      {dialog ? <PromoteDialog projectKey={projectKey} versionId={versionId} versionName={r.version.name} blocked={!r.ready} onCancel={() => setDialog(false)} onConfirm={(o) => void promote(o)} /> : null}
      {error ? <ErrorBanner error={error} /> : null}
      {running ? <Loading label={`Promoting ${r.version.name}…`} /> : null}
      {shown?.state && shown.progress ? (
        <PromotionProgress view={shown} running={running} canResume={r.canPromote} onResume={() => void promote()} onRefresh={onChanged} onAbandon={abandon} />
      ) : shown?.state ? (
        <Loading label="Loading the promotion…" />
      ) : null}
      {promoted ? (
        <>
          <p data-testid="promotion-snapshot">
            Promoted by {promoted.by.name || promoted.by.accountId} on {readableTime(promoted.at)}
            {promoted.override ? ` with an override: “${promoted.override.reason}”` : ''}. The gates as they were when it was promoted (
            {promoted.ready ? 'all passed' : `${blocking(promoted.gates)} of ${count(promoted.gates.length, 'gate')} not passed`}):
          </p>
          <GateList gates={promoted.gates} summaries={r.summaries} />
          <details className="pp-disclosure">
            <summary>Gates as Jira shows them today</summary>
            <GateList gates={r.gates} summaries={r.summaries} />
          </details>
        </>
      ) : (
        <>
          {r.standingSentence ? (
            <Banner kind="info">
              <span data-testid="standing-sentence">{r.standingSentence}</span>
            </Banner>
          ) : null}
          <p>
            {count(r.issueCount, 'issue')} {r.issueCount === 1 ? 'has' : 'have'} {r.version.name} as fix version.{' '}
            {r.ready ? (r.gates.every((g) => g.passed) ? 'Every readiness gate is passed.' : 'No gate blocks promotion; the warnings below do not block it.') : notPassed(blocking(r.gates), r.gates.length)}
          </p>
          <GateList gates={r.gates} summaries={r.summaries} />
        </>
      )}
      <ConvergenceChart convergence={r.convergence} summaries={r.summaries} />
      <CoverageSection projectKey={projectKey} versionId={versionId} />
      {r.releaseNotes ? (
        <details className="pp-disclosure">
          <summary>Release notes of {r.productionName ?? r.release} if this candidate ships (every issue of the train, with the candidate it arrived in)</summary>
          <div className="rc-notes">{r.releaseNotes}</div>
        </details>
      ) : null}
    </section>
  );
}
