/**
 * The QA regression panel in the local workspace, as QA (rt-qa-hiro): open a bug in QA, run a check, fail
 * another with a note, file a regression bug from it, and find the new bug in Jira (the emulator) linked to the
 * fix, with the RC in Affects versions and the found-in-regression label.
 */
import { REGRESSION_PROPERTY_KEY } from '../../src/contracts/regression';
import { ISSUE_TYPE } from '../../local/seed/project';
import type { Result } from '../../src/contracts/result';
import { editCheck, parseStoredRecord, setNote, toStoredRecord, type RegressionRecord } from '../../src/domain/regression';
import { browserSession } from './support/session';
import { REPRO_STEPS_FIELD_ID } from '../../local/seed/ids';
import { analyseReproSteps } from '../../src/domain/repro-steps';

const session = browserSession();

const RC1 = '4.3.0-rc.1';
const IN_QA = '10005';

/** Bugs in QA on rc.1 whose seeded checklist has at least two checks not run yet (`skip`: how many to pass over). */
function bugInQa(skip = 0) {
  const state = session.ws.store.get();
  for (const issue of state.issues) {
    const parsed = parseStoredRecord(issue.properties[REGRESSION_PROPERTY_KEY]);
    if (issue.fields.statusId !== IN_QA || !parsed.ok) continue;
    const cycle = parsed.record.cycles.find((c) => c.rc === RC1);
    const open = cycle?.checks.filter((c) => c.result === 'not-run') ?? [];
    if (open.length >= 2 && skip-- === 0) return { key: issue.key, id: issue.id, open, record: parsed.record };
  }
  throw new Error('The demo seed has no bug in QA with two checks to run.');
}

/** Another tester's edit, written straight to the issue property (as their own panel would have). */
async function editAsIsabel(key: string, edit: (r: RegressionRecord) => Result<RegressionRecord>) {
  await session.ws.store.update((state) => {
    const issue = state.issues.find((i) => i.key === key)!;
    const parsed = parseStoredRecord(issue.properties[REGRESSION_PROPERTY_KEY]);
    if (!parsed.ok) throw new Error(parsed.message);
    const next = edit(parsed.record);
    if (!next.ok) throw new Error(next.message);
    issue.properties[REGRESSION_PROPERTY_KEY] = toStoredRecord({ ...next.data, revision: parsed.record.revision + 1 });
  });
}
const isabel = (minutes: number) => ({ now: new Date(Date.parse('2026-11-16T12:00:00.000Z') + minutes * 60_000).toISOString(), actor: { accountId: 'rt-qa-isabel', name: 'Isabel Nunes' } });

