import { useId, useRef, useState, type KeyboardEvent, type ReactElement } from 'react';
import Button from '@atlaskit/button/new';
import { EmptyState, ErrorBanner, Loading, Lozenge } from '../../../shared/components';
import type { Loadable } from '../../../shared/use-result';
import { SettingField } from './SettingField';
import type { Trains } from './types';

/** A hand-picked candidate as the form edits it (the number as typed). */
export type DraftPick = { versionId: string; release: string; n: string };
type Version = Trains['unmatched'][number];
export type FieldControl = (props: { id: string; 'aria-invalid': boolean; 'aria-describedby': string; disabled: boolean }) => ReactElement;
export type FieldRenderer = (path: string, label: string, hint: string | null, control: FieldControl) => ReactElement;

const MAX_N = 1_000_000;

/**
 * "Versions outside the naming pattern": the project's versions the pattern leaves out (from rc/trains) and the ones
 * picked by hand into a train, as release + candidate number (the stored `manualCandidates`). Only edits the draft:
 * the settings' Save stores it, and the server checks each pick against Jira.
 */
export function HandPickedCandidates({
  projectKey,
  picks,
  onChange,
  trains,
  field,
  errorOf,
  readOnly,
  saving,
}: {
  projectKey: string;
  picks: DraftPick[];
  onChange: (picks: DraftPick[]) => void;
  trains: Loadable<Trains>;
  field: FieldRenderer;
  errorOf: (path: string) => string | undefined;
  readOnly: boolean;
  saving: boolean;
}) {
  const id = useId();
  // Keep the last trains while they reload after a save, so the names stay on screen.
  const last = useRef<Trains | null>(null);
  if (trains.state === 'ready') last.current = trains.data;
  const known = last.current;
  const root = useRef<HTMLFieldSetElement>(null);
  const [announcement, setAnnouncement] = useState('');

  const names = new Map<string, Version>();
  for (const v of known?.unmatched ?? []) names.set(v.id, v);
  for (const c of known?.trains.flatMap((t) => t.candidates.filter((x) => x.source === 'manual')) ?? []) names.set(c.version.id, c.version);
  const nameOf = (versionId: string) => names.get(versionId)?.name ?? `Version ${versionId}`;
  const picked = new Set(picks.map((p) => p.versionId));
  // Stored picks removed from the draft are outside the pattern again.
  const available = [...names.values()].filter((v) => !picked.has(v.id));
  const releases = [...new Set([...(known?.trains.map((t) => t.release) ?? []), ...picks.map((p) => p.release.trim()).filter(Boolean)])];
  /** Who already holds a number in a train: candidates by the pattern, and the draft's picks. */
  const holderOf = (release: string, n: number, except?: string) =>
    known?.trains.find((t) => t.release === release)?.candidates.find((c) => c.source === 'convention' && c.n === n)?.version.name ??
    picks.filter((p) => p.versionId !== except && p.release.trim() === release && Number(p.n) === n).map((p) => nameOf(p.versionId))[0];
  const nextFree = (release: string) => {
    const taken = [...(known?.trains.find((t) => t.release === release)?.candidates.filter((c) => c.source === 'convention').map((c) => c.n) ?? []), ...picks.filter((p) => p.release.trim() === release).map((p) => Number(p.n))];
    return Math.max(0, ...taken.filter(Number.isInteger)) + 1;
  };

  const focusIn = (selector: string) => requestAnimationFrame(() => root.current?.querySelector<HTMLElement>(selector)?.focus());
  const add = (pick: DraftPick) => {
    onChange([...picks, pick]);
    setAnnouncement(`${nameOf(pick.versionId)} joins ${pick.release} as candidate ${pick.n} once you save the settings.`);
    focusIn(`[data-picked="${CSS.escape(pick.versionId)}"] button`);
  };
  const remove = (i: number) => {
    const gone = picks[i];
    onChange(picks.filter((_, j) => j !== i));
    if (gone) setAnnouncement(`${nameOf(gone.versionId)} is no longer picked once you save the settings.`);
    focusIn('[data-add-pick] select, [data-add-pick] input');
  };
  const setPick = (i: number, change: Partial<DraftPick>) => onChange(picks.map((p, j) => (j === i ? { ...p, ...change } : p)));

  return (
    <fieldset ref={root} data-testid="rc-hand-picked">
      <legend>Versions outside the naming pattern</legend>
      <p className="pp-muted">Versions whose names do not follow the naming pattern can join a train by hand, as a candidate at the position you choose.</p>
      {trains.state === 'error' ? <ErrorBanner error={trains.error} /> : null}
      {trains.state === 'loading' && !known ? <Loading label="Loading the project's versions…" /> : null}

      <h3 id={`${id}-picked`}>Hand-picked candidates</h3>
      {picks.length === 0 ? (
        <p className="pp-muted">None.</p>
      ) : (
        <ul aria-labelledby={`${id}-picked`} className="rc-picks">
          {picks.map((p, i) => {
            const name = nameOf(p.versionId);
            const versionError = errorOf(`manualCandidates.${i}.versionId`);
            const errorId = `${id}-pick-${i}-error`;
            return (
              <li key={p.versionId} data-picked={p.versionId} className="rc-gate-row">
                <strong>{name}</strong>
                {readOnly ? (
                  <span>
                    {' '}
                    → release {p.release}, candidate {p.n}
                  </span>
                ) : null}
                {versionError ? (
                  <div id={errorId} className="rt-field-error" role="alert">
                    {versionError}
                  </div>
                ) : null}
                {readOnly ? null : (
                  <>
                    {field(`manualCandidates.${i}.release`, `Release of ${name}`, null, (props) => (
                      <input {...props} list={`${id}-releases`} value={p.release} maxLength={255} onChange={(e) => setPick(i, { release: e.target.value })} />
                    ))}
                    {field(`manualCandidates.${i}.n`, `Candidate number of ${name}`, null, (props) => (
                      <input {...props} type="number" inputMode="numeric" min={0} max={MAX_N} step={1} value={p.n} onChange={(e) => setPick(i, { n: e.target.value })} />
                    ))}
                    <Button
                      data-invalid={versionError ? 'true' : undefined}
                      aria-describedby={versionError ? errorId : undefined}
                      isDisabled={saving}
                      onClick={() => remove(i)}
                    >
                      Remove {name}
                    </Button>
                  </>
                )}
              </li>
            );
          })}
        </ul>
      )}

      <h3 id={`${id}-outside`}>Not in any train</h3>
      {available.length === 0 ? (
        picks.length === 0 && known ? (
          <EmptyState title="Every version follows the naming pattern">
            All versions of {projectKey} are candidates named like {known.pattern} or the release version of a train.
          </EmptyState>
        ) : (
          <p className="pp-muted">No other version is outside the naming pattern.</p>
        )
      ) : (
        <>
          <ul aria-labelledby={`${id}-outside`} data-testid="rc-unmatched">
            {available.map((v) => (
              <li key={v.id}>
                {v.name} {v.released ? <Lozenge kind="success">Released</Lozenge> : null}
              </li>
            ))}
          </ul>
          {readOnly ? null : <AddPick available={available} releases={releases} listId={`${id}-releases`} disabled={saving} holderOf={holderOf} nextFree={nextFree} onAdd={add} />}
        </>
      )}
      <datalist id={`${id}-releases`}>
        {releases.map((r) => (
          <option key={r} value={r} />
        ))}
      </datalist>
      <div role="status" aria-live="polite" className="pp-muted">
        {announcement}
      </div>
    </fieldset>
  );
}

