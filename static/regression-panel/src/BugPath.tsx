import type { RegressionPanel } from '@rt/contracts';
import { day, when } from './labels';

/** The bug's path through the loop (L2 → RTE → Dev → RTE → QA), who moved it and when; the last step is where it is now. */
export function BugPath({ path }: { path: NonNullable<RegressionPanel['path']> }) {
  return (
    <nav aria-label="Path through the loop" className="rt-muted">
      <ol className="rt-row" style={{ listStyle: 'none', padding: 0, margin: '6px 0' }}>
        {path.steps.map((s, i) => {
          const now = i === path.steps.length - 1;
          return (
            <li key={`${s.stage}-${s.enteredAt}`} aria-current={now ? 'step' : undefined} title={`${s.label}: ${when(s.enteredAt)}${s.by ? ` by ${s.by}` : ''}`}>
              {i > 0 ? '→ ' : ''}
              {now ? <strong>{s.label} (now)</strong> : s.label}
              <span> {day(s.enteredAt)}{s.by ? `, ${s.by}` : ''}</span>
            </li>
          );
        })}
      </ol>
      {path.sentBackFromQa > 0 ? <div>QA sent the fix back to Dev {path.sentBackFromQa} time{path.sentBackFromQa === 1 ? '' : 's'}.</div> : null}
    </nav>
  );
}
