// Registry reads and writes: bodies (governments, ministries, agencies), their service units and
// the Ombudsman offices. Writes append their audit event in the same transaction. Nothing here
// hard-deletes: deactivation clears `active`, so results that refer to a row keep their meaning.
import { and, asc, count, eq, ilike, inArray, or, type SQL } from 'drizzle-orm';
import type { Queryable, Tx } from '../db/client.ts';
import { type AuditActor, appendAudit, changedFields } from '../audit/queries.ts';
import { AppError } from '../errors.ts';
import type { Page } from '../../shared/wire/common.ts';
import type {
  ActiveFilter,
  Body,
  BodyIn,
  BodyPatchIn,
  BodyType,
  Office,
  Province,
  Sector,
  Unit,
  UnitIn,
  UnitLocation,
  UnitPatchIn,
} from '../../shared/wire/registry.ts';
import { bodies, offices, units } from './schema.ts';
import { cyclesWithResult, storeRanks } from '../scores/ranks.ts';

type BodyRow = typeof bodies.$inferSelect;
type UnitRow = typeof units.$inferSelect;

export const toBodyView = (b: BodyRow): Body => ({
  id: b.id,
  type: b.type as BodyType,
  code: b.code,
  name: b.name,
  provinceCode: b.provinceCode,
  active: b.active,
  createdAt: b.createdAt.toISOString(),
  updatedAt: b.updatedAt.toISOString(),
});

const toUnitView = (u: UnitRow, provinceCode: string | null): Unit => ({
  id: u.id,
  bodyId: u.bodyId,
  provinceCode,
  name: u.name,
  sector: u.sector as Sector,
  address: u.address,
  regencyCode: u.regencyCode,
  latitude: u.latitude,
  longitude: u.longitude,
  active: u.active,
  createdAt: u.createdAt.toISOString(),
  updatedAt: u.updatedAt.toISOString(),
});

export interface Paging {
  page: number;
  pageSize: number;
}

/** `true` / `false` filter on `active`, or no filter for 'all'. */
const activeWhere = (column: typeof bodies.active | typeof units.active, f: ActiveFilter): SQL | undefined =>
  f === 'all' ? undefined : eq(column, f === 'true');

/** Escapes LIKE wildcards so a search for "50%" matches the text literally. */
export const likeTerm = (q: string): string => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

// ── Provinces and offices ────────────────────────────────────────────────────────────────────

export async function listProvinces(tx: Queryable): Promise<Province[]> {
  const rows = await tx.select().from(bodies).where(eq(bodies.type, 'provinsi')).orderBy(asc(bodies.code));
  return rows.map((b) => ({ code: b.code, name: b.name.replace(/^Provinsi\s+/, ''), bodyId: b.id }));
}

export async function provinceExists(tx: Queryable, code: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: bodies.id })
    .from(bodies)
    .where(and(eq(bodies.type, 'provinsi'), eq(bodies.code, code)))
    .limit(1);
  return !!row;
}

export async function listOffices(tx: Queryable): Promise<Office[]> {
  const rows = await tx.select().from(offices).orderBy(asc(offices.kind), asc(offices.provinceCode));
  // pusat first, then Perwakilan by province code.
  return rows
    .sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'pusat' ? -1 : 1))
    .map((o) => ({ id: o.id, kind: o.kind as Office['kind'], provinceCode: o.provinceCode, name: o.name }));
}

// ── Bodies ───────────────────────────────────────────────────────────────────────────────────

export interface BodyFilter extends Paging {
  type?: BodyType[];
  provinceCode?: string;
  q?: string;
  active: ActiveFilter;
}

export async function listBodies(tx: Queryable, f: BodyFilter): Promise<Page<Body>> {
  const where = and(
    f.type && f.type.length > 0 ? inArray(bodies.type, f.type) : undefined,
    f.provinceCode ? eq(bodies.provinceCode, f.provinceCode) : undefined,
    f.q ? or(ilike(bodies.name, likeTerm(f.q)), ilike(bodies.code, likeTerm(f.q))) : undefined,
    activeWhere(bodies.active, f.active),
  );
  const [{ total } = { total: 0 }] = await tx.select({ total: count() }).from(bodies).where(where);
  const rows = await tx
    .select()
    .from(bodies)
    .where(where)
    .orderBy(asc(bodies.code))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  return { items: rows.map(toBodyView), total, page: f.page, pageSize: f.pageSize };
}

