// `pantau seed --national`: a synthetic national cycle the size of the real one (587 bodies: 25
// kementerian, 14 lembaga, 34 provinsi, 98 kota, 416 kabupaten; 7 units each ≈ 4,100 units; every
// instrument filled to quota, so 30 service users per unit ≈ 160,000 records) for benchmarks.
// Bodies come from the registry (the 34 provinces before the 2022 Papua split); synthetic bodies
// fill any gap. Rows go in with batched multi-row inserts (stack.md gotcha 7), committed in
// slices so memory stays flat. Use a benchmark database: it adds units to real registry bodies.
import { and, asc, eq, inArray, notInArray, sql } from 'drizzle-orm';
import { getScheme } from '../../../methodologies/index.ts';
import { appendAudit } from '../audit/queries.ts';
import type { Db, Tx } from '../db/client.ts';
import { bodies, units } from '../registry/schema.ts';
import { seedRegistry } from '../registry/seed.ts';
import { createCycle, getCycle, transitionCycle } from '../cycles/queries.ts';
import { cycleBodies, cycleUnits } from '../cycles/schema.ts';
import { bulkInsertRecords, contentHash } from '../records/queries.ts';
import { type RecomputeSummary, recomputeCycle } from '../scores/recompute.ts';
import { publish } from '../publications/queries.ts';
import { prng, prngUuid, syntheticSheets } from './synthetic.ts';
import type { Cycle } from '../../shared/wire/cycles.ts';
import type { RecordInput } from '../../shared/wire/records.ts';

/** Bodies per type in the national assessment (2024: 587 entities). */
export const nationalCounts = { kementerian: 25, lembaga: 14, provinsi: 34, kota: 98, kabupaten: 416 } as const;
/** Provinces created in 2022 (Papua split): not in the 34 assessed. */
const newProvinces = ['93', '94', '95', '96'];

const pemdaLocus = [
  ['Dinas Kependudukan dan Pencatatan Sipil', 'adminduk'],
  ['Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu', 'perizinan'],
  ['Dinas Pendidikan', 'pendidikan'],
  ['Dinas Sosial', 'sosial'],
  ['Dinas Kesehatan', 'kesehatan'],
  ['Puskesmas I', 'puskesmas'],
  ['Puskesmas II', 'puskesmas'],
] as const;
const provinceLocus = [
  ['Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu', 'perizinan'],
  ['Dinas Pendidikan dan Kebudayaan', 'pendidikan'],
  ['Dinas Sosial', 'sosial'],
  ['Dinas Kesehatan', 'kesehatan'],
  ['RSUD Provinsi', 'kesehatan'],
  ['Badan Pendapatan Daerah (Samsat)', 'lainnya'],
  ['Dinas Tenaga Kerja', 'lainnya'],
] as const;
const centralLocus = Array.from({ length: 7 }, (_, i) => [`Unit Layanan ${i + 1}`, 'lainnya'] as const);

export interface NationalOptions {
  year?: number;
  schemeId?: string;
  seed?: number;
  /** Recompute every result at the end (default true). */
  recompute?: boolean;
  /** Records per transaction. */
  slice?: number;
  /**
   * Approve every unit, make every body final and publish the cycle nationally (public at once):
   * the results-day state `bench/public-reads.ts` reads. Implies the recompute.
   */
  publish?: boolean;
  /** Only the first N sheets of each unit (a national-shaped cycle small enough for a db test). */
  sheetsPerUnit?: number;
  log?: (line: string) => void;
}

export interface NationalSeed {
  cycleId: string;
  bodies: number;
  units: number;
  records: number;
  ms: { registry: number; locus: number; records: number; recompute: number | null };
  recompute: RecomputeSummary | null;
  /** The national publication (with `publish`). */
  publicationId: string | null;
}

type Picked = { id: string; code: string; type: string; provinceCode: string | null };

