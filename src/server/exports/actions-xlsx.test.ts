// The action board's workbook (pure): header block with the scope, the counts and a cut notice,
// one row per action with translated status, timing and source; numbers stay numbers.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Action, ActionSummary } from '../../shared/wire/actions.ts';
import { actionsXlsx } from './actions-xlsx.ts';
import { TABLE_HEADER_ROW } from './workbook.ts';

const action = (over: Partial<Action>): Action => ({
  id: '00000000-0000-4000-8000-000000000001',
  bodyId: '00000000-0000-4000-8000-000000000002',
  bodyName: 'Kota Tangerang',
  unitId: '00000000-0000-4000-8000-000000000003',
  unitName: 'Disdukcapil',
  provinceCode: '36',
  sourceKind: 'manual',
  findingId: null,
  surveyId: null,
  unsurCode: null,
  cycleId: null,
  indicator: null,
  title: 'Maklumat pelayanan',
  personInCharge: 'Kepala Seksi',
  dueDate: '2026-12-01',
  targetLevel: null,
  notes: null,
  status: 'planned',
  timing: 'overdue',
  daysLeft: -4,
  evidenceCount: 0,
  createdBy: null,
  createdAt: '2026-11-01T00:00:00Z',
  updatedAt: '2026-11-01T00:00:00Z',
  verifiedBy: null,
  verifiedAt: null,
  ...over,
});

const summary: ActionSummary = {
  total: 7,
  byStatus: { planned: 3, in_progress: 2, done: 1, verified: 1 },
  byTiming: { on_track: 2, due_soon: 1, overdue: 2, closed: 2 },
};

async function load(buf: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  return wb.worksheets[0]!;
}

describe('actionsXlsx', () => {
  it('writes the scope, the counts, a notice when cut, and one typed row per action', async () => {
    const rows = [
      action({}),
      action({
        title: 'SK standar pelayanan',
        sourceKind: 'finding',
        indicator: 'SP1',
        status: 'verified',
        timing: 'closed',
        daysLeft: 10,
        targetLevel: 3,
        evidenceCount: 2,
        // 17:30 UTC is the next day in WIB.
        verifiedAt: '2026-11-20T17:30:00Z',
      }),
    ];
    const ws = await load(await actionsXlsx(rows, { lang: 'id', scope: 'Kota Tangerang', summary, total: 5 }));
    expect(ws.name).toBe('Tindak Lanjut');
    expect(ws.getCell('A1').value).toBe('Papan Tindak Lanjut — Kota Tangerang');
    expect(ws.getCell('A2').value).toBe(
      '7 tindak lanjut: 3 direncanakan, 2 berjalan, 1 selesai (menunggu verifikasi), 1 terverifikasi; 2 lewat tenggat, 1 mendekati tenggat.',
    );
    expect(ws.getCell('A3').value).toBe('Hanya 2 baris pertama dari 5 yang dimuat.');
    const header = (ws.getRow(TABLE_HEADER_ROW).values as unknown[]).slice(1);
    expect(header).toEqual([
      'Pemerintah',
      'Unit layanan',
      'Tindak lanjut',
      'Sumber',
      'Indikator / unsur',
      'Penanggung jawab',
      'Tenggat',
      'Status',
      'Ketepatan waktu',
      'Sisa hari',
      'Tingkat sasaran',
      'Bukti',
      'Catatan',
      'Diverifikasi',
    ]);
    const first = (ws.getRow(TABLE_HEADER_ROW + 1).values as unknown[]).slice(1);
    expect(first.slice(3, 10)).toEqual([
      'Ditambahkan manual',
      undefined,
      'Kepala Seksi',
      '2026-12-01',
      'Direncanakan',
      'Lewat tenggat',
      -4,
    ]);
    const second = ws.getRow(TABLE_HEADER_ROW + 2);
    expect(second.getCell(4).value).toBe('Temuan penilaian');
    expect(second.getCell(5).value).toBe('SP1');
    expect(second.getCell(10).value).toBeNull();
    expect(second.getCell(11).value).toBe(3);
    expect(second.getCell(12).value).toBe(2);
    expect(second.getCell(14).value).toBe('2026-11-21');
    expect(ws.getCell(`J${TABLE_HEADER_ROW + 1}`).numFmt).toBe('+0;-0;0');
  });

  it('speaks English and says nothing about cutting when every row is there', async () => {
    const ws = await load(
      await actionsXlsx([action({ sourceKind: 'skm', unsurCode: 'U3' })], { lang: 'en', scope: 'Kota Tangerang', summary, total: 1 }),
    );
    expect(ws.name).toBe('Actions');
    expect(ws.getCell('A1').value).toBe('Action board — Kota Tangerang');
    expect(ws.getCell('A3').value).toBeNull();
    const row = ws.getRow(TABLE_HEADER_ROW + 1);
    expect([row.getCell(4).value, row.getCell(5).value, row.getCell(8).value, row.getCell(9).value]).toEqual([
      'Public satisfaction survey',
      'U3',
      'Planned',
      'Overdue',
    ]);
  });
});
