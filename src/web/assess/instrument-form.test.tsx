import { describe, expect, it, vi } from 'vitest';
import { useState } from 'react';
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { getScheme } from '../../../methodologies/index.ts';
import type { Dimension, Indicator, Instrument, Scheme } from '../../core/types.ts';
import { formatScore } from '../lib/format.ts';
import { changeLanguage } from '../lib/i18n.ts';
import { renderWithProviders } from '../test/render.tsx';
import { InstrumentForm } from './instrument-form.tsx';
import { emptySheetValue, type SheetValue } from './sheet-model.ts';
import { SheetWorkspace } from './sheet-workspace.tsx';

const scheme: Scheme = getScheme('ombudsman-2024')!;
const users: Instrument = scheme.instruments.find((i) => i.code === 'pengguna')!;

function indicator(code: string): Indicator {
  for (const d of scheme.dimensions) for (const v of d.variables) for (const i of v.indicators) if (i.code === code) return i;
  throw new Error(code);
}

/** The dimension whose indicators the instrument answers (for ombudsman-2024 users: Output). */
function dimensionOf(instrument: Instrument): Dimension {
  return scheme.dimensions.find((d) => d.variables.some((v) => v.indicators.some((i) => instrument.covers.includes(i.code))))!;
}

function Harness({ onSubmit, workspace = false }: { onSubmit: (v: SheetValue) => void; workspace?: boolean }) {
  const [value, setValue] = useState<SheetValue>(emptySheetValue());
  const props = { scheme, instrument: users, value, onChange: setValue, onSubmit };
  return workspace ? <SheetWorkspace sheetId="s1" {...props} /> : <InstrumentForm {...props} />;
}

/** The radio group of one indicator (found by id: role-and-name queries are slow in jsdom). */
function group(code: string): HTMLElement {
  const el = document.getElementById(`q-${code}`)?.querySelector<HTMLElement>('[role="radiogroup"]');
  if (!el) throw new Error(`no radio group for ${code}`);
  return el;
}

async function answer(user: ReturnType<typeof userEvent.setup>, code: string, level: number) {
  const radio = group(code).querySelector<HTMLInputElement>(`input[type="radio"][value="${level}"]`);
  if (!radio) throw new Error(`no level ${level} for ${code}`);
  await user.click(radio);
}

const setupUser = () => userEvent.setup({ delay: null });

describe('InstrumentForm', { timeout: 30_000 }, () => {
  it('renders every covered indicator as a radio group with each level descriptor', () => {
    renderWithProviders(<Harness onSubmit={() => {}} />);
    expect(screen.getAllByRole('radiogroup')).toHaveLength(users.covers.length);
    for (const code of users.covers) {
      const ind = indicator(code);
      const labelledBy = group(code).getAttribute('aria-labelledby')!;
      expect(document.getElementById(labelledBy)!.textContent).toContain(`${code} · ${ind.text.id}`);
      const radios = within(group(code)).getAllByRole('radio');
      expect(radios).toHaveLength(ind.scale.levels.length);
      for (const level of ind.scale.levels) {
        expect(within(group(code)).getByRole('radio', { name: `${level.value} — ${level.descriptor.id}` })).toBeTruthy();
      }
    }
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(users.title.id);
  });

  it('shows the English descriptors after switching language', async () => {
    renderWithProviders(<Harness onSubmit={() => {}} />);
    await act(() => changeLanguage('en'));
    const first = indicator(users.covers[0]!);
    expect(screen.getByRole('radiogroup', { name: `${first.code} · ${first.text.en}` })).toBeTruthy();
    const top = first.scale.levels.at(-1)!;
    expect(within(group(first.code)).getByRole('radio', { name: `${top.value} — ${top.descriptor.en}` })).toBeTruthy();
  });

  it('blocks submit until every indicator is answered and a respondent label is given', async () => {
    const user = setupUser();
    const onSubmit = vi.fn();
    renderWithProviders(<Harness onSubmit={onSubmit} />);
    const submit = screen.getByRole('button', { name: 'Selesai, masukkan ke antrean kirim' });

    await user.click(submit);
    expect(onSubmit).not.toHaveBeenCalled();
    const summary = screen.getByRole('alert');
    expect(summary.textContent).toContain('Lembar belum lengkap');
    expect(document.activeElement).toBe(summary);
    for (const code of users.covers) expect(summary.textContent).toContain(`Indikator ${code} belum dijawab`);
    expect(screen.getAllByText('Pilih salah satu tingkat untuk indikator ini.')).toHaveLength(users.covers.length);
    expect(screen.getAllByText('Isi label responden.').length).toBeGreaterThan(0);

    // Answering all but the last indicator still blocks, naming only the last one.
    const [last, ...rest] = [...users.covers].reverse();
    for (const code of rest) await answer(user, code, 2);
    await user.type(screen.getByRole('textbox', { name: /Label responden/ }), 'Pengguna 1');
    await user.click(submit);
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getAllByText('Pilih salah satu tingkat untuk indikator ini.')).toHaveLength(1);
    expect(screen.getByRole('alert').textContent).toContain(`Indikator ${last} belum dijawab`);

    await answer(user, last!, 3);
    await user.type(screen.getByRole('textbox', { name: 'Catatan' }), 'Antrean panjang');
    await user.click(submit);
    expect(onSubmit).toHaveBeenCalledTimes(1);
    const sent = onSubmit.mock.calls[0]![0] as SheetValue;
    expect(sent.respondent).toBe('Pengguna 1');
    expect(sent.notes).toBe('Antrean panjang');
    expect(sent.answers).toEqual(Object.fromEntries(users.covers.map((c) => [c, c === last ? 3 : 2])));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('SheetWorkspace: answers flow to the live preview', { timeout: 30_000 }, () => {
  it('scores the answered sheet with the engine, marked as an incomplete preview', async () => {
    const user = setupUser();
    renderWithProviders(<Harness onSubmit={() => {}} workspace />);
    const preview = screen.getByTestId('score-preview');
    const total = () => within(preview).getByTestId('preview-total').querySelector('[data-testid="score-value"]')!.textContent;
    expect(total()).toBe('0,00');
    expect(within(preview).getByText('pratinjau / belum lengkap')).toBeTruthy();

    const dim = dimensionOf(users);
    const max = (i: Indicator) => i.scale.max;
    for (const code of users.covers) await answer(user, code, max(indicator(code)));
    // Every covered indicator at full marks: the dimension contributes its whole weight.
    const full = (dim.weight / 100) * scheme.result.max;
    expect(total()).toBe(formatScore(full, 'id'));
    const dimRow = within(preview).getByTestId(`preview-dim-${dim.code}`);
    expect(dimRow.textContent).toContain(`${formatScore(full, 'id')} dari ${formatScore(full, 'id')} poin`);
    const band = scheme.bands.find((b) => full >= b.min && full <= b.max + 0.005)!;
    expect(within(preview).getByText(`${band.code} · ${band.label.id}`)).toBeTruthy();
    // The other dimensions are unanswered: the preview stays incomplete.
    expect(within(preview).getByText('pratinjau / belum lengkap')).toBeTruthy();

    // One indicator down to 0: the dimension loses that indicator's equal share.
    const first = users.covers[0]!;
    await answer(user, first, 0);
    const n = dim.variables.reduce((k, v) => k + v.indicators.length, 0);
    expect(total()).toBe(formatScore(full * ((n - 1) / n), 'id'));
  });
});
