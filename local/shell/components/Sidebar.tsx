import type { Route } from '../routes';
import type { Workspace } from '../workspace-client';

type Props = { workspace: Workspace; route: Route };

export function Sidebar({ workspace, route }: Props) {
  const current = (active: boolean) => (active ? ({ 'aria-current': 'page' } as const) : {});
  return (
    <nav className="sidebar" aria-label="Project">
      <div className="project">
        <span className="avatar" aria-hidden="true">
          {workspace.projectKey.slice(0, 2)}
        </span>
        <div>
          <div className="project-name">{workspace.projectName}</div>
          <div className="project-type">Software project</div>
        </div>
      </div>
      <ul>
        <li>
          <a href="#/issues" {...current(route.name === 'issues' || route.name === 'issue')}>
            Issues
          </a>
        </li>
      </ul>
      {workspace.projectPages.map((module) => (
        <div key={module.key}>
          <div className="group">{module.title}</div>
          <ul>
            {module.pages.map((page) => (
              <li key={page.route}>
                <a href={`#/project/${encodeURIComponent(page.route)}`} {...current(route.name === 'project' && route.route === page.route)}>
                  {page.title}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ))}
      <div className="group">Settings</div>
      <ul>
        <li>
          <a href="#/settings/workflow" {...current(route.name === 'workflow')}>
            Workflow settings
          </a>
        </li>
      </ul>
    </nav>
  );
}
