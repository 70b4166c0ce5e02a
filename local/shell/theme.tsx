/**
 * The shell's theme, as Jira's (Settings → Theme: light, dark, match system): applied to the shell with the token
 * themes, answered to each frame that enabled theming (`theme-request`), and pushed live to every frame on a switch.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { applyTheme } from '../bridge-host/apply-theme';
import type { ShellToFrame } from '../bridge-host/frame-config';
import { isColorMode, type ColorMode } from '../bridge-host/theme-mode';

const STORAGE_KEY = 'rt-shell:theme';

export function rememberedColorMode(): ColorMode {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    return isColorMode(saved) ? saved : 'light';
  } catch {
    return 'light';
  }
}

/** Every app frame of the shell, modals included (frames of frames never host Custom UI). */
function frameWindows(): Window[] {
  return [...document.querySelectorAll('iframe')].map((f) => f.contentWindow).filter((w): w is Window => w !== null);
}

const post = (target: Window, message: ShellToFrame) => target.postMessage(message, window.location.origin);

export function useShellTheme(): [ColorMode, (mode: ColorMode) => void] {
  const [mode, setMode] = useState<ColorMode>(rememberedColorMode);
  const current = useRef(mode);
  current.current = mode;

  useEffect(() => {
    void applyTheme(mode).catch((e: unknown) => console.error('The shell could not apply its theme:', e));
    for (const w of frameWindows()) post(w, { rt: 'theme', colorMode: mode });
  }, [mode]);

  useEffect(() => {
    const answer = (event: MessageEvent) => {
      if (event.origin !== window.location.origin || (event.data as { rt?: unknown } | null)?.rt !== 'theme-request') return;
      const source = event.source as Window | null;
      if (source && frameWindows().includes(source)) post(source, { rt: 'theme', colorMode: current.current });
    };
    window.addEventListener('message', answer);
    return () => window.removeEventListener('message', answer);
  }, []);

  const choose = useCallback((next: ColorMode) => {
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Private mode: the choice lasts until reload.
    }
    setMode(next);
  }, []);
  return [mode, choose];
}

const labels: Record<ColorMode, string> = { light: 'Light', dark: 'Dark', auto: 'Match system' };

export function ThemeSwitch({ mode, onChange }: { mode: ColorMode; onChange(mode: ColorMode): void }) {
  return (
    <>
      <label htmlFor="rt-theme-switcher">Theme</label>
      <select id="rt-theme-switcher" value={mode} onChange={(e) => isColorMode(e.target.value) && onChange(e.target.value)}>
        {(Object.keys(labels) as ColorMode[]).map((m) => (
          <option key={m} value={m}>
            {labels[m]}
          </option>
        ))}
      </select>
    </>
  );
}
