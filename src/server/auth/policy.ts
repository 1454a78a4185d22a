// Who may do what, and over which organisations: the ONE place scoping lives. Handlers resolve
// the target (the unit, body or province a request touches) and call `auth.require(action, target)`.
import { mayFill } from '../../core/fill.ts';
import type { FillerRole, Scheme } from '../../core/types.ts';
import type { Role } from '../../shared/wire/auth.ts';

export type { Role };

/** The signed-in account as the policy sees it. */
export interface Actor {
  id: string;
  username: string;
  name: string;
  role: Role;
  provinceCode: string | null;
  bodyId: string | null;
  unitId: string | null;
}

/**
 * What a request touches. Fill what is known: a unit carries its body and province; a body its
 * province. `assessorIds` are the assessors assigned to the unit in the cycle concerned.
 */
export interface Target {
  provinceCode?: string | null;
  bodyId?: string | null;
  unitId?: string | null;
  assessorIds?: readonly string[];
  /** The data is published to the public (a released current publication covers it: publications/visibility.ts). */
  published?: boolean;
  /**
   * Issue 17: the provinces where the touched service units are (from each unit's kabupaten/kota).
   * A ministry's or agency's body has no province of its own (`provinceCode` null); its vertical
   * offices are then in a Perwakilan's province scope when every touched unit is located there.
   */
  unitProvinceCodes?: readonly string[];
  /** Issue 13 §6: the team leads of the unit's Perwakilan in the cycle (when its team-lead level is on). */
  teamLeadIds?: readonly string[];
  /**
   * Issue 12 §4: the data belongs to an internal pre-assessment owned by this government (the
   * cycle's `ownerBodyId`). Only the admin and that government's own accounts may touch it (see
   * `can`); it is never published, so the 'published' scope never opens it.
   */
  internalOf?: string | null;
}

/**
 * 'all'      — any organisation;
 * 'province' — the actor's province (Perwakilan); for a ministry's or agency's units (a body
 *               without province), the province where the units are (issue 17: vertical offices);
 * 'body'     — the actor's government/body (pemda coordinator);
 * 'unit'     — the actor's own service unit;
 * 'assigned' — units the actor is assigned to assess;
 * 'published'— anyone, published data only;
 * 'lead'     — the team leads of the target's Perwakilan in the cycle (issue 13 §6).
 * 'owner'    — issue 12 §4: an internal pre-assessment owned by the actor's government.
 */
export type Scope = 'all' | 'province' | 'body' | 'unit' | 'assigned' | 'published' | 'lead' | 'owner';

type Rule = Partial<Record<Role | 'public', Scope[]>>;

