/**
 * One unit's score taken apart: each dimension (weight, score, points lost of the unit total)
 * opens onto its indicators, grouped by variable, with the mean answer, the percentage, the
 * points earned and the points lost. Points are of the unit's 0–100 total, so the points lost
 * of every indicator add up to 100 − the unit score.
 */
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { compareClaims } from '../../core/pekppp.ts';
import type { DimensionScore, Lang, Scheme, UnitScore } from '../../core/types.ts';
import { useCycleScheme } from '../api/cycle-scheme.ts';
import { toLang, useFormat } from '../lib/format.ts';
import { type ClaimAspect, ClaimChart } from '../ui/claim-chart.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import type { ResultWords } from './result-words.ts';
import { useUnitResult } from './use-results.ts';

/**
 * Per aspect, the score had every claim been accepted beside the verified one (core
 * compareClaims), when the unit's result carries claims (a scheme with a 'claim' instrument,
 * PEKPPP F-01); else none.
 */
export function claimAspects(scheme: Scheme, result: UnitScore, lang: Lang): ClaimAspect[] {
  const claimed = result.dimensions.some((d) => d.variables.some((v) => v.indicators.some((i) => i.claimed != null)));
  if (!claimed || !scheme.instruments.some((i) => i.role === 'claim')) return [];
  return compareClaims(scheme, result).dimensions.map((d) => ({
    code: d.code,
    title: d.title[lang],
    claimed: d.claimedScore,
    verified: d.verifiedScore,
  }));
}

function DimensionItem({ dimension }: { dimension: DimensionScore }) {
  const { t, i18n } = useTranslation('public');
  const lang = toLang(i18n.resolvedLanguage);
  const format = useFormat();
  return (
    <details className="drill" data-dimension={dimension.code}>
      <summary>
        <span className="drill-title">{dimension.title[lang]}</span>
        <Text span size="sm" c="dimmed">
          {t('breakdown.weight', { weight: format.percent(dimension.weight, 2) })}
        </Text>
        <span className="tabular">{format.score(dimension.score)}</span>
        <Text span size="sm" className="lost tabular">
          {t('breakdown.lost', { points: format.score(dimension.pointsLost) })}
        </Text>
      </summary>
      <div className="drill-body lb-table-scroll">
        {dimension.variables.map((v) => (
          <table key={v.code} className="data-table breakdown-table stack-table" data-variable={v.code}>
            <caption>{v.title[lang]}</caption>
            <thead>
              <tr>
                <th scope="col">{t('breakdown.indicator')}</th>
                <th scope="col" className="num">
                  {t('breakdown.value')}
                </th>
                <th scope="col" className="num">
                  {t('breakdown.points')}
                </th>
                <th scope="col" className="num">
                  {t('breakdown.points_lost')}
                </th>
              </tr>
            </thead>
            <tbody>
              {v.indicators.map((i) => (
                <tr key={i.code} data-indicator={i.code}>
                  <th scope="row">
                    <span className="indicator-code">{i.code}</span>
                    {i.text[lang]}
                  </th>
                  <td className="num" data-label={t('breakdown.value')}>
                    {i.missing || i.percentage === null ? t('breakdown.missing') : format.percent(i.percentage, 1)}
                  </td>
                  <td className="num" data-testid="indicator-points" data-label={t('breakdown.points')}>
                    {format.score(i.points)}
                  </td>
                  <td className="num lost" data-testid="indicator-lost" data-label={t('breakdown.points_lost')}>
                    {format.score(i.pointsLost)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      </div>
    </details>
  );
}

export function UnitBreakdown({ cycleId, unitId, words }: { cycleId: string; unitId: string; words?: ResultWords }) {
  const { t, i18n } = useTranslation('public');
  const lang = toLang(i18n.resolvedLanguage);
  const unit = useUnitResult(cycleId, unitId);
  const scheme = useCycleScheme(cycleId);
  if (!unit.data) return <PageLoader />;
  const result = unit.data.result;
  if (!result) return <Text c="dimmed">{t('units.no_result')}</Text>;
  const max = scheme.data?.scheme.result.max ?? 100;
  const aspects = scheme.data ? claimAspects(scheme.data.scheme, result, lang) : [];
  return (
    <div>
      {aspects.length > 0 && (
        <ClaimChart
          aspects={aspects}
          max={max}
          dimension={words?.dimension ?? t('breakdown.dimension')}
          labels={{
            title: t('claims.title'),
            note: t('claims.note'),
            claimed: t('claims.claimed'),
            verified: t('claims.verified'),
            difference: t('claims.difference'),
            chart: t('claims.chart'),
          }}
        />
      )}
      <Text size="sm" c="dimmed" my="xs">
        {t('breakdown.hint', {
          score: words?.score ?? t('breakdown.score'),
          dimension: (words?.dimension ?? t('breakdown.dimension')).toLowerCase(),
          max,
        })}
      </Text>
      {result.dimensions.map((d) => (
        <DimensionItem key={d.code} dimension={d} />
      ))}
    </div>
  );
}
