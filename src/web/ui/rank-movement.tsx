/**
 * Rank movement against the previous cycle: "▲2" (up, green), "▼1" (down, red), "=" (same),
 * "baru" for a newcomer. The arrow is decorative; screen readers hear the sentence instead.
 * Strings: the `public` namespace (the publication page loads it too).
 */
import { useTranslation } from 'react-i18next';
import type { RankPlace } from '../../shared/wire/scores.ts';

export type Movement =
  | { kind: 'up' | 'down'; steps: number }
  | { kind: 'same' }
  /** Not ranked in the previous cycle of the family (or no previous cycle). */
  | { kind: 'new' };

export function movementOf(place: Pick<RankPlace, 'movement' | 'previousRank'>): Movement {
  if (place.movement === null || place.previousRank === null) return { kind: 'new' };
  if (place.movement > 0) return { kind: 'up', steps: place.movement };
  if (place.movement < 0) return { kind: 'down', steps: -place.movement };
  return { kind: 'same' };
}

/** "▲2", "▼1", "=", or "" for a newcomer. */
export function movementSymbol(m: Movement): string {
  if (m.kind === 'up') return `▲${m.steps}`;
  if (m.kind === 'down') return `▼${m.steps}`;
  return m.kind === 'same' ? '=' : '';
}

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
