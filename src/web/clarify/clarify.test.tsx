import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { getScheme } from '../../../methodologies/index.ts';
import { STATEMENT_MAX } from '../../shared/wire/limits.ts';
import type { Dispute } from '../../shared/wire/clarifications.ts';
import { i18n } from '../lib/i18n.ts';
import { fromLocalInput, timeLeft, toLocalInput } from '../lib/local-time.ts';
import { countdownWords } from '../ui/countdown.tsx';
import { renderWithProviders } from '../test/render.tsx';
import { reasonError, validateDispute } from './clarify-model.ts';
import { DisputeForm } from './dispute-form.tsx';
import { DisputeItem } from './dispute-item.tsx';
import { ResolveForm } from './resolve-form.tsx';

const user = () => userEvent.setup({ delay: null });
const file = (name: string, type: string, size = 1000) => {
  const f = new File(['x'], name, { type });
  Object.defineProperty(f, 'size', { value: size });
  return f;
};

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('validateDispute', () => {
  const ok = { indicator: 'O1', statement: 'Responden survei bukan pengguna layanan.', files: [] };
  it('accepts a statement of 10..4000 characters with JPEG, PNG, WebP or PDF evidence', () => {
    expect(validateDispute(ok)).toEqual({});
    expect(
      validateDispute({ ...ok, files: [file('a.jpg', 'image/jpeg'), file('b.pdf', 'application/pdf'), file('c.webp', 'image/webp')] }),
    ).toEqual({});
    expect(validateDispute({ ...ok, statement: 'x'.repeat(STATEMENT_MAX) })).toEqual({});
  });
  it('names what is wrong', () => {
    expect(validateDispute({ ...ok, indicator: null })).toEqual({ indicator: 'form.error_indicator' });
    expect(validateDispute({ ...ok, statement: '   pendek   ' })).toEqual({ statement: 'form.error_statement_short' });
    expect(validateDispute({ ...ok, statement: 'x'.repeat(STATEMENT_MAX + 1) })).toEqual({ statement: 'form.error_statement_long' });
    expect(validateDispute({ ...ok, files: [file('a.txt', 'text/plain')] })).toEqual({ files: 'form.error_file_type' });
    expect(validateDispute({ ...ok, files: [file('a.jpg', 'image/jpeg', 21 * 1024 * 1024)] })).toEqual({ files: 'form.error_file_size' });
    expect(validateDispute({ ...ok, files: Array.from({ length: 11 }, (_, i) => file(`${i}.png`, 'image/png')) })).toEqual({
      files: 'form.error_files_many',
    });
  });
  it('checks a rejection reason', () => {
    expect(reasonError('terlalu')).toBe('resolve.error_reason_short');
    expect(reasonError('Bukti tidak relevan dengan indikator.')).toBeNull();
    expect(reasonError('x'.repeat(2001))).toBe('resolve.error_reason_long');
  });
});

describe('deadline', () => {
  const now = new Date('2024-11-20T08:00:00Z');
  it('counts the time left in words, in both languages', async () => {
    expect(timeLeft('2024-11-22T11:30:00Z', now)).toEqual({ past: false, days: 2, hours: 3, minutes: 30 });
    const t = i18n.getFixedT('id', 'clarify');
    expect(countdownWords(t, '2024-11-22T11:30:00Z', now)).toBe('2 hari 3 jam lagi');
    expect(countdownWords(t, '2024-11-20T09:45:00Z', now)).toBe('1 jam 45 menit lagi');
    expect(countdownWords(t, '2024-11-20T07:00:00Z', now)).toBe('Batas waktu sudah lewat');
    const en = i18n.getFixedT('en', 'clarify');
    expect(countdownWords(en, '2024-11-21T09:00:00Z', now)).toBe('1 day 1 hour left');
    expect(countdownWords(en, '2024-11-20T08:00:30Z', now)).toBe('1 minute left');
  });
  it('converts the datetime-local value to an instant and back', () => {
    const d = new Date(2024, 10, 22, 17, 5);
    expect(toLocalInput(d)).toBe('2024-11-22T17:05');
    expect(fromLocalInput('2024-11-22T17:05')).toBe(d.toISOString());
    expect(fromLocalInput('')).toBeNull();
    expect(fromLocalInput('besok')).toBeNull();
  });
});

