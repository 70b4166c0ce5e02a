/**
 * "Who may make each move": for each move of the loop (named by the stage it leaves), the project roles allowed to
 * make it (checkboxes), groups (comma-separated names) and one optional override role that may make every move.
 * Project admins edit and save; everyone else reads it with the reason. Saving publishes the rules to the role
 * validator at once. A failed save keeps the draft and says why.
 */
import Button from '@atlaskit/button/new';
import Textfield from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import { useState } from 'react';
import type { Fail, MoveRulesSetupDto, Result } from '@rt/contracts';
import { stages, type Stage } from '../../../src/domain/bug-flow';
import { moveLabels, type MoveRules as Rules } from '../../../src/domain/move-rules/move-rules';
import { Banner, ErrorBanner, Loading } from '../components';
import { useResult } from '../use-result';

type Props = { load(): Promise<Result<MoveRulesSetupDto>>; save(rules: Rules): Promise<Result<MoveRulesSetupDto>> };

const splitNames = (text: string) => [...new Set(text.split(',').map((s) => s.trim()).filter(Boolean))];

export function MoveRules({ load, save }: Props) {
  const [setup, reload, replace] = useResult(load, []);
  if (setup.state === 'loading') return <Loading label="Loading who may make each move…" />;
  if (setup.state === 'error') return <ErrorBanner error={setup.error} onRetry={reload} />;
  return <MoveRulesForm key={setup.data.updatedAt ?? 'defaults'} setup={setup.data} save={save} onSaved={replace} />;
}

/**
 * The roles to list for a move: the project's roles, plus any role the rule names that is not among them. Jira lists a
 * project's roles only to its admins, so for everyone else the rule's own role names are what shows who may move.
 */
export function rolesToShow(projectRoles: MoveRulesSetupDto['roles'], ruleRoles: readonly string[]): MoveRulesSetupDto['roles'] {
  const missing = ruleRoles.filter((n) => !projectRoles.some((r) => r.name === n));
  return [...projectRoles, ...missing.map((name, i) => ({ id: -1 - i, name }))];
}

export function MoveRulesForm({ setup, save, onSaved }: { setup: MoveRulesSetupDto; save: Props['save']; onSaved(s: MoveRulesSetupDto): void }) {
  const [draft, setDraft] = useState<Rules>(setup.rules);
  const [groups, setGroups] = useState<Record<Stage, string>>(() => Object.fromEntries(stages.map((s) => [s, setup.rules.byStage[s].groups.join(', ')])) as Record<Stage, string>);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<Fail | null>(null);
  const [saved, setSaved] = useState(false);
  const edit = setup.canAdminister && !saving;

  const toggle = (stage: Stage, role: string, on: boolean) => {
    setSaved(false);
    const roles = on ? [...draft.byStage[stage].roles, role] : draft.byStage[stage].roles.filter((r) => r !== role);
    setDraft({ ...draft, byStage: { ...draft.byStage, [stage]: { ...draft.byStage[stage], roles } } });
  };
  const submit = async () => {
    setSaving(true);
    setError(null);
    const rules: Rules = { ...draft, byStage: Object.fromEntries(stages.map((s) => [s, { roles: draft.byStage[s].roles, groups: splitNames(groups[s]) }])) as Rules['byStage'] };
    const r = await save(rules);
    setSaving(false);
    if (!r.ok) return setError(r);
    setSaved(true);
    onSaved(r.data);
  };
  const holders = (role: { name: string; holders?: string[] | undefined }) => (role.holders === undefined ? '' : role.holders.length === 0 ? ' (nobody)' : ` (${role.holders.join(', ')})`);

  return (
    <section aria-labelledby="rt-move-rules-heading" className="rt-card" data-testid="rt-move-rules">
      <h2 id="rt-move-rules-heading">Who may make each move</h2>
      <p className="rt-muted">
        Checked when a bug is moved, with the acting person’s own project roles (the “The right people make each move” workflow validator).{' '}
        {setup.defaulted
          ? 'These are the defaults of the process (L2 files and submits; the RTE triages, reviews and reopens; developers fix; QA closes). They are not enforced until a project admin saves them.'
          : `Saved ${setup.updatedAt?.slice(0, 10) ?? ''}.`}{' '}
        {setup.canAdminister ? '' : 'Only project admins can change who may make each move.'}
      </p>
      {error ? <ErrorBanner error={error} /> : null}
      {saved ? <Banner kind="success">Saved: the next move is checked with these rules.</Banner> : null}
      <table className="rt-table">
        <thead>
          <tr>
            <th scope="col">Move</th>
            <th scope="col">Project roles that may make it</th>
            <th scope="col">Groups</th>
          </tr>
        </thead>
        <tbody>
          {stages.map((stage) => (
            <tr key={stage} data-move={stage}>
              <th scope="row">{moveLabels[stage]}</th>
              <td>
                <fieldset className="rt-fieldset" aria-label={`Roles that may make: ${moveLabels[stage]}`}>
                  {rolesToShow(setup.roles, draft.byStage[stage].roles).map((role) => (
                    <label key={role.id} className="rt-check">
                      <input type="checkbox" disabled={!edit} checked={draft.byStage[stage].roles.includes(role.name)} onChange={(e) => toggle(stage, role.name, e.target.checked)} />
                      {role.name}
                      <span className="rt-muted">{holders(role)}</span>
                    </label>
                  ))}
                </fieldset>
              </td>
              <td>
                <Textfield
                  isCompact
                  aria-label={`Groups that may make: ${moveLabels[stage]}`}
                  isDisabled={!edit}
                  value={groups[stage]}
                  placeholder="group names, comma-separated"
                  onChange={(e) => { setSaved(false); setGroups({ ...groups, [stage]: e.currentTarget.value }); }}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {setup.canAdminister ? (
        <label className="rt-field">
          Override role (may make any move)
          <select aria-label="Override role" disabled={!edit} value={draft.overrideRole ?? ''} onChange={(e) => { setSaved(false); setDraft({ ...draft, overrideRole: e.target.value === '' ? null : e.target.value }); }}>
            <option value="">None</option>
            {setup.roles.map((r) => (
              <option key={r.id} value={r.name}>
                {r.name}
              </option>
            ))}
          </select>
        </label>
      ) : (
        <p>Override role (may make any move): {draft.overrideRole ?? 'none'}</p>
      )}
      {setup.canAdminister ? (
        <div style={{ marginTop: token('space.100') }}>
          <Button appearance="primary" onClick={() => void submit()} isDisabled={saving} aria-busy={saving}>
            {saving ? 'Saving…' : 'Save who may make each move'}
          </Button>
        </div>
      ) : null}
    </section>
  );
}
