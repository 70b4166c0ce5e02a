/**
 * The RC promotion page in the local workspace: the RTE sees rc.1 blocked (with its reasons) and rc.2 ready,
 * promotes rc.2 through the confirmation, and the emulator shows the version released and the ops hand-off;
 * a QA user gets no promote button and the resolver refuses them.
 */
import type { FrameLocator, Page } from 'playwright-core';
import { rcPromotionConfigSeed, seedIds } from '../../local/seed';
import { appFrame, focused } from './support/app-frame';
import { browserSession } from './support/session';

const session = browserSession({ seedExtensions: [rcPromotionConfigSeed] });

async function openAs(accountId: string): Promise<{ page: Page; app: FrameLocator }> {
  const page = await session.openAs(accountId, '#/project/rc-promotion');
  const app = page.frameLocator('iframe[title="RC promotion"]');
  await app.getByRole('heading', { name: 'RC promotion' }).waitFor({ timeout: 30_000 });
  return { page, app };
}

const rc2 = () => session.ws.store.get().versions.find((v) => v.id === seedIds.VERSION.RC2)!;


test('a QA user sees the gates but cannot promote', async () => {
  const { page, app } = await openAs('rt-qa-hiro');
  await app.locator('[data-candidate="4.3.0-rc.2"]').getByText('Ready').waitFor();
  await app.getByRole('button', { name: '4.3.0-rc.2' }).click();
  await app.getByText(/Only members of the RTE project role in RT can promote/).waitFor();
  await expect(app.getByRole('button', { name: 'Promote to production release' }).count()).resolves.toBe(0);

  // Not just a hidden button: the resolver itself refuses QA when the frame invokes it directly.
  const answer = await appFrame(page).evaluate((versionId) => window.__bridge.callBridge('invoke', { functionKey: 'rc/promote', payload: { input: { projectKey: 'RT', versionId, confirm: true } } }), seedIds.VERSION.RC2);
  expect(answer).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  expect(rc2().released).toBe(false);
  await page.close();
}, 90_000);

test('the RTE sees rc.1 blocked with reasons and rc.2 ready, promotes rc.2 and it is released with an ops hand-off', async () => {
  const { page, app } = await openAs('rt-rte-chloe');
  await app.locator('[data-candidate="4.3.0-rc.1"]').getByText(/Blocked: \d of 5 gates not passed/).waitFor();
  await app.locator('[data-candidate="4.3.0-rc.2"]').getByText('Ready').waitFor();

  // rc.1's reasons, with the failing issues as links.
  await app.getByRole('button', { name: '4.3.0-rc.1' }).click();
  const detail = app.getByTestId('candidate-detail');
  await detail.getByRole('heading', { name: /4\.3\.0-rc\.1/ }).waitFor();
  const notDone = detail.locator('[data-gate="issues-done"]');
  await expect(notDone.getAttribute('data-passed')).resolves.toBe('false');
  await expect(notDone.getByRole('link').count()).resolves.toBeGreaterThan(0);
  await detail.locator('[data-gate="no-open-regression-bugs"][data-passed="false"]').waitFor();

  // Promote rc.2 through the confirmation, which lists every step.
  await app.getByRole('button', { name: '4.3.0-rc.2' }).click();
  await detail.getByRole('heading', { name: /4\.3\.0-rc\.2/ }).waitFor();
  // The confirmation is modal for the keyboard: Tab stays inside, Escape closes it and focus returns to Promote.
  const promote = detail.getByRole('button', { name: 'Promote to production release' });
  await promote.focus();
  await page.keyboard.press('Enter');
  let dialog = app.getByRole('dialog');
  // The dialog opens while the server's plan loads; Promote is enabled once it is there.
  await dialog.getByRole('button', { name: 'Promote', disabled: false }).waitFor();
  await expect(focused(page)).resolves.toBe('Cancel');
  const seen = new Set<string>();
  for (let i = 0; i < 5; i++) {
    await page.keyboard.press('Tab');
    seen.add(await focused(page));
  }
  expect([...seen].sort()).toEqual(['Cancel', 'Promote']);
  await page.keyboard.press('Shift+Tab');
  await expect(['Cancel', 'Promote']).toContain(await focused(page));
  await page.keyboard.press('Escape');
  await expect(dialog.count()).resolves.toBe(0);
  await expect(focused(page)).resolves.toBe('Promote to production release');

  await promote.click();
  dialog = app.getByRole('dialog');
  await dialog.getByText('Release the version').waitFor();
  await dialog.getByText('Create the hand-off issue for ops').waitFor();
  expect(rc2().released).toBe(false);
  await dialog.getByRole('button', { name: 'Promote' }).click();

  await app.getByTestId('promotion-progress').getByText(/4\.3\.0-rc\.2 was promoted/).waitFor({ timeout: 30_000 });
  expect(rc2().released).toBe(true);
  const handoffs = session.ws.store.get().issues.filter((i) => i.projectId === seedIds.PROJECT.OPS && i.fields.labels.includes(`rt-promotion-rt-${seedIds.VERSION.RC2}`));
  expect(handoffs).toHaveLength(1);
  await app.getByTestId('promotion-progress').getByRole('link', { name: handoffs[0]!.key }).waitFor();

  // Reopened later, the promoted candidate shows the evidence it was promoted on, marked Promoted.
  await page.reload();
  await app.getByRole('button', { name: '4.3.0-rc.2' }).click();
  await detail.getByRole('heading', { name: /4\.3\.0-rc\.2/ }).getByText('Promoted').waitFor();
  await detail.getByTestId('promotion-snapshot').getByText(/The gates as they were when it was promoted \(\s*all passed\)/).waitFor();
  await page.close();
}, 90_000);

