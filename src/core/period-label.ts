/**
 * Issue 11: a survey period in words, never its key on screen or paper — "2026-Q4" is
 * "Triwulan IV 2026" / "Q4 2026", "2026-05" "Mei 2026" / "May 2026", "2026-S1" "Semester I 2026" /
 * "H1 2026", "2026" "Tahun 2026" / "Year 2026". Pure; the engine's flag reasons, the server's PDFs and the web share it.
 */
import type { Lang } from './types.ts';

const MONTHS: Record<Lang, readonly string[]> = {
  id: ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};
const ROMAN = ['I', 'II', 'III', 'IV'];

const KEY = /^(\d{4})(?:-(?:(\d{2})|Q([1-4])|S([12])))?$/;

/** The period key ("2026-Q4", "2026-05", "2026-S1", "2026") in words; an unknown key as it is. */
export function periodLabel(key: string, lang: Lang): string {
  const m = KEY.exec(key);
  if (m === null) return key;
  const year = m[1]!;
  if (m[2] !== undefined) {
    const month = MONTHS[lang][Number(m[2]) - 1];
    return month === undefined ? key : `${month} ${year}`;
  }
  if (m[3] !== undefined) return lang === 'id' ? `Triwulan ${ROMAN[Number(m[3]) - 1]} ${year}` : `Q${m[3]} ${year}`;
  if (m[4] !== undefined) return lang === 'id' ? `Semester ${ROMAN[Number(m[4]) - 1]} ${year}` : `H${m[4]} ${year}`;
  return lang === 'id' ? `Tahun ${year}` : `Year ${year}`;
}
