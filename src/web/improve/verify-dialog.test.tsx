import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { ApiError } from '../lib/api.ts';
import { i18n } from '../lib/i18n.ts';
import { renderWithProviders } from '../test/render.tsx';
import { VerifyDialog } from './verify-dialog.tsx';

function setup(onSubmit = vi.fn(async () => undefined)) {
  const onClose = vi.fn();
  renderWithProviders(<VerifyDialog opened onClose={onClose} onSubmit={onSubmit} title="Menetapkan SK standar pelayanan" />);
  return { onSubmit, onClose };
}

describe('VerifyDialog', () => {
  it('accepts with an optional note and closes', async () => {
    await i18n.loadNamespaces('improve');
    const { onSubmit, onClose } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Terima dan tutup' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(onSubmit).toHaveBeenCalledWith({ accepted: true });
  });

  it('refuses only with a reason: without one nothing is sent and the field says why', async () => {
    await i18n.loadNamespaces('improve');
    const { onSubmit, onClose } = setup();
    fireEvent.click(screen.getByLabelText('Tolak — kembalikan ke unit'));
    fireEvent.click(screen.getByRole('button', { name: 'Tolak dan kembalikan' }));
    expect(await screen.findByText('Tuliskan alasan penolakan agar unit tahu apa yang harus dilengkapi.')).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
    fireEvent.change(screen.getByLabelText(/Alasan penolakan/), { target: { value: '  Lampirkan register pengaduan  ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Tolak dan kembalikan' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(onSubmit).toHaveBeenCalledWith({ accepted: false, note: 'Lampirkan register pengaduan' });
  });

  it("shows the server's refusal translated and stays open", async () => {
    await i18n.loadNamespaces('improve');
    const refusal = new ApiError(
      409,
      'action.not_done',
      'Hanya tindak lanjut berstatus selesai yang dapat diverifikasi (sekarang: in_progress).',
      {
        status: 'in_progress',
      },
    );
    const { onClose } = setup(vi.fn(async () => Promise.reject(refusal)));
    fireEvent.click(screen.getByRole('button', { name: 'Terima dan tutup' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Hanya tindak lanjut berstatus selesai yang dapat diverifikasi');
    expect(onClose).not.toHaveBeenCalled();
  });
});
