/**
 * The RC promotion page in the local workspace: the RTE promotes rc.2 of the 4.3.0 train (blocked by rc.1's
 * unfinished issues, so with an override), Jira shows version 4.3.0 released with an ops hand-off, and rc.1 is
 * superseded at once (no promote button; the resolver refuses it). A QA user gets no promote button either.
 */
import type { FrameLocator, Page } from 'playwright-core';
import { rcPromotionConfigSeed, seedIds } from '../../local/seed';
import { promotionId } from '../../src/domain/rc-readiness';
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
const prod = () => session.ws.store.get().versions.find((v) => v.name === '4.3.0');


test('a QA user sees the gates but cannot promote', async () => {
  const { page, app } = await openAs('rt-qa-hiro');
  await app.locator('[data-candidate="4.3.0-rc.2"]').getByText(/Blocked: 1 of 8 gates not passed/).waitFor();
  await app.getByRole('button', { name: '4.3.0-rc.2' }).click();
  await app.getByText(/Only members of the RTE project role in RT can promote/).waitFor();
  await expect(app.getByRole('button', { name: 'Promote to production release' }).count()).resolves.toBe(0);

  // Not just a hidden button: the resolver itself refuses QA when the frame invokes it directly.
  const answer = await appFrame(page).evaluate((versionId) => window.__bridge.callBridge('invoke', { functionKey: 'rc/promote', payload: { input: { projectKey: 'RT', versionId, confirm: true } } }), seedIds.VERSION.RC2);
  expect(answer).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  expect(rc2().released).toBe(false);
  expect(prod()).toBeUndefined();
  await page.close();
}, 90_000);

