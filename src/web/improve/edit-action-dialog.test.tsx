import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ActionDetail } from '../../shared/wire/actions.ts';
import { i18n } from '../lib/i18n.ts';
import { renderWithProviders } from '../test/render.tsx';
import { EditActionDialog, planChanges } from './edit-action-dialog.tsx';
import { PlanActionDialog } from './plan-action-dialog.tsx';

const A1 = '33333333-3333-4333-8333-333333333333';
const A2 = '44444444-4444-4444-8444-444444444444';
const action = (over: Partial<ActionDetail> = {}): ActionDetail =>
  ({
    id: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa',
    unitId: A1,
    unitName: 'Disdukcapil',
    bodyId: '22222222-2222-4222-8222-222222222222',
    sourceKind: 'manual',
    title: 'Menetapkan SK standar pelayanan',
    personInCharge: 'Kepala Bagian Organisasi',
    dueDate: '2027-01-31',
    targetLevel: 3,
    notes: null,
    status: 'planned',
    ...over,
  }) as ActionDetail;
const units = [
  { id: A1, name: 'Disdukcapil' },
  { id: A2, name: 'DPMPTSP' },
];

afterEach(() => vi.unstubAllGlobals());

describe('planChanges', () => {
  it('sends only what changed; an emptied target or note clears it', () => {
    const a = action({ notes: 'lama' });
    const same = { unitId: A1, title: a.title, person: a.personInCharge, due: a.dueDate, target: 3 as const, notes: 'lama' };
    expect(planChanges(a, same)).toEqual({});
    expect(planChanges(a, { ...same, unitId: A2, person: '  Sekda ', target: '', notes: '  ' })).toEqual({
      unitId: A2,
      personInCharge: 'Sekda',
      targetLevel: null,
      notes: null,
    });
  });
});

describe('EditActionDialog', () => {
  it('the koordinator moves a manual action to another unit and changes its due date; sent as one PATCH', async () => {
    await i18n.loadNamespaces('improve');
    const sent: { url: string; method: string; body: unknown }[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: string, init: RequestInit = {}) => {
        sent.push({ url: String(input), method: init.method ?? 'GET', body: JSON.parse(String(init.body ?? 'null')) });
        return new Response(JSON.stringify(action()), { status: 200, headers: { 'Content-Type': 'application/json' } });
      }),
    );
    const onClose = vi.fn();
    renderWithProviders(<EditActionDialog opened onClose={onClose} action={action()} units={units} />);
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText(/^Unit layanan/), { target: { value: A2 } });
    fireEvent.change(within(dialog).getByLabelText(/^Tenggat/), { target: { value: '2027-03-31' } });
    fireEvent.change(within(dialog).getByLabelText(/^Penanggung jawab/), { target: { value: '' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Simpan perubahan' }));
    expect(await within(dialog).findByText('Wajib diisi.')).toBeTruthy();
    expect(sent).toHaveLength(0);
    fireEvent.change(within(dialog).getByLabelText(/^Penanggung jawab/), { target: { value: 'Kepala Bidang Pelayanan' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Simpan perubahan' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toEqual({
      url: '/api/v1/actions/aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa',
      method: 'PATCH',
      body: { unitId: A2, personInCharge: 'Kepala Bidang Pelayanan', dueDate: '2027-03-31' },
    });
    await waitFor(() => expect(onClose).toHaveBeenCalled());
  });

  it("a finding's action keeps its unit: no unit choice, said on screen", async () => {
    await i18n.loadNamespaces('improve');
    renderWithProviders(<EditActionDialog opened onClose={() => {}} action={action({ sourceKind: 'finding' })} units={units} />);
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).queryByRole('combobox', { name: /Unit layanan/ })).toBeNull();
    expect(within(dialog).getByText('Tindak lanjut dari temuan atau survei tetap pada unitnya.')).toBeTruthy();
  });
});

// The plan dialog asks the same fields (ActionPlanFields) as the edit dialog.
describe('PlanActionDialog', () => {
  it("plans a finding's action: says what is missing, then posts the plan with the finding's unit and indicator", async () => {
    await i18n.loadNamespaces('improve');
    const sent: { url: string; method: string; body: unknown }[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: string, init: RequestInit = {}) => {
        sent.push({ url: String(input), method: init.method ?? 'GET', body: JSON.parse(String(init.body ?? 'null')) });
        return new Response(JSON.stringify(action()), { status: 201, headers: { 'Content-Type': 'application/json' } });
      }),
    );
    const onClose = vi.fn();
    const from = {
      unitId: A1,
      unitName: 'Disdukcapil',
      cycleId: 'c0c0c0c0-c0c0-4c0c-8c0c-c0c0c0c0c0c0',
      indicator: 'P6A',
      title: 'Maklumat pelayanan',
      targetLevel: 4,
    };
    renderWithProviders(<PlanActionDialog opened onClose={onClose} from={from} />);
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: /Rencanakan|Simpan/ }));
    expect(await within(dialog).findByText('Wajib diisi.')).toBeTruthy();
    expect(sent).toHaveLength(0);
    fireEvent.change(within(dialog).getByLabelText(/^Penanggung jawab/), { target: { value: 'Kepala Bidang Pelayanan' } });
    fireEvent.change(within(dialog).getByLabelText(/^Tenggat/), { target: { value: '2027-03-31' } });
    fireEvent.click(within(dialog).getByRole('button', { name: /Rencanakan|Simpan/ }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]!.method).toBe('POST');
    expect(sent[0]!.body).toMatchObject({
      sourceKind: 'manual',
      title: 'Maklumat pelayanan',
      personInCharge: 'Kepala Bidang Pelayanan',
      dueDate: '2027-03-31',
      cycleId: from.cycleId,
      indicator: 'P6A',
      targetLevel: 4,
    });
    await waitFor(() => expect(onClose).toHaveBeenCalled());
  });

  it('keeps an out-of-range target level as typed when the field is left, says its range, and does not send it', async () => {
    await i18n.loadNamespaces(['improve', 'ui']);
    const sent: unknown[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: string) => {
        sent.push(input);
        return new Response(JSON.stringify(action()), { status: 201, headers: { 'Content-Type': 'application/json' } });
      }),
    );
    const from = { unitId: A1, unitName: 'Disdukcapil', title: 'Maklumat pelayanan', targetLevel: 4 };
    renderWithProviders(<PlanActionDialog opened onClose={() => {}} from={from} />);
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText(/^Penanggung jawab/), { target: { value: 'Kepala Bidang Pelayanan' } });
    const field = within(dialog).getByLabelText(/^Tingkat sasaran/) as HTMLInputElement;
    fireEvent.focus(field);
    fireEvent.change(field, { target: { value: '2000' } });
    fireEvent.blur(field);
    // Not clamped to 1000 behind the user's back: the number stays and the range shows at once.
    expect(field.value).toBe('2000');
    expect(within(dialog).getByText('Isi angka 0–1000.')).toBeTruthy();
    expect(field.getAttribute('aria-invalid')).toBe('true');
    fireEvent.click(within(dialog).getByRole('button', { name: /Rencanakan|Simpan/ }));
    await new Promise((r) => setTimeout(r, 50));
    expect(sent).toEqual([]);
    fireEvent.change(field, { target: { value: '3' } });
    fireEvent.blur(field);
    expect(within(dialog).queryByText('Isi angka 0–1000.')).toBeNull();
  });
});
