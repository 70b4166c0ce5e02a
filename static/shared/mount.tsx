import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { injectStyles } from './styles';
import { enableTheme } from './theme';
import { dialogElement, type DialogTable } from './dialog';

/**
 * Mounts an app's root component into #root with the shared styles, once the host's theme is applied. A frame that
 * `openDialog` opened in a host modal mounts the named dialog of `options.dialogs` instead (see docs/ui.md).
 */
export function mount(app: ReactNode, options: { dialogs?: DialogTable } = {}): void {
  injectStyles();
  const el = document.getElementById('root');
  if (!el) throw new Error('No #root element');
  const root = createRoot(el);
  // Every app checks: a frame opened as a dialog the app does not name shows that, not the whole app again.
  const dialog = dialogElement(options.dialogs ?? {}).catch(() => null);
  void Promise.all([enableTheme(), dialog]).then(([, shown]) => root.render(<StrictMode>{shown ?? app}</StrictMode>));
}
