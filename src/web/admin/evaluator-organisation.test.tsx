import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithProviders } from '../test/render.tsx';
import { EvaluatorOrganisation } from './evaluator-organisation.tsx';

const CYCLE = '00000000-0000-4000-8000-000000000001';
const BODY = '00000000-0000-4000-8000-000000000002';
const kota = { id: BODY, code: '36.71', name: 'Kota Tangerang', type: 'kota' };
const provinsi = { id: '00000000-0000-4000-8000-000000000003', code: '36', name: 'Provinsi Banten', type: 'provinsi' };
const kemenpanrb = {
  id: '00000000-0000-4000-8000-000000000004',
  code: 'kemenpanrb',
  name: 'Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi',
  type: 'kementerian',
};
const json = (status: number, body: unknown) =>
  Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));

afterEach(() => vi.unstubAllGlobals());

describe('PEKPPP evaluating organisation of a locus entry', () => {
  it('names the Bagian/Biro Organisasi, changes it, and shows the server refusal in the caller language', async () => {
    const puts: unknown[] = [];
    let refuse = true;
    vi.stubGlobal(
      'fetch',
      vi.fn((url: string, init?: RequestInit) => {
        expect(String(url)).toContain(`/api/v1/cycles/${CYCLE}/bodies/${BODY}/evaluator-organisation`);
        if (init?.method === 'PUT') {
          puts.push(JSON.parse(String(init.body)));
          if (refuse) {
            refuse = false;
            return json(409, {
              error: {
                code: 'locus.evaluators_assigned',
                message: '2 unit Kota Tangerang masih ditugaskan kepada evaluator organisasi lain; lepaskan penugasannya dahulu.',
                details: { subject: 'Kota Tangerang', count: 2 },
              },
            });
          }
          return json(200, { bodyId: BODY, organisation: provinsi, options: [kemenpanrb, kota, provinsi] });
        }
        return json(200, { bodyId: BODY, organisation: kota, options: [kemenpanrb, kota, provinsi] });
      }),
    );
    renderWithProviders(<EvaluatorOrganisation cycleId={CYCLE} bodyId={BODY} bodyName="Kota Tangerang" editable />);
    const select = (await screen.findByLabelText('Organisasi evaluator PEKPPP untuk Kota Tangerang')) as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent)).toEqual([
      kemenpanrb.name,
      'Bagian Organisasi Kota Tangerang',
      'Biro Organisasi Provinsi Banten',
    ]);
    expect(select.value).toBe(BODY);
    const save = screen.getByRole('button', { name: 'Simpan organisasi evaluator' }) as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    const user = userEvent.setup({ delay: null });
    await user.selectOptions(select, provinsi.id);
    await user.click(save);
    expect((await screen.findByRole('alert')).textContent).toBe(
      '2 unit Kota Tangerang masih ditugaskan kepada evaluator organisasi lain; lepaskan penugasannya dahulu.',
    );
    await user.click(save);
    expect((await screen.findByRole('status')).textContent).toBe('Tersimpan: dievaluasi oleh Biro Organisasi Provinsi Banten.');
    expect(puts).toEqual([{ organisationId: provinsi.id }, { organisationId: provinsi.id }]);
    expect(select.value).toBe(provinsi.id);
  });

  it('shows the organisation read-only once the locus is closed', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => json(200, { bodyId: BODY, organisation: kota, options: [kota] })),
    );
    renderWithProviders(<EvaluatorOrganisation cycleId={CYCLE} bodyId={BODY} bodyName="Kota Tangerang" editable={false} />);
    expect((await screen.findByTestId('evaluator-organisation')).textContent).toBe(
      'Organisasi evaluator PEKPPP: Bagian Organisasi Kota Tangerang',
    );
    expect(screen.queryByRole('button')).toBeNull();
  });
});
