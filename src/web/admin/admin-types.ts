/**
 * Wire shapes the admin screens read, as `src/server/{registry,users,cycles,audit}/routes.ts`
 * send them (Zod schemas there are the source of truth). Types only; no I/O.
 */
import type { Text } from '../../core/types.ts';

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** Registry enums of the server (`registry/queries.ts`); labels live in the `admin` namespace. */
export const BODY_TYPES = ['kementerian', 'lembaga', 'provinsi', 'kabupaten', 'kota'] as const;
export type BodyType = (typeof BODY_TYPES)[number];
export const SECTORS = [
  'adminduk',
  'perizinan',
  'kesehatan',
  'puskesmas',
  'pendidikan',
  'sosial',
  'pertanahan',
  'kepolisian',
  'lainnya',
] as const;
export type Sector = (typeof SECTORS)[number];
/** `active=true` (default) | `false` | `all` on every registry and user list. */
export type ActiveFilter = 'true' | 'false' | 'all';

export interface Province {
  code: string;
  name: string;
  bodyId: string;
}

export interface Body {
  id: string;
  type: BodyType;
  code: string;
  name: string;
  provinceCode: string | null;
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface Unit {
  id: string;
  bodyId: string;
  provinceCode: string | null;
  name: string;
  sector: Sector;
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface UserRecord {
  id: string;
  username: string;
  name: string;
  role: 'admin' | 'pimpinan' | 'asisten' | 'koordinator' | 'operator';
  provinceCode: string | null;
  bodyId: string | null;
  unitId: string | null;
  active: boolean;
  createdAt: string;
}

export const CYCLE_STATUSES = ['planning', 'fieldwork', 'review', 'final'] as const;
export type CycleStatus = (typeof CYCLE_STATUSES)[number];

export interface CycleSummary {
  id: string;
  name: string;
  year: number;
  schemeId: string;
  family: string;
  schemeHash: string;
  status: CycleStatus;
  provinceCode: string | null;
  source: 'computed' | 'imported';
  createdAt: string;
  updatedAt: string;
  schemeTitle: Text;
  bodies: number;
  units: number;
}

export interface InstrumentQuota {
  code: string;
  title: Text;
  respondent: Text;
  kind: string;
  role: 'score' | 'claim' | 'beside';
  target: number;
  min: number;
}

export interface CycleDetail extends CycleSummary {
  instruments: InstrumentQuota[];
}

export interface ResultRef {
  score: number;
  bandCode: string;
  complete: boolean;
}

export interface UnitProgress {
  unitId: string;
  name: string;
  sector: string;
  status: string;
  assessor: { id: string; name: string; username: string } | null;
  dueDate: string | null;
  instruments: { code: string; done: number; target: number; min: number; complete: boolean }[];
  done: number;
  target: number;
  complete: boolean;
  result: ResultRef | null;
}

export interface BodyProgress {
  bodyId: string;
  code: string;
  name: string;
  type: string;
  provinceCode: string | null;
  status: 'open' | 'final';
  units: UnitProgress[];
  done: number;
  target: number;
  unitsComplete: number;
  unitsApproved: number;
  result: ResultRef | null;
}

export interface ProgressPage extends Page<BodyProgress> {
  instruments: InstrumentQuota[];
}

export interface AuditEvent {
  seq: number;
  at: string;
  actorId: string | null;
  actorLabel: string;
  action: string;
  subjectType: string;
  subjectId: string | null;
  provinceCode: string | null;
  diff: unknown;
  prevHash: string;
  hash: string;
}
