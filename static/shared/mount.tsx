import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { injectStyles } from './styles';

/** Mounts an app's root component into #root with the shared styles. */
export function mount(app: ReactNode): void {
  injectStyles();
  const el = document.getElementById('root');
  if (!el) throw new Error('No #root element');
  createRoot(el).render(<StrictMode>{app}</StrictMode>);
}