test('failing-gate evidence is a compact row of issue chips: count, summaries, first 8, "Show all N" by keyboard, one click to the issue', async () => {
  const { page, app } = await openAs('rt-rte-chloe');
  await app.getByRole('button', { name: '4.3.0-rc.1' }).click();
  const detail = app.getByTestId('candidate-detail');
  await detail.getByRole('heading', { name: /4\.3\.0-rc\.1/ }).waitFor();
  const notDone = detail.locator('[data-gate="issues-done"]');
  await notDone.getByRole('link').first().waitFor();

  // The issues of rc.1 that are not done in Jira: the gate's count and its chips.
  const issues = session.ws.store.get().issues;
  const expected = issues.filter((i) => i.fields.fixVersionIds.includes(seedIds.VERSION.RC1) && i.fields.statusId !== seedIds.STATUS.DONE);
  expect(expected.length).toBeGreaterThan(8);
  await notDone.getByText(`${expected.length} issues`, { exact: true }).waitFor();
  const chips = notDone.getByRole('link');
  await expect(chips.count()).resolves.toBe(8);

  // Each chip: the key, a short summary, the whole summary on hover.
  const first = chips.first();
  const key = (await first.locator('strong').textContent())!;
  const issue = issues.find((i) => i.key === key)!;
  expect(expected.map((i) => i.key)).toContain(key);
  await expect(first.getAttribute('title')).resolves.toBe(`${key}: ${issue.fields.summary}`);
  await expect(first.textContent()).resolves.toContain(issue.fields.summary.slice(0, 20));

  // The rest behind a real button, operated from the keyboard.
  const more = notDone.getByRole('button', { name: `Show all ${expected.length}` });
  await expect(more.getAttribute('aria-expanded')).resolves.toBe('false');
  await more.focus();
  await page.keyboard.press('Enter');
  await chips.nth(expected.length - 1).waitFor();
  await expect(chips.count()).resolves.toBe(expected.length);
  await expect(notDone.getByRole('button', { name: 'Show fewer' }).getAttribute('aria-expanded')).resolves.toBe('true');
  expect((await chips.locator('strong').allTextContents()).sort()).toEqual(expected.map((i) => i.key).sort());

  // One click opens the issue (the bridge's router navigates the host).
  await chips.first().click();
  await page.waitForURL(new RegExp(`#/browse/${key}$`));
  await page.close();
}, 90_000);

test('an interrupted promotion (its progress could not be saved) says what was done and offers Resume, also after a reload', async () => {
  const storage = session.ws.services.storage;
  const realSet = storage.set.bind(storage);
  let stateWrites = 0;
  // The start is saved; the writes after the first step (and its failure report) are lost.
  storage.set = async (key, value) => {
    if (key.startsWith(`rc-promotion:state:promotion:RT:${seedIds.VERSION.RC1}`) && ++stateWrites >= 2 && stateWrites <= 3) throw new Error('storage write timed out');
    return realSet(key, value);
  };
  try {
    const { page, app } = await openAs('rt-rte-chloe');
    await app.getByRole('button', { name: '4.3.0-rc.1' }).click();
    const detail = app.getByTestId('candidate-detail');
    await detail.getByRole('heading', { name: /4\.3\.0-rc\.1/ }).waitFor();
    await detail.getByRole('button', { name: 'Promote to production release' }).click();
    const dialog = app.getByRole('dialog');
    await dialog.getByRole('textbox').fill('Hotfix must ship; the rest moves on.');
    await dialog.getByText('Move unfinished issues to the next release candidate').waitFor();
    await dialog.getByRole('button', { name: 'Promote' }).click();

    const progress = app.getByTestId('promotion-progress');
    await progress.getByText(/progress could not be saved/).waitFor({ timeout: 30_000 });
    await progress.getByText(/Moved \d+ unfinished issues? to 4\.3\.0-rc\.\d/).waitFor();
    await progress.getByRole('button', { name: 'Resume promotion' }).waitFor();

    // After a reload the stored state is still "in progress" and nothing runs it: interrupted, with Resume.
    await page.reload();
    await app.getByRole('button', { name: '4.3.0-rc.1' }).click();
    await progress.getByText(/was interrupted/).waitFor({ timeout: 30_000 });
    await progress.getByRole('button', { name: 'Resume promotion' }).click();
    await progress.getByText(/4\.3\.0-rc\.1 was promoted/).waitFor({ timeout: 30_000 });
    expect(session.ws.store.get().versions.find((v) => v.id === seedIds.VERSION.RC1)!.released).toBe(true);
    await page.close();
  } finally {
    storage.set = realSet;
  }
}, 90_000);

