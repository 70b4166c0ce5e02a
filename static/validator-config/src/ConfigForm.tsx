/** The options of one validator, edited as a draft; every change is checked with the shared schema (and the 32 KB limit). */
import { useId, type ReactNode } from 'react';
import Textfield from '@atlaskit/textfield';
import { VALIDATOR_CONFIG_MAX_BYTES, serializedSize, serializeValidatorConfig, type FieldIssue } from '@rt/contracts';
import { reproParts } from '../../../src/domain/validators/repro-steps-clear';
import type { ValidatorKind } from '../../../src/domain/validators/kinds';

export type Draft = Record<string, unknown>;
type Set = (path: string[], value: unknown) => void;

/** The draft with `value` at `path` (objects copied along the way). */
export function setIn(draft: Draft, path: string[], value: unknown): Draft {
  const [head, ...rest] = path;
  if (head === undefined) return draft;
  const child = (draft[head] ?? {}) as Draft;
  return { ...draft, [head]: rest.length === 0 ? value : setIn(typeof child === 'object' && child !== null ? child : {}, rest, value) };
}
const get = (draft: Draft, path: string[]): unknown => path.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Draft)[k] : undefined), draft);
const list = (text: string) => text.split(',').map((s) => s.trim()).filter(Boolean);

export type Checked = { ok: true; json: string; bytes: number } | { ok: false; message: string; issues: FieldIssue[] };
export function check(kind: ValidatorKind, draft: Draft): Checked {
  const r = serializeValidatorConfig(kind, draft);
  return r.ok ? { ok: true, json: r.json, bytes: serializedSize(r.json) } : { ok: false, message: r.message, issues: r.issues ?? [] };
}

function Field({ label, hint, error, children }: { label: string; hint?: string; error?: string | undefined; children: (id: string, describedBy: string | undefined) => ReactNode }) {
  const id = useId();
  const hintId = hint || error ? `${id}-hint` : undefined;
  return (
    <div className="rt-field">
      <label htmlFor={id}>{label}</label>
      {children(id, hintId)}
      {hint || error ? (
        <div id={hintId} className={error ? 'rt-error-text' : 'rt-muted'}>
          {error ?? hint}
        </div>
      ) : null}
    </div>
  );
}

