/**
 * Dialogs drawn by the host (Forge `Modal`), not inside the app's iframe: the same resource opens again in the
 * modal with `extension.modal.rtDialog = { name, data }` in its context, and `mount(app, { dialogs })` draws the
 * named dialog there. The result comes back through `view.close(payload)` → the Modal's `onClose`. See docs/ui.md.
 */
import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { Modal, view } from '@forge/bridge';

export type DialogSize = 'small' | 'medium' | 'large' | 'xlarge' | 'max';
export type DialogOptions = { size?: DialogSize; title?: string; closeOnEscape?: boolean; closeOnOverlayClick?: boolean };
export type DialogProps<D, R> = { data: D; close(result: R): void; cancel(): void };
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type DialogTable = Record<string, () => Promise<ComponentType<DialogProps<any, any>>>>;
export type DialogRequest = { name: string; data: unknown };

const RESULT = 'rtDialogResult';

/** What `closeDialog` sends, so a dismissal (Esc, backdrop: no payload) is told apart from a result. */
function unwrapResult<R>(payload: unknown): R | undefined {
  return typeof payload === 'object' && payload !== null && RESULT in payload ? ((payload as Record<string, unknown>)[RESULT] as R) : undefined;
}

/** Opens dialog `name` of this app in a host modal; resolves with its result, or undefined when dismissed. */
export function openDialog<R = unknown>(name: string, data: unknown, options: DialogOptions = {}): Promise<R | undefined> {
  return new Promise<R | undefined>((resolve, reject) => {
    const modal = new Modal({
      resource: null, // this app's own resource
      size: options.size ?? 'medium',
      title: options.title,
      closeOnEscape: options.closeOnEscape ?? true,
      closeOnOverlayClick: options.closeOnOverlayClick ?? true,
      context: { rtDialog: { name, data } satisfies DialogRequest },
      onClose: (payload: unknown) => resolve(unwrapResult<R>(payload)),
    });
    modal.open().catch(reject);
  });
}

/** Closes the dialog this frame shows, passing `result` to the opener (undefined = cancelled). */
export function closeDialog(result?: unknown): Promise<void> {
  return view.close(result === undefined ? undefined : { [RESULT]: result });
}

/** The dialog this frame was opened for, or null for a normal frame. */
export function readDialogRequest(context: { extension?: unknown }): DialogRequest | null {
  const modal = (context.extension as { modal?: { rtDialog?: unknown } } | undefined)?.modal;
  const request = modal?.rtDialog as { name?: unknown; data?: unknown } | undefined;
  return request && typeof request.name === 'string' ? { name: request.name, data: request.data } : null;
}

/** The element to mount when this frame is a dialog of `table`, or null when it is not a dialog frame. */
export async function dialogElement(table: DialogTable): Promise<ReactNode | null> {
  const request = readDialogRequest(await view.getContext());
  if (!request) return null;
  const load = table[request.name];
  const close = (result: unknown) => void closeDialog(result);
  const cancel = () => void closeDialog();
  const Dialog = lazy(async () => {
    if (load) return { default: await load() };
    const { UnknownDialog } = await import('./dialog-layout');
    return { default: () => <UnknownDialog name={request.name} onClose={cancel} /> };
  });
  return (
    <Suspense fallback={null}>
      <Dialog data={request.data} close={close} cancel={cancel} />
    </Suspense>
  );
}
