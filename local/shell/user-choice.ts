/** The acting user, remembered across reloads (localStorage), falling back to the first demo user. */
import type { WorkspaceUser } from './workspace-client';

export const USER_STORAGE_KEY = 'rt-shell:account-id';

export function chooseUser(users: WorkspaceUser[], remembered: string | null): WorkspaceUser | undefined {
  return users.find((u) => u.accountId === remembered) ?? users[0];
}

export function rememberedAccountId(): string | null {
  try {
    return window.localStorage.getItem(USER_STORAGE_KEY);
  } catch {
    return null;
  }
}

export function rememberAccountId(accountId: string): void {
  try {
    window.localStorage.setItem(USER_STORAGE_KEY, accountId);
  } catch {
    /* private mode: the choice lasts for this page only */
  }
}
