/** A `jira:projectPage` sub-page: the module's resource frame with the page's route, full width. */
import { useMemo } from 'react';
import { AppFrame } from '../AppFrame';
import { ErrorBanner } from '../components/ErrorBanner';
import { projectPageContext } from '../frame-context';
import { frameBase, handleCommonFrameMessage } from '../frame-messages';
import { useShell } from '../shell-context';

export function ProjectPage({ route }: { route: string }) {
  const shell = useShell();
  const { workspace } = shell;
  const module = workspace.projectPages.find((m) => m.pages.some((p) => p.route === route));
  const page = module?.pages.find((p) => p.route === route);
  const context = useMemo(
    () => (module ? projectPageContext(frameBase(shell, module.key, `${module.key}-page`), { id: workspace.projectId, key: workspace.projectKey }) : {}),
    // Deps on purpose: one context per user and module.
    [shell.user.accountId, module?.key],
  );
  if (!module || !page) return <ErrorBanner title="No such project page" messages={[`The app has no project page with the route “${route}”.`]} />;
  return (
    <section aria-label={page.title}>
      <div className="breadcrumbs">
        Projects / {workspace.projectName} / {module.title}
      </div>
      {/* key: a new route is a new page load in Jira. */}
      <AppFrame key={route} resource={module.resource} moduleKey={module.key} functionKey={module.functionKey} context={context} route={route} title={page.title} minHeight={600} onMessage={(m) => handleCommonFrameMessage(shell, m)} />
    </section>
  );
}