test('QA runs a check, fails one and files a regression bug linked to the fix', async () => {
  const fix = bugInQa();
  const [toPass, toFail] = fix.open;
  const page = await session.openAs('rt-qa-hiro', `#/browse/${fix.key}`);
  const panel = page.frameLocator('iframe[title="QA regression"]');
  await panel.getByText(`Checklist for ${RC1}`).waitFor();
  await expect(panel.getByTestId('regression-loop').textContent()).resolves.toMatch(/loop: 1 release candidate/);

  // Run one check: it passes.
  const passRow = panel.getByRole('listitem', { name: toPass!.title });
  await passRow.getByRole('group', { name: `Result of ${toPass!.title}` }).getByRole('button', { name: 'Pass' }).click();
  await passRow.getByTestId('check-result').getByText('Passed').waitFor();

  // Fail another, with a note (the note opens under the compact row on demand).
  const failRow = panel.getByRole('listitem', { name: toFail!.title });
  await failRow.getByRole('button', { name: `Note and history of ${toFail!.title}` }).click();
  await failRow.getByLabel(`Note for ${toFail!.title}`).fill('Order total shows 0.00 after applying the fix');
  await failRow.getByRole('group', { name: `Result of ${toFail!.title}` }).getByRole('button', { name: 'Fail' }).click();
  await failRow.getByTestId('check-result').getByText('Failed').waitFor();
  await expect(panel.getByTestId('regression-verdict').textContent()).resolves.toMatch(/failed/);

  // File the regression bug from the failed check: the draft is prefilled.
  await panel.getByRole('navigation', { name: 'Path through the loop' }).waitFor();
  await failRow.getByRole('button', { name: 'File regression bug' }).click();
  const dialog = panel.getByRole('dialog');
  const summary = dialog.getByLabel('Summary');
  await summary.waitFor();
  await expect(summary.inputValue()).resolves.toContain(`Regression in ${RC1}`);
  // The check's note is the actual result; the skeleton is only a prompt (a placeholder, not a value).
  const actual = dialog.getByLabel('Actual result');
  await expect(actual.inputValue()).resolves.toBe('Order total shows 0.00 after applying the fix');
  const steps = dialog.getByLabel('Steps to reproduce (one per line)');
  await expect(steps.inputValue()).resolves.toBe('');
  await expect(steps.getAttribute('placeholder')).resolves.toContain('(Add the exact actions that led to the failure.)');
  // Filing without the tester's steps and expected result is refused in the dialog; nothing is created.
  const issuesBefore = session.ws.store.get().issues.length;
  await dialog.getByRole('button', { name: 'Create regression bug' }).click();
  await expect(dialog.getByRole('alert').first().textContent()).resolves.toContain('Write the steps, one action per line. Write what should happen.');
  await expect(panel.locator(':focus').getAttribute('id')).resolves.toBe('rt-report-steps');
  expect(session.ws.store.get().issues.length).toBe(issuesBefore);
  // The tester writes the reproduction.
  await steps.fill('Open the cart with two items\nApply coupon SAVE10\nGo to checkout');
  await dialog.getByLabel('Expected result').fill('The order total is 90.00.');
  await dialog.getByLabel('Environment').fill('Chrome 131 on Windows 11');
  await dialog.getByRole('button', { name: 'Create regression bug' }).click();
  const filed = panel.getByText(/Regression bug RT-\d+ was filed/);
  await filed.waitFor();
  const bugKey = /RT-\d+/.exec((await filed.textContent()) ?? '')![0];

  // In Jira (the emulator): a bug reported by Hiro, Affects version = the RC, labelled, linked to the fix.
  const state = session.ws.store.get();
  const bug = state.issues.find((i) => i.key === bugKey)!;
  const rc1 = state.versions.find((v) => v.name === RC1)!;
  expect(bug.fields.reporterId).toBe('rt-qa-hiro');
  expect(bug.fields.affectsVersionIds).toEqual([rc1.id]);
  expect(bug.fields.labels).toContain('found-in-regression');
  // The tester's reproduction is the Reproduction steps field (the RC as the build), and it reads as clear.
  const repro = bug.fields.custom[REPRO_STEPS_FIELD_ID] as { steps: string[]; expected: string; actual: string; environment: string; build: string };
  expect(repro).toEqual({ steps: ['Open the cart with two items', 'Apply coupon SAVE10', 'Go to checkout'], expected: 'The order total is 90.00.', actual: 'Order total shows 0.00 after applying the fix', environment: 'Chrome 131 on Windows 11', build: RC1 });
  expect(analyseReproSteps({ field: repro, description: bug.fields.description }).verdict).toBe('clear');
  expect(JSON.stringify(bug.fields.description)).not.toContain('(Add the exact actions');
  expect(state.issueLinks.some((l) => l.inwardIssueId === fix.id && l.outwardIssueId === bug.id)).toBe(true);
  const record = parseStoredRecord(state.issues.find((i) => i.key === fix.key)!.properties[REGRESSION_PROPERTY_KEY]);
  expect(record.ok && record.record.cycles.find((c) => c.rc === RC1)!.checks.find((c) => c.id === toFail!.id)).toMatchObject({
    result: 'failed',
    reportedBugKey: bugKey,
    tester: { accountId: 'rt-qa-hiro' },
  });
  await failRow.getByRole('link', { name: bugKey }).waitFor();
  // Filing keeps the bug's path through the loop on screen (the reply to the filing carries no path).
  await expect(panel.getByRole('navigation', { name: 'Path through the loop' }).count()).resolves.toBe(1);
  // The dialog gave focus back to the check it was opened from (now its bug button).
  await expect(panel.locator(':focus').textContent()).resolves.toBe(bugKey);

  // The panel opens the new bug through the router.
  await panel.getByRole('button', { name: `Open ${bugKey}` }).click();
  await page.waitForURL(new RegExp(`#/browse/${bugKey}$`));
  await page.getByText(/^Regression in 4\.3\.0-rc\.1/).first().waitFor();
  await page.close();
});

