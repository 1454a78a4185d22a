/**
 * Report pack (issue 5 §6): every government rapor of a publication's snapshot (and, on
 * request, every unit rapor) in one zip, rendered by the worker pool in the background.
 * Progress = PDFs done / total. The zip streams to the job's file as PDFs arrive; at most
 * 2 × pool size PDFs are in flight and entries are stored (PDF streams are compressed already),
 * so memory stays bounded whatever the pack's size.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { loadArchiver } from '../lazy-libs.ts';
import type { Lang } from '../../core/types.ts';
import type { Db } from '../db/client.ts';
import { cycleScheme, getCycleOr404 } from '../cycles/queries.ts';
import type { JobContext, JobOutcome } from '../jobs/runner.ts';
import { getPublicationRow } from '../publications/queries.ts';
import { provinceNames, currentVersionOf } from '../awards/queries.ts';
import { AppError, notFound } from '../errors.ts';
import { type SnapshotRaporArgs, unitRanksIn } from './from-snapshot.ts';
import { mapBounded, type RenderTask, sharedPool } from './pool.ts';
import { publicationUnitAwards } from '../recognition/unit-awards.ts';
import { unitPiagamInput } from '../recognition/piece.ts';
import { getHandover, piagamIssued } from '../recognition/queries.ts';
import { evidenceByUnit } from './queries.ts';
import type { SnapshotRef } from './types.ts';
import type { PublicationSnapshot, SnapshotUnit } from '../../shared/wire/publications.ts';
import { mandiriOf } from '../pekppp/mandiri.ts';

export interface PackParams {
  publicationId: string;
  lang: Lang;
  units: boolean;
  origin: string;
}

/** File-name-safe ASCII slug. */
export function slug(s: string): string {
  return (
    s
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .toLowerCase()
      .slice(0, 60) || 'x'
  );
}

/** How many PDFs a pack of this snapshot holds. */
export function packSize(snapshot: PublicationSnapshot, units: boolean): number {
  const bodies = new Set(snapshot.units.map((u) => u.bodyId));
  const govs = snapshot.bodies.filter((b) => bodies.has(b.id)).length;
  return govs + (units ? snapshot.units.length : 0);
}

export const publicationUrl = (origin: string, id: string): string => `${origin}/publikasi/${id}`;

/** The SnapshotRef printed on a published rapor (with the current version when superseded). */
export async function snapshotRefOf(
  db: Pick<Db, 'select'>,
  row: { id: string; cycleId: string; scope: string; version: number; status: string; publishedAt: Date },
  origin: string,
): Promise<SnapshotRef> {
  const ref: SnapshotRef = { id: row.id, version: row.version, publishedAt: row.publishedAt, url: publicationUrl(origin, row.id) };
  if (row.status !== 'current') {
    const current = await currentVersionOf(db as never, row);
    if (current !== null && current.id !== row.id) ref.supersededBy = { version: current.version, url: publicationUrl(origin, current.id) };
  }
  return ref;
}

/**
 * Report pack job. With `units`, each government's folder also holds its units' rapor and the
 * piagam of every unit award (issue 18), dated as the hand-over (else the publication date).
 */
