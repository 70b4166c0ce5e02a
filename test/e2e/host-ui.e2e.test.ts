/**
 * The workspace behaves like Jira's host for a Custom UI app (issue 18): the theme switch themes the shell and,
 * live, every frame that enabled theming (`view.theme.enable()`); `new Modal({...}).open()` is drawn by the host
 * over the page (backdrop, Forge's size, Esc) and `view.close(payload)` reaches the opener's `onClose`; `showFlag`
 * shows a flag. Also proves the look-and-feel support: axe-core in the frame, screenshots kept as artefacts.
 */
import type { Frame, Page } from 'playwright-core';
import { browserSession } from './support/session';
import { axeSerious, colorModeOf, eventually, openThemed, screenshot } from './support/theme-a11y';

const session = browserSession({ defaultTimeoutMs: 15_000 });

async function stageMapping(theme: 'light' | 'dark', width: number): Promise<{ page: Page; frame: () => Frame }> {
  const page = await openThemed(session, { accountId: 'rt-rte-chloe', hash: '#/project/stage-mapping', theme, width });
  const app = page.frameLocator('iframe[title="Stage mapping"]');
  await app.getByRole('heading', { name: 'Stage mapping — RT' }).waitFor({ timeout: 30_000 });
  await app.getByRole('row', { name: /In QA/ }).waitFor({ timeout: 30_000 });
  const frame = () => {
    const f = page.frames().find((x) => x.url().includes('/__app/frame') && x.url().includes('resource=project-pages') && !x.url().includes('modal='));
    if (!f) throw new Error('the Stage mapping frame is not there');
    return f;
  };
  return { page, frame };
}

const surface = (target: Page | Frame) => target.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--ds-surface').trim().toUpperCase());

test('dark theme: the shell and the app frame are themed with Jira tokens; switching to light reaches the frame live, without a reload', async () => {
  const { page, frame } = await stageMapping('dark', 1024);
  await expect(colorModeOf(page)).resolves.toBe('dark');
  await expect(colorModeOf(frame())).resolves.toBe('dark');
  // The token stylesheets are in the frame, so var(--ds-surface) is the dark surface, not the light fallback.
  const darkSurface = await surface(frame());
  expect(darkSurface).not.toBe('');
  expect(darkSurface).not.toBe('#FFFFFF');
  await expect(surface(page)).resolves.toBe(darkSurface);
  await screenshot(page, 'host-ui-stage-mapping-dark-1024');

  await frame().evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true));
  await page.getByLabel('Theme').selectOption('light');
  await expect(eventually(() => colorModeOf(frame()), (m) => m === 'light')).resolves.toBe('light');
  await expect(surface(frame())).resolves.toBe('#FFFFFF');
  await expect(frame().evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).resolves.toBe(true);
  await expect(colorModeOf(page)).resolves.toBe('light');
  await page.close();
}, 120_000);

