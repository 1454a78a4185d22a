/**
 * Output helpers: numbers in the chosen language (95,31 / 95.31), plain-text tables, and the
 * band shape every --json result shares.
 */
import type { BandRef, Lang, Text } from '../core/index.ts';
import { localeOf, t } from './i18n.ts';

export interface BandJson {
  code: string;
  label: string;
  zone: string | null;
}

export function bandJson(band: BandRef, lang: Lang): BandJson {
  return { code: band.code, label: band.label[lang], zone: band.zone ?? null };
}

/**
 * `A — Kualitas Tertinggi (hijau)`; the zone is left out for bands without one, and where the
 * band is named after its zone (ombudsman-2021 `hijau`).
 */
export function bandText(band: BandRef, lang: Lang): string {
  const zone = band.zone === undefined || band.zone === band.code ? '' : ` (${t(lang, `zone.${band.zone}`)})`;
  return `${band.code} — ${band.label[lang]}${zone}`;
}

export function text(value: Text, lang: Lang): string {
  return value[lang];
}

const fixed2 = new Map<Lang, Intl.NumberFormat>();
const whole = new Map<Lang, Intl.NumberFormat>();
const plain = new Map<Lang, Intl.NumberFormat>();

/** A number already rounded to 2 dp, shown with exactly two decimals: `95,31`. */
export function num2(value: number, lang: Lang): string {
  let format = fixed2.get(lang);
  if (format === undefined) {
    format = new Intl.NumberFormat(localeOf(lang), { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    fixed2.set(lang, format);
  }
  return format.format(value);
}

/** A whole number with the language's grouping: `1.500` / `1,500`. */
export function int(value: number, lang: Lang): string {
  let format = whole.get(lang);
  if (format === undefined) {
    format = new Intl.NumberFormat(localeOf(lang), { maximumFractionDigits: 0 });
    whole.set(lang, format);
  }
  return format.format(value);
}

/** A number with as many decimals as it has (up to 3): weights such as `21,85` or `15,295`. */
export function num(value: number, lang: Lang): string {
  let format = plain.get(lang);
  if (format === undefined) {
    format = new Intl.NumberFormat(localeOf(lang), { maximumFractionDigits: 3 });
    plain.set(lang, format);
  }
  return format.format(value);
}

export function yesNo(value: boolean, lang: Lang): string {
  return t(lang, value ? 'table.yes' : 'table.no');
}

export type Align = 'left' | 'right';

function width(value: string): number {
  return [...value].length;
}

/** A plain-text table: header, a rule, rows; numeric columns right-aligned. */
export function renderTable(headers: readonly string[], rows: readonly (readonly string[])[], align: readonly Align[]): string {
  const widths = headers.map((h, c) => Math.max(width(h), ...rows.map((r) => width(r[c] ?? ''))));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, c) => {
        const pad = ' '.repeat(widths[c]! - width(cell));
        return align[c] === 'right' ? pad + cell : cell + pad;
      })
      .join('  ')
      .trimEnd();
  return `${[line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n')}\n`;
}

/** `Label   : value` lines, labels padded to one width. */
export function renderFields(fields: readonly (readonly [string, string])[]): string {
  const w = Math.max(...fields.map(([label]) => width(label)));
  return `${fields.map(([label, value]) => `${label}${' '.repeat(w - width(label))} : ${value}`).join('\n')}\n`;
}
