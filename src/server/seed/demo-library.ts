// Demo (issue 12 §3): the evidence library of Disdukcapil Kota Tangerang — a maklumat linked to
// the PEKPPP F-01 claim (A5) of the running PEKPPP 2024 cycle, an SK standar pelayanan whose
// validity ended last year (the expired badge), a complaint-handling decree expiring soon, and the
// SKM report linked to the SKM follow-up action. Made through the library's query functions
// (audited). The files are one-page PDFs; their bytes go into the evidence store when the server
// starts (`putDemoLibraryFiles`), since the seed runs before any store exists.
import { addDays, calendarDay, WIB } from '../../shared/local-time.ts';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { and, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../auth/policy.ts';
import { actions } from '../actions/schema.ts';
import { cycleUnits, cycles } from '../cycles/schema.ts';
import type { Queryable, Tx } from '../db/client.ts';
import type { EvidenceStore } from '../evidence/store.ts';
import { createDocument, libraryUnitOr404, linkDocument, loadDocumentOr404 } from '../library-docs/queries.ts';
import { libraryDocuments } from '../library-docs/schema.ts';
import { onePagePdf } from './one-page-pdf.ts';

const FILES = {
  maklumat: onePagePdf('Maklumat Pelayanan Disdukcapil Kota Tangerang'),
  sk: onePagePdf('SK Standar Pelayanan Administrasi Kependudukan Kota Tangerang'),
  pengaduan: onePagePdf('SK Tim Pengelola Pengaduan Disdukcapil Kota Tangerang'),
  skm: onePagePdf('Laporan Survei Kepuasan Masyarakat Disdukcapil Kota Tangerang'),
};
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

export async function seedDemoLibrary(tx: Tx, operator: Actor, unitId: string, now: Date): Promise<number> {
  const unit = await libraryUnitOr404(tx, unitId);
  const today = calendarDay(now, WIB); // Banten
  const add = async (key: keyof typeof FILES, fields: { type: string; title: string; issuedOn: string; validUntil?: string }) => {
    const content = FILES[key];
    const doc = await createDocument(tx, operator, unit, fields, {
      sha256: sha(content),
      size: content.length,
      mime: 'application/pdf',
      filename: `${key}-disdukcapil-kota-tangerang.pdf`,
    });
    return loadDocumentOr404(tx, doc.id);
  };
  const maklumat = await add('maklumat', {
    type: 'maklumat-pelayanan',
    title: 'Maklumat Pelayanan Disdukcapil Kota Tangerang',
    issuedOn: addDays(today, -300),
  });
  await add('sk', {
    type: 'sk-standar-pelayanan',
    title: 'SK Kepala Dinas tentang Standar Pelayanan Administrasi Kependudukan',
    issuedOn: addDays(today, -1100),
    validUntil: addDays(today, -340),
  });
  await add('pengaduan', {
    type: 'sarana-pengaduan',
    title: 'SK Tim Pengelola Pengaduan dan SOP Pengaduan',
    issuedOn: addDays(today, -690),
    validUntil: addDays(today, 40),
  });
  const skm = await add('skm', {
    type: 'laporan-skm',
    title: 'Laporan SKM Disdukcapil Semester I',
    issuedOn: addDays(today, -140),
    validUntil: addDays(today, 225),
  });
  // The maklumat as the F-01 claim's evidence of A5 in the running PEKPPP cycle (when the unit is in it).
  const [pekppp] = await tx
    .select({ id: cycles.id })
    .from(cycleUnits)
    .innerJoin(cycles, eq(cycles.id, cycleUnits.cycleId))
    .where(and(eq(cycleUnits.unitId, unitId), eq(cycles.family, 'pekppp'), eq(cycles.status, 'fieldwork')))
    .limit(1);
  if (pekppp) await linkDocument(tx, operator, maklumat, { cycleId: pekppp.id, indicator: 'A5', kind: 'f01' }, 'id');
  // The SKM report on the SKM follow-up action (not verified).
  const [skmAction] = await tx
    .select({ id: actions.id })
    .from(actions)
    .where(and(eq(actions.unitId, unitId), eq(actions.sourceKind, 'skm'), inArray(actions.status, ['planned', 'in_progress', 'done'])))
    .limit(1);
  if (skmAction) await linkDocument(tx, operator, skm, { actionId: skmAction.id }, 'id');
  return Object.keys(FILES).length;
}

/**
 * Puts the demo documents' bytes into the evidence store when the database holds them and the
 * store does not (a fresh demo; a store emptied by hand). Content-addressed: nothing else is touched.
 */
export async function putDemoLibraryFiles(db: Queryable, store: EvidenceStore): Promise<number> {
  const byHash = new Map(Object.values(FILES).map((b) => [sha(b), b]));
  const rows = await db
    .selectDistinct({ sha256: libraryDocuments.sha256 })
    .from(libraryDocuments)
    .where(inArray(libraryDocuments.sha256, [...byHash.keys()]));
  let put = 0;
  for (const { sha256 } of rows) {
    if (await store.has(sha256)) continue;
    await store.put(Readable.from([byHash.get(sha256)!]));
    put++;
  }
  return put;
}