export async function runReportPack(ctx: JobContext, p: PackParams, key: Buffer): Promise<JobOutcome> {
  const db = ctx.db;
  const row = await getPublicationRow(db, p.publicationId);
  if (!row) throw notFound('publication');
  const snapshot = row.snapshot as PublicationSnapshot;
  const cycle = await getCycleOr404(db, row.cycleId);
  const scheme = await cycleScheme(db, cycle);
  const provinces = await provinceNames(db);
  const evidence = await evidenceByUnit(db, cycle.id);
  const ref = await snapshotRefOf(db, row, p.origin);
  const generatedAt = new Date().toISOString();
  // issue 10: a "mandiri" PEKPPP cycle's rapor says whether KemenPANRB validated it (as a single rapor does).
  const mandiri = (await mandiriOf(db, [cycle.id])).get(cycle.id);

  const unitsOf = new Map<string, SnapshotUnit[]>();
  for (const u of snapshot.units) unitsOf.set(u.bodyId, [...(unitsOf.get(u.bodyId) ?? []), u]);
  const bodyOf = new Map(snapshot.bodies.map((b) => [b.id, b]));
  const provinceOfUnit = (u: SnapshotUnit): string | null => bodyOf.get(u.bodyId)?.provinceCode ?? null;
  const allUnits = snapshot.units.map((u) => ({
    id: u.id,
    name: u.name,
    sector: u.sector,
    score: u.score,
    provinceCode: provinceOfUnit(u),
  }));

  interface Item {
    name: string;
    task: RenderTask;
  }
  const unitAwards = p.units ? await publicationUnitAwards(db, key, row) : null;
  const issued = piagamIssued(await getHandover(db, row.id), row.publicAt);
  const items: Item[] = [];
  const schemeKey = `${cycle.id}:${cycle.schemeHash}`;
  const bodies = [...snapshot.bodies].filter((b) => (unitsOf.get(b.id)?.length ?? 0) > 0).sort((a, b) => a.code.localeCompare(b.code));
  for (const body of bodies) {
    const units = unitsOf.get(body.id)!;
    const base: SnapshotRaporArgs = {
      lang: p.lang,
      cycle: { name: snapshot.cycle.name, year: snapshot.cycle.year, schemeId: snapshot.cycle.schemeId },
      body,
      units,
      provinceName: body.provinceCode === null ? null : (provinces.get(body.provinceCode) ?? null),
      evidence: units.flatMap((u) => evidence.get(u.id) ?? []),
      assumptions: snapshot.assumptions,
      snapshot: ref,
      generatedAt,
      ...(mandiri ? { mandiri } : {}),
    };
    const stem = `${slug(body.code)}-${slug(body.name)}`;
    items.push({ name: `rapor-${stem}.pdf`, task: { kind: 'snapshot-rapor', schemeKey, args: base } });
    if (p.units) {
      for (const u of [...units].sort((a, b) => a.name.localeCompare(b.name, 'id'))) {
        items.push({
          name: `unit/${stem}/rapor-unit-${slug(u.name)}-${u.id.slice(0, 8)}.pdf`,
          task: { kind: 'snapshot-rapor', schemeKey, args: { ...base, unitId: u.id, unitRanks: unitRanksIn(allUnits, u.id) } },
        });
      }
      for (const a of unitAwards?.intact ? unitAwards.awards.filter((x) => x.body.id === body.id) : []) {
        items.push({
          name: `unit/${stem}/piagam-${slug(a.unit.name)}-${a.kind}-${a.unit.id.slice(0, 8)}.pdf`,
          task: { kind: 'piagam', input: unitPiagamInput(a, unitAwards!, provinces, p.lang, `${p.origin}/verifikasi/${a.code}`, issued) },
        });
      }
    }
  }
  if (items.length === 0) throw new AppError('report.pack_empty');

  const total = items.length;
  const piagams = items.filter((i) => i.task.kind === 'piagam').length;
  await ctx.progress(0, total);
  const pool = sharedPool();
  pool.addScheme(schemeKey, scheme);

  const out = createWriteStream(ctx.filePath);
  const zip = (await loadArchiver())('zip', {
    store: true,
    comment: `Pantau — rapor ${snapshot.cycle.name}, ${snapshot.scope}, v${snapshot.version}`,
  });
  const failed = new Promise<never>((_, reject) => {
    zip.on('error', reject);
    out.on('error', reject);
  });
  failed.catch(() => undefined);
  zip.pipe(out);
  const date = new Date(generatedAt);
  let done = 0;
  try {
    await Promise.race([
      failed,
      mapBounded(
        items,
        2 * pool.size,
        (item) => pool.render(item.task),
        async (pdf, k) => {
          zip.append(pdf, { name: items[k]!.name, date });
          done++;
          await ctx.progress(done, total);
          // Back-pressure: when the file lags, let it catch up before taking more.
          if (out.writableNeedDrain) await Promise.race([failed, once(out, 'drain')]);
        },
      ),
    ]);
    await Promise.race([failed, zip.finalize()]);
    if (!out.writableFinished) await Promise.race([failed, once(out, 'close')]);
  } catch (err) {
    zip.abort();
    out.destroy();
    throw err;
  }
  const scope = snapshot.scope === 'national' ? 'nasional' : snapshot.scope;
  return {
    fileName: `rapor-${slug(snapshot.cycle.name)}-${scope}-v${snapshot.version}${p.units ? '-dengan-unit' : ''}.zip`,
    mime: 'application/zip',
    result: { pdfs: total, governments: bodies.length, units: p.units ? total - bodies.length - piagams : 0, piagams },
  };
}
