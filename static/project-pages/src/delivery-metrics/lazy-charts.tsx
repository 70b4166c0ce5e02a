/**
 * The delivery metrics charts, loaded on demand: recharts is the heaviest part of this app, and the other sub-pages
 * never draw a chart, so it stays out of the initial bundle (see docs/ui.md, "Bundles and speed").
 */
import { lazy, Suspense, type ComponentProps } from 'react';
import type * as Charts from './charts';

const load = () => import('./charts');
const Deployments = lazy(() => load().then((m) => ({ default: m.DeploymentsChart })));
const Stages = lazy(() => load().then((m) => ({ default: m.StageChart })));

// The same height as the chart, so the page does not jump when it arrives.
const placeholder = <div style={{ height: 180 }} aria-hidden="true" />;

export function DeploymentsChart(props: ComponentProps<typeof Charts.DeploymentsChart>) {
  return (
    <Suspense fallback={placeholder}>
      <Deployments {...props} />
    </Suspense>
  );
}

export function StageChart(props: ComponentProps<typeof Charts.StageChart>) {
  return (
    <Suspense fallback={placeholder}>
      <Stages {...props} />
    </Suspense>
  );
}
