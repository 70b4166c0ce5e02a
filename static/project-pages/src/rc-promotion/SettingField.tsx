import type { ReactElement } from 'react';

export type SettingControlProps = { id: string; 'aria-invalid': boolean; 'aria-describedby': string };

/** One settings field: its label, the control, and under it the error (announced) and the hint. */
export function SettingField({ id, label, hint, error, control }: { id: string; label: string; hint: string | null; error: string | undefined; control: (props: SettingControlProps) => ReactElement }) {
  return (
    <div className="rc-setting">
      <label htmlFor={id} className="pp-label">
        {label}
      </label>
      {control({ id, 'aria-invalid': !!error, 'aria-describedby': `${id}-help` })}
      <div id={`${id}-help`}>
        {error ? (
          <div className="rt-field-error" role="alert">
            {error}
          </div>
        ) : null}
        {hint ? <div className="pp-muted">{hint}</div> : null}
      </div>
    </div>
  );
}
