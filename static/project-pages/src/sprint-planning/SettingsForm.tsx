import { useState } from 'react';
import Button from '@atlaskit/button/new';
import Textfield from '@atlaskit/textfield';
import type { PlanView } from '@rt/contracts';
import { round1 } from './plan-helpers';

type Saved = { unit: 'points' | 'count'; velocityShare: number | null; unestimatedPoints: number | null };

const numberOrNull = (text: string): number | null | 'invalid' => {
  if (text.trim() === '') return null;
  const n = Number(text);
  return Number.isFinite(n) && n >= 0 ? n : 'invalid';
};

/** Budget unit, velocity share (percent) and the size assumed for unestimated bugs. */
export function SettingsForm({ view, disabled, onSave }: { view: PlanView; disabled: boolean; onSave: (s: Saved) => void }) {
  const [unit, setUnit] = useState(view.settings.unit);
  const [share, setShare] = useState(view.settings.velocityShare !== undefined ? String(round1(view.settings.velocityShare * 100)) : '');
  const [unestimated, setUnestimated] = useState(view.settings.unestimatedPoints !== undefined ? String(view.settings.unestimatedPoints) : '');
  const shareValue = numberOrNull(share);
  const unestimatedValue = numberOrNull(unestimated);
  const invalid = shareValue === 'invalid' || (typeof shareValue === 'number' && shareValue > 100) || unestimatedValue === 'invalid';
  return (
    <details className="pp-disclosure sp-settings">
      <summary>Budget settings</summary>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (invalid) return;
          onSave({ unit, velocityShare: typeof shareValue === 'number' ? shareValue / 100 : null, unestimatedPoints: typeof unestimatedValue === 'number' ? unestimatedValue : null });
        }}
      >
        <label htmlFor="sp-unit" className="pp-label">Budgets count</label>
        <select className="pp-select" id="sp-unit" value={unit} onChange={(e) => setUnit(e.target.value === 'count' ? 'count' : 'points')}>
          <option value="points">Story points</option>
          <option value="count">Bugs (the team does not estimate bugs)</option>
        </select>
        <label htmlFor="sp-share" className="pp-label">Default budget: share of the team velocity (%)</label>
        <Textfield id="sp-share" type="number" min={0} max={100} isCompact width={120} value={share} onChange={(e) => setShare(e.currentTarget.value)} />
        <div className="pp-muted">{view.velocity.note} Empty: sprints without their own budget get none.</div>
        <label htmlFor="sp-unestimated" className="pp-label">Points assumed for a bug without estimate</label>
        <Textfield id="sp-unestimated" type="number" min={0} isCompact width={120} value={unestimated} onChange={(e) => setUnestimated(e.currentTarget.value)} />
        <div className="pp-muted">Empty: unestimated bugs are not auto-planned.</div>
        {invalid ? <div role="alert" className="sp-over">Use numbers of 0 or more (share at most 100%).</div> : null}
        <div className="sp-settings-actions">
          <Button type="submit" appearance="primary" isDisabled={disabled || invalid}>
            Save settings
          </Button>
        </div>
      </form>
    </details>
  );
}