async function pickBodies(tx: Tx): Promise<Picked[]> {
  const out: Picked[] = [];
  for (const [type, n] of Object.entries(nationalCounts)) {
    const rows = await tx
      .select({ id: bodies.id, code: bodies.code, type: bodies.type, provinceCode: bodies.provinceCode })
      .from(bodies)
      .where(
        and(
          eq(bodies.type, type),
          eq(bodies.active, true),
          type === 'provinsi' || type === 'kabupaten' || type === 'kota'
            ? notInArray(sql`coalesce(${bodies.provinceCode}, '')`, newProvinces)
            : undefined,
        ),
      )
      .orderBy(asc(bodies.code))
      .limit(n);
    // Kabupaten/kota of the new Papua provinces fill up to the real counts (the 2024 assessment
    // still counted them under their former province).
    if (rows.length < n && (type === 'kabupaten' || type === 'kota')) {
      const more = await tx
        .select({ id: bodies.id, code: bodies.code, type: bodies.type, provinceCode: bodies.provinceCode })
        .from(bodies)
        .where(and(eq(bodies.type, type), eq(bodies.active, true), inArray(bodies.provinceCode, newProvinces)))
        .orderBy(asc(bodies.code))
        .limit(n - rows.length);
      rows.push(...more);
    }
    for (let i = rows.length; i < n; i++) {
      const code = `sintetis-${type}-${String(i + 1).padStart(3, '0')}`;
      const [row] = await tx
        .insert(bodies)
        .values({
          type,
          code,
          name: `${type[0]!.toUpperCase()}${type.slice(1)} Sintetis ${i + 1}`,
          provinceCode: type === 'kementerian' || type === 'lembaga' ? null : '31',
        })
        .onConflictDoNothing()
        .returning({ id: bodies.id, code: bodies.code, type: bodies.type, provinceCode: bodies.provinceCode });
      if (row) rows.push(row);
    }
    out.push(...rows);
  }
  return out;
}

