import { useState } from 'react';
import Button from '@atlaskit/button/new';
import Textfield from '@atlaskit/textfield';
import type { CoverageSettings, Fail } from '@rt/contracts';
import { Banner, ErrorBanner, Loading } from '../../../shared/components';
import { useResult } from '../../../shared/use-result';
import { call } from '../api';

type Loaded = { settings: CoverageSettings; canAdminister: boolean; problem?: string };
const modes = ['off', 'warn', 'block'] as const;

/** Coverage settings: area sources, the window and the two gates' modes (project admins change them). */
export function CoverageSettingsForm({ projectKey, onSaved }: { projectKey: string; onSaved: () => void }) {
  const [loaded, reload, replace] = useResult<Loaded>(() => call('coverage/settings', { projectKey }), [projectKey]);
  const [draft, setDraft] = useState<CoverageSettings | null>(null);
  const [error, setError] = useState<Fail | null>(null);
  const [saved, setSaved] = useState(false);
  if (loaded.state === 'loading') return <Loading label="Loading the coverage settings…" />;
  if (loaded.state === 'error') return <ErrorBanner error={loaded.error} onRetry={reload} />;
  const s = draft ?? loaded.data.settings;
  const edit = (patch: Partial<CoverageSettings>) => (setSaved(false), setDraft({ ...s, ...patch }));
  const disabled = !loaded.data.canAdminister;
  async function save() {
    setError(null);
    const res = await call('coverage/settings-save', { projectKey, settings: s });
    if (!res.ok) return setError(res);
    replace(res.data);
    setDraft(null);
    setSaved(true);
    onSaved();
  }
  return (
    <details className="pp-card pp-disclosure rc-settings">
      <summary>Coverage settings</summary>
      {loaded.data.problem ? <Banner kind="warning">{loaded.data.problem}</Banner> : null}
      {disabled ? <p className="pp-muted">Only project admins can change these settings.</p> : null}
      <form className="cov-settings" onSubmit={(e) => (e.preventDefault(), void save())}>
        <label>
          Area label prefix <Textfield isCompact width={200} value={s.areaLabelPrefix} isDisabled={disabled} maxLength={40} onChange={(e) => edit({ areaLabelPrefix: e.currentTarget.value })} />
        </label>{' '}
        <label>
          Area field id <Textfield isCompact width={200} value={s.areaFieldId ?? ''} isDisabled={disabled} placeholder="customfield_10050" onChange={(e) => edit(e.currentTarget.value.trim() ? { areaFieldId: e.currentTarget.value.trim() } : { areaFieldId: undefined })} />
        </label>{' '}
        <label>
          Candidates looked back <Textfield isCompact width={80} type="number" min={1} max={10} value={s.window} isDisabled={disabled} onChange={(e) => edit({ window: Number(e.currentTarget.value) })} />
        </label>
        {(['coverageGate', 'developmentGate'] as const).map((k) => (
          <fieldset key={k} disabled={disabled}>
            <legend>{k === 'coverageGate' ? 'Gate: every changed area regressed' : 'Gate: no open pull request or failing build'}</legend>
            {modes.map((m) => (
              <label key={m}>
                <input type="radio" name={k} checked={s[k] === m} onChange={() => edit({ [k]: m })} /> {m}{' '}
              </label>
            ))}
          </fieldset>
        ))}
        {error ? <ErrorBanner error={error} /> : null}
        {saved ? <Banner kind="success">Saved.</Banner> : null}
        <Button type="submit" appearance="primary" isDisabled={disabled || !draft}>
          Save settings
        </Button>
      </form>
    </details>
  );
}