export const policy = {
  'registry.read': {
    admin: ['all'],
    pimpinan: ['all'],
    asisten: ['all'],
    koordinator: ['all'],
    operator: ['all'],
    evaluator: ['all'],
    public: ['all'],
  },
  'registry.write': { admin: ['all'], pimpinan: ['province'] },
  /**
   * Issue 17 — DECISION: set the locations (address, kabupaten/kota, coordinates) of a body's
   * units in bulk (POST /bodies/:bodyId/units/locations), and nothing else of the registry. Beside
   * `registry.write`'s admin and pimpinan, a body's own koordinator may locate its own body's units:
   * a ministry's or agency's coordinator knows where its offices are across the country, which no
   * single Perwakilan does. The same holds for a pemda's koordinator and its own units. Every
   * change is audited (unit.update with the before/after location); a unit's location is what
   * fieldwork position checks compare against, so the audit log is where a moved office shows.
   */
  'unit.locate': { admin: ['all'], pimpinan: ['province'], koordinator: ['body'] },
  'user.read': { admin: ['all'], pimpinan: ['province'] },
  'user.manage': { admin: ['all'] },
  'cycle.read': {
    admin: ['all'],
    pimpinan: ['all'],
    asisten: ['all'],
    koordinator: ['all'],
    operator: ['all'],
    evaluator: ['all'],
    penilai: ['owner'],
    public: ['published'],
  },
  /** Official cycles: the admin. Issue 12 §4: a koordinator creates and moves its government's internal pre-assessments. */
  'cycle.manage': { admin: ['all'], koordinator: ['owner'] },
  'locus.manage': { admin: ['all'], pimpinan: ['province'], koordinator: ['owner'] },
  // issue 13 §6: a team lead reads the units it reviews ('lead').
  'record.read': {
    admin: ['all'],
    pimpinan: ['province'],
    asisten: ['assigned', 'lead'],
    koordinator: ['body'],
    operator: ['unit'],
    evaluator: ['assigned'],
    penilai: ['assigned'],
  },
  // Which instruments each role fills is the library's (`fillers`, see `canFill` below); koordinator and evaluator since issue 10.
  'record.write': {
    admin: ['all'],
    asisten: ['assigned'],
    operator: ['unit'],
    koordinator: ['body'],
    evaluator: ['assigned'],
    penilai: ['assigned'],
  },
  /** The Perwakilan reviews official fieldwork; issue 12 §4: the koordinator its government's internal pre-assessment. */
  'record.review': { admin: ['all'], pimpinan: ['province'], koordinator: ['owner'] },
  'evidence.read': {
    admin: ['all'],
    pimpinan: ['province'],
    asisten: ['assigned', 'lead'],
    koordinator: ['body'],
    operator: ['unit'],
    evaluator: ['assigned'],
    penilai: ['assigned'],
  },
  'evidence.write': {
    admin: ['all'],
    asisten: ['assigned'],
    operator: ['unit'],
    koordinator: ['body'],
    evaluator: ['assigned'],
    penilai: ['assigned'],
  },
  // Published results are public: every signed-in role reads them too, besides its own scope.
  'result.read': {
    admin: ['all'],
    pimpinan: ['province', 'published'],
    asisten: ['assigned', 'published'],
    koordinator: ['body', 'published'],
    operator: ['unit', 'published'],
    evaluator: ['assigned', 'published'],
    penilai: ['assigned'],
    public: ['published'],
  },
  'audit.read': { admin: ['all'], pimpinan: ['province'] },
  /** Walking the whole (national) chain: admins only. */
  'audit.verify': { admin: ['all'] },
  /** Publish a scope's results (pimpinan: own province; admin: national and any province), errata. */
  'publication.manage': { admin: ['all'], pimpinan: ['province'] },
  /** Open / close a clarification window. */
  'clarification.manage': { admin: ['all'], pimpinan: ['province'] },
  /**
   * See disputes and the change log of a body. Issue 17: a ministry's or agency's page covers its
   * units nationally; a Perwakilan (pimpinan 'province') opens it limited to the units located in
   * its province (clarifications/routes.ts asks with `unitProvinceCodes` = its province and the
   * view keeps only those units, their disputes and changes).
   */
  'dispute.read': { admin: ['all'], pimpinan: ['province'], asisten: ['assigned'], koordinator: ['body'] },
  /** File a dispute on the own body's units during an open window. */
  'dispute.write': { admin: ['all'], koordinator: ['body'] },
  /** Accept (the answer changes) or reject a dispute. */
  'dispute.resolve': { admin: ['all'], pimpinan: ['province'], asisten: ['assigned'] },
  /** Import historical (published) results from a template. */
  'results.import': { admin: ['all'] },
  // issue 18: a government's press-release draft (its koordinator edits it; the Perwakilan too)
  'release.write': { admin: ['all'], pimpinan: ['province'], koordinator: ['body'] },
  // issue 10 ─ PEKPPP
  /** F-01: the unit's self-assessment (fill, submit); which instrument is F-01 is the library's (`role: 'claim'`). */
  'pekppp.claim': { admin: ['all'], koordinator: ['body'], operator: ['unit'] },
  /** F-02: the assigned evaluator verifies, asks for clarification, reopens F-01, finalises. */
  'pekppp.verify': { admin: ['all'], evaluator: ['assigned'] },
  /** See a unit's F-01 beside F-02 (claims, verdicts, clarifications) before publication. */
  'pekppp.read': { admin: ['all'], pimpinan: ['province'], koordinator: ['body'], operator: ['unit'], evaluator: ['assigned'] },
  /** Validate (or return) a "mandiri" cycle: an evaluator of the organisation the library names (target: that body). */
  'pekppp.validate': { admin: ['all'], evaluator: ['body'] },
  // issue 11: public surveys (SKM, F-03) of a unit — set up and run by its operator or its koordinator.
  'survey.read': { admin: ['all'], pimpinan: ['province'], koordinator: ['body'], operator: ['unit'] },
  'survey.manage': { admin: ['all'], koordinator: ['body'], operator: ['unit'] },
  // issue 12: follow-up actions (findings' action plans, the SKM follow-up plan, manual actions)
  /** See actions: pimpinan its province, the unit's assessors, koordinator its government, operator its unit. */
  'action.read': { admin: ['all'], pimpinan: ['province'], asisten: ['assigned'], koordinator: ['body'], operator: ['unit'] },
  /** Plan and edit actions on the government's units. */
  'action.plan': { admin: ['all'], koordinator: ['body'] },
  /** Report progress with evidence on the own unit. */
  'action.report': { admin: ['all'], operator: ['unit'] },
  /** Verify (or refuse) a done action. */
  'action.verify': { admin: ['all'], koordinator: ['body'] },
  /** Comment on the province's actions. */
  'action.comment': { admin: ['all'], pimpinan: ['province'] },
  /** Findings of a publication and the Ombudsman's follow-up products: as actions are read. */
  'finding.read': { admin: ['all'], pimpinan: ['province'], asisten: ['assigned'], koordinator: ['body'], operator: ['unit'] },
  /** The Perwakilan's recommendation per finding, follow-up products, the pre-check at the next visit. */
  'finding.write': { admin: ['all'], pimpinan: ['province'], asisten: ['assigned'] },
  /**
   * The target planner (issue 12 §6): the points a government needs for a rank and the cheapest
   * indicator fixes — its koordinator, its province's Perwakilan (pimpinan; the asisten of its
   * units). Not the published scope: another pemda's plan is its own business.
   */
  'plan.read': { admin: ['all'], pimpinan: ['province'], asisten: ['assigned'], koordinator: ['body'] },
  /**
   * Issue 12 §3: a unit's evidence library — its operator and its government's koordinator
   * manage it (add, edit, link, unlink, list); nobody else, not even the national admin (a
   * pemda's own documents). Once linked to an indicator a document is also that cycle's
   * evidence, read as any evidence (`evidence.read`).
   */
  'library.manage': { koordinator: ['body'], operator: ['unit'] },
  /** One document and its file: the managers, and the asisten/evaluator assigned to a unit of a cycle it is linked to. */
  'library.read': { asisten: ['assigned'], evaluator: ['assigned'], koordinator: ['body'], operator: ['unit'] },
  // issue 13 §5: visit plans — the pimpinan its Perwakilan's; an asisten the plans it owns or goes
  // along on (the plan's target names them as `assessorIds`), a unit's own quota by the pimpinan.
  'visit.read': { admin: ['all'], pimpinan: ['province'], asisten: ['assigned'] },
  /** Plan visits: the asisten its own (target `assessorIds` = the plan's owner), the pimpinan for its team. */
  'visit.plan': { admin: ['all'], pimpinan: ['province'], asisten: ['assigned'] },
  'quota.adjust': { admin: ['all'], pimpinan: ['province'] },
  /** Issue 13 §6: a team lead (an asisten the pimpinan names for the cycle) reviews before the pimpinan. */
  'record.lead_review': { admin: ['all'], asisten: ['lead'] },
  /** Issue 13 §6: acknowledge every open fieldwork warning of a unit with one note — the pimpinan of its Perwakilan only. */
  'fieldwork.acknowledge_unit': { pimpinan: ['province'] },
} as const satisfies Record<string, Rule>;

