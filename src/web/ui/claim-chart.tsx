/**
 * The over-claim view (issue 10 §5): per aspect, the unit's claimed score (PEKPPP F-01) beside
 * the verified one (F-02), as a table with the difference and, below the fold, a grouped bar
 * chart. ECharts (claim-chart-bars.tsx, its own chunk) is imported only when the chart's box
 * comes near the viewport, so neither the portal's first visit nor the evaluator's screen pays
 * for it up front. The table carries every number; the chart is an image with a text alternative.
 */
import { lazy, Suspense } from 'react';
import { useNearViewport } from './use-near-viewport.ts';
import { useFormat } from '../lib/format.ts';
import type { ClaimAspect } from './claim-chart-bars.tsx';

const ClaimBars = lazy(() => import('./claim-chart-bars.tsx').then((m) => ({ default: m.ClaimBars })));

/** The words, from the caller's namespace (the portal's government page, the evaluator's screen). */
export interface ClaimLabels {
  title: string;
  note: string;
  claimed: string;
  verified: string;
  difference: string;
  /** The chart's text alternative before the list of numbers. */
  chart: string;
}

export type { ClaimAspect } from './claim-chart-bars.tsx';

/** "+0,41" / "−0,20" / "0,00": the sign of claimed − verified, the number in the reader's format. */
export function signedDifference(claimed: number, verified: number, score: (x: number) => string): string {
  const d = Math.round((claimed - verified) * 100) / 100;
  return d > 0 ? `+${score(d)}` : d < 0 ? `−${score(-d)}` : score(0);
}

function LazyBars({ aspects, max, label, labels }: { aspects: ClaimAspect[]; max: number; label: string; labels: ClaimLabels }) {
  const [ref, near] = useNearViewport<HTMLDivElement>();
  const height = 60 + aspects.length * 44;
  return (
    <div ref={ref} role="img" aria-label={label} className="chart-box" style={{ minHeight: height }} data-chart="claims">
      {near && (
        <Suspense fallback={null}>
          <ClaimBars aspects={aspects} max={max} height={height} claimed={labels.claimed} verified={labels.verified} />
        </Suspense>
      )}
    </div>
  );
}

export function ClaimChart({
  aspects,
  max,
  dimension,
  labels,
  headingLevel = 3,
}: {
  labels: ClaimLabels;
  aspects: ClaimAspect[];
  /** Top of the result scale (5 for the IPP). */
  max: number;
  /** The scheme's word for a dimension ("Aspek"). */
  dimension: string;
  headingLevel?: 2 | 3 | 4;
}) {
  const format = useFormat();
  if (aspects.length === 0) return null;
  const Heading = `h${headingLevel}` as const;
  const label = `${labels.chart}: ${aspects.map((a) => `${a.title} ${format.score(a.claimed)} / ${format.score(a.verified)}`).join('; ')}`;
  return (
    <section className="claim-chart" data-testid="claim-chart">
      <Heading className="heading-4">{labels.title}</Heading>
      <p className="claim-note">{labels.note}</p>
      <LazyBars aspects={aspects} max={max} label={label} labels={labels} />
      <table className="data-table stack-table">
        <caption className="visually-hidden">{labels.title}</caption>
        <thead>
          <tr>
            <th scope="col">{dimension}</th>
            <th scope="col" className="num">
              {labels.claimed}
            </th>
            <th scope="col" className="num">
              {labels.verified}
            </th>
            <th scope="col" className="num">
              {labels.difference}
            </th>
          </tr>
        </thead>
        <tbody>
          {aspects.map((a) => (
            <tr key={a.code} data-aspect={a.code}>
              <th scope="row">{a.title}</th>
              <td className="num" data-label={labels.claimed}>
                {format.score(a.claimed)}
              </td>
              <td className="num" data-label={labels.verified}>
                {format.score(a.verified)}
              </td>
              <td className="num" data-label={labels.difference} data-testid="claim-difference">
                {signedDifference(a.claimed, a.verified, format.score)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
