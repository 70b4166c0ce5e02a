/**
 * Forge modals opened by an app (`new Modal({...}).open()` from @forge/bridge), drawn by the shell as Jira draws
 * them: Atlaskit's modal dialog over the whole page (blanket, focus lock, Esc and blanket click per the modal's
 * options), sized like Forge's named sizes, holding the resource in its own frame. Closing one hands the payload
 * of `view.close(payload)` to the opener's `onClose` (undefined when dismissed).
 */
import ModalDialog, { ModalTransition } from '@atlaskit/modal-dialog';
import type { FrameToShell, ModalRequest } from '../../bridge-host/frame-config';
import { AppFrame } from '../AppFrame';
import { handleCommonFrameMessage } from '../frame-messages';
import { cappedBox, modalBox } from '../modal-size';
import { useShell } from '../shell-context';

/** What the shell knows of the frame that opened a modal. */
export type ModalOpener = { resource: string; moduleKey: string; functionKey: string | null; context: Record<string, unknown>; route?: string; title: string; post(message: { rt: 'modal-closed'; modalId: string; payload?: unknown }): void };
export type OpenModal = { opener: ModalOpener; request: ModalRequest };

/** The modal frame's `view.getContext()`: the opener's, with the Modal's `context` under `extension.modal`. */
export function modalContext(opener: ModalOpener, request: ModalRequest): Record<string, unknown> {
  const extension = typeof opener.context['extension'] === 'object' && opener.context['extension'] !== null ? (opener.context['extension'] as Record<string, unknown>) : {};
  return { ...opener.context, extension: { ...extension, modal: request.context } };
}

export function HostModals({ modals, onClose }: { modals: OpenModal[]; onClose(modalId: string, payload?: unknown): void }) {
  const shell = useShell();
  return (
    <ModalTransition>
      {modals.map(({ opener, request }) => {
        const box = cappedBox(modalBox(request.size));
        const label = request.title || opener.title;
        const onMessage = (m: FrameToShell) => {
          if (m.rt === 'close') onClose(request.modalId, m.payload);
          else if (m.rt === 'escape' && request.closeOnEscape) onClose(request.modalId);
          else handleCommonFrameMessage(shell, m);
        };
        return (
          <ModalDialog
            key={request.modalId}
            label={label}
            width={box.width}
            height={box.height}
            shouldCloseOnEscapePress={request.closeOnEscape}
            shouldCloseOnOverlayClick={request.closeOnOverlayClick}
            onClose={() => onClose(request.modalId)}
            testId="rt-host-modal"
          >
            <AppFrame
              resource={request.resource ?? opener.resource}
              moduleKey={opener.moduleKey}
              functionKey={opener.functionKey}
              context={modalContext(opener, request)}
              route={opener.route}
              modalId={request.modalId}
              title={label}
              onMessage={onMessage}
              fill
            />
          </ModalDialog>
        );
      })}
    </ModalTransition>
  );
}
