/**
 * One ranking group of a published cycle, filtered by name and province: a table with a
 * caption on wide screens, a list of cards on phones. Each government links to its page.
 */
import { lazy, Suspense } from 'react';
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CycleSummary } from '../../shared/wire/cycles.ts';
import type { Province } from '../../shared/wire/registry.ts';
import type { RankingGroup } from '../api/rankings.ts';
import { API_BASE } from '../lib/api.ts';
import { PageLoader } from '../ui/page-loader.tsx';
import { filterRows } from './leaderboard-model.ts';
import { LeaderboardCards, LeaderboardTable } from './leaderboard-table.tsx';
import { useRanking } from './use-published.ts';

// The "Sumber: Publikasi … · Data terbuka" line, loaded after the table (not in the first paint).
const PublicationSource = lazy(() =>
  import('../ui/publication-source.tsx').then(
    (m) => ({ default: m.PublicationSource }),
    () => ({ default: () => null }),
  ),
);

export interface LeaderboardResultsProps {
  cycle: CycleSummary;
  group: RankingGroup;
  q?: string;
  /** National view: only this province's bodies (national ranks kept). */
  province?: string;
  provinces: Province[];
}

export function LeaderboardResults({ cycle, group, q, province, provinces }: LeaderboardResultsProps) {
  const { t, i18n } = useTranslation('public');
  const ranking = useRanking(cycle.id, group);
  if (!ranking.data) return <PageLoader />;

  const lang = i18n.resolvedLanguage === 'en' ? 'en' : 'id';
  const words = cycle.terms ? { score: cycle.terms.score[lang], band: cycle.terms.band[lang] } : undefined;
  const names = new Map(provinces.map((p) => [p.code, p.name]));
  const rows = filterRows(ranking.data.items, { q, province });
  const groupName =
    group.kind === 'national'
      ? t('leaderboard.group.national', { type: t(`types.${group.type}`) })
      : t('leaderboard.group.province', { province: names.get(group.province) ?? group.province });
  const previous = ranking.data.previousCycle;
  const caption = [
    t('leaderboard.caption', { group: groupName, cycle: cycle.name }),
    previous ? t('leaderboard.movement_against', { year: previous.year }) : t('leaderboard.no_previous'),
  ].join(' ');

  if (ranking.data.items.length === 0) {
    return <Text c="dimmed">{t('leaderboard.empty', { group: groupName })}</Text>;
  }
  return (
    <div>
      <Text size="sm" c="dimmed" mb="xs" role="status" aria-live="polite">
        {t('leaderboard.count', { count: rows.length, shown: rows.length, total: ranking.data.items.length })}
      </Text>
      {rows.length === 0 ? (
        <Text>{t('leaderboard.no_match')}</Text>
      ) : (
        <>
          <LeaderboardTable
            cycleId={cycle.id}
            caption={caption}
            rows={rows}
            provinceNames={group.kind === 'national' ? names : null}
            words={words}
          />
          <LeaderboardCards cycleId={cycle.id} caption={caption} rows={rows} />
        </>
      )}
      {/* A plain download link: the workbook is built on the server (no Excel code in this bundle). */}
      <Text
        component="a"
        size="sm"
        c="var(--mantine-color-anchor)"
        td="underline"
        display="inline-block"
        mt="xs"
        href={`${API_BASE}/cycles/${cycle.id}/rankings.xlsx?${new URLSearchParams(
          group.kind === 'national' ? { group: 'national', type: group.type } : { group: 'province', province: group.province },
        ).toString()}&lang=${i18n.language === 'en' ? 'en' : 'id'}`}
        download
        aria-label={t('xlsx.download_label', { ns: 'ui', what: groupName })}
        data-testid="leaderboard-xlsx"
      >
        {t('xlsx.download', { ns: 'ui' })}
      </Text>
      <Suspense fallback={null}>
        <PublicationSource cycleId={cycle.id} scope={group.kind === 'national' ? 'national' : group.province} />
      </Suspense>
    </div>
  );
}
