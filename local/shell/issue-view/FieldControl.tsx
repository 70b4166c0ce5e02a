/** One field's input, by kind: a select (one choice or a user), checkboxes (several), a text box (labels). */
import type { FieldMeta, UserRef } from '../jira-client';
import { kindOf, type Draft } from './field-values';

type Props = { id: string; meta: FieldMeta; draft: Draft; users: UserRef[]; error?: string | null; onChange(d: Draft): void };

export function FieldControl({ id, meta, draft, users, error, onChange }: Props) {
  const kind = kindOf(meta);
  const describedBy = error ? `${id}-error` : undefined;
  const errorLine = error ? (
    <div id={`${id}-error`} className="field-error" role="alert">
      {error}
    </div>
  ) : null;
  if (kind === 'labels')
    return (
      <>
        <input id={id} value={draft.text} aria-invalid={error ? true : undefined} aria-describedby={describedBy} placeholder="Words separated by spaces" onChange={(e) => onChange({ ...draft, text: e.target.value })} />
        {errorLine}
      </>
    );
  if (kind === 'multi')
    return (
      <fieldset id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy} className="field-choices">
        <legend className="sr-only">{meta.name}</legend>
        {(meta.allowedValues ?? []).map((v) => (
          <label key={v.id} style={{ display: 'block' }}>
            <input
              type="checkbox"
              checked={draft.ids.includes(v.id)}
              onChange={(e) => onChange({ ...draft, ids: e.target.checked ? [...draft.ids, v.id] : draft.ids.filter((x) => x !== v.id) })}
            />{' '}
            {v.name ?? v.value}
          </label>
        ))}
        {errorLine}
      </fieldset>
    );
  const options = kind === 'user' ? users.map((u) => ({ id: u.accountId, label: u.displayName ?? u.accountId })) : (meta.allowedValues ?? []).map((v) => ({ id: v.id, label: v.name ?? v.value ?? v.id }));
  return (
    <>
      <select id={id} value={draft.ids[0] ?? ''} aria-invalid={error ? true : undefined} aria-describedby={describedBy} onChange={(e) => onChange({ ...draft, ids: e.target.value ? [e.target.value] : [] })}>
        <option value="">{kind === 'user' ? 'Unassigned' : 'None'}</option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </select>
      {errorLine}
    </>
  );
}
