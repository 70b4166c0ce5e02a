/**
 * Forge theming for every app: `view.theme.enable()` asks the host (Jira, or the local workspace) for its theme and
 * keeps the frame in step with it: the host sets `data-color-mode` / `data-theme` on <html> and adds the token
 * stylesheets. Awaited before the first render (bounded), so a dark Jira never shows a white frame first.
 */
import { view } from '@forge/bridge';

export async function enableTheme(timeoutMs = 1500): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    await Promise.race([view.theme.enable(), new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
  } catch (e) {
    // A host without theming still shows the app, in the tokens' light fallbacks.
    console.warn(`Release Train: theming is not available here (${e instanceof Error ? e.message : String(e)}).`);
  } finally {
    clearTimeout(timer);
  }
}
