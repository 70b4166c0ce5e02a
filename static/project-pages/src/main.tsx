/**
 * Forge allows one jira:projectPage per app, so the bug sprint-planning page, the RC promotion page and the stage
 * mapping are sub-pages (manifest `pages` routes) of one Custom UI app; this picks the page for the route Jira opened.
 */
import { lazy, Suspense, useEffect, useState } from 'react';
import { ErrorBanner, Loading } from '../../shared/components';
import { mount } from '../../shared/mount';
import { loadPage, type PageContext } from './api';

// Each sub-page is its own chunk: a user opening one page does not download the other five (initial JS budget).
const RegressionCoveragePage = lazy(() => import('./coverage/RegressionCoveragePage').then((m) => ({ default: m.RegressionCoveragePage })));
const RcPromotionPage = lazy(() => import('./rc-promotion/RcPromotionPage').then((m) => ({ default: m.RcPromotionPage })));
const SprintPlanningPage = lazy(() => import('./sprint-planning/SprintPlanningPage').then((m) => ({ default: m.SprintPlanningPage })));
const StageMappingPage = lazy(() => import('./stage-mapping/StageMappingPage').then((m) => ({ default: m.StageMappingPage })));
const OpsHandoffsPage = lazy(() => import('./ops-handoffs/OpsHandoffsPage').then((m) => ({ default: m.OpsHandoffsPage })));
const DeliveryMetricsPage = lazy(() => import('./delivery-metrics/DeliveryMetricsPage').then((m) => ({ default: m.DeliveryMetricsPage })));

function ProjectPages() {
  return (
    <Suspense fallback={<Loading />}>
      <ProjectPage />
    </Suspense>
  );
}

function ProjectPage() {
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
