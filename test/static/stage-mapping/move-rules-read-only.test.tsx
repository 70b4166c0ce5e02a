/**
 * "Who may make each move" as a non-admin reads it: Jira lists a project's roles only to its admins, so the setup
 * arrives with no roles; the page must still say which roles may make each move (issue 14 audit: the cells were empty).
 */
import { renderToStaticMarkup } from 'react-dom/server';
import type { MoveRulesSetupDto } from '@rt/contracts';
import { MoveRulesForm, rolesToShow } from '../../../static/shared/stage-mapping/MoveRules';
import { defaultMoveRules } from '../../../src/domain/move-rules/move-rules';

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&#x27;/g, "'").replace(/\s+/g, ' ');
const rowText = (html: string, stage: string) => text(new RegExp(`<tr data-move="${stage}">([\\s\\S]*?)</tr>`).exec(html)?.[1] ?? '');

const setup = (over: Partial<MoveRulesSetupDto> = {}): MoveRulesSetupDto => ({ projectKey: 'RT', rules: defaultMoveRules(), defaulted: false, roles: [], canAdminister: false, updatedAt: '2026-12-07T10:00:00.000Z', ...over });
const render = (s: MoveRulesSetupDto) => renderToStaticMarkup(<MoveRulesForm setup={s} save={() => Promise.reject(new Error('not saved'))} onSaved={() => undefined} />);

it('a non-admin (no role list from Jira) sees the roles each move needs, ticked and read-only', () => {
  const html = render(setup());
  expect(rowText(html, 'RTE_REVIEW')).toContain('RTE');
  expect(rowText(html, 'QA')).toContain('QA');
  expect(rowText(html, 'DEV')).toContain('Developers');
  expect(html).toMatch(/<input type="checkbox" disabled="" checked=""\/>RTE/);
  expect(html).not.toContain('Save who may make each move');
});

it('an admin sees every project role, ticked where the rule names it, and no role twice', () => {
  const roles = [{ id: 10100, name: 'L2 Support', holders: ['Amara Okafor'] }, { id: 10101, name: 'RTE', holders: ['Chloé Martin'] }];
  const shown = rolesToShow(roles, ['RTE', 'Gone role']);
  expect(shown.map((r) => r.name)).toEqual(['L2 Support', 'RTE', 'Gone role']);
  const html = render(setup({ roles, canAdminister: true }));
  expect(rowText(html, 'L2').match(/L2 Support/g)).toHaveLength(1);
  expect(html).toContain('Save who may make each move');
});