export async function getBody(tx: Queryable, id: string): Promise<Body | undefined> {
  const [row] = await tx.select().from(bodies).where(eq(bodies.id, id)).limit(1);
  return row ? toBodyView(row) : undefined;
}

const codeExamples: Record<BodyType, string> = {
  provinsi: '36',
  kabupaten: '36.01',
  kota: '36.71',
  kementerian: 'kemendagri',
  lembaga: 'bpom',
};

/**
 * Checks that code, type and province agree: a provinsi is coded by its own province ("36"), a
 * kabupaten/kota by "PP.NN" under its province, a ministry or agency by a slug with no province.
 */
async function checkBodyShape(tx: Queryable, b: { type: BodyType; code: string; provinceCode: string | null }): Promise<void> {
  const bad = () => new AppError('registry.code_format', { code: b.code, type: b.type, example: codeExamples[b.type] });
  if (b.type === 'kementerian' || b.type === 'lembaga') {
    if (!/^[a-z][a-z0-9-]{1,39}$/.test(b.code)) throw bad();
    if (b.provinceCode) throw new AppError('registry.code_format', { code: b.provinceCode, type: b.type, example: 'provinceCode: null' });
    return;
  }
  if (!b.provinceCode) throw new AppError('request.invalid', { summary: 'provinceCode' });
  if (b.type === 'provinsi') {
    if (!/^\d{2}$/.test(b.code) || b.code !== b.provinceCode) throw bad();
    return;
  }
  if (!/^\d{2}\.\d{2}$/.test(b.code) || !b.code.startsWith(`${b.provinceCode}.`)) throw bad();
  if (!(await provinceExists(tx, b.provinceCode)))
    throw new AppError('registry.unknown_reference', { field: 'provinceCode', value: b.provinceCode });
}

async function codeTaken(tx: Queryable, code: string, exceptId?: string): Promise<boolean> {
  const [row] = await tx.select({ id: bodies.id }).from(bodies).where(eq(bodies.code, code)).limit(1);
  return !!row && row.id !== exceptId;
}

export async function createBody(tx: Tx, actor: AuditActor, input: BodyIn): Promise<Body> {
  const values = { type: input.type, code: input.code.trim(), name: input.name.trim(), provinceCode: input.provinceCode ?? null };
  await checkBodyShape(tx, values);
  if (await codeTaken(tx, values.code)) throw new AppError('registry.code_taken', { code: values.code });
  const [row] = await tx.insert(bodies).values(values).returning();
  const body = toBodyView(row!);
  await appendAudit(tx, {
    actor,
    action: 'body.create',
    subjectType: 'body',
    subjectId: body.id,
    provinceCode: body.provinceCode,
    diff: values,
  });
  return body;
}

export async function updateBody(tx: Tx, actor: AuditActor, before: Body, patch: BodyPatchIn): Promise<Body> {
  const next = {
    type: patch.type ?? before.type,
    code: patch.code?.trim() ?? before.code,
    provinceCode: patch.provinceCode === undefined ? before.provinceCode : patch.provinceCode,
  };
  if (patch.type !== undefined || patch.code !== undefined || patch.provinceCode !== undefined) await checkBodyShape(tx, next);
  if (next.code !== before.code && (await codeTaken(tx, next.code, before.id)))
    throw new AppError('registry.code_taken', { code: next.code });
  const diff = changedFields(before as unknown as Record<string, unknown>, { ...next, name: patch.name?.trim(), active: patch.active });
  if (Object.keys(diff.after).length === 0) return before;
  const [row] = await tx
    .update(bodies)
    .set({ ...(diff.after as Partial<BodyRow>), updatedAt: new Date() })
    .where(eq(bodies.id, before.id))
    .returning();
  const body = toBodyView(row!);
  // Its ranking groups follow its type and province (and its units' province): re-rank where it has results.
  if ('type' in diff.after || 'provinceCode' in diff.after)
    for (const cycleId of await cyclesWithResult(tx, { bodyId: body.id })) await storeRanks(tx, cycleId, { bodies: true, sectors: 'all' });
  const action = patch.active === false && Object.keys(diff.after).length === 1 ? 'body.deactivate' : 'body.update';
  await appendAudit(tx, {
    actor,
    action,
    subjectType: 'body',
    subjectId: body.id,
    provinceCode: body.provinceCode ?? before.provinceCode,
    diff,
  });
  return body;
}

// ── Units ────────────────────────────────────────────────────────────────────────────────────

export interface UnitFilter extends Paging {
  sector?: Sector[];
  q?: string;
  active: ActiveFilter;
}

