/** Shown instead of the stage mapping when Jira does not name the project (a company-managed, possibly shared, workflow). */
import { Banner } from '../../shared/components';

export function ProjectUnknown() {
  return (
    <section aria-labelledby="rt-mapping-heading">
      <h2 id="rt-mapping-heading">Stage mapping</h2>
      <Banner kind="info">
        Jira does not tell this page which project the workflow belongs to (a company-managed workflow can be shared by several projects), so the stage
        mapping is not shown here. You can still set and save this rule's options above. Each project that uses the workflow keeps its own stage mapping:
        until a project admin saves one, the rule uses the default derived from the project's status names and categories. To see or edit a project's
        mapping, open <strong>Release Train → Stage mapping</strong> in that project's sidebar (project admins can change it there). Opened from a
        team-managed project's own workflow, where Jira names the project, this page shows it too.
      </Banner>
    </section>
  );
}
