/**
 * A government's dimension scores (mean over its units): a radar, drawn lazily, beside a
 * table with each dimension's weight and score. Imported results have no dimensions.
 */
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BodyResult } from '../../shared/wire/scores.ts';
import { toLang, useFormat } from '../lib/format.ts';
import { LazyChart } from './lazy-chart.tsx';
import type { ResultWords } from './result-words.ts';
import { useSchemeFacts } from './use-scheme-facts.ts';

export function DimensionPanel({
  cycleId,
  dimensions,
  words,
}: {
  cycleId: string;
  dimensions: BodyResult['dimensions'];
  words?: ResultWords;
}) {
  const { t, i18n } = useTranslation('public');
  const lang = toLang(i18n.resolvedLanguage);
  const format = useFormat();
  const scheme = useSchemeFacts(cycleId);
  const axes = dimensions.map((d) => ({ name: d.title[lang], value: d.score }));
  const label = t('dimensions.chart_label', {
    list: axes.map((a) => `${a.name} ${format.score(a.value)}`).join(', '),
  });

  return (
    <section aria-labelledby="dimensions-heading">
      <h2 className="heading-4" id="dimensions-heading">
        {words?.dimensions ?? t('dimensions.title')}
      </h2>
      {dimensions.length === 0 ? (
        <Text c="dimmed">{t('dimensions.none')}</Text>
      ) : (
        <>
          {scheme.data && axes.length >= 3 && (
            <LazyChart spec={{ kind: 'radar', axes, max: scheme.data.result.max, color: '#1b4f8a' }} label={label} />
          )}
          <table className="data-table">
            <caption className="visually-hidden">{t('dimensions.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{words?.dimension ?? t('dimensions.dimension')}</th>
                <th scope="col" className="num">
                  {t('dimensions.weight')}
                </th>
                <th scope="col" className="num">
                  {words?.score ?? t('dimensions.score')}
                </th>
              </tr>
            </thead>
            <tbody>
              {dimensions.map((d) => (
                <tr key={d.code}>
                  <th scope="row">{d.title[lang]}</th>
                  <td className="num">{format.percent(d.weight, 2)}</td>
                  <td className="num">{format.score(d.score)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
