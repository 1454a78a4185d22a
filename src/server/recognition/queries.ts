// Recognition reads and writes (issue 18): the hand-over of a publication, the facts box and the
// press-release draft of a government (generated from the snapshot, the koordinator's edit
// stored and audited).
import { and, desc, eq, lte } from 'drizzle-orm';
import type { Lang } from '../../core/types.ts';
import type { Queryable, Tx } from '../db/client.ts';
import { type AuditActor, appendAudit } from '../audit/queries.ts';
import { publicationAwards, provinceNames } from '../awards/queries.ts';
import { publications } from '../publications/schema.ts';
import type { PublicationRow } from '../publications/queries.ts';
import { notFound } from '../errors.ts';
import type { PublicationSnapshot, SnapshotRank } from '../../shared/wire/publications.ts';
import type { Handover, HandoverIn, Release, ReleaseFacts } from '../../shared/wire/recognition.ts';
import { awardHandovers, pressReleases } from './schema.ts';
import { releaseFacts, releaseText } from './release.ts';
import type { DateInput } from '../reports/types.ts';
import { publicationUnitAwards } from './unit-awards.ts';

export async function getHandover(tx: Queryable, publicationId: string): Promise<Handover> {
  const [row] = await tx.select().from(awardHandovers).where(eq(awardHandovers.publicationId, publicationId));
  return row ? { date: row.date, place: row.place, updatedAt: row.updatedAt.toISOString() } : { date: null, place: null, updatedAt: null };
}

export async function setHandover(tx: Tx, actor: AuditActor, row: PublicationRow, input: HandoverIn, now = new Date()): Promise<Handover> {
  const before = await getHandover(tx, row.id);
  const values = { date: input.date, place: input.place, updatedBy: actor?.id ?? null, updatedAt: now };
  await tx
    .insert(awardHandovers)
    .values({ publicationId: row.id, ...values })
    .onConflictDoUpdate({ target: awardHandovers.publicationId, set: values });
  await appendAudit(tx, {
    actor,
    action: 'recognition.handover',
    subjectType: 'publication',
    subjectId: row.id,
    provinceCode: row.scope === 'national' ? null : row.scope,
    at: now,
    diff: { before: { date: before.date, place: before.place }, after: { date: input.date, place: input.place } },
  });
  return { date: input.date, place: input.place, updatedAt: now.toISOString() };
}

/**
 * The date and place printed on a piagam (issue 18): the hand-over's when the Perwakilan entered
 * it (a calendar date, printed as written), else the publication's public date, in Jakarta.
 */
export function piagamIssued(handover: Handover, publicAt: Date): { at: DateInput; place: string } {
  return handover.date !== null && handover.place !== null
    ? { at: handover.date, place: handover.place }
    : { at: publicAt, place: 'Jakarta' };
}

/**
 * A body's national rank from the cycle's national publication released at `now` (the latest
 * version), for a province publication whose snapshot has none.
 */
async function nationalRankOf(
  tx: Queryable,
  cycleId: string,
  bodyId: string,
  now: Date,
): Promise<{ publicationId: string; rank: SnapshotRank } | null> {
  const [nat] = await tx
    .select({ id: publications.id, snapshot: publications.snapshot })
    .from(publications)
    .where(and(eq(publications.cycleId, cycleId), eq(publications.scope, 'national'), lte(publications.publicAt, now)))
    .orderBy(desc(publications.version))
    .limit(1);
  if (!nat) return null;
  const rank = (nat.snapshot as PublicationSnapshot).bodies.find((b) => b.id === bodyId)?.ranks.nationalType ?? null;
  return rank === null ? null : { publicationId: nat.id, rank };
}

/** The facts box of one government of a publication (404 when the snapshot does not hold it). */
export async function factsOf(
  tx: Queryable,
  key: Buffer,
  row: PublicationRow,
  bodyId: string,
  lang: Lang,
  now = new Date(),
): Promise<ReleaseFacts> {
  const snapshot = row.snapshot as PublicationSnapshot;
  const body = snapshot.bodies.find((b) => b.id === bodyId);
  if (!body) throw notFound('body');
  const gov = await publicationAwards(tx, key, row);
  const units = await publicationUnitAwards(tx, key, row);
  return releaseFacts({
    snapshot,
    publication: { id: row.id, version: row.version },
    scheme: gov.scheme,
    body,
    provinces: await provinceNames(tx),
    national: body.ranks.nationalType === null ? await nationalRankOf(tx, row.cycleId, body.id, now) : null,
    governmentAwards: gov.intact ? gov.awards : [],
    unitAwards: units.intact ? units.awards : [],
    handover: await getHandover(tx, row.id),
    lang,
  });
}

/** The release draft: the stored edit if any, else the text generated from the facts. */
export async function releaseOf(tx: Queryable, key: Buffer, row: PublicationRow, bodyId: string, lang: Lang): Promise<Release> {
  const facts = await factsOf(tx, key, row, bodyId, lang);
  const generated = releaseText(facts, lang);
  const [stored] = await tx
    .select()
    .from(pressReleases)
    .where(and(eq(pressReleases.publicationId, row.id), eq(pressReleases.bodyId, bodyId), eq(pressReleases.lang, lang)));
  return {
    lang,
    text: stored?.text ?? generated,
    generated,
    edited: stored !== undefined,
    updatedAt: stored?.updatedAt.toISOString() ?? null,
    updatedBy: stored?.updatedBy ?? null,
    facts,
  };
}

/** Stores the koordinator's edited text (audited with the previous text's length and the new text). */
export async function saveRelease(
  tx: Tx,
  actor: AuditActor,
  row: PublicationRow,
  body: { id: string; provinceCode: string | null },
  lang: Lang,
  text: string,
  now = new Date(),
): Promise<void> {
  const [before] = await tx
    .select({ text: pressReleases.text })
    .from(pressReleases)
    .where(and(eq(pressReleases.publicationId, row.id), eq(pressReleases.bodyId, body.id), eq(pressReleases.lang, lang)));
  const values = { text, updatedBy: actor?.id ?? null, updatedAt: now };
  await tx
    .insert(pressReleases)
    .values({ publicationId: row.id, bodyId: body.id, lang, ...values })
    .onConflictDoUpdate({ target: [pressReleases.publicationId, pressReleases.bodyId, pressReleases.lang], set: values });
  await appendAudit(tx, {
    actor,
    action: 'release.edit',
    subjectType: 'press_release',
    subjectId: body.id,
    provinceCode: body.provinceCode,
    at: now,
    diff: { publicationId: row.id, lang, before: before?.text ?? null, after: text },
  });
}
