/**
 * A published rank ("3 dari 8" with its movement) and which rank columns a snapshot has; shared
 * by the governments table and the detail row.
 */
import { useTranslation } from 'react-i18next';
import type { SnapshotRank } from '../../shared/wire/publications.ts';
import { RankMovement } from '../ui/rank-movement.tsx';

/** Which rank columns have anything to show (a province's snapshot may carry no national ranks). */
export interface Columns {
  province: boolean;
  national: boolean;
}

export function Rank({ place }: { place: SnapshotRank | null }) {
  const { t } = useTranslation('publish');
  if (!place) {
    return (
      <span>
        <span aria-hidden="true">—</span>
        <span className="visually-hidden">{t('table.not_ranked')}</span>
      </span>
    );
  }
  return (
    <span className="pub-rank">
      {t('table.rank_of', { rank: place.rank, of: place.of })} <RankMovement place={place} />
    </span>
  );
}
