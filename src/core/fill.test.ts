// mayFill and checkEntry read who fills an instrument and what an answer needs from the
// library file; the tables below are issue 10 §2–§4 as the files encode them.
import { describe, expect, it } from 'vitest';
import { getScheme } from '../../methodologies/index.ts';
import { CoreError } from './errors.ts';
import { checkEntry, fillableInstruments, mayFill } from './fill.ts';
import type { FillerRole, Scheme } from './types.ts';
import { FILLER_ROLES } from './vocab.ts';

const scheme = (id: string): Scheme => getScheme(id)!;
const pekppp = scheme('pekppp-2024');
const ombudsman = scheme('ombudsman-2024');
const skm = scheme('skm-2017');

describe('mayFill', () => {
  type Row = [schemeId: string, instrument: string, allowed: Partial<Record<FillerRole, 'direct' | 'paper'>>];
  const rows: Row[] = [
    ['pekppp-2024', 'f01', { operator: 'direct', koordinator: 'direct' }],
    ['pekppp-2024', 'f02', { evaluator: 'direct' }],
    ['pekppp-2024', 'f03', { public: 'direct', operator: 'paper', koordinator: 'paper' }],
    ...(['pejabat', 'dokumen', 'observasi-produk', 'pengguna', 'pengelola-pengaduan'].map((i) => [
      'ombudsman-2024',
      i,
      { asisten: 'direct' },
    ]) as Row[]),
    ['ombudsman-2021', 'observasi-produk', { asisten: 'direct' }],
    ['skm-2017', 'responden', { public: 'direct', operator: 'paper', koordinator: 'paper' }],
  ];

  it.each(rows.flatMap(([id, ins, allowed]) => FILLER_ROLES.map((role) => ({ id, ins, role, want: allowed[role] ?? null }))))(
    '$id $ins × $role → $want',
    ({ id, ins, role, want }) => {
      const p = mayFill(scheme(id), ins, role);
      if (want === null) expect(p).toEqual({ allowed: false });
      else if (want === 'direct') expect(p).toEqual({ allowed: true, mode: 'direct' });
      else expect(p).toEqual({ allowed: true, mode: 'paper', scanRequired: true });
    },
  );

  it('the unit can no longer file F-02 itself (the issue 10 defect)', () => {
    expect(mayFill(pekppp, 'f02', 'operator').allowed).toBe(false);
    expect(mayFill(pekppp, 'f02', 'koordinator').allowed).toBe(false);
    expect(mayFill(pekppp, 'f02', 'asisten').allowed).toBe(false);
  });

  it('allows nobody on an instrument without fillers (a scheme frozen before the field existed)', () => {
    const old: Scheme = { ...ombudsman, instruments: ombudsman.instruments.map(({ fillers: _f, ...rest }) => rest) };
    for (const role of FILLER_ROLES) expect(mayFill(old, 'pejabat', role)).toEqual({ allowed: false });
  });

  it('throws a CoreError for an instrument the scheme does not have', () => {
    expect(() => mayFill(pekppp, 'f04', 'operator')).toThrow(CoreError);
    expect(() => mayFill(pekppp, 'f04', 'operator')).toThrow("instrument 'f04' is not part of scheme 'pekppp-2024'");
  });

  it('lists what a role may fill', () => {
    expect(fillableInstruments(pekppp, 'operator')).toEqual([
      { instrument: 'f01', permission: { allowed: true, mode: 'direct' } },
      { instrument: 'f03', permission: { allowed: true, mode: 'paper', scanRequired: true } },
    ]);
    expect(fillableInstruments(pekppp, 'evaluator').map((x) => x.instrument)).toEqual(['f02']);
    expect(fillableInstruments(skm, 'asisten')).toEqual([]);
  });
});

