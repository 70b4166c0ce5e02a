/**
 * Forge allows one jira:projectPage per app, so the bug sprint-planning page, the RC promotion page and the stage
 * mapping are sub-pages (manifest `pages` routes) of one Custom UI app; this picks the page for the route Jira opened.
 */
import { useEffect, useState } from 'react';
import { ErrorBanner, Loading } from '../../shared/components';
import { mount } from '../../shared/mount';
import { loadPage, type PageContext } from './api';
import { RegressionCoveragePage } from './coverage/RegressionCoveragePage';
import { RcPromotionPage } from './rc-promotion/RcPromotionPage';
import { SprintPlanningPage } from './sprint-planning/SprintPlanningPage';
import { StageMappingPage } from './stage-mapping/StageMappingPage';
import { OpsHandoffsPage } from './ops-handoffs/OpsHandoffsPage';
import { DeliveryMetricsPage } from './delivery-metrics/DeliveryMetricsPage';

function ProjectPages() {
  const [page, setPage] = useState<{ route: string; context: PageContext } | { error: string } | null>(null);
  useEffect(() => {
    loadPage().then(setPage, (e: unknown) => setPage({ error: `Could not read this page's context from Jira (${e instanceof Error ? e.message : String(e)}). Reload the page.` }));
  }, []);
  if (!page) return <Loading />;
  if ('error' in page) return <ErrorBanner error={page.error} />;
  if (!page.context.projectKey) return <ErrorBanner error="Open this page from a project's sidebar: Jira gave it no project." />;
  if (page.route === 'rc-promotion') return <RcPromotionPage context={page.context} />;
  if (page.route === 'stage-mapping') return <StageMappingPage context={page.context} />;
  if (page.route === 'ops-handoffs') return <OpsHandoffsPage context={page.context} />;
  if (page.route === 'delivery-metrics') return <DeliveryMetricsPage context={page.context} />;
  if (page.route === 'regression-coverage') return <RegressionCoveragePage context={page.context} />;
  if (page.route === 'sprint-planning' || page.route === '') return <SprintPlanningPage context={page.context} />;
  return <ErrorBanner error={`This app has no page '${page.route}'. Use the project sidebar to open Bug sprint planning, RC promotion, Stage mapping, Ops hand-offs, Delivery metrics or Regression coverage.`} />;
}

mount(<ProjectPages />);
