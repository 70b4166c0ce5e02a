/**
 * The opener side of `new Modal({...}).open()` (bridge command `openModal`): the shell draws the modal; the
 * `onClose` callback stays here and runs with the payload the modal passed to `view.close(payload)`.
 */
import type { FrameToShell, ModalRequest } from './frame-config';

type OpenModalPayload = { resource?: unknown; onClose?: unknown; size?: unknown; context?: unknown; closeOnEscape?: unknown; closeOnOverlayClick?: unknown; title?: unknown };

export function createModalClient(frameId: string, toShell: (message: FrameToShell) => void) {
  const open = new Map<string, (payload: unknown) => unknown>();
  let counter = 0;
  return {
    /** Returns false (the bridge then throws "Unable to open modal.") when the request cannot reach the shell. */
    open(p: OpenModalPayload): boolean {
      const modalId = `${frameId}:modal-${++counter}`;
      const request: ModalRequest = {
        modalId,
        resource: typeof p.resource === 'string' && p.resource ? p.resource : null,
        size: p.size ?? 'medium',
        context: p.context ?? {},
        closeOnEscape: p.closeOnEscape !== false,
        closeOnOverlayClick: p.closeOnOverlayClick !== false,
        title: typeof p.title === 'string' ? p.title : '',
      };
      try {
        toShell({ rt: 'open-modal', frameId, request }); // throws DataCloneError for a context that is not plain data
      } catch (e) {
        console.error(`Local bridge: cannot open the modal (${e instanceof Error ? e.message : String(e)}).`);
        return false;
      }
      open.set(modalId, typeof p.onClose === 'function' ? (p.onClose as (payload: unknown) => unknown) : () => undefined);
      return true;
    },
    /** The shell closed modal `modalId`: run its onClose once. */
    closed(modalId: string, payload: unknown): void {
      const onClose = open.get(modalId);
      open.delete(modalId);
      if (onClose) Promise.resolve().then(() => onClose(payload)).catch((e: unknown) => console.error('Modal onClose failed:', e));
    },
  };
}