export async function seedNational(db: Db, opts: NationalOptions = {}): Promise<NationalSeed> {
  const log = opts.log ?? (() => {});
  const year = opts.year ?? 2024;
  const scheme = getScheme(opts.schemeId ?? 'ombudsman-2024');
  if (!scheme) throw new Error(`unknown scheme ${opts.schemeId}`);
  const rand = prng(opts.seed ?? 587);
  const t0 = performance.now();

  // Registry, units, cycle and locus.
  const setup = await db.transaction(async (tx) => {
    await seedRegistry(tx, null);
    const tReg = performance.now();
    const picked = await pickBodies(tx);
    const unitRows = picked.flatMap((b) => {
      const locus = b.type === 'provinsi' ? provinceLocus : b.type === 'kabupaten' || b.type === 'kota' ? pemdaLocus : centralLocus;
      return locus.map(([name, sector]) => ({ bodyId: b.id, name, sector }));
    });
    const created: { id: string; bodyId: string }[] = [];
    for (let i = 0; i < unitRows.length; i += 1000) {
      created.push(
        ...(await tx
          .insert(units)
          .values(unitRows.slice(i, i + 1000))
          .returning({ id: units.id, bodyId: units.bodyId })),
      );
    }
    let cycle = await createCycle(tx, null, { name: `Penilaian Nasional Sintetis ${year}`, year, schemeId: scheme.id });
    for (let i = 0; i < picked.length; i += 1000) {
      await tx.insert(cycleBodies).values(picked.slice(i, i + 1000).map((b) => ({ cycleId: cycle.id, bodyId: b.id })));
    }
    for (let i = 0; i < created.length; i += 1000) {
      await tx.insert(cycleUnits).values(created.slice(i, i + 1000).map((u) => ({ cycleId: cycle.id, unitId: u.id, bodyId: u.bodyId })));
    }
    await appendAudit(tx, {
      actor: null,
      action: 'locus.add',
      subjectType: 'cycle',
      subjectId: cycle.id,
      diff: { bodies: picked.length, units: created.length, synthetic: true },
    });
    cycle = await transitionCycle(tx, null, cycle, 'fieldwork');
    return { cycle, picked, created, registryMs: tReg - t0 };
  });
  const tLocus = performance.now();
  log(`locus: ${setup.picked.length} bodies, ${setup.created.length} units (${Math.round(tLocus - t0)} ms)`);

  // Records, committed in slices.
  const slice = opts.slice ?? 20_000;
  const quality = new Map(setup.picked.map((b) => [b.id, 0.35 + rand() * 0.65]));
  let pending: (RecordInput & { contentHash: string })[] = [];
  let total = 0;
  const flush = async () => {
    if (pending.length === 0) return;
    const list = pending;
    pending = [];
    await db.transaction(async (tx) => {
      await bulkInsertRecords(tx, null, list, new Date(), 2000);
    });
    total += list.length;
    log(`records: ${total}`);
  };
  for (const u of setup.created) {
    const q = Math.min(1, Math.max(0, quality.get(u.bodyId)! + (rand() * 2 - 1) * 0.05));
    const sheets = syntheticSheets(scheme, rand, q);
    sheets.slice(0, opts.sheetsPerUnit ?? sheets.length).forEach((sheet, k) => {
      const input: RecordInput = {
        id: prngUuid(rand),
        cycleId: setup.cycle.id,
        unitId: u.id,
        instrument: sheet.instrument,
        respondent: sheet.respondent,
        answers: sheet.answers,
        capturedAt: new Date(Date.UTC(year, 4 + (k % 4), 1 + (k % 28), 3)).toISOString(),
      };
      pending.push({ ...input, contentHash: contentHash(setup.cycle.id, u.id, input) });
    });
    if (pending.length >= slice) await flush();
  }
  await flush();
  await db.transaction((tx) =>
    appendAudit(tx, {
      actor: null,
      action: 'record.seed',
      subjectType: 'cycle',
      subjectId: setup.cycle.id,
      diff: { records: total, seed: opts.seed ?? 587 },
    }),
  );
  const tRecords = performance.now();

  let summary: RecomputeSummary | null = null;
  let recomputeMs: number | null = null;
  if (opts.recompute ?? true) {
    const cycle = (await getCycle(db, setup.cycle.id)) as Cycle;
    summary = await db.transaction((tx) => recomputeCycle(tx, cycle));
    recomputeMs = performance.now() - tRecords;
    log(`recompute: ${summary.units} units, ${summary.bodies} bodies (${Math.round(recomputeMs)} ms)`);
  }
  await db.transaction(async (tx) => transitionCycle(tx, null, (await getCycle(tx, setup.cycle.id))!, 'review'));
  let publicationId: string | null = null;
  if (opts.publish) {
    publicationId = await db.transaction(async (tx) => {
      const now = new Date();
      await tx.update(cycleUnits).set({ status: 'approved' }).where(eq(cycleUnits.cycleId, setup.cycle.id));
      await tx.update(cycleBodies).set({ status: 'final' }).where(eq(cycleBodies.cycleId, setup.cycle.id));
      await appendAudit(tx, {
        actor: null,
        action: 'record.seed',
        subjectType: 'cycle',
        subjectId: setup.cycle.id,
        diff: { approved: setup.created.length, final: setup.picked.length, synthetic: true },
      });
      const row = await publish(tx, null, (await getCycle(tx, setup.cycle.id)) as Cycle, { scope: 'national', publicAt: now }, now);
      return row.id;
    });
    log(`published nationally: ${publicationId}`);
  }
  return {
    publicationId,
    cycleId: setup.cycle.id,
    bodies: setup.picked.length,
    units: setup.created.length,
    records: total,
    ms: { registry: setup.registryMs, locus: tLocus - t0, records: tRecords - tLocus, recompute: recomputeMs },
    recompute: summary,
  };
}