test('Promote is three key presses away: the skip link, Enter, Tab (the confirmation opens on Enter)', async () => {
  const { page, app } = await openAs('rt-rte-chloe');
  const detail = app.getByTestId('candidate-detail');
  await detail.getByRole('button', { name: 'Promote to production release' }).waitFor();
  // Focus at the start of the frame's document, as when the user tabs into the page.
  await app.getByRole('heading', { name: 'RC promotion' }).click();
  await appFrame(page).evaluate(() => {
    document.body.tabIndex = -1;
    document.body.focus();
    document.body.removeAttribute('tabindex');
  });
  await page.keyboard.press('Tab');
  await expect(focused(page)).resolves.toBe('Skip to the selected candidate and Promote');
  await page.keyboard.press('Enter');
  await expect(appFrame(page).evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe('candidate-detail');
  await page.keyboard.press('Tab');
  await expect(focused(page)).resolves.toBe('Promote to production release');
  await page.keyboard.press('Enter');
  await app.getByRole('dialog').getByRole('heading', { name: /^Promote 4\.3\.0-rc\.2/ }).waitFor();
  await page.keyboard.press('Escape');
  await app.getByRole('dialog').waitFor({ state: 'detached' });
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
  // A train of its own (5.0.0, one empty candidate): it ships, so the demo's 4.3.0 train stays for the tests after.
  const created = await session.ws.emulator.handle({ method: 'POST', path: '/rest/api/3/version', query: new URLSearchParams(), headers: { 'x-rt-account-id': 'rt-rte-chloe' }, body: { name: '5.0.0-rc.1', projectId: Number(seedIds.PROJECT.RT) } });
  expect(created.status).toBe(201);
  const storage = session.ws.services.storage;
  const realSet = storage.set.bind(storage);
  let stateWrites = 0;
  // The start is saved; the writes after the first step (and its failure report) are lost.
  storage.set = async (key, value) => {
    if (key.startsWith(`rc-promotion:state:${promotionId('RT', '5.0.0')}`) && ++stateWrites >= 2 && stateWrites <= 3) throw new Error('storage write timed out');
    return realSet(key, value);
  };
  try {
    const { page, app } = await openAs('rt-rte-chloe');
    await app.getByRole('button', { name: '5.0.0-rc.1' }).click();
    const detail = app.getByTestId('candidate-detail');
    await detail.getByRole('heading', { name: /5\.0\.0-rc\.1/ }).waitFor();
    await detail.getByRole('button', { name: 'Promote to production release' }).click();
    const dialog = app.getByRole('dialog');
    await dialog.getByText('Create the production version').waitFor();
    await dialog.getByRole('button', { name: 'Promote', disabled: false }).click();

    const progress = app.getByTestId('promotion-progress');
    await progress.getByText(/progress could not be saved/).waitFor({ timeout: 30_000 });
    await progress.getByText('Created version 5.0.0.').waitFor();
    await progress.getByRole('button', { name: 'Resume promotion' }).waitFor();

    // After a reload the stored state is still "in progress" and nothing runs it: interrupted, with Resume.
    await page.reload();
    await app.getByRole('button', { name: '5.0.0-rc.1' }).click();
    await progress.getByText(/was interrupted/).waitFor({ timeout: 30_000 });
    await progress.getByRole('button', { name: 'Resume promotion' }).click();
    await progress.getByText(/5\.0\.0-rc\.1 was promoted: 5\.0\.0 is released/).waitFor({ timeout: 30_000 });
    expect(session.ws.store.get().versions.filter((v) => v.name === '5.0.0')).toEqual([expect.objectContaining({ released: true })]);
    await page.close();
  } finally {
    storage.set = realSet;
  }
}, 90_000);

test('a promoter abandons a failed promotion with a reason; it is recorded and the candidate is free of it', async () => {
  const created = await session.ws.emulator.handle({ method: 'POST', path: '/rest/api/3/version', query: new URLSearchParams(), headers: { 'x-rt-account-id': 'rt-rte-chloe' }, body: { name: '6.0.0-rc.1', projectId: Number(seedIds.PROJECT.RT) } });
  expect(created.status).toBe(201);
  session.ws.emulator.failNext({ method: 'POST', path: '/rest/api/3/issue', status: 403 });
  const { page, app } = await openAs('rt-rte-chloe');
  await app.getByRole('button', { name: '6.0.0-rc.1' }).click();
  const detail = app.getByTestId('candidate-detail');
  await detail.getByRole('heading', { name: /^6\.0\.0-rc\.1/ }).waitFor();
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
  await app.getByTestId('candidate-detail').getByRole('heading', { name: /^6\.0\.0-rc\.1/ }).waitFor();
  await expect(app.getByTestId('promotion-progress').count()).resolves.toBe(0);
  const records = await session.ws.services.storage.list('rc-promotion:abandoned:');
  expect(records.map((r) => (r.value as { reason: string }).reason)).toEqual(['Ops takes this one by hand this time.']);
  await page.close();
}, 90_000);

test('the RTE promotes rc.2 of 4.3.0: Jira shows version 4.3.0 released, rc.1 is superseded on the page and cannot be promoted', async () => {
  const { page, app } = await openAs('rt-rte-chloe');
  // rc.1 is the older candidate; rc.2 is blocked only by rc.1's unfinished issues, named as evidence.
  await app.locator('[data-candidate="4.3.0-rc.1"]').getByText(/older candidate: 4\.3\.0-rc\.2 is newer/).waitFor();
  await app.locator('[data-candidate="4.3.0-rc.2"]').getByText(/Blocked: 1 of 8 gates not passed/).waitFor();
  await app.getByRole('button', { name: '4.3.0-rc.2' }).click();
  const detail = app.getByTestId('candidate-detail');
  await detail.getByRole('heading', { name: /4\.3\.0-rc\.2/ }).waitFor();
  const earlier = detail.locator('[data-gate="earlier-candidates-done"]');
  await expect(earlier.getAttribute('data-passed')).resolves.toBe('false');
  await expect(earlier.getByRole('link').count()).resolves.toBeGreaterThan(0);
  await detail.getByText(/1 of 8 readiness gates is not passed:/).waitFor();

  // Escape closes the confirmation and focus returns to Promote.
  const promote = detail.getByRole('button', { name: 'Promote to production release' });
  await promote.focus();
  await page.keyboard.press('Enter');
  let dialog = app.getByRole('dialog');
  await dialog.getByRole('textbox').waitFor();
  await page.keyboard.press('Escape');
  await expect(dialog.count()).resolves.toBe(0);
  await expect(focused(page)).resolves.toBe('Promote to production release');

  // The override: the page says before the click where rc.1's unfinished issues go.
  await promote.click();
  dialog = app.getByRole('dialog');
  await dialog.getByRole('textbox').fill('Ship 4.3.0 today; the leftovers roll into the next train.');
  await dialog.getByText(/to 4\.4\.0-rc\.1 \(created\); the override reason is recorded/).waitFor();
  await dialog.getByText('Release the production version').waitFor();
  await dialog.getByText('Create the hand-off issue for ops').waitFor();
  await dialog.getByRole('button', { name: 'Promote', disabled: false }).click();

  await app.getByTestId('promotion-progress').getByText(/4\.3\.0-rc\.2 was promoted: 4\.3\.0 is released/).waitFor({ timeout: 60_000 });
  // Jira (the emulator's REST) shows version 4.3.0 released; the candidate itself is not released.
  const versions = (await (await fetch(`${session.ws.url}/rest/api/3/project/RT/versions`, { headers: session.ws.apiHeaders('rt-rte-chloe') })).json()) as Array<{ name: string; released: boolean; description?: string }>;
  expect(versions.find((v) => v.name === '4.3.0')).toMatchObject({ released: true });
  expect(versions.find((v) => v.name === '4.3.0')!.description).toMatch(/4\.3\.0-rc\.1\)/);
  expect(versions.find((v) => v.name === '4.3.0-rc.2')).toMatchObject({ released: false });
  const handoffs = session.ws.store.get().issues.filter((i) => i.projectId === seedIds.PROJECT.OPS && i.fields.labels.includes('rt-train-rt-4.3.0'));
  expect(handoffs).toHaveLength(1);
  await app.getByTestId('promotion-progress').getByRole('link', { name: handoffs[0]!.key }).waitFor();

  // At once, without a reload: the train shipped, rc.2 shipped as 4.3.0 (no "Ready"), rc.1 superseded.
  await app.getByTestId('train-shipped').getByText(/shipped as version 4\.3\.0 from 4\.3\.0-rc\.2/).waitFor();
  await app.locator('[data-candidate="4.3.0-rc.2"]').getByText('Shipped as 4.3.0').waitFor();
  await expect(app.locator('[data-candidate="4.3.0-rc.2"]').getByText('Ready').count()).resolves.toBe(0);
  await app.locator('[data-candidate="4.3.0-rc.1"][data-standing="superseded"]').getByText('Superseded by 4.3.0').waitFor();

  // rc.1 cannot be promoted: no button, a sentence naming the release, and the resolver refuses it.
  await app.getByRole('button', { name: '4.3.0-rc.1' }).click();
  await detail.getByRole('heading', { name: /4\.3\.0-rc\.1/ }).getByText('Superseded').waitFor();
  await detail.getByTestId('standing-sentence').getByText(/4\.3\.0-rc\.1 is superseded: the train shipped as 4\.3\.0 \(promoted from 4\.3\.0-rc\.2\)/).waitFor();
  await expect(detail.getByRole('button', { name: 'Promote to production release' }).count()).resolves.toBe(0);
  const answer = await appFrame(page).evaluate(
    (versionId) => window.__bridge.callBridge('invoke', { functionKey: 'rc/promote', payload: { input: { projectKey: 'RT', versionId, confirm: true, override: { reason: 'Try to ship the older build too.' } } } }),
    seedIds.VERSION.RC1,
  );
  expect(answer).toMatchObject({ ok: false, code: 'CONFLICT', message: expect.stringMatching(/superseded: the train shipped as 4\.3\.0/) });
  expect(session.ws.store.get().issues.filter((i) => i.projectId === seedIds.PROJECT.OPS && i.fields.labels.includes('rt-train-rt-4.3.0'))).toHaveLength(1);

  // Reopened later, the promoted candidate shows the evidence it was promoted on, with a readable date.
  await page.reload();
  await app.getByRole('button', { name: '4.3.0-rc.2' }).click();
  await detail.getByRole('heading', { name: /4\.3\.0-rc\.2/ }).getByText('Shipped as 4.3.0').waitFor();
  const snapshot = detail.getByTestId('promotion-snapshot');
  await snapshot.getByText(/with an override: “Ship 4\.3\.0 today/).waitFor();
  // The same count as before the click: the two warning gates (coverage, development) do not count as not passed.
  await expect(snapshot.textContent()).resolves.toMatch(/\(1 of 8 gates not passed\)/);
  await expect(snapshot.textContent()).resolves.not.toMatch(/\d{4}-\d{2}-\d{2}T/);
  await page.close();
}, 180_000);

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
  await expect(session.ws.services.storage.get('rc-promotion:config:RT')).resolves.toEqual({ opsProjectKey: 'OPS', handoff: { assigneeAccountId: 'rt-ops-kwame', dueInDays: 2 } });

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
