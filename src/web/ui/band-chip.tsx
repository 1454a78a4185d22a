/**
 * A band (predikat/zona) as a chip in the scheme's colour: "A · Kualitas Tertinggi".
 * The text colour is whichever of black or white contrasts more with the band colour, so
 * every scheme colour stays readable (WCAG contrast), in light and dark mode alike.
 * A plain <span> with the look of Mantine's Badge (global.css `.band-chip`): the chip is on
 * every public page, and Badge would add ~1 KB gzipped to each first visit (issue 4 §8).
 */
import type { ComponentPropsWithoutRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { BandRef } from '../../core/types.ts';
import { toLang } from '../lib/format.ts';

function channel(c: number): number {
  const s = c / 255;
  return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

export function relativeLuminance(hex: string): number {
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex.trim());
  if (!m?.[1]) return 0;
  const full = m[1].length === 3 ? [...m[1]].map((c) => c + c).join('') : m[1];
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as [number, number, number];
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Black or white, whichever reads better on `background`. */
export function textColorOn(background: string): '#000000' | '#ffffff' {
  return contrastRatio(background, '#000000') >= contrastRatio(background, '#ffffff') ? '#000000' : '#ffffff';
}

export interface BandChipProps extends Omit<ComponentPropsWithoutRef<'span'>, 'color' | 'children'> {
  band: Pick<BandRef, 'code' | 'label' | 'color'>;
  /** Mantine Badge sizes. */
  size?: 'xs' | 'sm' | 'md' | 'lg' | 'xl';
}

export function BandChip({ band, size = 'lg', className, style, ...rest }: BandChipProps) {
  const { i18n } = useTranslation();
  const label = band.label[toLang(i18n.resolvedLanguage ?? i18n.language)];
  return (
    <span
      className={className ? `band-chip ${className}` : 'band-chip'}
      data-size={size}
      style={{ ...style, backgroundColor: band.color, color: textColorOn(band.color) }}
      {...rest}
    >
      {`${band.code} · ${label}`}
    </span>
  );
}
