/**
 * The charts behind React.lazy: recharts (about half of the charts' weight) loads only when a page draws one, so it
 * is not in the app's initial script once the build splits code.
 */
import { lazy, Suspense, type ComponentProps } from 'react';
import Spinner from '@atlaskit/spinner';

const FlowChartLazy = lazy(() => import('./SprintCharts').then((m) => ({ default: m.FlowChart })));
const BudgetLoadChartLazy = lazy(() => import('./SprintCharts').then((m) => ({ default: m.BudgetLoadChart })));
const ConvergenceBarsLazy = lazy(() => import('./ConvergenceChart').then((m) => ({ default: m.ConvergenceBars })));
const DeploymentsChartLazy = lazy(() => import('../delivery-metrics/charts').then((m) => ({ default: m.DeploymentsChart })));
const LeadTimeChartLazy = lazy(() => import('../delivery-metrics/charts').then((m) => ({ default: m.LeadTimeChart })));
const CoverageChartLazy = lazy(() => import('../coverage/CoverageChart').then((m) => ({ default: m.CoverageChart })));
const StageChartLazy = lazy(() => import('../delivery-metrics/charts').then((m) => ({ default: m.StageChart })));

const fallback = (height: number) => (
  <div style={{ height, display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
    <Spinner size="small" label="Loading the chart" />
  </div>
);

export const FlowChart = (p: ComponentProps<typeof FlowChartLazy>) => <Suspense fallback={fallback(180)}><FlowChartLazy {...p} /></Suspense>;
export const BudgetLoadChart = (p: ComponentProps<typeof BudgetLoadChartLazy>) => <Suspense fallback={fallback(180)}><BudgetLoadChartLazy {...p} /></Suspense>;
export const ConvergenceBars = (p: ComponentProps<typeof ConvergenceBarsLazy>) => <Suspense fallback={fallback(170)}><ConvergenceBarsLazy {...p} /></Suspense>;
export const DeploymentsChart = (p: ComponentProps<typeof DeploymentsChartLazy>) => <Suspense fallback={fallback(200)}><DeploymentsChartLazy {...p} /></Suspense>;
export const StageChart = (p: ComponentProps<typeof StageChartLazy>) => <Suspense fallback={fallback(220)}><StageChartLazy {...p} /></Suspense>;
export const LeadTimeChart = (p: ComponentProps<typeof LeadTimeChartLazy>) => <Suspense fallback={fallback(200)}><LeadTimeChartLazy {...p} /></Suspense>;
export const CoverageChart = (p: ComponentProps<typeof CoverageChartLazy>) => <Suspense fallback={fallback(160)}><CoverageChartLazy {...p} /></Suspense>;
