/**
 * The foundation's browser test: the local workspace in Debian's Chromium. Open an issue, run a transition,
 * see the result in the page and in the emulator's data file.
 */
import { browserSession } from './support/session';

const session = browserSession();

async function createOpsTask(summary: string): Promise<string> {
  const res = await fetch(`${session.ws.url}/rest/api/3/issue`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...session.ws.apiHeaders('rt-ops-kwame') },
    body: JSON.stringify({ fields: { project: { key: 'OPS' }, issuetype: { name: 'Task' }, summary } }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { key: string }).key;
}

test('opens an issue, runs a transition and sees the new status, saved in the data file', async () => {
  const key = await createOpsTask('Deploy 4.3.0 to production');
  const page = await session.openAs('rt-ops-kwame', `#/browse/${key}`);
  await page.getByText('Deploy 4.3.0 to production').first().waitFor();
  await expect(page.getByTestId('issue-status').textContent()).resolves.toMatch(/to do/i);

  await page.getByRole('group', { name: 'Transitions' }).getByRole('button', { name: 'In Progress' }).click();
  await page.getByTestId('issue-status').getByText(/in progress/i).waitFor();

  const stored = session.ws.store.get().issues.find((i) => i.key === key)!;
  const status = session.ws.store.get().statuses.find((s) => s.id === stored.fields.statusId)!;
  expect(status.name).toBe('In Progress');
  await page.close();
});

test('the issue list searches with JQL and opens the issue clicked', async () => {
  const page = await session.openAs('rt-rte-chloe', `#/issues`);
  const jql = page.getByRole('textbox', { name: /jql/i });
  await jql.fill('project = RT AND key = RT-1');
  await page.getByRole('button', { name: 'Search' }).click();
  const row = page.locator('[data-issue-key="RT-1"]');
  await row.waitFor();
  await expect(page.locator('[data-issue-key]').count()).resolves.toBe(1);
  await row.click();
  await page.waitForURL(/#\/browse\/RT-1$/);
  await page.getByTestId('issue-status').waitFor();
  await page.close();
});
