/** Handling of the frame messages every host page treats the same way (navigate, flag). */
import type { FrameToShell } from '../bridge-host/frame-config';
import type { Shell } from './shell-context';

/** Returns true when the message was handled here. */
export function handleCommonFrameMessage(shell: Pick<Shell, 'openUrl' | 'flag' | 'closeFlag'>, message: FrameToShell): boolean {
  switch (message.rt) {
    case 'navigate':
      shell.openUrl(message.url, message.newTab);
      return true;
    case 'flag':
      shell.flag({ title: message.title, description: message.description, appearance: message.appearance, key: message.id ? `${message.frameId}:${message.id}` : undefined, autoDismiss: message.autoDismiss ?? false });
      return true;
    case 'close-flag':
      shell.closeFlag(`${message.frameId}:${message.id}`);
      return true;
    default:
      return false;
  }
}

/** The `base` part of a frame context for the acting user. */
export function frameBase(shell: Pick<Shell, 'user'>, moduleKey: string, localId: string) {
  return { accountId: shell.user.accountId, siteUrl: window.location.origin, moduleKey, localId };
}
