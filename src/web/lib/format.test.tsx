import { describe, expect, it } from 'vitest';
import { act, screen } from '@testing-library/react';
import {
  createFormatter,
  formatDate,
  formatDateTime,
  formatInteger,
  formatPercent,
  formatScore,
  useFormat,
  ZoneContext,
  zoneTzOf,
  type Lang,
} from './format.ts';
import { changeLanguage } from './i18n.ts';
import { renderWithProviders } from '../test/render.tsx';

describe('formatScore', () => {
  it.each<[number, Lang, string]>([
    [95.31, 'id', '95,31'],
    [95.31, 'en', '95.31'],
    [88, 'id', '88,00'],
    [7.5, 'en', '7.50'],
    [1234.5, 'id', '1.234,50'],
    [1234.5, 'en', '1,234.50'],
    [-0.001, 'id', '0,00'],
    [0, 'en', '0.00'],
  ])('formats %s in %s as %s', (value, lang, expected) => {
    expect(formatScore(value, lang)).toBe(expected);
  });
});

describe('formatInteger', () => {
  it.each<[number, Lang, string]>([
    [12345, 'id', '12.345'],
    [12345, 'en', '12,345'],
    [30, 'id', '30'],
    [-0.2, 'en', '0'],
  ])('formats %s in %s as %s', (value, lang, expected) => {
    expect(formatInteger(value, lang)).toBe(expected);
  });
});

describe('formatPercent', () => {
  it('takes values on the 0–100 scale with a decimal comma in Indonesian', () => {
    expect(formatPercent(21.85, 'id', 2)).toBe('21,85%');
    expect(formatPercent(21.85, 'en', 2)).toBe('21.85%');
    expect(formatPercent(100, 'id')).toBe('100%');
    expect(formatPercent(95.34, 'id')).toBe('95,3%');
  });
});

describe('formatDate', () => {
  it('writes a calendar date with the month name of the language', () => {
    expect(formatDate('2024-12-04', 'id')).toBe('4 Desember 2024');
    expect(formatDate('2024-12-04', 'en')).toBe('4 December 2024');
  });

  it('keeps a calendar date on the same day in every time zone', () => {
    expect(formatDate('2024-01-01', 'id', { timeZone: 'Pacific/Honolulu' })).toBe('1 Januari 2024');
  });

  it('shows a moment on its day in the given time zone', () => {
    // 20:00 UTC on 3 December is already 4 December in Jakarta (UTC+7).
    expect(formatDate('2024-12-03T20:00:00Z', 'id', { timeZone: 'Asia/Jakarta' })).toBe('4 Desember 2024');
  });

  it('shows a dash for an invalid date instead of "Invalid Date"', () => {
    expect(formatDate('not a date', 'id')).toBe('—');
  });
});

describe('formatDateTime', () => {
  it('uses 24-hour time with the separator of the language', () => {
    expect(formatDateTime('2024-12-04T07:30:00Z', 'id', { timeZone: 'Asia/Jakarta' })).toBe('4 Desember 2024 14.30 WIB');
    expect(formatDateTime('2024-12-04T07:30:00Z', 'id', { timeZone: 'Asia/Makassar' })).toBe('4 Desember 2024 15.30 WITA');
    expect(formatDateTime('2024-12-04T07:30:00Z', 'id', { timeZone: 'Asia/Jayapura' })).toBe('4 Desember 2024 16.30 WIT');
    expect(formatDateTime('2024-12-04T07:30:00Z', 'en', { timeZone: 'Asia/Jakarta' })).toBe('4 December 2024 14:30 WIB');
  });

  // issue 16: never the browser's zone or UTC — WIB unless the body's zone is given.
  it('defaults to WIB, not the browser zone', () => {
    expect(formatDateTime('2024-12-04T21:36:00Z', 'id')).toBe('5 Desember 2024 04.36 WIB');
    expect(formatDate('2024-12-04T21:36:00Z', 'id')).toBe('5 Desember 2024');
  });
});

describe('createFormatter', () => {
  it('binds every function to one language', () => {
    const f = createFormatter('id');
    expect([f.score(95.31), f.integer(1000), f.date('2024-12-04')]).toEqual(['95,31', '1.000', '4 Desember 2024']);
  });
});

function Probe() {
  const format = useFormat();
  return (
    <p data-testid="probe">
      {format.score(95.31)} · {format.date('2024-12-04')}
    </p>
  );
}

describe('useFormat', () => {
  it('follows the UI language when the user switches to English', async () => {
    renderWithProviders(<Probe />);
    expect(screen.getByTestId('probe').textContent).toBe('95,31 · 4 Desember 2024');
    await act(() => changeLanguage('en'));
    expect(screen.getByTestId('probe').textContent).toBe('95.31 · 4 December 2024');
    expect(localStorage.getItem('pantau.lang')).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });
});

// Issue 16: a screen shows date-times in the zone the shell gives (the signed-in user's province)
// unless it names its body's zone; national users (no province) read WIB.
function Stamp({ timeZone }: { timeZone?: string }) {
  const format = useFormat(timeZone === undefined ? {} : { timeZone });
  return <span data-testid="stamp">{format.dateTime('2024-12-01T16:30:00Z')}</span>;
}

describe('ZoneContext', () => {
  it.each<[string | null, string]>([
    ['73', '2 Desember 2024 00.30 WITA'], // Sulawesi Selatan
    ['51', '2 Desember 2024 00.30 WITA'], // Bali
    ['91', '2 Desember 2024 01.30 WIT'], // Papua
    ['36', '1 Desember 2024 23.30 WIB'], // Banten
    [null, '1 Desember 2024 23.30 WIB'], // national
  ])('a user of province %s reads %s', async (province, expected) => {
    await act(() => changeLanguage('id'));
    renderWithProviders(
      <ZoneContext.Provider value={zoneTzOf(province)}>
        <Stamp />
      </ZoneContext.Provider>,
    );
    expect(screen.getByTestId('stamp').textContent).toBe(expected);
  });

  it('a screen about another body names that body\u2019s zone', async () => {
    await act(() => changeLanguage('id'));
    renderWithProviders(
      <ZoneContext.Provider value={zoneTzOf('91')}>
        <Stamp timeZone="Asia/Makassar" />
      </ZoneContext.Provider>,
    );
    expect(screen.getByTestId('stamp').textContent).toBe('2 Desember 2024 00.30 WITA');
  });
});
