/**
 * The local workspace's stand-in for Jira's Custom UI host: defines `window.__bridge.callBridge`, which the real
 * @forge/bridge (unmodified, as deployed) calls for invoke, getContext, requestJira, router, submit and the
 * workflow-rule configuration callback. Loaded in each app iframe before the app's own bundle.
 */
import type { FrameConfig, FrameToShell, ShellToFrame } from './frame-config';
import { localTokenHeaders } from '../security/local-token';
import { createModalClient } from './modal-client';
import { createThemeClient } from './theme-client';

declare global {
  interface Window {
    __RT_FRAME__: FrameConfig;
    __bridge: { callBridge: (command: string, payload?: unknown) => Promise<unknown> };
  }
}

const frame = window.__RT_FRAME__;
const toShell = (message: FrameToShell) => window.parent.postMessage(message, window.location.origin);
let configCallback: (() => Promise<string> | string) | undefined;
const theme = createThemeClient(() => toShell({ rt: 'theme-request', frameId: frame.frameId }));
const modals = createModalClient(frame.frameId, toShell);
const userHeaders = { 'content-type': 'application/json', 'x-rt-account-id': frame.accountId, ...localTokenHeaders() };

async function invoke(payload: { functionKey: string; payload?: unknown }): Promise<unknown> {
  if (!frame.functionKey) throw new Error(`Module ${frame.moduleKey} has no resolver function.`);
  const response = await fetch('/__app/invoke', {
    method: 'POST',
    headers: userHeaders,
    body: JSON.stringify({ function: frame.functionKey, moduleKey: frame.moduleKey, call: { functionKey: payload.functionKey, payload: payload.payload ?? {} }, context: frame.context }),
  });
  const body = (await response.json()) as { ok?: boolean; result?: unknown; error?: string };
  if (!response.ok || body.error) throw new Error(body.error ?? `invoke failed (${response.status})`);
  return body.result;
}

async function fetchProduct(payload: { restPath: string; fetchRequestInit?: { method?: string; body?: string | null; headers?: Array<[string, string]> } }) {
  const init = payload.fetchRequestInit ?? {};
  const response = await fetch(payload.restPath, {
    method: init.method ?? 'GET',
    headers: { ...Object.fromEntries(init.headers ?? []), 'x-rt-account-id': frame.accountId, ...localTokenHeaders() },
    body: init.body ?? undefined,
  });
  const headers: Record<string, string> = {};
  response.headers.forEach((v, k) => (headers[k] = v));
  return { body: await response.text(), headers, status: response.status, statusText: response.statusText, isAttachment: false };
}

function history() {
  const listeners: Array<(location: { pathname: string }) => void> = [];
  const h = {
    location: { pathname: `/${frame.route ?? ''}`, search: '', hash: '' },
    listen(fn: (location: { pathname: string }) => void) {
      listeners.push(fn);
      return () => listeners.splice(listeners.indexOf(fn), 1);
    },
    push(path: string) {
      h.location = { pathname: path, search: '', hash: '' };
      listeners.forEach((fn) => fn(h.location));
    },
  };
  return h;
}

window.__bridge = {
  async callBridge(command: string, payload?: unknown): Promise<unknown> {
    switch (command) {
      case 'getContext':
        return structuredClone(frame.context);
      case 'invoke':
        return invoke(payload as { functionKey: string; payload?: unknown });
      case 'fetchProduct':
        return fetchProduct(payload as Parameters<typeof fetchProduct>[0]);
      case 'createHistory':
        return history();
      case 'getUrl':
        return new URL(String((payload as { url?: string })?.url ?? payload), window.location.origin);
      case 'navigate': {
        const p = payload as { url?: string; target?: string; type?: string };
        toShell({ rt: 'navigate', frameId: frame.frameId, url: p.url ?? '', newTab: p.type === 'new-tab' });
        return true;
      }
      case 'reload':
        window.location.reload();
        return true;
      case 'submit':
        toShell({ rt: 'submit', frameId: frame.frameId, payload });
        return true;
      case 'close':
        // A modal's view.close(payload) hands the payload to its opener's onClose.
        toShell({ rt: 'close', frameId: frame.frameId, ...(payload === undefined ? {} : { payload }) });
        return true;
      case 'openModal':
        return modals.open((payload ?? {}) as Parameters<typeof modals.open>[0]);
      case 'enableTheming':
        await theme.enable();
        return undefined;
      case 'refreshIssueView':
        toShell({ rt: 'refresh-issue', frameId: frame.frameId });
        return true;
      case 'showFlag': {
        const p = payload as { id?: unknown; title?: string; description?: string; appearance?: string; type?: string; isAutoDismiss?: boolean };
        toShell({ rt: 'flag', frameId: frame.frameId, id: String(p.id ?? ''), title: p.title ?? '', description: p.description, appearance: p.appearance ?? p.type, autoDismiss: p.isAutoDismiss === true });
        return true;
      }
      case 'closeFlag':
        toShell({ rt: 'close-flag', frameId: frame.frameId, id: String((payload as { id?: unknown } | undefined)?.id ?? '') });
        return true;
      case 'setWorkflowRuleConfigurationCallback':
        configCallback = (payload as { data: { onConfigure: () => Promise<string> | string } }).data.onConfigure;
        return true;
      default:
        console.warn(`Local bridge: '${command}' is not emulated.`);
        return undefined;
    }
  },
};

// The shell asks a validator's configuration frame for its config when the admin presses Save (as Jira does).
window.addEventListener('message', (event: MessageEvent<ShellToFrame>) => {
  if (event.origin !== window.location.origin || event.source !== window.parent) return;
  if (event.data?.rt === 'theme') return void theme.onTheme(event.data.colorMode);
  if (event.data?.rt === 'modal-closed') return modals.closed(event.data.modalId, event.data.payload);
  if (event.data?.rt !== 'collect-config') return;
  const { requestId } = event.data;
  if (!configCallback) return toShell({ rt: 'config', frameId: frame.frameId, requestId, error: 'This configuration page has not registered workflowRules.onConfigure.' });
  Promise.resolve()
    .then(() => configCallback!())
    .then((config) => toShell({ rt: 'config', frameId: frame.frameId, requestId, config }))
    .catch((e: unknown) => toShell({ rt: 'config', frameId: frame.frameId, requestId, error: e instanceof Error ? e.message : String(e) }));
});

// Esc in a modal frame closes the modal (the shell decides, by the modal's closeOnEscape), unless the app used it.
if (frame.modal) {
  window.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && !e.defaultPrevented) toShell({ rt: 'escape', frameId: frame.frameId });
  });
}

// Report content height so the shell can size the iframe like Jira does.
new ResizeObserver(() => toShell({ rt: 'resize', frameId: frame.frameId, height: document.documentElement.scrollHeight })).observe(document.documentElement);
