/**
 * A chart that costs nothing until it is needed: ECharts (public-charts.tsx, its own chunk)
 * is imported only when the chart's box comes near the viewport. The box is an image with a
 * text alternative; the numbers are also in the table beside every chart.
 */
import { lazy, Suspense } from 'react';
import { useNearViewport } from '../ui/use-near-viewport.ts';
import type { ChartSpec } from './public-charts.tsx';

const PublicChart = lazy(() => import('./public-charts.tsx').then((m) => ({ default: m.PublicChart })));

export function LazyChart({ spec, label, height = 300 }: { spec: ChartSpec; label: string; height?: number }) {
  const [ref, near] = useNearViewport<HTMLDivElement>();

  return (
    <div ref={ref} role="img" aria-label={label} className="chart-box" style={{ minHeight: height }} data-chart={spec.kind}>
      {near && (
        <Suspense fallback={null}>
          <PublicChart spec={spec} height={height} />
        </Suspense>
      )}
    </div>
  );
}
