/**
 * Mounts one Custom UI app the way Jira does: its own iframe, served by `/__app/frame` with the bridge host and
 * the `view.getContext()` object injected. Listens for the frame's messages (only from this frame), sizes the
 * iframe on `resize`, and lets the parent post messages into it (the validator configuration's `collect-config`).
 */
import { useEffect, useImperativeHandle, useRef, useState, type Ref } from 'react';
import type { FrameToShell, ModalRequest, ShellToFrame } from '../bridge-host/frame-config';
import type { ModalOpener } from './components/HostModals';
import { buildFrameUrl } from './frame-url';
import { useShell } from './shell-context';

export type AppFrameHandle = { post(message: ShellToFrame): void; frameId: string };

export type AppFrameProps = {
  resource: string;
  moduleKey: string;
  functionKey: string | null;
  context: Record<string, unknown>;
  route?: string;
  /** The iframe's title: the module's title (tests and screen readers find frames by it). */
  title: string;
  onMessage?: (message: FrameToShell) => void;
  minHeight?: number;
  /** The iframe's load event: its document and the app's script have run. */
  onLoad?: () => void;
  ref?: Ref<AppFrameHandle>;
  /** Set for a frame the shell draws in a host modal: the bridge host then knows it is one (Esc, view.close). */
  modalId?: string;
  /** Fill the parent's height instead of sizing to the content (a modal's frame: the host sizes the modal). */
  fill?: boolean;
};

let frameCounter = 0;
const nextFrameId = (moduleKey: string) => `${moduleKey}-${++frameCounter}`;

export function isFrameMessage(data: unknown): data is FrameToShell {
  return typeof data === 'object' && data !== null && typeof (data as { rt?: unknown }).rt === 'string' && typeof (data as { frameId?: unknown }).frameId === 'string';
}

export function AppFrame({ resource, moduleKey, functionKey, context, route, title, onMessage, minHeight = 80, onLoad, ref, modalId, fill = false }: AppFrameProps) {
  const { user, openModal } = useShell();
  const [frameId] = useState(() => nextFrameId(moduleKey));
  const [height, setHeight] = useState(minHeight);
  const iframe = useRef<HTMLIFrameElement>(null);
  const onMessageRef = useRef(onMessage);
  onMessageRef.current = onMessage;
  // What a modal opened by this frame inherits (read when the frame asks, so always the current props).
  const openerRef = useRef({ resource, moduleKey, functionKey, context: { ...context, accountId: user.accountId }, route, title });
  openerRef.current = { resource, moduleKey, functionKey, context: { ...context, accountId: user.accountId }, route, title };
  const openModalRef = useRef((opener: ModalOpener, request: ModalRequest) => openModal({ opener, request }));
  openModalRef.current = (opener, request) => openModal({ opener, request });

  useImperativeHandle(ref, () => ({ frameId, post: (message) => iframe.current?.contentWindow?.postMessage(message, window.location.origin) }), [frameId]);

  useEffect(() => {
    const listener = (event: MessageEvent) => {
      if (event.origin !== window.location.origin || !isFrameMessage(event.data) || event.data.frameId !== frameId) return;
      if (iframe.current && event.source !== iframe.current.contentWindow) return;
      if (event.data.rt === 'open-modal') {
        const frameWindow = iframe.current?.contentWindow;
        const post = (message: ShellToFrame) => frameWindow?.postMessage(message, window.location.origin);
        openModalRef.current({ ...openerRef.current, post }, event.data.request);
        return;
      }
      if (event.data.rt === 'resize') {
        const h = Number(event.data.height);
        if (Number.isFinite(h)) setHeight(Math.min(Math.max(Math.ceil(h), minHeight), 20000));
      }
      onMessageRef.current?.(event.data);
    };
    window.addEventListener('message', listener);
    return () => window.removeEventListener('message', listener);
  }, [frameId, minHeight]);

  const src = buildFrameUrl({ resource, moduleKey, frameId, accountId: user.accountId, context: { ...context, accountId: user.accountId }, route, modalId });
  return <iframe ref={iframe} className="app-frame" title={title} src={src} style={{ height: fill ? '100%' : height }} onLoad={onLoad} data-frame-id={frameId} data-module-key={moduleKey} />;
}