test('a promoter abandons a failed promotion with a reason; it is recorded and the candidate is free of it', async () => {
  const created = await session.ws.emulator.handle({ method: 'POST', path: '/rest/api/3/version', query: new URLSearchParams(), headers: { 'x-rt-account-id': 'rt-rte-chloe' }, body: { name: '4.4.0-rc.1', projectId: Number(seedIds.PROJECT.RT) } });
  expect(created.status).toBe(201);
  session.ws.emulator.failNext({ method: 'POST', path: '/rest/api/3/issue', status: 403 });
  const { page, app } = await openAs('rt-rte-chloe');
  await app.getByRole('button', { name: '4.4.0-rc.1' }).click();
  const detail = app.getByTestId('candidate-detail');
  await detail.getByRole('heading', { name: /^4\.4\.0-rc\.1/ }).waitFor();
  await detail.getByRole('button', { name: 'Promote to production release' }).click();
  await app.getByRole('dialog').getByRole('button', { name: 'Promote' }).click();
  const progress = app.getByTestId('promotion-progress');
  await progress.getByText(/Stopped at "Create the hand-off issue for ops"/).waitFor({ timeout: 30_000 });

  await progress.getByText('Abandon this promotion…').click();
  const abandon = progress.getByRole('button', { name: 'Abandon promotion' });
  await expect(abandon.isDisabled()).resolves.toBe(true);
  await progress.getByLabel(/Why/).fill('Ops takes this one by hand this time.');
  await abandon.click();
  // The page reloads and stays on the candidate, now without a promotion.
  await app.getByTestId('promotion-progress').waitFor({ state: 'detached' });
  await app.getByTestId('candidate-detail').getByRole('heading', { name: /^4\.4\.0-rc\.1/ }).waitFor();
  await expect(app.getByTestId('promotion-progress').count()).resolves.toBe(0);
  const records = await session.ws.services.storage.list('rc-promotion:abandoned:');
  expect(records.map((r) => (r.value as { reason: string }).reason)).toEqual(['Ops takes this one by hand this time.']);
  await page.close();
}, 90_000);

test('a project admin changes the settings: a bad pattern is refused next to its field, the typing is kept, a good one is saved', async () => {
  const { page, app } = await openAs('rt-rte-chloe');
  const settings = app.getByTestId('rc-settings');
  await settings.locator('summary').click();
  const pattern = settings.getByLabel('Candidate naming pattern');
  await pattern.fill('{release}-candidate');
  await settings.getByLabel('Ops project key (hand-off)').fill('OPS');
  await settings.getByRole('button', { name: 'Save settings' }).click();
  await settings.getByText(/\{n\} exactly once/).first().waitFor();
  await expect(pattern.getAttribute('aria-invalid')).resolves.toBe('true');
  await expect(pattern.inputValue()).resolves.toBe('{release}-candidate');
  await expect(pattern.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
  await expect(session.ws.services.storage.get('rc-promotion:config:RT')).resolves.toEqual({ opsProjectKey: 'OPS' });

  await pattern.fill('{release}-rc.{n}');
  await settings.getByLabel('Promoter project role').selectOption('Developers');
  await settings.getByRole('button', { name: 'Save settings' }).click();
  await settings.getByText('Settings saved.').waitFor();
  await expect(session.ws.services.storage.get('rc-promotion:config:RT')).resolves.toMatchObject({ promoterRole: 'Developers', opsProjectKey: 'OPS' });
  await page.close();

  // A QA user reads them but has no form to save.
  const qa = await openAs('rt-qa-hiro');
  const qaSettings = qa.app.getByTestId('rc-settings');
  await qaSettings.locator('summary').click();
  await qaSettings.getByText(/Only project admins/).waitFor();
  await expect(qaSettings.getByRole('button', { name: 'Save settings' }).count()).resolves.toBe(0);
  await qa.page.close();
}, 90_000);
