/**
 * The coverage chart, loaded on demand: it pulls in recharts, the heaviest part of this app, which the RC promotion
 * page would otherwise load before its first content (see docs/ui.md, "Bundles and speed").
 */
import { lazy, Suspense, type ComponentProps } from 'react';
import type * as Chart from './CoverageChart';

const Lazy = lazy(() => import('./CoverageChart').then((m) => ({ default: m.CoverageChart })));

export function CoverageChart(props: ComponentProps<typeof Chart.CoverageChart>) {
  return (
    <Suspense fallback={<div style={{ minHeight: 200 }} aria-hidden="true" />}>
      <Lazy {...props} />
    </Suspense>
  );
}
