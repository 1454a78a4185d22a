/**
 * Rank movement against the previous cycle: "▲2" (up, green), "▼1" (down, red), "=" (same),
 * "baru" for a newcomer. The arrow is decorative; screen readers hear the sentence instead.
 */
import { useTranslation } from 'react-i18next';
import type { RankPlace } from './public-types.ts';
import { movementOf, movementSymbol } from './leaderboard-model.ts';

export function RankMovement({ place }: { place: Pick<RankPlace, 'movement' | 'previousRank'> }) {
  const { t } = useTranslation('public');
  const m = movementOf(place);
  const label =
    m.kind === 'up' || m.kind === 'down'
      ? t(`movement.${m.kind}`, { count: m.steps, previous: place.previousRank })
      : t(`movement.${m.kind}`, { previous: place.previousRank });
  return (
    <span className={`movement movement-${m.kind}`} title={label}>
      <span aria-hidden="true">{m.kind === 'new' ? t('movement.new_short') : movementSymbol(m)}</span>
      <span className="visually-hidden">{label}</span>
    </span>
  );
}
