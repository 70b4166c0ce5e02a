import { parseTransitionRulesConfig } from '../../../src/contracts/transition-rules-config';
import { createSeedState } from '../../../local/seed';
import { DOC_IMPACT_FIELD_ID, REPRO_CONFIRMED_FIELD_ID, SPRINT_FIELD_ID, type EmuIssue } from '../../../local/emulator/state';
import { NOW } from './harness';

const state = createSeedState(NOW);
const bugs = state.issues.filter((i) => i.projectId === '10000' && i.fields.issueTypeId === '10004');
const status = (i: EmuIssue) => state.statuses.find((s) => s.id === i.fields.statusId)!.name;
const ms = (s: string) => Date.parse(s.replace('+0000', 'Z'));
const statusPath = (i: EmuIssue) => i.histories.flatMap((h) => h.items.filter((x) => x.field === 'status').map((x) => x.toString!));

describe('demo seed', () => {
  it('is deterministic and extensible', () => {
    expect(JSON.stringify(createSeedState(NOW))).toBe(JSON.stringify(state));
    const extended = createSeedState(NOW, [(s) => void (s.appStorage['config'] = { ok: true })]);
    expect(extended.appStorage).toEqual({ ...state.appStorage, config: { ok: true } });
  });
  it('has about 150 bugs over every stage of the loop', () => {
    expect(bugs.length).toBeGreaterThanOrEqual(140);
    expect(bugs.length).toBeLessThanOrEqual(160);
    for (const s of ['Open', 'Triage', 'In Progress', 'RTE Review', 'In QA', 'Done']) expect(bugs.filter((b) => status(b) === s).length).toBeGreaterThanOrEqual(8);
  });
  it('keeps histories consistent: ordered, unique ids, final status matches the last status change', () => {
    const ids = state.issues.flatMap((i) => i.histories.map((h) => h.id));
    expect(new Set(ids).size).toBe(ids.length);
    for (const i of state.issues) {
      const times = i.histories.map((h) => ms(h.created));
      expect([...times].sort((a, b) => a - b)).toEqual(times);
      expect(times.every((t) => t >= ms(i.fields.created) && t <= NOW.getTime())).toBe(true);
      const path = statusPath(i);
      if (path.length) expect(path[path.length - 1]).toBe(status(i));
    }
    expect(bugs.some((b) => statusPath(b).join('>').includes('In QA>In Progress'))).toBe(true);
    expect(bugs.some((b) => b.histories.every((h) => h.items.every((x) => x.fromString !== 'Open')) && status(b) !== 'Open')).toBe(true);
  });
  it('has 6 sprints (3 closed, 1 active, 2 future) with carried-over bugs and a growing backlog', () => {
    expect(state.sprints.map((s) => s.state)).toEqual(['closed', 'closed', 'closed', 'active', 'future', 'future']);
    const carried = bugs.filter((b) => ((b.fields.custom[SPRINT_FIELD_ID] as number[] | undefined) ?? []).length >= 2);
    expect(carried.length).toBeGreaterThanOrEqual(10);
    const counts = carried.map((b) => b.histories.filter((h) => h.items.some((x) => x.fieldId === SPRINT_FIELD_ID)).length);
    expect(Math.max(...counts)).toBeGreaterThanOrEqual(3);
    let inflow = 0;
    let outflow = 0;
    for (const s of state.sprints.filter((x) => x.state === 'closed')) {
      const [a, b] = [ms(s.startDate!), ms(s.completeDate!)];
      inflow += bugs.filter((x) => ms(x.fields.created) >= a && ms(x.fields.created) < b).length;
      outflow += bugs.filter((x) => x.fields.resolutionDate && ms(x.fields.resolutionDate) >= a && ms(x.fields.resolutionDate) < b).length;
    }
    expect(inflow).toBeGreaterThan(outflow);
  });
  it('makes 4.3.0-rc.2 ready: every issue done, reviewed after its latest Dev stage, repro confirmed, docs answered', () => {
    const rc2 = state.issues.filter((i) => i.fields.fixVersionIds.includes('10012'));
    expect(rc2.length).toBeGreaterThanOrEqual(10);
    for (const i of rc2) {
      expect(status(i)).toBe('Done');
      const path = statusPath(i);
      expect(path.lastIndexOf('RTE Review')).toBeGreaterThan(path.lastIndexOf('In Progress'));
      if (i.fields.issueTypeId === '10004') {
        expect(i.fields.custom[REPRO_CONFIRMED_FIELD_ID]).toMatchObject({ value: 'Yes' });
        expect(i.fields.custom[DOC_IMPACT_FIELD_ID]).toMatchObject({ value: expect.stringMatching(/^(Yes|No)$/) });
      }
    }
    const openFound = state.issues.filter((i) => i.fields.affectsVersionIds.includes('10012') && i.fields.labels.includes('found-in-regression') && status(i) !== 'Done');
    expect(openFound).toEqual([]);
  });
  it('leaves 4.3.0-rc.1 blocked: unfinished issues and an open, linked regression bug', () => {
    const rc1 = state.issues.filter((i) => i.fields.fixVersionIds.includes('10011'));
    expect(rc1.filter((i) => status(i) !== 'Done').length).toBeGreaterThan(0);
    const regression = state.issues.filter((i) => i.fields.affectsVersionIds.includes('10011') && i.fields.labels.includes('found-in-regression'));
    expect(regression.some((i) => status(i) !== 'Done')).toBe(true);
    for (const r of regression) expect(state.issueLinks.some((l) => l.typeId === '10003' && (l.inwardIssueId === r.id || l.outwardIssueId === r.id))).toBe(true);
  });
  it('has users in every role, SUP tickets linked to bugs, an OPS hand-off and the validators on the workflow', () => {
    const rt = state.projects.find((p) => p.key === 'RT')!;
    // Ops works in OPS only (the ops view is built for a user who cannot see RT); every other role has people in RT.
    for (const role of state.roles.filter((r) => r.name !== 'Ops')) expect(rt.roleMembers[String(role.id)]?.length).toBeGreaterThan(0);
    const ops = state.projects.find((p) => p.key === 'OPS')!;
    expect(Object.values(rt.roleMembers).flat()).not.toContain('rt-ops-kwame');
    expect(Object.values(ops.roleMembers).flat()).toContain('rt-ops-kwame');
    const sup = state.issues.filter((i) => i.projectId === '10002');
    expect(sup.length).toBeGreaterThanOrEqual(3);
    expect(sup.every((s) => state.issueLinks.some((l) => l.outwardIssueId === s.id))).toBe(true);
    expect(state.issues.some((i) => i.projectId === '10001')).toBe(true);
    const wf = state.workflows.find((w) => w.projectKeys.includes('RT'))!;
    const intoQa = wf.transitions.find((t) => t.toStatusId === '10005')!;
    // Issue 17: one function validator per transition, its configuration choosing the rules (plus the role expression).
    for (const t of wf.transitions) expect(t.validators.map((v) => v.key)).toEqual(['move-rules-validator', 'transition-rules-validator']);
    const rulesOf = (t: (typeof wf.transitions)[number]) => {
      const parsed = parseTransitionRulesConfig(t.validators.find((v) => v.key === 'transition-rules-validator')!.configuration);
      if (!parsed.ok) throw new Error(parsed.message);
      return parsed.kinds;
    };
    expect(rulesOf(intoQa)).toContain('rte-review-complete');
    expect(wf.transitions.filter((t) => rulesOf(t).includes('rte-review-complete'))).toHaveLength(1);
    for (const t of wf.transitions) expect(rulesOf(t)).toEqual(expect.arrayContaining(['follows-loop', 'regression-bug-linked']));
  });
  it('covers the description range from excellent to useless', () => {
    const text = (i: EmuIssue) => JSON.stringify(i.fields.description);
    expect(bugs.some((b) => text(b).includes('orderedList') && text(b).includes('Expected result') && text(b).includes('Environment'))).toBe(true);
    const useless = bugs.filter((b) => {
      const d = b.fields.description as { content: Array<{ type: string }> };
      return d.content.length === 1 && text(b).length < 150;
    });
    expect(useless.length).toBeGreaterThanOrEqual(5);
    expect(useless.filter((b) => status(b) === 'Open').length).toBeGreaterThan(useless.length / 2);
    expect(bugs.some((b) => text(b).includes('orderedList') && !text(b).includes('Expected'))).toBe(true);
  });
});