/**
 * The location fields a write sets (only those it names), checked: the kabupaten/kota exists in
 * the registry, and latitude and longitude are both set or both cleared once the write applies.
 */
async function checkLocation(tx: Queryable, before: Partial<UnitLocation>, input: UnitLocation): Promise<UnitLocation> {
  const out: UnitLocation = {};
  if (input.address !== undefined) out.address = input.address;
  if (input.regencyCode !== undefined) out.regencyCode = input.regencyCode;
  if (input.latitude !== undefined) out.latitude = input.latitude;
  if (input.longitude !== undefined) out.longitude = input.longitude;
  if (out.regencyCode) {
    const [regency] = await tx
      .select({ id: bodies.id })
      .from(bodies)
      .where(and(eq(bodies.code, out.regencyCode), inArray(bodies.type, ['kabupaten', 'kota'])))
      .limit(1);
    if (!regency) throw new AppError('registry.unknown_reference', { field: 'regencyCode', value: out.regencyCode });
  }
  const latitude = out.latitude !== undefined ? out.latitude : (before.latitude ?? null);
  const longitude = out.longitude !== undefined ? out.longitude : (before.longitude ?? null);
  if ((latitude === null) !== (longitude === null)) throw new AppError('registry.location_incomplete');
  return out;
}

export async function listUnits(tx: Queryable, body: Body, f: UnitFilter): Promise<Page<Unit>> {
  const where = and(
    eq(units.bodyId, body.id),
    f.sector && f.sector.length > 0 ? inArray(units.sector, f.sector) : undefined,
    f.q ? ilike(units.name, likeTerm(f.q)) : undefined,
    activeWhere(units.active, f.active),
  );
  const [{ total } = { total: 0 }] = await tx.select({ total: count() }).from(units).where(where);
  const rows = await tx
    .select()
    .from(units)
    .where(where)
    .orderBy(asc(units.name), asc(units.id))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  return { items: rows.map((u) => toUnitView(u, body.provinceCode)), total, page: f.page, pageSize: f.pageSize };
}

export async function getUnit(tx: Queryable, id: string): Promise<Unit | undefined> {
  const [row] = await tx
    .select({ unit: units, provinceCode: bodies.provinceCode })
    .from(units)
    .innerJoin(bodies, eq(bodies.id, units.bodyId))
    .where(eq(units.id, id))
    .limit(1);
  return row ? toUnitView(row.unit, row.provinceCode) : undefined;
}

export async function createUnit(tx: Tx, actor: AuditActor, body: Body, input: UnitIn): Promise<Unit> {
  if (!body.active) throw new AppError('registry.inactive', { field: 'bodyId', value: body.code });
  const location = await checkLocation(tx, {}, input);
  const values = { bodyId: body.id, name: input.name.trim(), sector: input.sector, ...location };
  const [row] = await tx.insert(units).values(values).returning();
  const unit = toUnitView(row!, body.provinceCode);
  await appendAudit(tx, {
    actor,
    action: 'unit.create',
    subjectType: 'unit',
    subjectId: unit.id,
    provinceCode: body.provinceCode,
    diff: values,
  });
  return unit;
}

export async function updateUnit(tx: Tx, actor: AuditActor, before: Unit, patch: UnitPatchIn): Promise<Unit> {
  const location = await checkLocation(tx, before, patch);
  const diff = changedFields(before as unknown as Record<string, unknown>, {
    name: patch.name?.trim(),
    sector: patch.sector,
    ...location,
    active: patch.active,
  });
  if (Object.keys(diff.after).length === 0) return before;
  const [row] = await tx
    .update(units)
    .set({ ...(diff.after as Partial<UnitRow>), updatedAt: new Date() })
    .where(eq(units.id, before.id))
    .returning();
  const unit = toUnitView(row!, before.provinceCode);
  // Its sector groups follow its sector and where it is located: re-rank where it has results.
  if ('sector' in diff.after || 'regencyCode' in diff.after)
    for (const cycleId of await cyclesWithResult(tx, { unitId: unit.id }))
      await storeRanks(tx, cycleId, { sectors: [...new Set([before.sector, unit.sector])] });
  const action = patch.active === false && Object.keys(diff.after).length === 1 ? 'unit.deactivate' : 'unit.update';
  await appendAudit(tx, { actor, action, subjectType: 'unit', subjectId: unit.id, provinceCode: before.provinceCode, diff });
  return unit;
}
