/** Read-only rendering of a Reproduction steps value. */
import type { ReproStepsFieldValueDto } from '@rt/contracts';

const LABELS = [
  ['expected', 'Expected result'],
  ['actual', 'Actual result'],
  ['environment', 'Environment'],
  ['build', 'Build / version'],
  ['frequency', 'Frequency'],
] as const;

export function ValueView({ value }: { value: ReproStepsFieldValueDto }) {
  return (
    <div data-testid="repro-value">
      {value.preconditions ? (
        <>
          <h3>Preconditions</h3>
          <p className="rt-pre">{value.preconditions}</p>
        </>
      ) : null}
      <h3>Steps to reproduce</h3>
      {value.steps.length > 0 ? (
        <ol>
          {value.steps.map((s, i) => (
            <li key={i} className="rt-pre">
              {s}
            </li>
          ))}
        </ol>
      ) : (
        <p className="rt-muted">No steps.</p>
      )}
      <dl className="rt-dl">
        {LABELS.map(([k, label]) =>
          value[k] ? (
            <div key={k}>
              <dt>{label}</dt>
              <dd className="rt-pre">{value[k]}</dd>
            </div>
          ) : null,
        )}
      </dl>
    </div>
  );
}