export type Action = keyof typeof policy;

function scopeMatches(scope: Scope, actor: Actor | null, t: Target): boolean {
  switch (scope) {
    case 'all':
      return true;
    case 'published':
      return t.published === true;
    case 'province':
      return !!actor?.provinceCode && (t.provinceCode === actor.provinceCode || locatedIn(actor.provinceCode, t));
    case 'body':
      return !!actor?.bodyId && t.bodyId === actor.bodyId;
    case 'unit':
      return !!actor?.unitId && t.unitId === actor.unitId;
    case 'assigned':
      return !!actor && !!t.assessorIds?.includes(actor.id);
    case 'lead':
      return !!actor && !!t.teamLeadIds?.includes(actor.id);
    case 'owner':
      return !!actor?.bodyId && !!t.internalOf && t.internalOf === actor.bodyId;
  }
}

/**
 * Issue 12 §4, before any scope: an internal pre-assessment is its government's business — the
 * admin and the owning government's own accounts only (not the Perwakilan, not another pemda, not
 * the public); and a `penilai` account (the pemda's internal assessor) works inside its
 * government's internal cycles and nowhere else (it reads the registry, nothing official).
 */
function internalGate(actor: Actor | null, action: Action, t: Target): boolean {
  if (t.internalOf) return !!actor && (actor.role === 'admin' || actor.bodyId === t.internalOf);
  return actor?.role !== 'penilai' || action === 'registry.read';
}