function Text({ draft, set, path, label, hint, errors, disabled }: { draft: Draft; set: Set; path: string[]; label: string; hint?: string; errors: Map<string, string>; disabled: boolean }) {
  const value = get(draft, path);
  return (
    <Field label={label} hint={hint} error={errors.get(path.join('.'))}>
      {(id, d) => (
        <div style={{ maxWidth: 420 }}>
          <Textfield id={id} aria-describedby={d} isInvalid={errors.has(path.join('.'))} value={typeof value === 'string' ? value : ''} isDisabled={disabled} onChange={(e) => set(path, e.currentTarget.value)} />
        </div>
      )}
    </Field>
  );
}
function ListText(props: { draft: Draft; set: Set; path: string[]; label: string; hint?: string; errors: Map<string, string>; disabled: boolean }) {
  const value = get(props.draft, props.path);
  const error = [...props.errors.entries()].find(([k]) => k === props.path.join('.') || k.startsWith(`${props.path.join('.')}.`))?.[1];
  return (
    <Field label={props.label} hint={props.hint} error={error}>
      {(id, d) => (
        <div style={{ maxWidth: 420 }}>
          <Textfield id={id} aria-describedby={d} isInvalid={error !== undefined} defaultValue={Array.isArray(value) ? value.join(', ') : ''} isDisabled={props.disabled} onChange={(e) => props.set(props.path, list(e.currentTarget.value))} />
        </div>
      )}
    </Field>
  );
}
function Check({ draft, set, path, label, disabled }: { draft: Draft; set: Set; path: string[]; label: string; disabled: boolean }) {
  const id = useId();
  return (
    <div className="rt-field rt-check">
      <input id={id} type="checkbox" checked={get(draft, path) === true} disabled={disabled} onChange={(e) => set(path, e.target.checked)} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}
function Choice({ draft, set, path, label, options, disabled, onChoose }: { draft: Draft; set: Set; path: string[]; label: string; options: Array<[string, string]>; disabled: boolean; onChoose?: (v: string) => void }) {
  const value = get(draft, path);
  return (
    <Field label={label}>
      {(id) => (
        <select id={id} value={typeof value === 'string' ? value : options[0]?.[0]} disabled={disabled} onChange={(e) => (onChoose ? onChoose(e.target.value) : set(path, e.target.value))}>
          {options.map(([v, text]) => (
            <option key={v} value={v}>
              {text}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** Where a yes/answered flag lives: labels or a custom field. */
function FlagSource({ draft, set, path, label, errors, disabled }: { draft: Draft; set: Set; path: string[]; label: string; errors: Map<string, string>; disabled: boolean }) {
  const source = get(draft, [...path, 'source']) === 'field' ? 'field' : 'label';
  return (
    <fieldset className="rt-fieldset">
      <legend>{label}</legend>
      <Choice
        draft={draft}
        set={set}
        path={[...path, 'source']}
        label="Recorded as"
        options={[['label', 'A label'], ['field', 'A custom field']]}
        disabled={disabled}
        onChoose={(v) => set(path, v === 'field' ? { source: 'field', fieldId: '' } : { source: 'label', labels: [] })}
      />
      {source === 'label' ? (
        <ListText key="labels" draft={draft} set={set} path={[...path, 'labels']} label="Labels (any of, comma-separated)" errors={errors} disabled={disabled} />
      ) : (
        <>
          <Text draft={draft} set={set} path={[...path, 'fieldId']} label="Field id" hint="For example customfield_10101" errors={errors} disabled={disabled} />
          <Text draft={draft} set={set} path={[...path, 'fieldName']} label="Field name (for messages)" errors={errors} disabled={disabled} />
        </>
      )}
    </fieldset>
  );
}

export function ConfigForm({ kind, draft, onChange, issues, disabled }: { kind: ValidatorKind; draft: Draft; onChange(d: Draft): void; issues: FieldIssue[]; disabled: boolean }) {
  const set: Set = (path, value) => onChange(setIn(draft, path, value));
  const errors = new Map(issues.map((i) => [i.path, i.message]));
  const p = { draft, set, errors, disabled };
  return (
    <form className="rt-form" onSubmit={(e) => e.preventDefault()} aria-label="Validator options">
      {kind === 'repro-steps-clear' ? (
        <>
          <Field label="Minimum score (0–100)" hint="The analyser's clarity score; 60 is a fair bar." error={errors.get('minimumScore')}>
            {(id, d) => (
              <div style={{ width: 120 }}>
                <Textfield id={id} type="number" min={0} max={100} step={1} aria-describedby={d} isInvalid={errors.has('minimumScore')} isDisabled={disabled} value={typeof draft['minimumScore'] === 'number' ? draft['minimumScore'] : ''} onChange={(e) => set(['minimumScore'], e.currentTarget.value === '' ? undefined : Number(e.currentTarget.value))} />
              </div>
            )}
          </Field>
          <fieldset className="rt-fieldset">
            <legend>Required parts</legend>
            {reproParts.map((part) => {
              const current = Array.isArray(draft['requiredParts']) ? (draft['requiredParts'] as string[]) : [];
              return (
                <label key={part} className="rt-check">
                  <input type="checkbox" checked={current.includes(part)} disabled={disabled} onChange={(e) => set(['requiredParts'], e.target.checked ? [...current, part] : current.filter((x) => x !== part))} /> {part}
                </label>
              );
            })}
          </fieldset>
          <Choice {...p} path={['field', 'source']} label="Read the steps from" options={[['description', 'The description'], ['field', 'A custom field']]} onChoose={(v) => set(['field'], v === 'field' ? { source: 'field', fieldId: 'customfield_', fallbackToDescription: true } : { source: 'description' })} />
          {get(draft, ['field', 'source']) === 'field' ? (
            <>
              <Text {...p} path={['field', 'fieldId']} label="Field id" hint="The Reproduction steps field, e.g. customfield_10100" />
              <Text {...p} path={['field', 'fieldName']} label="Field name (for messages)" />
              <Check {...p} path={['field', 'fallbackToDescription']} label="Use the description when the field is empty" />
            </>
          ) : null}
        </>
      ) : null}
      {kind === 'follows-loop' ? <Check {...p} path={['allowDoneToDev']} label="Allow reopening a Done bug straight into Dev (default: through RTE triage)" /> : null}
      {kind === 'rte-review-complete' ? (
        <>
          <Text {...p} path={['rcPattern']} label="Release-candidate pattern (regular expression)" hint="Fix versions matching it count as a release candidate; default -rc\.\d+$" />
          <FlagSource {...p} path={['documentationImpact']} label="Documentation impact answered" />
          <FlagSource {...p} path={['reproConfirmed']} label="Reproduction steps confirmed by the developer" />
          <Check {...p} path={['requireRteReviewInHistory']} label="Also require an RTE review after the latest Dev stage (from the changelog)" />
        </>
      ) : null}
      {kind === 'regression-bug-linked' ? (
        <>
          <Text {...p} path={['regressionLabel']} label="Label of bugs found in regression" />
          <Text {...p} path={['link', 'typeName']} label="Link type to the fix" />
          <Choice {...p} path={['link', 'direction']} label="Link direction" options={[['any', 'Either direction'], ['inward', 'This bug on the inward side'], ['outward', 'This bug on the outward side']]} />
          <Check {...p} path={['requireRcInAffectsVersions']} label="Require a release candidate in Affects versions" />
          <Text {...p} path={['rcPattern']} label="Release-candidate pattern (regular expression)" />
          <Check {...p} path={['onlyFirstTransition']} label="Check only on create and the bug's first transition" />
        </>
      ) : null}
      {kind === 'regression-clean' ? (
        <Text {...p} path={['rcPattern']} label="Release-candidate pattern (regular expression)" hint="The bug's current candidate is its unreleased fix version matching it (as the QA regression panel picks it); default -rc\.\d+$" />
      ) : null}
      <ListText {...p} path={['issueTypes']} label="Issue types (comma-separated; empty = every type)" />
      <Choice {...p} path={['onJiraError']} label="When Jira cannot be read for a while (timeout, 429, 5xx)" options={[['block', 'Block the transition: “verification failed, retry”'], ['allow-and-record', 'Allow the transition and record the event']]} />
      <Choice {...p} path={['onPermanentError']} label="When Jira or app storage answers in a way retrying cannot fix (403, 404, not JSON, corrupt settings)" options={[['block', 'Block the transition with a message for the admin (recommended)'], ['allow-and-record', 'Allow the transition and record the event']]} />
    </form>
  );
}

export const sizeNote = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB of Jira's ${VALIDATOR_CONFIG_MAX_BYTES / 1024} KB limit`;
