/**
 * The headline of a government's page: its published score and band (with qualifiers such as
 * "Tanpa Maladministrasi"), its rank in its province and nationally among its type, each with
 * the movement against the previous cycle.
 */
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BodyResult, RankPlace } from '../../shared/wire/scores.ts';
import { toLang } from '../lib/format.ts';
import { BandChip } from '../ui/band-chip.tsx';
import { ScoreValue } from '../ui/score-value.tsx';
import { RankMovement } from '../ui/rank-movement.tsx';
import type { ResultWords } from './result-words.ts';

function RankStat({ title, place, testId }: { title: string; place: RankPlace | null; testId: string }) {
  const { t } = useTranslation('public');
  return (
    <div className="gov-stat" data-testid={testId}>
      <Text size="sm" c="dimmed" fw={500}>
        {title}
      </Text>
      {place ? (
        <>
          <Text className="gov-score tabular">
            {place.rank}
            <Text span c="dimmed" fz="md" fw={500} ml={6}>
              {t('government.rank_of', { of: place.of })}
            </Text>
          </Text>
          <RankMovement place={place} />
        </>
      ) : (
        <Text c="dimmed">{t('government.not_ranked')}</Text>
      )}
    </div>
  );
}

export function GovernmentSummary({
  result,
  provinceName,
  words,
}: {
  result: BodyResult;
  provinceName: string | null;
  words?: ResultWords;
}) {
  const { t, i18n } = useTranslation('public');
  const lang = toLang(i18n.resolvedLanguage);
  const r = result.result;
  return (
    <section className="gov-summary" aria-label={t('government.summary', { cycle: result.cycle.name })}>
      <div className="gov-stat" data-testid="government-score">
        <Text size="sm" c="dimmed" fw={500}>
          {words?.score ? `${words.score} ${result.cycle.year}` : t('government.score', { year: result.cycle.year })}
        </Text>
        {r ? (
          <>
            <ScoreValue value={r.score} className="gov-score" incomplete={!r.complete} />
            <BandChip band={r.band} />
            {r.qualifiers
              .filter((q) => q.applies)
              .map((q) => (
                <span key={q.code} className="qualifier">
                  {q.label[lang]}
                </span>
              ))}
            <Text size="xs" c="dimmed">
              {r.source === 'imported' ? t('government.source_imported') : t('government.units_count', { count: r.units })}
            </Text>
          </>
        ) : (
          <Text c="dimmed">{t('government.no_result')}</Text>
        )}
      </div>
      {result.body.type !== 'provinsi' && result.body.provinceCode && (
        <RankStat
          title={t('government.rank_province', { province: provinceName ?? result.body.provinceCode })}
          place={result.ranks.province}
          testId="rank-province"
        />
      )}
      <RankStat
        title={t('government.rank_national', { type: t(`types.${result.body.type}`) })}
        place={result.ranks.nationalType}
        testId="rank-national"
      />
    </section>
  );
}
