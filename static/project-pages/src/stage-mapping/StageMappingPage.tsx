/**
 * The project's stage mapping with the loop as a picture (sub-page `stage-mapping`). Jira names the project on a
 * project page, so this is where company-managed projects edit their mapping (their workflow's validator
 * configuration pages name no project). The same components and resolver handlers as the validators' configuration UI.
 */
import { MoveRules } from '../../../shared/stage-mapping/MoveRules';
import { ProjectStageMapping } from '../../../shared/stage-mapping/ProjectStageMapping';
import { call, type PageContext } from '../api';
import { pageCss } from '../ui/page-styles';

export function StageMappingPage({ context }: { context: PageContext }) {
  return (
    <main aria-labelledby="rt-stage-mapping-title" className="pp-page">
      <style>{pageCss}</style>
      <h1 id="rt-stage-mapping-title">Stage mapping — {context.projectKey}</h1>
      <p className="pp-muted">
        Which stage of the release-train loop each of the project's statuses belongs to. The workflow validators, the RC promotion gates, the QA regression
        panel and sprint planning all judge a bug's stage by it; a saved change applies at once.
      </p>
      <ProjectStageMapping load={() => call('stage-mapping/setup', {})} save={(byStatusId) => call('stage-mapping/save', { byStatusId })}>
        <MoveRules load={() => call('stage-mapping/move-rules', {})} save={(rules) => call('stage-mapping/save-move-rules', { rules })} />
      </ProjectStageMapping>
    </main>
  );
}