test('a newer panel from the server updates a check’s note and text: failing it later keeps the other tester’s note, Edit shows the rename', async () => {
  const fix = bugInQa(1);
  const [other, shared] = fix.open;
  const page = await session.openAs('rt-qa-hiro', `#/browse/${fix.key}`);
  const panel = page.frameLocator('iframe[title="QA regression"]');
  await panel.getByText(`Checklist for ${RC1}`).waitFor();

  // Isabel notes and renames the shared check after Hiro's panel loaded.
  await editAsIsabel(fix.key, (r) => setNote(r, RC1, shared!.id, 'Fails only on Safari 17', isabel(1)));
  await editAsIsabel(fix.key, (r) => editCheck(r, RC1, shared!.id, { title: `${shared!.title} (Safari)` }, isabel(2)));

  // Hiro passes another check: the reply is the panel as stored now, with Isabel's note and title.
  const otherRow = panel.getByRole('listitem', { name: other!.title });
  await otherRow.getByRole('group', { name: `Result of ${other!.title}` }).getByRole('button', { name: 'Pass' }).click();
  await otherRow.getByTestId('check-result').getByText('Passed').waitFor();
  const renamed = `${shared!.title} (Safari)`;
  const sharedRow = panel.getByRole('listitem', { name: renamed });
  await sharedRow.getByRole('button', { name: `Note and history of ${renamed}` }).click();
  await expect(sharedRow.getByLabel(`Note for ${renamed}`).inputValue()).resolves.toBe('Fails only on Safari 17');

  // Failing it sends no (stale) note: Isabel's note stays.
  await sharedRow.getByRole('group', { name: `Result of ${renamed}` }).getByRole('button', { name: 'Fail' }).click();
  await sharedRow.getByTestId('check-result').getByText('Failed').waitFor();
  const stored = parseStoredRecord(session.ws.store.get().issues.find((i) => i.key === fix.key)!.properties[REGRESSION_PROPERTY_KEY]);
  expect(stored.ok && stored.record.cycles.find((c) => c.rc === RC1)!.checks.find((c) => c.id === shared!.id)).toMatchObject({
    result: 'failed',
    note: 'Fails only on Safari 17',
    title: renamed,
    tester: { accountId: 'rt-qa-hiro' },
  });

  // Edit starts from the stored (renamed) text, so saving an area change does not undo the rename.
  await sharedRow.getByRole('button', { name: `Edit ${renamed}` }).click();
  await expect(sharedRow.getByLabel('Check').inputValue()).resolves.toBe(renamed);
  await page.close();
});

