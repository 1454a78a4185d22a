// Demo (issue 12): a few follow-up actions of Kota Tangerang in every state, so the board, an
// action's page and the findings are not empty. Actions answer the top findings of Disdukcapil when
// a published cycle made them (otherwise they are written by hand), one answers the SKM survey's
// weakest unsur (U3, waiting time). Made through the same query functions as the API (audited).
import { addDays, calendarDay, WIB } from '../../shared/local-time.ts';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { ActionIn } from '../../shared/wire/actions.ts';
import type { Actor } from '../auth/policy.ts';
import type { Tx } from '../db/client.ts';
import { commentAction, createAction, getUnitWithBodyOr404, loadActionOr404, reportProgress, verifyAction } from '../actions/queries.ts';
import { loadFindingOr404, patchFinding } from '../findings/queries.ts';
import { findings } from '../findings/schema.ts';
import { actionUpdates } from '../actions/schema.ts';
import { units } from '../registry/schema.ts';

export interface DemoActionActors {
  koordinator: Actor;
  operator: Actor;
  pimpinan: Actor;
}

export async function seedDemoActions(tx: Tx, who: DemoActionActors, unitId: string, surveyId: string | null, now: Date): Promise<number> {
  const unit = await getUnitWithBodyOr404(tx, unitId);
  const today = calendarDay(now, WIB); // Banten
  const top = await tx
    .select({
      id: findings.id,
      cycleId: findings.cycleId,
      indicator: findings.indicator,
      nextLevel: findings.nextLevel,
      text: findings.text,
    })
    .from(findings)
    .where(eq(findings.unitId, unitId))
    .orderBy(desc(findings.unitGain), findings.indicator)
    .limit(2);
  const fromFinding = (k: number, fallback: string): Partial<ActionIn> & { title: string } => {
    const f = top[k];
    if (!f) return { sourceKind: 'manual', title: fallback };
    const text = (f.text as { id: string }).id;
    return {
      sourceKind: 'finding',
      findingId: f.id,
      cycleId: f.cycleId,
      indicator: f.indicator,
      targetLevel: f.nextLevel,
      title: `Mencapai tingkat ${f.nextLevel} pada ${f.indicator}: ${text}`.slice(0, 300),
    };
  };
  const plan = async (onUnit: typeof unit, input: Partial<ActionIn> & { title: string }, dueIn: number, person: string) =>
    (
      await createAction(tx, who.koordinator, onUnit, {
        sourceKind: 'manual',
        personInCharge: person,
        dueDate: addDays(today, dueIn),
        ...input,
      } as ActionIn)
    ).id;
  // One transaction stamps every update with the same time: each step moves the action's earlier
  // updates four days back, so its history reads in order (plan first) and spans a few weeks.
  const age = (id: string) =>
    tx
      .update(actionUpdates)
      .set({ createdAt: sql`${actionUpdates.createdAt} - interval '4 days'` })
      .where(eq(actionUpdates.actionId, id));
  const progress = async (id: string, note: string, status?: 'in_progress' | 'done') => {
    await age(id);
    await reportProgress(tx, who.operator, await loadActionOr404(tx, id), { note, ...(status ? { status } : {}) });
  };
  const verify = async (id: string, accepted: boolean, note: string) => {
    await age(id);
    await verifyAction(tx, who.koordinator, await loadActionOr404(tx, id), { accepted, note });
  };

  // The Perwakilan's suggestion on the largest finding, when there is one.
  if (top[0])
    await patchFinding(tx, who.pimpinan, await loadFindingOr404(tx, top[0].id), {
      recommendationKind: 'saran_perbaikan',
      recommendation: 'Tetapkan dan umumkan standar pelayanan yang memuat seluruh komponen, lalu evaluasi pelaksanaannya setiap triwulan.',
    });

  // 1. Verified, with the pimpinan's comment.
  const a1 = await plan(
    unit,
    { ...fromFinding(0, 'Menetapkan SK standar pelayanan adminduk'), notes: 'Dari hasil penilaian; libatkan Bagian Hukum.' },
    30,
    'Kepala Bidang Pelayanan Pendaftaran Penduduk',
  );
  await progress(a1, 'Rancangan SK disusun bersama Bagian Hukum.', 'in_progress');
  await progress(a1, 'SK ditandatangani Wali Kota dan diumumkan di ruang layanan serta situs web.', 'done');
  await verify(a1, true, 'Sesuai; SK dan foto papan pengumuman sudah diperiksa.');
  await age(a1);
  await commentAction(tx, who.pimpinan, await loadActionOr404(tx, a1), { note: 'Baik. Pertahankan dan pantau pelaksanaannya.' });

  // 2. Done and awaiting verification, after one refusal.
  const a2 = await plan(unit, fromFinding(1, 'Menyediakan sarana pengaduan yang terpantau'), 20, 'Sekretaris Disdukcapil');
  await progress(a2, 'Kotak pengaduan dan nomor WhatsApp pengaduan tersedia.', 'done');
  await verify(a2, false, 'Lampirkan register pengaduan bulan terakhir dan tindak lanjutnya.');
  await progress(a2, 'Register pengaduan Oktober dan tindak lanjutnya dilengkapi.', 'done');

  // 3. In progress: the SKM's weakest unsur (waiting time).
  await progress(
    await plan(
      unit,
      surveyId
        ? { sourceKind: 'skm', surveyId, unsurCode: 'U3', title: 'Memangkas waktu tunggu layanan KTP-el di bawah 30 menit' }
        : { title: 'Memangkas waktu tunggu layanan KTP-el di bawah 30 menit' },
      45,
      'Koordinator Loket Pelayanan',
    ),
    'Antrean daring diuji coba di dua kecamatan.',
    'in_progress',
  );

  // 4. Planned and overdue.
  await plan(unit, { title: 'Memperbarui maklumat pelayanan di ruang tunggu' }, -5, 'Kepala Seksi Informasi');

  // 5. Planned and due soon, on another unit of the government.
  const [other] = await tx
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.bodyId, unit.bodyId), eq(units.sector, 'kesehatan')))
    .limit(1);
  if (other)
    await plan(
      await getUnitWithBodyOr404(tx, other.id),
      { title: 'Menyediakan fasilitas bagi pengguna layanan berkebutuhan khusus' },
      10,
      'Sekretaris Dinas Kesehatan',
    );
  return other ? 5 : 4;
}