test('a Modal opened by the app is drawn by the host over the page, sized like Forge’s medium modal; view.close(payload) reaches onClose; Esc dismisses with no payload', async () => {
  const { page, frame } = await stageMapping('light', 1440);
  const open = (context: unknown) =>
    frame().evaluate(
      (ctx) =>
        window.__bridge.callBridge('openModal', {
          resource: null,
          size: 'medium',
          context: ctx,
          closeOnEscape: true,
          closeOnOverlayClick: true,
          title: 'Test dialog',
          onClose: (payload: unknown) => ((window as unknown as { __closed: unknown[] }).__closed ??= []).push(payload ?? 'dismissed'),
        }),
      context,
    );
  await expect(open({ rtDialog: { name: 'no-such-dialog', data: { n: 1 } } })).resolves.toBe(true);

  const dialog = page.getByRole('dialog', { name: 'Test dialog' });
  await dialog.waitFor();
  const box = (await dialog.boundingBox())!;
  expect(Math.round(box.width)).toBe(600);
  expect(Math.round(box.height)).toBeGreaterThanOrEqual(520); // sub-pixel layout: 519.99997 is 520
  // The modal's own frame got the Modal's context under extension.modal and drew the app's dialog content.
  const modalFrame = () => page.frames().find((f) => f.url().includes('modal='))!;
  const extension = await eventually(async () => modalFrame().evaluate(() => window.__RT_FRAME__.context['extension']), (e) => e !== undefined);
  expect(extension).toMatchObject({ modal: { rtDialog: { name: 'no-such-dialog', data: { n: 1 } } } });
  await page.frameLocator('iframe[title="Test dialog"]').getByRole('heading', { name: 'This dialog is not available' }).waitFor();
  // The page behind is blocked: the shell's own links are not reachable while the modal is open.
  await expect(page.getByRole('link', { name: 'Stage mapping' }).click({ timeout: 1500 })).rejects.toThrow();
  await screenshot(page, 'host-ui-modal-1440');

  await modalFrame().evaluate(() => window.__bridge.callBridge('close', { rtDialogResult: { confirmed: 42 } }));
  await dialog.waitFor({ state: 'detached' });
  const closed = () => frame().evaluate(() => (window as unknown as { __closed?: unknown[] }).__closed ?? []);
  await expect(eventually(closed, (c) => c.length > 0)).resolves.toEqual([{ rtDialogResult: { confirmed: 42 } }]);

  // Esc inside the modal's frame closes it (closeOnEscape), and onClose gets no payload.
  await open({ rtDialog: { name: 'no-such-dialog', data: null } });
  await dialog.waitFor();
  await page.frameLocator('iframe[title="Test dialog"]').getByRole('button', { name: 'Close' }).focus();
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  await expect(eventually(closed, (c) => c.length > 1)).resolves.toEqual([{ rtDialogResult: { confirmed: 42 } }, 'dismissed']);

  // A context that cannot be sent (a function) is refused, as the bridge's "Unable to open modal".
  await expect(frame().evaluate(() => window.__bridge.callBridge('openModal', { resource: null, context: { f: () => 1 }, onClose: () => undefined }))).resolves.toBe(false);
  await page.close();
}, 120_000);

test('showFlag: the host draws the flag; closeFlag removes it', async () => {
  const { page, frame } = await stageMapping('light', 1440);
  await frame().evaluate(() => window.__bridge.callBridge('showFlag', { id: 'f1', title: 'RC promoted', description: '4.3.0 is released', type: 'success', appearance: 'success', isAutoDismiss: false }));
  const flag = page.getByTestId('rt-flag').filter({ hasText: 'RC promoted' });
  await flag.waitFor();
  const box = (await flag.boundingBox())!;
  const viewport = page.viewportSize()!;
  expect(box.x).toBeLessThan(viewport.width / 2); // bottom-left, as in Jira
  expect(box.y).toBeGreaterThan(viewport.height / 2);
  await frame().evaluate(() => window.__bridge.callBridge('closeFlag', { id: 'f1' }));
  await flag.waitFor({ state: 'detached' });
  await page.close();
}, 120_000);

test('axe-core in the shell and in the Stage mapping frame (dark, 1440 px): no serious or critical violation, and a planted one is caught', async () => {
  const { page, frame } = await stageMapping('dark', 1440);
  await expect(axeSerious(frame())).resolves.toEqual([]);
  await expect(axeSerious(page)).resolves.toEqual([]);

  // The check can fail: a button with no name (critical) planted in the frame is reported.
  await frame().evaluate(() => document.body.appendChild(Object.assign(document.createElement('button'), { id: 'rt-unnamed' })));
  const planted = await axeSerious(frame());
  expect(planted).toEqual(expect.arrayContaining([expect.objectContaining({ id: 'button-name', impact: 'critical', targets: expect.arrayContaining(['#rt-unnamed']) })]));
  await page.close();
}, 120_000);