describe('checkEntry', () => {
  const codes = (list: { code: string }[]) => list.map((p) => p.code);

  it.each([
    ['F-01 claim 3 with evidence and no statement', 'f01', { indicator: 'A1', level: 3, evidence: 2 }, []],
    ['F-01 claim 0 needs no evidence', 'f01', { indicator: 'A1', level: 0 }, []],
    ['F-01 claim 1 without evidence', 'f01', { indicator: 'A1', level: 1, evidence: 0 }, ['entry.evidence_required']],
    ['F-01 INF.01 needs no evidence', 'f01', { indicator: 'INF.01', level: 5 }, []],
    ['F-01 level above 5', 'f01', { indicator: 'B1', level: 6, evidence: 1 }, ['entry.level_out_of_scale']],
    ['F-01 fractional level', 'f01', { indicator: 'B1', level: 2.5, evidence: 1 }, ['entry.level_out_of_scale']],
    ['F-01 no level yet', 'f01', { indicator: 'B1', level: null }, ['entry.level_missing']],
    ['F-02 with reason and a source', 'f02', { indicator: 'A1', level: 4, note: 'SK ada, FKP ada', dataSources: ['telaah-dokumen'] }, []],
    ['F-02 with two sources', 'f02', { indicator: 'A1', level: 4, note: 'x', dataSources: ['telaah-dokumen', 'wawancara'] }, []],
    ['F-02 blank reason', 'f02', { indicator: 'A1', level: 4, note: '  ', dataSources: ['wawancara'] }, ['entry.note_required']],
    ['F-02 no source', 'f02', { indicator: 'A1', level: 4, note: 'x' }, ['entry.data_source_required']],
    ['F-02 unknown source', 'f02', { indicator: 'A1', level: 4, note: 'x', dataSources: ['telepon'] }, ['entry.data_source_unknown']],
    ['F-02 evidence rules are F-01 only', 'f02', { indicator: 'A1', level: 4, note: 'x', dataSources: ['wawancara'], evidence: 0 }, []],
    ['F-03 item not on F-01', 'f01', { indicator: 'F03.01', level: 3 }, ['entry.indicator_not_covered']],
  ] as const)('%s', (_name, ins, input, expected) => {
    expect(codes(checkEntry(pekppp, ins, { ...input, dataSources: 'dataSources' in input ? [...input.dataSources] : undefined }))).toEqual(
      expected,
    );
  });

  it('says why in both languages, naming the label of the scheme', () => {
    const [p] = checkEntry(pekppp, 'f02', { indicator: 'C1', level: 2, note: '', dataSources: ['wawancara'] });
    expect(p).toEqual({
      code: 'entry.note_required',
      indicator: 'C1',
      message: { id: 'Alasan penilaian wajib diisi.', en: 'Reason is required.' },
      details: { labelId: 'Alasan penilaian', labelEn: 'Reason' },
    });
    const [e] = checkEntry(pekppp, 'f01', { indicator: 'C1', level: 2 });
    expect(e?.message).toEqual({
      id: 'Level 2 memerlukan sedikitnya satu bukti dukung.',
      en: 'Level 2 needs at least one piece of supporting evidence.',
    });
  });

  it('an instrument without entry rules only checks the level (Ombudsman interview)', () => {
    expect(checkEntry(ombudsman, 'pejabat', { indicator: 'K1', level: 3 })).toEqual([]);
    expect(codes(checkEntry(ombudsman, 'pejabat', { indicator: 'K1', level: 4 }))).toEqual(['entry.level_out_of_scale']);
    expect(codes(checkEntry(ombudsman, 'pejabat', { indicator: 'P1', level: 3 }))).toEqual(['entry.indicator_not_covered']);
  });

  it('refuses several sources where the file allows one', () => {
    const single: Scheme = {
      ...pekppp,
      instruments: pekppp.instruments.map((i) =>
        i.code === 'f02' && i.entry?.dataSources
          ? { ...i, entry: { ...i.entry, dataSources: { ...i.entry.dataSources, multiple: false } } }
          : i,
      ),
    };
    expect(
      codes(checkEntry(single, 'f02', { indicator: 'A1', level: 1, note: 'x', dataSources: ['wawancara', 'telaah-dokumen'] })),
    ).toEqual(['entry.data_source_single']);
  });
});
