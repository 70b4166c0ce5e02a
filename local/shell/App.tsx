/** The local workspace shell: loads the workspace, keeps the acting user, and lays out top bar, sidebar and page. */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ErrorBanner } from './components/ErrorBanner';
import { Flags, type ShellFlag } from './components/Flags';
import { HostModals, type OpenModal } from './components/HostModals';
import { Sidebar } from './components/Sidebar';
import { TopBar } from './components/TopBar';
import { createJiraClient } from './jira-client';
import { CreateBug } from './pages/CreateBug';
import { IssueList } from './pages/IssueList';
import { IssueView } from './pages/IssueView';
import { ProjectPage } from './pages/ProjectPage';
import { WorkflowSettings } from './pages/WorkflowSettings';
import { routeForJiraUrl, routeToHash, type Route } from './routes';
import { ShellContext, type FlagInput, type Shell } from './shell-context';
import { useShellTheme } from './theme';
import { useHashRoute } from './use-hash-route';
import { chooseUser, rememberAccountId, rememberedAccountId } from './user-choice';
import { loadWorkspace, type Workspace } from './workspace-client';

function Page({ route }: { route: Route }) {
  switch (route.name) {
    case 'issues':
      return <IssueList jql={route.jql} />;
    case 'issue':
      return <IssueView key={route.key} issueKey={route.key} />;
    case 'create':
      return <CreateBug />;
    case 'project':
      return <ProjectPage route={route.route} />;
    case 'workflow':
      return <WorkflowSettings />;
    case 'not-found':
      return <ErrorBanner title="Page not found" messages={[`Nothing lives at #${route.path}.`]} />;
  }
}

export function App() {
  const [workspace, setWorkspace] = useState<Workspace | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [accountId, setAccountId] = useState<string | null>(rememberedAccountId);
  const [flags, setFlags] = useState<ShellFlag[]>([]);
  const [modals, setModals] = useState<OpenModal[]>([]);
  const [colorMode, setColorMode] = useShellTheme();
  const [route, navigate] = useHashRoute();
  const flagId = useRef(0);

  const reloadWorkspace = useCallback(async () => {
    const result = await loadWorkspace();
    if (result.ok) {
      setWorkspace(result.data);
      setLoadError(null);
    } else setLoadError(result.message);
  }, []);
  useEffect(() => void reloadWorkspace(), [reloadWorkspace]);

  const user = workspace ? chooseUser(workspace.users, accountId) : undefined;
  const flag = useCallback((f: FlagInput) => setFlags((list) => [...list.slice(-4), { ...f, id: ++flagId.current }]), []);
  const dismissFlag = useCallback((id: number) => setFlags((list) => list.filter((f) => f.id !== id)), []);
  const closeFlag = useCallback((key: string) => setFlags((list) => list.filter((f) => f.key !== key)), []);
  const openModal = useCallback((m: OpenModal) => setModals((list) => [...list, m]), []);
  const modalsRef = useRef<OpenModal[]>([]);
  modalsRef.current = modals;
  const closeModal = useCallback((modalId: string, payload?: unknown) => {
    const closing = modalsRef.current.find((m) => m.request.modalId === modalId);
    if (!closing) return; // already closed (view.close and Esc can both arrive)
    modalsRef.current = modalsRef.current.filter((m) => m !== closing);
    setModals((list) => list.filter((m) => m.request.modalId !== modalId));
    // The opener's onClose runs once, with what the modal passed to view.close (nothing when dismissed).
    closing.opener.post({ rt: 'modal-closed', modalId, ...(payload === undefined ? {} : { payload }) });
  }, []);
  const openUrl = useCallback(
    (url: string, newTab = false) => {
      const target = routeForJiraUrl(url, window.location.origin);
      if (newTab) window.open(target ? `${window.location.pathname}${routeToHash(target)}` : url, '_blank', 'noopener');
      else if (target) navigate(target);
      else if (/^https?:/i.test(url)) window.open(url, '_blank', 'noopener');
      else flag({ title: 'Link not available locally', description: url, appearance: 'warning' });
    },
    [navigate, flag],
  );

  const jira = useMemo(() => (user ? createJiraClient(user.accountId) : null), [user?.accountId]);
  // As in Jira, someone who cannot browse the workspace's project (the ops user, who sees only OPS) works in a
  // project they can see: the first one Jira lists for them.
  const [ownProject, setOwnProject] = useState<{ id: string; key: string; name: string } | null | undefined>(undefined);
  useEffect(() => {
    if (!jira || !workspace) return;
    let live = true;
    setOwnProject(undefined);
    void jira.getProjects().then((r) => live && setOwnProject(r.ok && !r.data.some((p) => p.key === workspace.projectKey) ? (r.data[0] ?? null) : null));
    return () => {
      live = false;
    };
  }, [jira, workspace?.projectKey]);
  const shownWorkspace = useMemo(
    () => (ownProject === undefined ? null : workspace && ownProject ? { ...workspace, projectKey: ownProject.key, projectId: ownProject.id, projectName: ownProject.name } : workspace),
    [workspace, ownProject],
  );
  const shell = useMemo<Shell | null>(
    () => (shownWorkspace && user && jira ? { workspace: shownWorkspace, user, jira, navigate, openUrl, flag, closeFlag, openModal, reloadWorkspace } : null),
    [shownWorkspace, user, jira, navigate, openUrl, flag, closeFlag, openModal, reloadWorkspace],
  );

  useEffect(() => {
    const title = route.name === 'issue' ? route.key : route.name === 'create' ? 'Create bug' : route.name === 'workflow' ? 'Workflow settings' : route.name === 'project' ? route.route : 'Issues';
    document.title = `${title} — Release Train local workspace`;
  }, [route]);

  if (!shell) {
    return (
      <div className="main" aria-busy={!loadError}>
        {loadError ? (
          <>
            <ErrorBanner title="The local workspace could not start" messages={[loadError]} />
            <button type="button" onClick={() => void reloadWorkspace()}>
              Retry
            </button>
          </>
        ) : workspace && workspace.users.length === 0 ? (
          <ErrorBanner title="No demo users" messages={['The workspace has no users to act as. Run the reset command to restore the seed.']} />
        ) : (
          <p className="muted">
            <span className="spinner" aria-hidden="true" />
            Loading the workspace…
          </p>
        )}
      </div>
    );
  }

  const switchUser = (id: string) => {
    rememberAccountId(id);
    setAccountId(id);
    flag({ title: `Acting as ${shell.workspace.users.find((u) => u.accountId === id)?.displayName ?? id}`, appearance: 'info' });
  };

  return (
    <ShellContext.Provider value={shell}>
      <div className="app">
        <TopBar users={shell.workspace.users} accountId={shell.user.accountId} onSwitchUser={switchUser} onCreate={() => navigate({ name: 'create' })} colorMode={colorMode} onColorMode={setColorMode} />
        <Sidebar workspace={shell.workspace} route={route} />
        {/* key: switching user remounts the page, so every frame reloads acting as the new user. */}
        <main key={shell.user.accountId} className={route.name === 'project' ? 'main full' : 'main'} id="main" tabIndex={0} aria-label="Page">
          <Page route={route} />
        </main>
      </div>
      <HostModals modals={modals} onClose={closeModal} />
      <Flags flags={flags} onDismiss={dismissFlag} />
    </ShellContext.Provider>
  );
}
