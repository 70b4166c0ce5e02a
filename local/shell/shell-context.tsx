/** What every page needs: the workspace description, the acting user, a Jira client acting as them, flags, navigation. */
import { createContext, useContext } from 'react';
import type { JiraClient } from './jira-client';
import type { Route } from './routes';
import type { Workspace, WorkspaceUser } from './workspace-client';
import type { OpenModal } from './components/HostModals';

export type FlagInput = { title: string; description?: string; appearance?: string; /** The app's flag id (closeFlag). */ key?: string; autoDismiss?: boolean };

export type Shell = {
  workspace: Workspace;
  user: WorkspaceUser;
  jira: JiraClient;
  navigate(route: Route): void;
  /** Handles an app's `router.navigate(url)`: shell routes for Jira URLs, a new tab otherwise. */
  openUrl(url: string, newTab?: boolean): void;
  flag(flag: FlagInput): void;
  /** An app's `closeFlag` (the flag's own id, as the app gave it). */
  closeFlag(key: string): void;
  /** An app's `new Modal({...}).open()`: the shell draws it over the page (components/HostModals.tsx). */
  openModal(modal: OpenModal): void;
  reloadWorkspace(): Promise<void>;
};

export const ShellContext = createContext<Shell | null>(null);

export function useShell(): Shell {
  const shell = useContext(ShellContext);
  if (!shell) throw new Error('useShell outside <ShellContext.Provider>.');
  return shell;
}
