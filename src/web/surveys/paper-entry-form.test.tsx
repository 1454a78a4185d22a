import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { getScheme } from '../../../methodologies/index.ts';
import type { Indicator } from '../../core/types.ts';
import type { SurveyQuestionnaire } from '../../shared/wire/surveys.ts';
import { ApiError } from '../lib/api.ts';
import { renderWithProviders } from '../test/render.tsx';
import { PaperEntryForm, type PaperForm, answersText, parseAnswers } from './paper-entry-form.tsx';

// The SKM questionnaire as the server gives it, from the library file (nine unsur, answers 1–4).
const scheme = getScheme('skm-2017')!;
const instrument = scheme.instruments.find((i) => i.code === 'responden')!;
const indicators: Indicator[] = scheme.dimensions
  .flatMap((d) => d.variables.flatMap((v) => v.indicators))
  .filter((i) => instrument.covers.includes(i.code));
const questionnaire: SurveyQuestionnaire = {
  code: 'abc2345',
  kind: 'skm',
  title: instrument.title,
  unitName: 'Disdukcapil Kota Tangerang',
  bodyName: 'Pemerintah Kota Tangerang',
  periodKey: '2026-Q4',
  opensAt: '2026-09-30T17:00:00.000Z',
  closesAt: '2026-12-31T16:59:00.000Z',
  open: true,
  offsetMinutes: 420,
  questions: indicators.map((i) => ({
    code: i.code,
    text: i.text,
    guidance: null,
    levels: i.scale.levels.map((l) => ({ value: l.value, key: null, label: l.descriptor })),
  })),
  profile: (instrument.profile ?? []).map((p) => ({
    code: p.code,
    label: p.label,
    kind: p.kind,
    required: p.required,
    options:
      p.kind === 'service'
        ? ['KTP-el', 'Kartu Keluarga'].map((s) => ({ code: s, label: { id: s, en: s } }))
        : (p.options ?? []).map((o) => ({ code: o.code, label: o.label })),
  })),
};
const scan = () => new File(['%PDF-1.4 pindaian'], 'skm-001.pdf', { type: 'application/pdf' });

