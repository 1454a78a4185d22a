/**
 * A government's published score across the cycles of one scheme family (oldest first): a
 * line drawn lazily, and the same numbers as a table with the band of each year.
 */
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TrendItem } from '../../shared/wire/scores.ts';
import { useFormat } from '../lib/format.ts';
import { BandChip } from '../ui/band-chip.tsx';
import { LazyChart } from './lazy-chart.tsx';

export function TrendPanel({ items, current }: { items: TrendItem[]; current: string }) {
  const { t } = useTranslation('public');
  const format = useFormat();
  const family = items.find((i) => i.cycle.id === current)?.cycle.family;
  const series = items.filter((i) => i.cycle.family === family).sort((a, b) => a.cycle.year - b.cycle.year);
  const label = t('trend.chart_label', { list: series.map((i) => `${i.cycle.year} ${format.score(i.score)}`).join(', ') });
  const small = series.every((i) => i.score <= 5);

  return (
    <section aria-labelledby="trend-heading">
      <h2 className="heading-4" id="trend-heading">
        {t('trend.title')}
      </h2>
      {series.length === 0 ? (
        <Text c="dimmed">{t('trend.none')}</Text>
      ) : (
        <>
          {series.length > 1 && (
            <LazyChart
              height={240}
              label={label}
              spec={{
                kind: 'trend',
                min: 0,
                max: small ? 5 : 100,
                points: series.map((i) => ({ label: String(i.cycle.year), value: i.score, color: i.band.color })),
              }}
            />
          )}
          <table className="data-table">
            <caption className="visually-hidden">{t('trend.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('trend.year')}</th>
                <th scope="col" className="num">
                  {t('trend.score')}
                </th>
                <th scope="col">{t('trend.band')}</th>
              </tr>
            </thead>
            <tbody>
              {series.map((i) => (
                <tr key={i.cycle.id} aria-current={i.cycle.id === current ? 'true' : undefined}>
                  <th scope="row" className={i.cycle.id === current ? 'strong' : undefined}>
                    {i.cycle.year}
                  </th>
                  <td className="num">{format.score(i.score)}</td>
                  <td>
                    <BandChip band={i.band} size="sm" />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
