/**
 * Issue 17: set a unit's approximate coordinates by clicking on a drawing of its province, offline
 * (no map tiles): the kabupaten/kota centres (src/web/lib/geo) as grey squares, the chosen
 * kabupaten/kota's in the accent colour, the unit's point where its coordinates are. A click sets
 * latitude and longitude to 4 decimals (about 10 m; the drawing itself is good to a few km, so
 * exact coordinates are still typed). Keyboard users type the coordinates in the fields above.
 */
import { useElementSize } from '@mantine/hooks';
import { Text } from '@mantine/core';
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fitProjection, labelAnchor, provinceCentres, type LatLon } from '../lib/geo/projection.ts';

const round4 = (n: number) => Math.round(n * 1e4) / 1e4;

export function LocationPicker({
  regencyCode,
  point,
  names,
  onPick,
}: {
  /** The chosen kabupaten/kota: its province is drawn. */
  regencyCode: string;
  /** The unit's coordinates now, when valid. */
  point: LatLon | null;
  /** Kabupaten/kota names by code (labels), when known. */
  names?: ReadonlyMap<string, string>;
  onPick: (lat: number, lon: number) => void;
}) {
  const { t } = useTranslation('admin');
  const { ref, width } = useElementSize();
  const province = regencyCode.split('.')[0] ?? '';
  const centres = Object.entries(provinceCentres(province));
  if (centres.length === 0) return null;
  const w = width || 480;
  const projection = fitProjection([...centres.map(([, p]) => p), ...(point ? [point] : [])], w, 300, 24);
  const click = (e: MouseEvent<SVGSVGElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    const [lat, lon] = projection.latLonAt(e.clientX - box.left, e.clientY - box.top);
    onPick(round4(lat), round4(lon));
  };
  return (
    <div ref={ref} className="location-picker">
      <Text size="sm" c="dimmed" mb={4} id="location-picker-hint">
        {t('units.location.picker_hint')}
      </Text>
      {/* biome-ignore lint/a11y/useKeyWithClickEvents: the coordinate fields above are the keyboard way; the drawing is a pointer shortcut */}
      <svg
        width={projection.width}
        height={projection.height}
        role="img"
        aria-label={t('units.location.picker')}
        aria-describedby="location-picker-hint"
        onClick={click}
        data-testid="location-picker"
      >
        {centres.map(([code, p]) => {
          const [x, y] = projection.at(p);
          const chosen = code === regencyCode;
          return (
            <g key={code} data-regency={code} className={chosen ? 'picker-ref picker-ref-chosen' : 'picker-ref'}>
              <rect x={x - 3} y={y - 3} width={6} height={6} />
              {(chosen || centres.length <= 12) && names?.get(code) && (
                <text x={x} y={y + 14} textAnchor={labelAnchor(x, projection.width)} fontSize={10}>
                  {names.get(code)!.replace(/^Kabupaten /, 'Kab. ')}
                </text>
              )}
            </g>
          );
        })}
        {point && (
          <circle cx={projection.at(point)[0]} cy={projection.at(point)[1]} r={6} className="picker-point" data-testid="picker-point" />
        )}
      </svg>
    </div>
  );
}
