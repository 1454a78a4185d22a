/**
 * One unit's score taken apart: each dimension (weight, score, points lost of the unit total)
 * opens onto its indicators, grouped by variable, with the mean answer, the percentage, the
 * points earned and the points lost. Points are of the unit's 0–100 total, so the points lost
 * of every indicator add up to 100 − the unit score.
 */
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DimensionScore } from '../../core/types.ts';
import { toLang, useFormat } from '../lib/format.ts';
import { PageLoader } from '../ui/page-loader.tsx';
import { useUnitResult } from './use-results.ts';

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

export function UnitBreakdown({ cycleId, unitId }: { cycleId: string; unitId: string }) {
  const { t } = useTranslation('public');
  const unit = useUnitResult(cycleId, unitId);
  if (!unit.data) return <PageLoader />;
  const result = unit.data.result;
  if (!result) return <Text c="dimmed">{t('units.no_result')}</Text>;
  return (
    <div>
      <Text size="sm" c="dimmed" my="xs">
        {t('breakdown.hint')}
      </Text>
      {result.dimensions.map((d) => (
        <DimensionItem key={d.code} dimension={d} />
      ))}
    </div>
  );
}
