/** Entry of the local workspace's shell page (bundled into local/.build/shell/main.js by scripts/build-static.ts). */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { injectShellStyles } from './styles';

injectShellStyles();
const root = document.getElementById('root');
if (!root) throw new Error('The shell page has no #root element.');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