/** Pick a version, its train (an existing release or a typed one) and its candidate number; checked before it joins the draft. */
function AddPick({
  available,
  releases,
  listId,
  disabled,
  holderOf,
  nextFree,
  onAdd,
}: {
  available: Version[];
  releases: string[];
  listId: string;
  disabled: boolean;
  holderOf: (release: string, n: number) => string | undefined;
  nextFree: (release: string) => number;
  onAdd: (pick: DraftPick) => void;
}) {
  const id = useId();
  const [versionId, setVersionId] = useState(available[0]?.id ?? '');
  const [release, setRelease] = useState(releases[releases.length - 1] ?? '');
  // The number follows the release (next free position) until the admin types one.
  const [typedN, setTypedN] = useState<string | null>(null);
  const [errors, setErrors] = useState<{ release?: string; n?: string }>({});
  const chosen = available.find((v) => v.id === versionId) ?? available[0];
  const n = typedN ?? (release.trim() ? String(nextFree(release.trim())) : '');

  function submit() {
    if (!chosen) return;
    const r = release.trim();
    const num = Number(n);
    const found: typeof errors = {};
    if (!r) found.release = 'Choose a train or type the release name.';
    else if (r.length > 255) found.release = 'At most 255 characters.';
    else if (r === chosen.name) found.release = `${chosen.name} cannot be a candidate of its own release.`;
    if (n.trim() === '' || !Number.isInteger(num) || num < 0 || num > MAX_N) found.n = `A whole number from 0 to ${MAX_N}.`;
    else if (r && holderOf(r, num)) found.n = `${r} already has candidate ${num} (${holderOf(r, num)}).`;
    setErrors(found);
    if (found.release) return document.getElementById(`${id}-release`)?.focus();
    if (found.n) return document.getElementById(`${id}-n`)?.focus();
    onAdd({ versionId: chosen.id, release: r, n: String(num) });
    setVersionId(available.find((v) => v.id !== chosen.id)?.id ?? '');
    setTypedN(null);
  }
  // Enter in the add fields adds the pick instead of saving the whole form.
  const onEnter = (e: KeyboardEvent) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    submit();
  };

  return (
    <div data-add-pick role="group" aria-labelledby={`${id}-title`} className="rc-gate-row">
      <h4 id={`${id}-title`}>Add a version to a train</h4>
      <div className="rc-setting">
        <label htmlFor={`${id}-version`}>Version to add</label>
        <select className="pp-select" id={`${id}-version`} value={chosen?.id ?? ''} disabled={disabled} onChange={(e) => setVersionId(e.target.value)}>
          {available.map((v) => (
            <option key={v.id} value={v.id}>
              {v.name}
            </option>
          ))}
        </select>
      </div>
      <SettingField
        id={`${id}-release`}
        label="Train (release)"
        hint={`An existing train (${releases.join(', ') || 'none yet'}) or a new release name.`}
        error={errors.release}
        control={(p) => (
          <input
            {...p}
            list={listId}
            value={release}
            maxLength={255}
            disabled={disabled}
            onKeyDown={onEnter}
            onChange={(e) => {
              setRelease(e.target.value);
              setErrors({});
            }}
          />
        )}
      />
      <SettingField
        id={`${id}-n`}
        label="Candidate number (position in the train)"
        hint="Candidates are ordered by this number; the next free one is suggested."
        error={errors.n}
        control={(p) => (
          <input
            {...p}
            type="number"
            inputMode="numeric"
            min={0}
            max={MAX_N}
            step={1}
            value={n}
            disabled={disabled}
            onKeyDown={onEnter}
            onChange={(e) => {
              setTypedN(e.target.value);
              setErrors({});
            }}
          />
        )}
      />
      <Button isDisabled={disabled || !chosen} onClick={submit}>
        Add as candidate
      </Button>
    </div>
  );
}