test('keyboard: focus stays on the control after an action, Enter on “Move down” twice moves twice, Edit focuses its form', async () => {
  // The last bug in QA with three checks or more (the tests above work on the first ones).
  const fix = session.ws.store
    .get()
    .issues.map((i) => ({ key: i.key, status: i.fields.statusId, parsed: parseStoredRecord(i.properties[REGRESSION_PROPERTY_KEY]) }))
    .filter((i) => i.status === IN_QA && i.parsed.ok && (i.parsed.record.cycles.find((c) => c.rc === RC1)?.checks.length ?? 0) >= 3)
    .at(-1)!;
  const checks = (fix.parsed.ok ? fix.parsed.record : undefined)!.cycles.find((c) => c.rc === RC1)!.checks;
  const page = await session.openAs('rt-qa-hiro', `#/browse/${fix.key}`);
  const panel = page.frameLocator('iframe[title="QA regression"]');
  await panel.getByText(`Checklist for ${RC1}`).waitFor();
  const focused = () => panel.locator(':focus');

  // Space on Pass: recorded, and focus is still on that row's Pass button.
  const target = checks[0]!;
  const row = panel.locator(`li[data-check-id="${target.id}"]`);
  await row.getByRole('group', { name: `Result of ${target.title}` }).getByRole('button', { name: 'Pass' }).focus();
  await page.keyboard.press('Space');
  await row.getByTestId('check-result').getByText('Passed').waitFor();
  await expect(focused().getAttribute('data-focus-key')).resolves.toBe('result-passed');
  await expect(focused().evaluate((el) => el.closest('[data-check-id]')?.getAttribute('data-check-id'))).resolves.toBe(target.id);

  // Enter on "Move down" twice: the check moves down twice, focus following it.
  await row.getByRole('button', { name: `Move ${target.title} down` }).focus();
  await page.keyboard.press('Enter');
  await panel.locator(`ol > li:nth-child(2)[data-check-id="${target.id}"]`).waitFor();
  await expect(focused().getAttribute('data-focus-key')).resolves.toBe('down');
  await page.keyboard.press('Enter');
  await panel.locator(`ol > li:nth-child(3)[data-check-id="${target.id}"]`).waitFor();
  const stored = parseStoredRecord(session.ws.store.get().issues.find((i) => i.key === fix.key)!.properties[REGRESSION_PROPERTY_KEY]);
  expect(stored.ok && stored.record.cycles.find((c) => c.rc === RC1)!.checks.findIndex((c) => c.id === target.id)).toBe(2);
  await expect(focused().evaluate((el) => el.closest('[data-check-id]')?.getAttribute('data-check-id'))).resolves.toBe(target.id);

  // Edit (under the row's details) focuses the form's first field; Cancel returns focus to Edit.
  await row.getByRole('button', { name: `Note and history of ${target.title}` }).click();
  await row.getByRole('button', { name: `Edit ${target.title}` }).focus();
  await page.keyboard.press('Enter');
  await expect(focused().getAttribute('id')).resolves.toBe(`rt-area-${target.id}`);
  await row.getByRole('button', { name: 'Cancel' }).click();
  await expect(focused().getAttribute('aria-label')).resolves.toBe(`Edit ${target.title}`);
  await page.close();
});

test('on a story the QA regression panel is not shown (Jira display condition: bugs only); the QA sign-off panel is', async () => {
  const story = session.ws.store.get().issues.find((i) => i.fields.issueTypeId === ISSUE_TYPE.STORY)!;
  const page = await session.openAs('rt-qa-hiro', `#/browse/${story.key}`);
  await page.locator('iframe[title="QA sign-off"]').waitFor();
  await expect(page.locator('iframe[title="QA regression"]').count()).resolves.toBe(0);
  await page.close();
});

test('the fix that came back in rc.2 shows its failed rc.1 cycle under “Earlier cycles”, with tester and note', async () => {
  const fix = session.ws.store
    .get()
    .issues.map((i) => ({ key: i.key, parsed: parseStoredRecord(i.properties[REGRESSION_PROPERTY_KEY]) }))
    .find((i) => i.parsed.ok && i.parsed.record.cycles.length >= 2)!;
  const earlier = (fix.parsed.ok ? fix.parsed.record : undefined)!.cycles[0]!;
  const failed = earlier.checks.find((c) => c.result === 'failed')!;
  const page = await session.openAs('rt-qa-hiro', `#/browse/${fix.key}`);
  const panel = page.frameLocator('iframe[title="QA regression"]');
  const section = panel.getByRole('region', { name: 'Earlier cycles' });
  await section.getByText(earlier.rc).click();
  const row = section.getByRole('row').filter({ hasText: failed.title });
  await expect(row.textContent()).resolves.toMatch(new RegExp(`Failed.*${failed.tester!.name}.*${failed.note!.replace(/[.;]/g, '.')}`));
  await expect(panel.getByTestId('regression-loop').textContent()).resolves.toMatch(/loop: 2 release candidates/);
  await page.close();
});
