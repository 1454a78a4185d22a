import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { onlineManager } from '@tanstack/react-query';
import { screen } from '@testing-library/react';
import type { Assignment } from '../../shared/wire/locus.ts';
import type { UnitDownload } from '../lib/offline-db.ts';
import { NOT_DOWNLOADED, ApiError, setOfflineCacheStore } from '../lib/api.ts';
import { createQueryClient } from '../lib/query-client.ts';
import { renderWithProviders } from '../test/render.tsx';
import { cycleKeys } from './cycles.ts';
import { getUnitRecords, recordKeys, useUnitRecords } from './records.ts';
import { downloadUnits } from './offline-package.ts';
import { getPreviousFindings, previousCycle } from './previous-findings.ts';

const C = '7f0c1f7e-0000-4000-8000-0000000000c1';
const U1 = '7f0c1f7e-0000-4000-8000-0000000000a1';
const U2 = '7f0c1f7e-0000-4000-8000-0000000000a2';
const R1 = '7f0c1f7e-0000-4000-8000-0000000000f1';
const P = '7f0c1f7e-0000-4000-8000-0000000000c0';
const PREVIOUS = {
  id: P,
  name: 'Penilaian 2023',
  year: 2023,
  family: 'ombudsman',
  source: 'computed' as 'computed' | 'imported',
  published: true,
};
const FINDING = {
  id: '7f0c1f7e-0000-4000-8000-0000000000d1',
  cycleId: P,
  unitId: U1,
  indicator: 'O3',
  text: { id: 'Maklumat', en: 'Charter' },
};

const assignment = (unitId: string): Assignment => ({
  cycle: { id: C, name: 'Penilaian 2025', year: 2025, status: 'fieldwork', schemeId: 'ombudsman-2024' },
  body: { id: '7f0c1f7e-0000-4000-8000-0000000000b1', name: 'Kota Serang', type: 'pemkot', provinceCode: '36' },
  unit: {
    unitId,
    name: `Unit ${unitId.slice(-2)}`,
    sector: 'kependudukan',
    status: 'pending',
    assessor: null,
    dueDate: null,
    instruments: [],
    done: 0,
    target: 0,
    complete: false,
    result: null,
  },
});
const record = { id: R1, cycleId: C, unitId: U1, instrument: 'pengguna', respondent: 'Pengguna 1' };
const SCHEME = {
  schemeId: 'ombudsman-2024',
  schemeHash: 'h1',
  scheme: { id: 'ombudsman-2024', instruments: [], dimensions: [], bands: [] },
};

const json = (body: unknown) => new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
let offline = false;
const calls: string[] = [];

function memoryCache() {
  const kept = new Map<string, unknown>();
  setOfflineCacheStore({ get: async (k) => kept.get(k), put: async (k, v) => void kept.set(k, structuredClone(v)) });
  return kept;
}

