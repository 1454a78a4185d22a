// Seeds the registry: the 38 provinces and 514 kabupaten/kota (Kemendagri codes from the
// `idn-area-data` package), a starter list of ministries and agencies, and the Ombudsman offices
// (pusat plus one Perwakilan per province). Idempotent: rows that exist (by code) are left alone,
// so an admin's later edits survive a re-run. Only rows it actually inserts are audited.
import { getProvinces, getRegencies } from 'idn-area-data';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../db/client.ts';
import { appendAudit } from '../audit/queries.ts';
import { bodies, offices } from './schema.ts';

/** Ministries (kementerian) in the starter list: [code, name]. Editable through the API. */
export const ministries: readonly (readonly [string, string])[] = [
  ['kemendagri', 'Kementerian Dalam Negeri'],
  ['kemenlu', 'Kementerian Luar Negeri'],
  ['kemenhan', 'Kementerian Pertahanan'],
  ['kemenkum', 'Kementerian Hukum'],
  ['kemenimipas', 'Kementerian Imigrasi dan Pemasyarakatan'],
  ['kemenkeu', 'Kementerian Keuangan'],
  ['kemendikdasmen', 'Kementerian Pendidikan Dasar dan Menengah'],
  ['kemdiktisaintek', 'Kementerian Pendidikan Tinggi, Sains, dan Teknologi'],
  ['kemenag', 'Kementerian Agama'],
  ['kemenkes', 'Kementerian Kesehatan'],
  ['kemensos', 'Kementerian Sosial'],
  ['kemnaker', 'Kementerian Ketenagakerjaan'],
  ['kemenperin', 'Kementerian Perindustrian'],
  ['kemendag', 'Kementerian Perdagangan'],
  ['kesdm', 'Kementerian Energi dan Sumber Daya Mineral'],
  ['kemenpu', 'Kementerian Pekerjaan Umum'],
  ['kemenpkp', 'Kementerian Perumahan dan Kawasan Permukiman'],
  ['kemenhub', 'Kementerian Perhubungan'],
  ['komdigi', 'Kementerian Komunikasi dan Digital'],
  ['kementan', 'Kementerian Pertanian'],
  ['kemenhut', 'Kementerian Kehutanan'],
  ['kkp', 'Kementerian Kelautan dan Perikanan'],
  ['atrbpn', 'Kementerian Agraria dan Tata Ruang/Badan Pertanahan Nasional'],
  ['kemenpanrb', 'Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi'],
  ['kemenkop', 'Kementerian Koperasi'],
  ['kemenumkm', 'Kementerian Usaha Mikro, Kecil, dan Menengah'],
  ['kp2mi', 'Kementerian Pelindungan Pekerja Migran Indonesia'],
];

/** Agencies (lembaga) in the starter list: [code, name]. */
export const agencies: readonly (readonly [string, string])[] = [
  ['polri', 'Kepolisian Negara Republik Indonesia'],
  ['kejaksaan', 'Kejaksaan Republik Indonesia'],
  ['bpjs-kesehatan', 'Badan Penyelenggara Jaminan Sosial Kesehatan'],
  ['bpjs-ketenagakerjaan', 'Badan Penyelenggara Jaminan Sosial Ketenagakerjaan'],
  ['bkn', 'Badan Kepegawaian Negara'],
  ['bpom', 'Badan Pengawas Obat dan Makanan'],
  ['bps', 'Badan Pusat Statistik'],
  ['bmkg', 'Badan Meteorologi, Klimatologi, dan Geofisika'],
  ['bnpb', 'Badan Nasional Penanggulangan Bencana'],
  ['bnn', 'Badan Narkotika Nasional'],
  ['basarnas', 'Badan Nasional Pencarian dan Pertolongan'],
  ['lan', 'Lembaga Administrasi Negara'],
  ['brin', 'Badan Riset dan Inovasi Nasional'],
  ['perpusnas', 'Perpustakaan Nasional Republik Indonesia'],
  ['bpkp', 'Badan Pengawasan Keuangan dan Pembangunan'],
];

export const PUSAT_NAME = 'Ombudsman Republik Indonesia';
export const perwakilanName = (provinceName: string): string => `Ombudsman RI Perwakilan ${provinceName}`;
export const provinceBodyName = (provinceName: string): string => `Provinsi ${provinceName}`;

export interface SeedRegistryResult {
  /** Rows inserted by this run (0 everywhere on a re-run). */
  inserted: { provinces: number; regencies: number; ministries: number; agencies: number; offices: number };
}

type BodyRow = { type: string; code: string; name: string; provinceCode: string | null };

/**
 * Inserts the bodies not there yet, as one JSON recordset: the 514 kabupaten/kota as a VALUES
 * list of 2,056 parameters took Drizzle longer to build than the database to insert.
 */
async function insertBodies(tx: Tx, rows: BodyRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  const done = await tx.execute(sql`
    insert into ${bodies} (type, code, name, province_code)
    select x.type, x.code, x.name, x."provinceCode"
      from json_to_recordset(${JSON.stringify(rows)}::json) as x(type text, code text, name text, "provinceCode" text)
    on conflict (code) do nothing
    returning id`);
  return (done as unknown as { rows: unknown[] }).rows.length;
}

/** Seeds the registry in `tx`. Safe to run on every start. */
export async function seedRegistry(tx: Tx, actor: { id: string; username: string } | null = null): Promise<SeedRegistryResult> {
  const provinces = await getProvinces();
  const regencies = await getRegencies({ transform: true });

  const inserted = {
    provinces: await insertBodies(
      tx,
      provinces.map((p) => ({ type: 'provinsi', code: p.code, name: provinceBodyName(p.name), provinceCode: p.code })),
    ),
    regencies: await insertBodies(
      tx,
      regencies.map((r) => ({
        // The Kemendagri name carries the kind: "Kabupaten Lebak", "Kota Serang".
        type: r.name.startsWith('Kota ') ? 'kota' : 'kabupaten',
        code: r.code,
        name: r.name,
        provinceCode: r.provinceCode,
      })),
    ),
    ministries: await insertBodies(
      tx,
      ministries.map(([code, name]) => ({ type: 'kementerian', code, name, provinceCode: null })),
    ),
    agencies: await insertBodies(
      tx,
      agencies.map(([code, name]) => ({ type: 'lembaga', code, name, provinceCode: null })),
    ),
    offices: 0,
  };

  // The unique index (kind, province_code) does not stop two pusat rows (NULLs are distinct), so
  // pusat is checked explicitly.
  const [pusat] = await tx
    .select({ id: offices.id })
    .from(offices)
    .where(and(eq(offices.kind, 'pusat'), isNull(offices.provinceCode)))
    .limit(1);
  if (!pusat) {
    await tx.insert(offices).values({ kind: 'pusat', provinceCode: null, name: PUSAT_NAME });
    inserted.offices++;
  }
  const perwakilan = await tx
    .insert(offices)
    .values(provinces.map((p) => ({ kind: 'perwakilan', provinceCode: p.code, name: perwakilanName(p.name) })))
    .onConflictDoNothing()
    .returning({ id: offices.id });
  inserted.offices += perwakilan.length;

  const total = Object.values(inserted).reduce((a, b) => a + b, 0);
  if (total > 0) {
    await appendAudit(tx, {
      actor,
      action: 'registry.seed',
      subjectType: 'registry',
      subjectId: null,
      provinceCode: null,
      diff: { inserted },
    });
  }
  return { inserted };
}
