import { needsPropertyKeys, panelShows } from '../../local/shell/issue-view/panel-conditions';

describe('shell: issue panel display conditions', () => {
  const handoff = { entityPropertyExists: { entity: 'issue', propertyKey: 'release-train-handoff' } };
  it('shows a panel with entityPropertyExists only on issues that have the property (and not before the keys are known)', () => {
    expect(panelShows(handoff, 'Task', ['release-train-handoff'])).toBe(true);
    expect(panelShows(handoff, 'Task', ['release-train-regression'])).toBe(false);
    expect(panelShows(handoff, 'Task', null)).toBe(false);
  });
  it('honours issueType and shows panels without conditions', () => {
    expect(panelShows({ issueType: 'Bug' }, 'Story', [])).toBe(false);
    expect(panelShows({ issueType: 'Bug' }, 'Bug', [])).toBe(true);
    expect(panelShows(null, 'Story', null)).toBe(true);
  });
  it('asks for property keys only when a panel needs them', () => {
    expect(needsPropertyKeys([{ displayConditions: { issueType: 'Bug' } }])).toBe(false);
    expect(needsPropertyKeys([{ displayConditions: handoff }])).toBe(true);
  });
});

describe('not', () => {
  it('hides a panel whose negated condition holds (the QA sign-off panel on a bug) and shows it otherwise', () => {
    const notBug = { not: { issueType: 'Bug' } };
    expect(panelShows(notBug, 'Bug', [])).toBe(false);
    expect(panelShows(notBug, 'Story', [])).toBe(true);
  });
});
