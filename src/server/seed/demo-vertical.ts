// Issue 17 demo: the vertical offices Banten's Perwakilan assesses besides its pemda
// (reference.md §6.1: 8 Polres and 8 Kantor Pertanahan in 2021 and 2022) — one Polres (POLRI)
// and one Kantor Pertanahan (ATR/BPN) per kabupaten/kota of Banten, each located (address,
// kabupaten/kota, coordinates near the kabupaten/kota seat), put into the 2024 cycle's locus,
// assigned to Banten's asisten, filled with fixed-seed answers and handed in. Called once from
// demo.ts while the 2024 cycle is in fieldwork.
import { and, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../auth/policy.ts';
import { appendAudit, appendAuditMany } from '../audit/queries.ts';
import type { Tx } from '../db/client.ts';
import { makeAuth } from '../http/route.ts';
import { cycleScheme } from '../cycles/queries.ts';
import { addLocusBody, setAssignments } from '../locus/queries.ts';
import { bulkInsertRecords, contentHash, recordsCreatedDiff } from '../records/queries.ts';
import { submitUnits } from '../records/workflow.ts';
import { bodies, units } from '../registry/schema.ts';
import { verticalOfficeName, verticalOfficeTypes } from '../registry/vertical-offices.ts';
import { recomputeUnits } from '../scores/recompute.ts';
import { prng, prngUuid, syntheticSheets } from './synthetic.ts';
import { cycleUnitsOf } from './demo-fieldwork.ts';
import type { Cycle } from '../../shared/wire/cycles.ts';
import type { RecordInput } from '../../shared/wire/records.ts';

/** Fixed PRNG seed of the vertical offices' answers. */
export const DEMO_VERTICAL_SEED = 20241217;

/** Approximate seat of each Banten kabupaten/kota (WGS84), where its offices are placed. */
export const bantenSeats: Record<string, { lat: number; lon: number; town: string }> = {
  '36.01': { lat: -6.3084, lon: 106.1055, town: 'Pandeglang' },
  '36.02': { lat: -6.3587, lon: 106.2496, town: 'Rangkasbitung' },
  '36.03': { lat: -6.2647, lon: 106.4772, town: 'Tigaraksa' },
  '36.04': { lat: -6.1449, lon: 106.2206, town: 'Ciruas' },
  '36.71': { lat: -6.1783, lon: 106.6319, town: 'Tangerang' },
  '36.72': { lat: -6.0025, lon: 106.0111, town: 'Cilegon' },
  '36.73': { lat: -6.1201, lon: 106.1503, town: 'Serang' },
  '36.74': { lat: -6.2886, lon: 106.7179, town: 'Ciputat' },
};

/** When the offices joined the 2024 locus and were assigned: late July, before their August sheets. */
const ADDED_AT = new Date('2024-07-25T10:00:00+07:00');

/** Quality level (0–1) of each office kind's answers, so the two sector rankings differ. */
const quality: Record<string, number> = { kepolisian: 0.8, pertanahan: 0.62 };

export interface DemoVerticalSeed {
  units: { id: string; bodyCode: string; sector: string; regencyCode: string }[];
}

/** Seeds Banten's Polres and Kantor Pertanahan into `cycle` (in fieldwork). */
export async function seedDemoVertical(
  tx: Tx,
  ctx: { cycle: Cycle; admin: Actor; pimpinan: Actor; asisten: Actor; now: Date },
): Promise<DemoVerticalSeed> {
  const { cycle, admin, pimpinan, asisten, now } = ctx;
  const wanted = verticalOfficeTypes.filter((v) => (v.body === 'polri' && v.sector === 'kepolisian') || v.body === 'atrbpn');
  const parents = await tx
    .select({
      id: bodies.id,
      code: bodies.code,
      name: bodies.name,
      type: bodies.type,
      provinceCode: bodies.provinceCode,
      active: bodies.active,
    })
    .from(bodies)
    .where(inArray(bodies.code, [...new Set(wanted.map((w) => w.body))]));
  const regencies = await tx
    .select({ code: bodies.code, name: bodies.name })
    .from(bodies)
    .where(and(eq(bodies.provinceCode, '36'), inArray(bodies.type, ['kabupaten', 'kota'])))
    .orderBy(bodies.code);
  const rows = wanted.flatMap((w, k) => {
    const parent = parents.find((p) => p.code === w.body)!;
    return regencies.map((r) => {
      const seat = bantenSeats[r.code]!;
      // The two offices of a place a few hundred metres apart.
      return {
        bodyId: parent.id,
        name: verticalOfficeName(w, r.name),
        sector: w.sector,
        address: `${w.sector === 'kepolisian' ? 'Jl. Bhayangkara' : 'Jl. Pertanahan'} No. ${k + 1}, ${seat.town}, ${r.name}, Banten`,
        regencyCode: r.code,
        latitude: Math.round((seat.lat + k * 0.004) * 1e5) / 1e5,
        longitude: Math.round((seat.lon + k * 0.004) * 1e5) / 1e5,
      };
    });
  });
  const created = await tx
    .insert(units)
    .values(rows)
    .returning({ id: units.id, bodyId: units.bodyId, sector: units.sector, regencyCode: units.regencyCode });
  await appendAudit(tx, {
    actor: null,
    action: 'unit.seed',
    subjectType: 'registry',
    provinceCode: '36',
    at: now,
    diff: { units: created.length, vertical: true },
  });

  for (const parent of parents) {
    const ids = created.filter((u) => u.bodyId === parent.id).map((u) => u.id);
    await addLocusBody(tx, admin, cycle, parent, ids, ADDED_AT);
  }
  const scheme = await cycleScheme(tx, cycle);
  const rand = prng(DEMO_VERTICAL_SEED);
  const perUnit = new Map<string, string[]>();
  const records: (RecordInput & { contentHash: string })[] = [];
  await setAssignments(tx, pimpinan, await cycleUnitsOf(tx, cycle, created), { assessorId: asisten.id, dueDate: '2024-09-30' }, ADDED_AT);
  for (const u of created) {
    const q = Math.min(1, Math.max(0, (quality[u.sector] ?? 0.7) + (rand() * 2 - 1) * 0.12));
    const ids: string[] = [];
    syntheticSheets(scheme, rand, q).forEach((sheet, k) => {
      const input: RecordInput = {
        id: prngUuid(rand),
        cycleId: cycle.id,
        unitId: u.id,
        instrument: sheet.instrument,
        respondent: sheet.respondent,
        answers: sheet.answers,
        capturedAt: new Date(Date.UTC(2024, 7, 1 + Math.floor(rand() * 30), 2 + (k % 8), (k * 7) % 60)).toISOString(),
      };
      records.push({ ...input, contentHash: contentHash(cycle.id, u.id, input) });
      ids.push(input.id);
    });
    perUnit.set(u.id, ids);
  }
  await bulkInsertRecords(tx, asisten.id, records, now);
  const byId = new Map(records.map((r) => [r.id, r]));
  await appendAuditMany(
    tx,
    created.map((u) => ({
      actor: asisten,
      action: 'record.create' as const,
      subjectType: 'unit',
      subjectId: u.id,
      provinceCode: '36',
      at: now,
      diff: recordsCreatedDiff(
        cycle.id,
        perUnit.get(u.id)!.map((id) => ({ id, instrument: byId.get(id)!.instrument, contentHash: byId.get(id)!.contentHash })),
      ),
    })),
  );
  await recomputeUnits(
    tx,
    cycle,
    created.map((u) => u.id),
    { now },
  );
  const asistenAuth = makeAuth(asisten);
  await submitUnits(tx, asistenAuth, await cycleUnitsOf(tx, cycle, created), now);
  return {
    units: created.map((u) => ({
      id: u.id,
      bodyCode: parents.find((p) => p.id === u.bodyId)!.code,
      sector: u.sector,
      regencyCode: u.regencyCode!,
    })),
  };
}
