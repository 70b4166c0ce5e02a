/** The app's Custom UI iframe in a shell page, and what has keyboard focus inside it. */
import type { Frame, Page } from 'playwright-core';

export function appFrame(page: Page): Frame {
  const frame = page.frames().find((f) => f.url().includes('/__app/frame'));
  if (!frame) throw new Error('app frame not found');
  return frame;
}

/** The focused element inside the app frame: its aria-label, the <label> of a field, or its text; 'body' when none. */
export const focused = (page: Page): Promise<string> =>
  appFrame(page).evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return 'body';
    const label = el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null;
    return (el.getAttribute('aria-label') ?? label ?? el.textContent ?? el.tagName).trim();
  });
