/** Entry of the local workspace's shell page (bundled into local/.build/shell/main.js by scripts/build-static.ts). */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { injectShellStyles } from './styles';
import { applyTheme } from '../bridge-host/apply-theme';
import { rememberedColorMode } from './theme';

injectShellStyles();
const root = document.getElementById('root');
if (!root) throw new Error('The shell page has no #root element.');
// The remembered theme first, so a dark shell never flashes white.
void applyTheme(rememberedColorMode())
  .catch((e: unknown) => console.error('The shell could not apply its theme:', e))
  .finally(() =>
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  );