/**
 * Issue 17: unit-located scope. Units of a body without a province (kementerian/lembaga) are in
 * a province when every touched unit is located there; a unit without a location is nowhere.
 */
function locatedIn(provinceCode: string, t: Target): boolean {
  if (t.provinceCode != null) return false;
  const where = t.unitProvinceCodes;
  return !!where && where.length > 0 && where.every((p) => p === provinceCode);
}

/** True when `actor` (null = anonymous public) may perform `action` on `target`. */
export function can(actor: Actor | null, action: Action, target: Target = {}): boolean {
  const rule: Rule = policy[action];
  const scopes = rule[actor ? actor.role : 'public'];
  return !!scopes && internalGate(actor, action, target) && scopes.some((s) => scopeMatches(s, actor, target));
}

/** True when the role may perform the action on at least some target (for menus and list filters). */
export function canSome(actor: Actor | null, action: Action): boolean {
  const rule: Rule = policy[action];
  return !!rule[actor ? actor.role : 'public'];
}

/** The scopes a role has for an action (list endpoints turn them into SQL filters). */
export function scopesFor(actor: Actor | null, action: Action): readonly Scope[] {
  const rule: Rule = policy[action];
  return rule[actor ? actor.role : 'public'] ?? [];
}

// issue 10 ─ who may fill which instrument

/** The organisations within which each role fills the instruments its library file lets it fill. */
const fillScopes: Record<Role, Scope> = {
  admin: 'all',
  pimpinan: 'province',
  asisten: 'assigned',
  koordinator: 'body',
  operator: 'unit',
  evaluator: 'assigned',
  penilai: 'assigned',
};

/**
 * ASSUMPTION (issue 12 §4; the sources are silent): in an internal pre-assessment the pemda's own
 * assessor fills what the scheme gives the Ombudsman's assessor (`asisten`), with the same
 * instrument — the library's `fillers` stay the official rule and are read unchanged.
 */
const internalStandIn: Partial<Record<Role, FillerRole>> = { penilai: 'asisten' };

/**
 * May `actor` fill (create, edit, delete a sheet of) instrument `instrument` of `scheme` for the
 * unit `target`? The library file names the roles (`fillers`, or `paperEntry.by` for paper forms:
 * core `mayFill`); the role's scope decides which units (operator: own unit; koordinator: own
 * body; asisten and evaluator: the units assigned to them); the admin fills any. Read a frozen scheme through
 * `inheritPolicy` first. An instrument the scheme does not have is the validator's to refuse.
 */
export function canFill(actor: Actor | null, scheme: Scheme, instrument: string, target: Target): boolean {
  if (actor === null) return false;
  // The national administrator corrects and imports any sheet (answers import, data repair).
  if (actor.role === 'admin') return true;
  if (!internalGate(actor, 'record.write', target)) return false;
  if (!scheme.instruments.some((i) => i.code === instrument)) return true;
  const fillAs = (target.internalOf ? internalStandIn[actor.role] : undefined) ?? actor.role;
  if (fillAs === 'penilai' || !mayFill(scheme, instrument, fillAs).allowed) return false;
  return scopeMatches(fillScopes[actor.role], actor, target);
}
