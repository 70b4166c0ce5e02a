/**
 * The frame side of `view.theme.enable()` (bridge command `enableTheming`): asks the shell for its theme, applies it
 * to this document (apply-theme.ts, loaded on demand), and keeps applying the shell's live changes.
 */
import { isColorMode, type ColorMode } from './theme-mode';

type ApplyTheme = (mode: ColorMode) => Promise<void>;

/** Where the shell build puts the theme loader (an ES module; imported by URL so it stays out of this classic script). */
const THEME_MODULE = '/apply-theme.js';

export function createThemeClient(requestTheme: () => void, load: () => Promise<ApplyTheme> = defaultLoad) {
  let enabled = false;
  let waiting: Array<() => void> = [];
  let applying = Promise.resolve();
  return {
    /** Resolves once the shell's theme is applied (or after `timeoutMs` when no shell answers). */
    enable(timeoutMs = 3000): Promise<void> {
      enabled = true;
      const done = new Promise<void>((resolve) => {
        waiting.push(resolve);
        setTimeout(resolve, timeoutMs);
      });
      requestTheme();
      return done;
    },
    /** A `theme` message from the shell; ignored until the app enabled theming, as in Jira. */
    onTheme(mode: unknown): Promise<void> {
      if (!enabled || !isColorMode(mode)) return Promise.resolve();
      applying = applying
        .then(() => load())
        .then((apply) => apply(mode))
        .catch((e: unknown) => console.error(`Local bridge: could not apply the ${mode} theme (${e instanceof Error ? e.message : String(e)}).`))
        .finally(() => {
          const ready = waiting;
          waiting = [];
          ready.forEach((resolve) => resolve());
        });
      return applying;
    },
  };
}

async function defaultLoad(): Promise<ApplyTheme> {
  const url: string = THEME_MODULE;
  const mod = (await import(url)) as { applyTheme: ApplyTheme };
  return mod.applyTheme;
}