describe('DisputeForm', () => {
  it('refuses a short statement and a file of the wrong type without sending, then sends the trimmed statement with the files', async () => {
    const onSubmit = vi.fn(async () => undefined);
    renderWithProviders(<DisputeForm indicator="O1" indicatorLabel="O1 Penundaan berlarut" onSubmit={onSubmit} />);
    const u = user();
    await u.click(screen.getByRole('button', { name: 'Kirim sanggahan' }));
    expect(screen.getByText('Pernyataan minimal 10 karakter.')).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();

    fireEvent.change(screen.getByRole('textbox', { name: /Pernyataan keberatan/ }), {
      target: { value: '  Survei dilakukan di luar jam layanan.  ' },
    });
    const input = screen.getByTestId('dispute-files') as HTMLInputElement;
    fireEvent.change(input, { target: { files: [file('catatan.txt', 'text/plain')] } });
    expect(screen.getByRole('alert').textContent).toBe('Hanya JPEG, PNG, WebP, atau PDF yang dapat diunggah.');
    await u.click(screen.getByRole('button', { name: 'Kirim sanggahan' }));
    expect(onSubmit).not.toHaveBeenCalled();

    await u.click(screen.getByRole('button', { name: 'Hapus catatan.txt' }));
    expect(screen.queryByRole('alert')).toBeNull();
    const photo = file('loket.jpg', 'image/jpeg');
    fireEvent.change(input, { target: { files: [photo] } });
    await u.click(screen.getByRole('button', { name: 'Kirim sanggahan' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit).toHaveBeenCalledWith({ indicator: 'O1', statement: 'Survei dilakukan di luar jam layanan.', files: [photo] });
  });

  it("shows the server's refusal when sending fails", async () => {
    const { ApiError } = await import('../lib/api.ts');
    const onSubmit = vi.fn(async () => {
      throw new ApiError(409, 'clarification.closed', 'Masa klarifikasi tidak sedang dibuka.');
    });
    renderWithProviders(<DisputeForm indicator="O1" indicatorLabel="O1" onSubmit={onSubmit} />);
    const u = user();
    fireEvent.change(screen.getByRole('textbox', { name: /Pernyataan keberatan/ }), {
      target: { value: 'Survei dilakukan di luar jam layanan.' },
    });
    await u.click(screen.getByRole('button', { name: 'Kirim sanggahan' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Masa klarifikasi tidak sedang dibuka.');
  });
});

const scheme = getScheme('ombudsman-2024')!;
const o1 = scheme.dimensions.flatMap((d) => d.variables.flatMap((v) => v.indicators)).find((i) => i.code === 'O1')!;
const dispute = (over: Partial<Dispute> = {}): Dispute => ({
  id: 'd1',
  windowId: 'w1',
  cycleId: 'c1',
  bodyId: 'b1',
  bodyName: 'Kota Tangerang',
  unitId: 'u1',
  unitName: 'Disdukcapil',
  indicator: { code: 'O1', text: o1.text, guidance: null, min: 0, max: 3, levels: o1.scale.levels },
  statement: 'Responden survei bukan pengguna layanan.',
  evidence: [{ sha256: 'ab'.repeat(32), filename: 'foto loket.jpg', mime: 'image/jpeg', size: 1234 }],
  status: 'open',
  createdBy: 'Koordinator Tangerang',
  createdAt: '2024-11-20T08:00:00.000Z',
  resolvedBy: null,
  resolvedAt: null,
  resolution: null,
  current: {
    value: 2.9,
    answers: [
      ...Array.from({ length: 29 }, (_, i) => ({ recordId: `r${i}`, instrument: 'pengguna', respondent: null, value: 3, raw: 3 })),
      { recordId: 'r29', instrument: 'pengguna', respondent: null, value: 0, raw: 0 },
    ],
  },
  change: null,
  ...over,
});

describe('DisputeItem and ResolveForm', () => {
  it('links the evidence and shows a decision with its reason', () => {
    renderWithProviders(
      <DisputeItem
        dispute={dispute({
          status: 'rejected',
          resolvedBy: 'Kepala Perwakilan',
          resolvedAt: '2024-11-21T08:00:00.000Z',
          resolution: 'Foto tidak menunjukkan loket.',
        })}
      />,
    );
    const link = screen.getByRole('link', { name: 'foto loket.jpg' });
    expect(link.getAttribute('href')).toBe(`/api/v1/disputes/d1/evidence/${'ab'.repeat(32)}`);
    expect(screen.getByTestId('dispute-status').textContent).toBe('Ditolak');
    expect(screen.getByTestId('dispute-decision').textContent).toContain('Alasan: Foto tidak menunjukkan loket.');
  });

  it('offers every level with its descriptor, requires a level to accept and a reason to reject', async () => {
    const calls: { url: string; body: unknown }[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: string, init: RequestInit = {}) => {
        calls.push({ url: String(input), body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined });
        return new Response(JSON.stringify(dispute({ status: 'accepted' })), {
          status: 200,
          headers: { 'Content-Type': 'application/json' },
        });
      }),
    );
    renderWithProviders(<ResolveForm dispute={dispute()} />);
    const u = user();
    expect(screen.getByText(/Jawaban pada rekaman: 3 × 29, 0 × 1/)).toBeTruthy();
    // The level choices (the accept/reject switch is a radio group too).
    const radios = screen.getAllByRole('radio', { name: / — / });
    expect(radios).toHaveLength(o1.scale.levels.length);
    for (const l of o1.scale.levels)
      expect(screen.getByText(new RegExp(l.descriptor.id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))).toBeTruthy();

    await u.click(screen.getByRole('button', { name: 'Terima dan ubah jawaban' }));
    expect(screen.getByText('Pilih tingkat yang baru.')).toBeTruthy();
    expect(calls).toHaveLength(0);

    await u.click(screen.getByRole('radio', { name: /^3 — / }));
    await u.click(screen.getByRole('button', { name: 'Terima dan ubah jawaban' }));
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]).toEqual({ url: '/api/v1/disputes/d1/accept', body: { value: 3 } });

    await u.click(within(screen.getByTestId('resolve-form')).getByText('Tolak'));
    fireEvent.change(screen.getByRole('textbox', { name: /Alasan penolakan/ }), { target: { value: 'kurang' } });
    await u.click(screen.getByRole('button', { name: 'Tolak sanggahan' }));
    expect(screen.getByText('Alasan minimal 10 karakter.')).toBeTruthy();
    expect(calls).toHaveLength(1);
  });
});
