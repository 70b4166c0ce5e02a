/** Jira flags (`showFlag`) for completed actions, drawn by the host in the bottom-left corner. */
import { showFlag } from '@forge/bridge';

export type FlagAppearance = 'success' | 'info' | 'warning' | 'error';

let counter = 0;

export function flag({ title, description, appearance = 'success' }: { title: string; description?: string; appearance?: FlagAppearance }): void {
  showFlag({
    id: `rt-flag-${Date.now().toString(36)}-${++counter}`,
    title,
    description,
    type: appearance,
    appearance,
    // Errors and warnings stay until dismissed, as Jira's do; confirmations go away on their own.
    isAutoDismiss: appearance === 'success' || appearance === 'info',
  });
}
