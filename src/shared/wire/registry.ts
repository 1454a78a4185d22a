/**
 * Registry on the wire (`src/server/registry/routes.ts`): provinces, Ombudsman offices, bodies
 * (governments, ministries, agencies) and their service units. Anyone may read; writes need
 * `registry.write`. Nothing is deleted: `POST …/deactivate`, and `PATCH { active: true }` restores.
 */
import { z } from 'zod';
import { csvOf, pageQuery, provinceCode, regencyCode } from './common.ts';
import { ACTIVE_FILTERS, BODY_TYPES, OFFICE_KINDS, SECTORS } from './enums.ts';
import { ADDRESS_MAX, LATITUDE_RANGE, LONGITUDE_RANGE } from './limits.ts';

export const BodyType = z.enum(BODY_TYPES);
export type BodyType = z.infer<typeof BodyType>;
export const Sector = z.enum(SECTORS);
export type Sector = z.infer<typeof Sector>;
/** `active=true` (default) | `false` | `all`. */
export const ActiveFilter = z.enum(ACTIVE_FILTERS);
export type ActiveFilter = z.infer<typeof ActiveFilter>;
export const activeQuery = ActiveFilter.default('true');

// ── Responses ────────────────────────────────────────────────────────────────────────────────

export const Province = z.object({ code: z.string(), name: z.string(), bodyId: z.uuid() });
export type Province = z.infer<typeof Province>;
export const ProvinceList = z.object({ items: z.array(Province), total: z.number().int() });

export const Office = z.object({ id: z.uuid(), kind: z.enum(OFFICE_KINDS), provinceCode: z.string().nullable(), name: z.string() });
export type Office = z.infer<typeof Office>;
export const OfficeList = z.object({ items: z.array(Office), total: z.number().int() });

export const Body = z.object({
  id: z.uuid(),
  type: BodyType,
  code: z.string(),
  name: z.string(),
  provinceCode: z.string().nullable(),
  active: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Body = z.infer<typeof Body>;

export const Unit = z.object({
  id: z.uuid(),
  bodyId: z.uuid(),
  /** The body's province (null for a ministry or agency), for scoping. */
  provinceCode: z.string().nullable(),
  name: z.string(),
  sector: Sector,
  /** Street address, kabupaten/kota code and coordinates (`UnitLocation`); null where unknown. */
  address: z.string().nullable(),
  regencyCode: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  active: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Unit = z.infer<typeof Unit>;

/** How results, rankings and clarifications name a body and a unit. */
export const BodyRef = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  type: z.string(),
  provinceCode: z.string().nullable(),
});
export type BodyRef = z.infer<typeof BodyRef>;
export const UnitRef = z.object({ id: z.uuid(), name: z.string(), sector: z.string() });
export type UnitRef = z.infer<typeof UnitRef>;
/**
 * Issue 17: where a located unit is, as results and publication snapshots carry it (a snapshot
 * keeps it so a published page never reads the live registry for it): the kabupaten/kota (code and
 * name when the registry knows it) and that code's province. The office type is the unit's sector.
 */
export const UnitPlace = z.object({ provinceCode: z.string(), regencyCode: z.string(), regencyName: z.string().nullable() });
export type UnitPlace = z.infer<typeof UnitPlace>;

// ── Requests ─────────────────────────────────────────────────────────────────────────────────

export const BodiesQuery = z.object({
  ...pageQuery,
  type: csvOf(BODY_TYPES).optional(),
  province: provinceCode.optional(),
  q: z.string().trim().min(1).max(100).optional(),
  active: activeQuery,
});

export const UnitsQuery = z.object({
  ...pageQuery,
  sector: csvOf(SECTORS).optional(),
  q: z.string().trim().min(1).max(100).optional(),
  active: activeQuery,
});

export const BodyIn = z.object({
  type: BodyType,
  code: z.string().trim().min(1).max(40),
  name: z.string().trim().min(2).max(200),
  provinceCode: provinceCode.nullable().optional(),
});
export type BodyIn = z.infer<typeof BodyIn>;
export const BodyPatchIn = BodyIn.partial().extend({ active: z.boolean().optional() }).strict();
export type BodyPatchIn = z.infer<typeof BodyPatchIn>;

/**
 * Where a unit is. Latitude and longitude come together (the server refuses one without the
 * other: 422 `registry.location_incomplete`); the kabupaten/kota must be in the registry.
 */
export const UnitLocation = z.object({
  address: z.string().trim().min(1).max(ADDRESS_MAX).nullable().optional(),
  regencyCode: regencyCode.nullable().optional(),
  latitude: z.number().min(LATITUDE_RANGE[0]).max(LATITUDE_RANGE[1]).nullable().optional(),
  longitude: z.number().min(LONGITUDE_RANGE[0]).max(LONGITUDE_RANGE[1]).nullable().optional(),
});
export type UnitLocation = z.infer<typeof UnitLocation>;

export const UnitIn = z.object({ name: z.string().trim().min(2).max(200), sector: Sector, ...UnitLocation.shape });
export type UnitIn = z.infer<typeof UnitIn>;
export const UnitPatchIn = UnitIn.partial().extend({ active: z.boolean().optional() }).strict();
export type UnitPatchIn = z.infer<typeof UnitPatchIn>;

// issue 17: the typical vertical offices of ministries and agencies (registry data)
export const VerticalOfficeType = z.object({
  /** The ministry's or agency's code in the registry ("polri", "atrbpn"). */
  bodyCode: z.string(),
  sector: Sector,
  /** How such a unit is usually named; `{place}` is the kabupaten/kota ("Polres {place}"). */
  name: z.string(),
  label: z.object({ id: z.string(), en: z.string() }),
});
export type VerticalOfficeType = z.infer<typeof VerticalOfficeType>;
export const VerticalOfficeTypeList = z.object({ items: z.array(VerticalOfficeType) });

/** The kabupaten/kota a typed address names (null when none or several do). */
export const RegencyMatchQuery = z.object({ address: z.string().trim().min(2).max(ADDRESS_MAX) });
export const RegencyMatch = z.object({ regency: z.object({ code: z.string(), name: z.string() }).nullable() });
export type RegencyMatch = z.infer<typeof RegencyMatch>;
/** Bulk unit locations from an .xlsx/CSV: how many units changed, how many rows changed nothing. */
export const UnitLocationsImported = z.object({ updated: z.number().int(), unchanged: z.number().int() });
export type UnitLocationsImported = z.infer<typeof UnitLocationsImported>;
