/**
 * Hand-picked candidates in the RC promotion settings: the project admin (Chloé) picks a version that does not follow
 * the naming pattern into the 4.3.0 train with the keyboard, a refused save keeps the pick, and after saving the
 * version is among the train's candidates.
 */
import { rcPromotionConfigSeed, seedIds, type SeedExtension } from '../../local/seed';
import { focused } from './support/app-frame';
import { browserSession } from './support/session';

const HOTFIX_ID = '10099';
const hotfixVersion: SeedExtension = (state) => {
  state.versions.push({ id: HOTFIX_ID, projectId: seedIds.PROJECT.RT, name: '4.3.0-hotfix-candidate', description: 'Outside the naming pattern', archived: false, released: false });
};

const session = browserSession({ seedExtensions: [rcPromotionConfigSeed, hotfixVersion] });

test('the admin picks a version outside the pattern into the 4.3.0 train by keyboard, a refused save keeps it, and after saving it is a candidate', async () => {
  const page = await session.openAs('rt-rte-chloe', '#/project/rc-promotion');
  const app = page.frameLocator('iframe[title="RC promotion"]');
  await app.getByRole('heading', { name: 'RC promotion' }).waitFor({ timeout: 30_000 });
  await expect(app.locator('[data-candidate="4.3.0-hotfix-candidate"]').count()).resolves.toBe(0);

  // Open the settings from the keyboard.
  const settings = app.getByTestId('rc-settings');
  await settings.locator('summary').focus();
  await page.keyboard.press('Enter');
  const section = settings.getByTestId('rc-hand-picked');
  await section.getByTestId('rc-unmatched').getByText('4.3.0-hotfix-candidate').waitFor();
  await section.getByText('None.').waitFor();

  // Version (type-ahead in the select), train, number: Tab between them; Enter adds the pick.
  const versionSelect = section.getByLabel('Version to add');
  await versionSelect.focus();
  await page.keyboard.type('4.3.0-h');
  await expect(versionSelect.evaluate((el: HTMLSelectElement) => el.selectedOptions[0]?.textContent)).resolves.toBe('4.3.0-hotfix-candidate');
  await page.keyboard.press('Tab');
  await expect(focused(page)).resolves.toBe('Train (release)');
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('4.3.0');
  await page.keyboard.press('Tab');
  const number = section.getByLabel('Candidate number (position in the train)');
  await expect(number.inputValue()).resolves.toBe('3'); // the next free position after rc.1 and rc.2
  // A taken number is refused next to the field, which keeps the focus.
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('2');
  await page.keyboard.press('Enter');
  await section.getByText('4.3.0 already has candidate 2 (4.3.0-rc.2).').waitFor();
  await expect(number.getAttribute('aria-invalid')).resolves.toBe('true');
  await expect(focused(page)).resolves.toBe('Candidate number (position in the train)');
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('3');
  await page.keyboard.press('Enter');

  // The pick is listed with its train and number; focus is on its Remove button.
  const pick = section.locator(`[data-picked="${HOTFIX_ID}"]`);
  await pick.waitFor();
  await expect(pick.getByLabel('Release of 4.3.0-hotfix-candidate').inputValue()).resolves.toBe('4.3.0');
  await expect(pick.getByLabel('Candidate number of 4.3.0-hotfix-candidate').inputValue()).resolves.toBe('3');
  await expect(focused(page)).resolves.toBe('Remove 4.3.0-hotfix-candidate');
  await expect(section.getByTestId('rc-unmatched').getByText('4.3.0-hotfix-candidate').count()).resolves.toBe(0);

  // A save refused for another field keeps the pick in the form.
  const ops = settings.getByLabel('Ops project key (hand-off)');
  await ops.fill('NOPE');
  const save = settings.getByRole('button', { name: 'Save settings' });
  await save.focus();
  await page.keyboard.press('Enter');
  await settings.getByText(/Project NOPE does not exist/).first().waitFor();
  await expect(pick.getByLabel('Candidate number of 4.3.0-hotfix-candidate').inputValue()).resolves.toBe('3');
  await expect(session.ws.services.storage.get('rc-promotion:config:RT')).resolves.toEqual({ opsProjectKey: 'OPS', handoff: { assigneeAccountId: 'rt-ops-kwame', dueInDays: 2 } });

  await ops.fill('OPS');
  await save.focus();
  await page.keyboard.press('Enter');
  await settings.getByText('Settings saved.').waitFor();
  await expect(session.ws.services.storage.get('rc-promotion:config:RT')).resolves.toMatchObject({ manualCandidates: [{ versionId: HOTFIX_ID, release: '4.3.0', n: 3 }] });

  // The trains reload: the version is a candidate of 4.3.0, after rc.1 and rc.2.
  const candidates = app.getByRole('table', { name: 'Candidates of 4.3.0' });
  await candidates.locator('[data-candidate="4.3.0-hotfix-candidate"]').waitFor({ timeout: 30_000 });
  await expect(candidates.locator('[data-candidate]').evaluateAll((els) => els.map((e) => e.getAttribute('data-candidate')))).resolves.toEqual(['4.3.0-rc.1', '4.3.0-rc.2', '4.3.0-hotfix-candidate']);
  await expect(pick.getByLabel('Release of 4.3.0-hotfix-candidate').inputValue()).resolves.toBe('4.3.0');
  await page.close();
}, 90_000);

test('a QA user sees the hand-picked candidates but cannot pick', async () => {
  const page = await session.openAs('rt-qa-hiro', '#/project/rc-promotion');
  const app = page.frameLocator('iframe[title="RC promotion"]');
  await app.getByRole('heading', { name: 'RC promotion' }).waitFor({ timeout: 30_000 });
  const settings = app.getByTestId('rc-settings');
  await settings.locator('summary').click();
  const section = settings.getByTestId('rc-hand-picked');
  await section.getByText(/4\.3\.0-hotfix-candidate/).waitFor();
  await section.getByText(/→ release 4\.3\.0, candidate 3/).waitFor();
  await expect(section.getByRole('button').count()).resolves.toBe(0);
  await page.close();
}, 90_000);
