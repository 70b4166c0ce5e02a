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
};

/** Messages between a frame and the shell (window.postMessage). */
export type FrameToShell =
  | { rt: 'submit'; frameId: string; payload: unknown }
  | { rt: 'close'; frameId: string }
  | { rt: 'navigate'; frameId: string; url: string; newTab: boolean }
  | { rt: 'refresh-issue'; frameId: string }
  | { rt: 'flag'; frameId: string; title: string; description?: string; appearance?: string }
  | { rt: 'resize'; frameId: string; height: number }
  | { rt: 'config'; frameId: string; requestId: string; config?: string; error?: string };

export type ShellToFrame = { rt: 'collect-config'; requestId: string };