beforeEach(() => {
  offline = false;
  calls.length = 0;
  vi.stubGlobal('fetch', async (url: string) => {
    calls.push(url);
    if (offline) throw new TypeError('Failed to fetch');
    const path = url.replace(/\?.*$/, '');
    if (path === '/api/v1/assignments/mine') return json({ items: [assignment(U1), assignment(U2)] });
    if (path === `/api/v1/cycles/${C}/scheme`) return json(SCHEME);
    if (path === `/api/v1/cycles/${C}/units/${U1}/records`) return json({ items: [record], total: 1 });
    // issue 13: last cycle's findings (an imported and a later cycle are not "last cycle")
    if (path === '/api/v1/cycles')
      return json({
        items: [PREVIOUS, { ...PREVIOUS, id: C, year: 2025 }, { ...PREVIOUS, id: 'x', year: 2024, source: 'imported' }],
        total: 3,
      });
    if (path === `/api/v1/cycles/${P}/units/${U1}/findings`) return json({ items: [FINDING], total: 1 });
    if (path.endsWith('/records') || path.endsWith('/evidence')) return json({ items: [], total: 0 });
    return new Response('{}', { status: 404 });
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
  setOfflineCacheStore(null);
  onlineManager.setOnline(true);
});

describe('downloadUnits ("Unduh untuk luring")', () => {
  it('keeps the scheme, the assignments, the unit’s records and evidence list on the device, and marks the unit', async () => {
    const kept = memoryCache();
    const qc = createQueryClient();
    const marks: UnitDownload[] = [];
    const progress: number[] = [];
    const out = await downloadUnits(
      qc,
      [assignment(U1)],
      (done) => progress.push(done),
      () => new Date('2025-03-01T01:02:03.000Z'),
      async (m) => void marks.push(m),
    );
    expect(out.units).toEqual([
      { cycleId: C, unitId: U1, at: '2025-03-01T01:02:03.000Z', records: 1, evidence: 0, findings: 1, schemeHash: 'h1' },
    ]);
    expect(marks).toEqual(out.units);
    expect(progress).toEqual([1]);
    expect([...kept.keys()].sort()).toEqual([
      'assignments:mine',
      `evidence:${C}:${U1}`,
      `findings-prev:${C}:${U1}`,
      `records:${C}:${U1}`,
      `scheme:${C}`,
    ]);
    expect(kept.get(`findings-prev:${C}:${U1}`)).toEqual({ cycle: { id: P, name: 'Penilaian 2023', year: 2023 }, items: [FINDING] });
    // the open screens see the same answers at once
    expect(qc.getQueryData(recordKeys.unit(C, U1))).toEqual([record]);
    expect(qc.getQueryData(cycleKeys.scheme(C))).toEqual(SCHEME);

    // offline afterwards: the downloaded unit answers from the device, the other says it was never downloaded
    offline = true;
    expect(await getUnitRecords(C, U1)).toEqual([record]);
    expect((await getPreviousFindings({ id: C, year: 2025 }, U1)).items).toEqual([FINDING]);
    const missing = await getUnitRecords(C, U2).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(ApiError);
    expect((missing as ApiError).code).toBe(NOT_DOWNLOADED);
  });

  it('never counts an older copy on the device as a download when the server cannot be reached', async () => {
    const kept = memoryCache();
    kept.set('assignments:mine', [assignment(U1)]);
    kept.set(`scheme:${C}`, SCHEME);
    kept.set(`records:${C}:${U1}`, []);
    kept.set(`evidence:${C}:${U1}`, []);
    offline = true;
    const marks: UnitDownload[] = [];
    const failed = await downloadUnits(createQueryClient(), [assignment(U1)], undefined, undefined, async (m) => void marks.push(m)).catch(
      (e: unknown) => e,
    );
    expect((failed as ApiError).code).toBe('network.offline');
    expect(marks).toEqual([]);
  });
});

function Records({ unitId }: { unitId: string }) {
  const q = useUnitRecords(C, unitId);
  if (q.isError) return <p>{(q.error as ApiError).code}</p>;
  if (q.isPending) return <p>memuat</p>;
  return <p>{q.data.map((r) => r.respondent).join(',') || 'kosong'}</p>;
}

describe('a unit opened while the browser is offline', () => {
  it('shows the device’s copy, or says it was not downloaded — never waits paused', async () => {
    const kept = memoryCache();
    kept.set(`records:${C}:${U1}`, [record]);
    offline = true;
    onlineManager.setOnline(false);
    renderWithProviders(
      <>
        <Records unitId={U1} />
        <Records unitId={U2} />
      </>,
    );
    expect(await screen.findByText('Pengguna 1')).toBeTruthy();
    expect(await screen.findByText(NOT_DOWNLOADED)).toBeTruthy();
    expect(screen.queryByText('memuat')).toBeNull();
  });
});

describe('previousCycle (whose findings the visit follows up)', () => {
  const c = (id: string, year: number, over: Partial<typeof PREVIOUS> = {}) => ({ ...PREVIOUS, id, year, ...over });
  it('is the newest published, assessed cycle of an earlier year, an Ombudsman one first', () => {
    expect(previousCycle([c('a', 2022), c('b', 2023), c('now', 2024)], 2024)?.id).toBe('b');
    expect(previousCycle([c('a', 2022), c('b', 2023, { source: 'imported' })], 2024)?.id).toBe('a');
    expect(previousCycle([c('a', 2022), c('b', 2023, { published: false })], 2024)?.id).toBe('a');
    expect(previousCycle([c('a', 2022), c('p', 2023, { family: 'pekppp' })], 2024)?.id).toBe('a');
    expect(previousCycle([c('p', 2023, { family: 'pekppp' })], 2024)?.id).toBe('p');
    expect(previousCycle([c('now', 2024)], 2024)).toBeUndefined();
  });
});
