import { describe, expect, it } from 'vitest';
import { getScheme } from '../../../methodologies/index.ts';
import { scoreUnit } from '../../core/index.ts';
import type { Scheme } from '../../core/types.ts';
import type { RecordView } from '../../shared/wire/records.ts';
import type { DraftSheet, OutboxEntry } from '../lib/offline-db.ts';
import { quotaRows, returnedComments, submitBlockers, unitEngineSheets, unitSheetRows } from './unit-model.ts';

const scheme: Scheme = getScheme('ombudsman-2024')!;
const CYCLE = 'c';
const UNIT = 'u';

const server = (id: string, instrument: string, answers: Record<string, number>, review: Record<string, string> = {}): RecordView => ({
  id,
  cycleId: CYCLE,
  unitId: UNIT,
  instrument,
  respondent: id,
  answers,
  remarks: {},
  notes: null,
  capturedAt: `2025-01-0${id.length}T00:00:00.000Z`,
  capturedBy: null,
  latitude: null,
  longitude: null,
  status: Object.keys(review).length ? 'returned' : 'submitted',
  review,
  contentHash: id,
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
});

const draft = (id: string, instrument: string, answers: Record<string, number | null>, replaces = false): DraftSheet => ({
  id,
  schemeId: scheme.id,
  instrument,
  unitKey: UNIT,
  cycleId: CYCLE,
  value: { respondent: id, notes: '', answers },
  createdAt: '2025-02-01T00:00:00.000Z',
  updatedAt: '2025-02-01T00:00:00.000Z',
  ...(replaces ? { replaces: true } : {}),
});

const queued = (id: string, instrument: string, answers: Record<string, number>, over: Partial<OutboxEntry> = {}): OutboxEntry => ({
  id,
  schemeId: scheme.id,
  instrument,
  unitKey: UNIT,
  cycleId: CYCLE,
  value: { respondent: id, notes: '', answers },
  createdAt: '2025-02-01T00:00:00.000Z',
  queuedAt: '2025-02-02T00:00:00.000Z',
  attempts: 0,
  lastError: null,
  ...over,
});

const users = (n: number) => Array.from({ length: n }, (_, k) => server(`p${k}`, 'pengguna', { O1: 3, O2: 3, O3: 3, O4: 3, O5: 3 }));

describe('quotaRows', () => {
  it('counts server records against each quota, and device sheets beside them (edits not twice)', () => {
    const rows = quotaRows(
      scheme,
      users(27),
      [draft('d1', 'pengguna', { O1: 2 }), draft('p0', 'pengguna', { O1: 1 }, true)],
      [queued('q1', 'pengguna', { O1: 3 }), queued('q2', 'pejabat', { K1: 3 }), queued('p1', 'pengguna', { O1: 0 }, { replaces: true })],
    );
    const users_ = rows.find((r) => r.instrument.code === 'pengguna')!;
    expect(users_).toMatchObject({ target: 30, min: 30, onServer: 27, queued: 1, drafts: 1, complete: false });
    expect(rows.find((r) => r.instrument.code === 'pejabat')).toMatchObject({ target: 4, onServer: 0, queued: 1, complete: false });
    // Observation of products: target 2, min 2 in the scheme.
    expect(rows.map((r) => r.instrument.code)).toEqual(scheme.instruments.map((i) => i.code));
  });

  it('marks an instrument complete at its minimum, on the server only', () => {
    const rows = quotaRows(scheme, users(30), [], [queued('q', 'pejabat', { K1: 3 })]);
    expect(rows.find((r) => r.instrument.code === 'pengguna')!.complete).toBe(true);
    expect(rows.find((r) => r.instrument.code === 'pejabat')!.complete).toBe(false);
  });
});

describe('unitEngineSheets', () => {
  it('lets a local edit replace the server record it edits and adds new local sheets', () => {
    const records = [server('a', 'pengguna', { O1: 3 }), server('b', 'pengguna', { O1: 3 })];
    const sheets = unitEngineSheets(
      records,
      [draft('b', 'pengguna', { O1: 0 }, true), draft('n', 'pengguna', { O1: 1, O2: null })],
      [queued('q', 'pengguna', { O1: 2 })],
    );
    expect(sheets.map((s) => [s.id, s.answers.O1])).toEqual([
      ['a', 3],
      ['q', 2],
      ['b', 0],
      ['n', 1],
    ]);
    // Unanswered codes are left out (missing, not zero).
    expect(sheets.find((s) => s.id === 'n')!.answers).toEqual({ O1: 1 });
    // The engine scores the merged sheets: the mean of O1 over the four sheets.
    const o1 = scoreUnit(scheme, { sheets })
      .dimensions.flatMap((d) => d.variables.flatMap((v) => v.indicators))
      .find((i) => i.code === 'O1')!;
    expect(o1.value).toBe((3 + 2 + 0 + 1) / 4);
  });

  it('leaves out the sheet being edited (the form adds its live value)', () => {
    expect(unitEngineSheets([server('a', 'pengguna', { O1: 3 })], [], [], 'a')).toEqual([]);
  });
});

describe('unitSheetRows', () => {
  it('orders by instrument as in the scheme, device sheets first, newest first', () => {
    const rows = unitSheetRows(
      scheme,
      [server('u1', 'pengguna', { O1: 3 }), server('off', 'pejabat', { K1: 3 }, { K1: 'Periksa SK' })],
      [draft('d', 'pengguna', { O1: null })],
      [queued('q', 'pengguna', { O1: 3 }, { rejected: { code: 'record.invalid', message: '', details: {} } })],
    );
    expect(rows.map((r) => `${r.source}:${r.id}`)).toEqual(['server:off', 'outbox:q', 'draft:d', 'server:u1']);
    expect(rows[0]).toMatchObject({ status: 'returned', review: { K1: 'Periksa SK' }, answered: 1 });
    expect(rows[1]).toMatchObject({ rejected: { code: 'record.invalid' } });
    expect(rows[2]).toMatchObject({ answered: 0 });
  });
});

describe('submitBlockers', () => {
  const quotas = (complete: boolean) => quotaRows(scheme, complete ? [] : [], [], []).map((q) => ({ ...q, complete }));

  it.each([
    { input: { writable: true, quotas: quotas(true), outbox: 0, drafts: 0, evidence: 0 }, expected: [] },
    { input: { writable: true, quotas: quotas(false), outbox: 0, drafts: 0, evidence: 0 }, expected: ['quota'] },
    {
      input: { writable: false, quotas: quotas(true), outbox: 1, drafts: 2, evidence: 3 },
      expected: ['locked', 'outbox', 'drafts', 'evidence'],
    },
  ])('$expected', ({ input, expected }) => {
    expect(submitBlockers(input)).toEqual(expected);
  });
});

describe('returnedComments', () => {
  it('collects the reviewer comment per indicator across the records', () => {
    expect(
      returnedComments([
        server('a', 'pengguna', { O1: 1 }, { O1: 'Cek ulang' }),
        server('b', 'pejabat', { K1: 2 }, { K1: 'SK?' }),
        server('c', 'pengguna', { O1: 2 }, { O1: 'Cek ulang' }),
      ]),
    ).toEqual({
      O1: 'Cek ulang',
      K1: 'SK?',
    });
  });
});