describe('answers field', () => {
  const q = questionnaire.questions;
  it('reads one digit per unsur, a dash for a blank, and names the first digit that is no choice', () => {
    expect(q.map((x) => x.code)).toEqual(['U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'U7', 'U8', 'U9']);
    expect(parseAnswers(q, '34-2').answers).toEqual({ U1: 3, U2: 4, U4: 2 });
    expect(parseAnswers(q, '3452').invalid).toEqual({ code: 'U3', char: '5' });
    expect(answersText(['U1', 'U2', 'U3', 'U4'], { U1: 3, U3: 1 })).toBe('3-1');
  });
});

describe('PaperEntryForm', { timeout: 60_000 }, () => {
  it('types a sheet from the keyboard, sends answers, profile, suggestion and scan, then empties and keeps the focus', async () => {
    const user = userEvent.setup({ delay: null });
    const onSave = vi.fn(async (_form: PaperForm) => ({ accepted: true }));
    renderWithProviders(<PaperEntryForm questionnaire={questionnaire} onSave={onSave} />);
    const quick = (await screen.findByTestId('paper-quick')) as HTMLInputElement;
    expect(document.activeElement).toBe(quick);
    await user.keyboard('343443434');
    // The radio groups show what was typed.
    const checked = (code: string) =>
      (screen.getByRole('radiogroup', { name: new RegExp(`^${code} `) }).querySelector('input:checked') as HTMLInputElement | null)?.value;
    expect(['U1', 'U2', 'U3', 'U9'].map(checked)).toEqual(['3', '4', '3', '4']);
    // A click on a radio corrects the answers field.
    await user.click(screen.getByRole('radiogroup', { name: /^U3 / }).querySelector('input[value="1"]') as HTMLInputElement);
    expect(quick.value).toBe('341443434');
    await user.click(screen.getByRole('radiogroup', { name: /^U3 / }).querySelector('input[value="3"]') as HTMLInputElement);
    await user.selectOptions(screen.getByLabelText(/^Jenis layanan yang diterima/), 'Kartu Keluarga');
    await user.selectOptions(screen.getByLabelText(/^Jenis kelamin/), 'P');
    await user.type(screen.getByLabelText(/^Saran/), 'Antrean lebih cepat');
    await user.upload(document.querySelector('input[type=file]') as HTMLInputElement, scan());
    await user.click(screen.getByRole('button', { name: 'Simpan lembar' }));
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    const sent = onSave.mock.calls[0]![0];
    expect(sent.answers).toEqual({ U1: 3, U2: 4, U3: 3, U4: 4, U5: 4, U6: 3, U7: 4, U8: 3, U9: 4 });
    expect(sent.profile).toEqual({ layanan: 'Kartu Keluarga', 'jenis-kelamin': 'P' });
    expect(sent.suggestion).toBe('Antrean lebih cepat');
    expect(sent.scan.name).toBe('skm-001.pdf');
    expect(sent.id).toMatch(/^[0-9a-f-]{36}$/);
    await waitFor(() =>
      expect(screen.getByTestId('paper-count').textContent).toContain(
        'Diketik di sesi ini: 1 lembar (1 diterima, 0 ditandai). Lembar ke-1 tersimpan.',
      ),
    );
    expect(quick.value).toBe('');
    expect(document.activeElement).toBe(quick);
    expect((screen.getByLabelText(/^Jenis layanan yang diterima/) as HTMLSelectElement).value).toBe('');

    // The next sheet straight away, saved with Ctrl+Enter; the server flags it.
    onSave.mockResolvedValueOnce({ accepted: false });
    await user.keyboard('111111111');
    await user.selectOptions(screen.getByLabelText(/^Jenis layanan yang diterima/), 'KTP-el');
    await user.upload(document.querySelector('input[type=file]') as HTMLInputElement, scan());
    quick.focus();
    await user.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(2));
    expect(onSave.mock.calls[1]![0].id).not.toBe(sent.id);
    await waitFor(() => expect(screen.getByTestId('paper-count').textContent).toContain('2 lembar (1 diterima, 1 ditandai)'));
  });

  it('says what is missing before sending, and shows the server’s refusal translated with the form kept', async () => {
    const user = userEvent.setup({ delay: null });
    const onSave = vi.fn(async (_form: PaperForm) => ({ accepted: true }));
    renderWithProviders(<PaperEntryForm questionnaire={questionnaire} onSave={onSave} />);
    await user.type(await screen.findByTestId('paper-quick'), '3435');
    expect(screen.getByText('Jawaban U4 "5" bukan pilihan (1–4).')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Simpan lembar' }));
    const problems = await screen.findByTestId('paper-problems');
    expect(problems.textContent).toContain('Belum dijawab: U4, U5, U6, U7, U8, U9.');
    expect(problems.textContent).toContain('Jenis layanan yang diterima wajib diisi.');
    expect(problems.textContent).toContain('Lampirkan pindaian lembar kuesioner');
    expect(onSave).not.toHaveBeenCalled();

    // The server's refusal comes in the caller's language (Accept-Language).
    onSave.mockRejectedValueOnce(new ApiError(415, 'request.unsupported_type', 'Jenis berkas tidak diizinkan (text/html).'));
    const quick = screen.getByTestId('paper-quick') as HTMLInputElement;
    await user.clear(quick);
    await user.type(quick, '444444444');
    await user.selectOptions(screen.getByLabelText(/^Jenis layanan yang diterima/), 'KTP-el');
    await user.upload(document.querySelector('input[type=file]') as HTMLInputElement, scan());
    await user.click(screen.getByRole('button', { name: 'Simpan lembar' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Lembar belum tersimpan');
    expect(alert.textContent).toContain('Jenis berkas tidak diizinkan (text/html).');
    expect(quick.value).toBe('444444444');
    expect(screen.getByTestId('paper-count').textContent).toContain('0 lembar');
  });
});
