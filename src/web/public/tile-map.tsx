/**
 * A province's kabupaten/kota as a grid of tiles filled with their band colour. Every tile
 * also says it in text (name, score, band code; the band label for screen readers) and links
 * to the government's page. Units without a published result are dashed "not assessed" tiles.
 */
import { use } from 'react';
import { useTranslation } from 'react-i18next';
import type { BandRef } from '../../core/types.ts';
import { toLang, useFormat } from '../lib/format.ts';
import { textColorOn } from '../ui/band-chip.tsx';
import { AnchorLink } from '../ui/anchor-link.tsx';
import { shortBodyName } from './leaderboard-model.ts';
import { loadTileLayout, placeTiles } from './tile-layouts.ts';

export interface MapTile {
  id: string;
  code: string;
  name: string;
  result: { score: number; band: BandRef; rank: number } | null;
}

export function TileMap({ province, tiles, cycleId, label }: { province: string; tiles: MapTile[]; cycleId: string; label: string }) {
  const { t, i18n } = useTranslation('public');
  const lang = toLang(i18n.resolvedLanguage);
  const format = useFormat();
  // The province's layout chunk (ProvinceMap starts loading it with the data); suspends until then.
  const grid = placeTiles(use(loadTileLayout(province)), tiles);
  return (
    <div className="tile-map-scroll">
      <ul
        className={grid.cols >= 7 ? 'tile-map tile-map-dense' : 'tile-map'}
        aria-label={label}
        style={{ ['--tile-cols' as string]: grid.cols }}
      >
        {grid.tiles.map(({ item, col, row }) => (
          <li key={item.id} style={{ gridColumn: col + 1, gridRow: row + 1 }} data-body-code={item.code}>
            {item.result ? (
              <AnchorLink
                to="/governments/$bodyId"
                params={{ bodyId: item.id }}
                search={{ cycle: cycleId }}
                className="tile"
                underline="never"
                style={{ background: item.result.band.color, color: textColorOn(item.result.band.color) }}
              >
                <span className="tile-name">{shortBodyName(item.name)}</span>
                <span className="tile-value">{format.score(item.result.score)}</span>
                <span className="tile-band">
                  {item.result.band.code}
                  <span className="visually-hidden">
                    {` · ${item.result.band.label[lang]} · ${t('map.rank', { rank: item.result.rank })}`}
                  </span>
                </span>
              </AnchorLink>
            ) : (
              <div className="tile tile-none">
                <span className="tile-name">{shortBodyName(item.name)}</span>
                <span className="tile-band">{t('map.not_assessed')}</span>
              </div>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
