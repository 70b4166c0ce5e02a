/**
 * Applies a Jira theme to the current document the way Jira does for the shell and for a themed Custom UI frame:
 * `data-color-mode` / `data-theme` on <html> and the token stylesheets (`<style data-theme>`), loaded on demand by
 * @atlaskit/tokens. Built as an ES module (local/.build/shell/apply-theme.js) that the bridge host imports when an app
 * calls `view.theme.enable()`, so frames that never enable theming never load it.
 */
import { setGlobalTheme } from '@atlaskit/tokens/set-global-theme';
import { isColorMode, type ColorMode } from './theme-mode';

let unbindSystem: (() => void) | undefined;

export async function applyTheme(mode: ColorMode): Promise<void> {
  if (!isColorMode(mode)) throw new Error(`Unknown colour mode '${String(mode)}'.`);
  unbindSystem?.();
  // 'auto' follows prefers-color-scheme and keeps listening; 'light' and 'dark' are fixed.
  const unbind = await setGlobalTheme({ colorMode: mode, light: 'light', dark: 'dark', spacing: 'spacing', typography: 'typography' });
  unbindSystem = unbind;
}
