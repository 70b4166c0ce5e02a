import type { ColorMode } from './theme-mode';

/** What the local server injects into each Custom UI iframe as `window.__RT_FRAME__`. */
export type FrameConfig = {
  frameId: string;
  resourceKey: string;
  moduleKey: string;
  /** The manifest function key that serves this module's `invoke` calls. */
  functionKey: string | null;
  accountId: string;
  /** What `view.getContext()` returns in Jira for this module. */
  context: Record<string, unknown>;
  /** Sub-page route for project pages (what `view.createHistory()` reports as location.pathname). */
  route?: string;
  /** Set when the frame is a host modal opened by another frame's `new Modal(…).open()`. */
  modal?: { modalId: string };
};

/** What a frame's `new Modal({...}).open()` asks the shell to draw (functions stay in the opener's bridge host). */
export type ModalRequest = {
  modalId: string;
  resource: string | null;
  size: unknown;
  context: unknown;
  closeOnEscape: boolean;
  closeOnOverlayClick: boolean;
  title: string;
};

/** Messages between a frame and the shell (window.postMessage). */
export type FrameToShell =
  | { rt: 'submit'; frameId: string; payload: unknown }
  | { rt: 'close'; frameId: string; payload?: unknown }
  | { rt: 'open-modal'; frameId: string; request: ModalRequest }
  | { rt: 'escape'; frameId: string }
  | { rt: 'theme-request'; frameId: string }
  | { rt: 'close-flag'; frameId: string; id: string }
  | { rt: 'navigate'; frameId: string; url: string; newTab: boolean }
  | { rt: 'refresh-issue'; frameId: string }
  | { rt: 'flag'; frameId: string; title: string; description?: string; appearance?: string; id?: string; autoDismiss?: boolean }
  | { rt: 'resize'; frameId: string; height: number }
  | { rt: 'config'; frameId: string; requestId: string; config?: string; error?: string };

export type ShellToFrame =
  | { rt: 'collect-config'; requestId: string }
  /** The host's theme: answers `theme-request` and is pushed to every frame when the user switches. */
  | { rt: 'theme'; colorMode: ColorMode }
  /** The modal this frame opened was closed; `payload` is what the modal passed to `view.close(payload)`. */
  | { rt: 'modal-closed'; modalId: string; payload?: unknown };
