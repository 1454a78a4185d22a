// Who may do what, and over which organisations: the ONE place scoping lives. Handlers resolve
// the target (the unit, body or province a request touches) and call `auth.require(action, target)`.
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
}

/**
 * 'all'      — any organisation;
 * 'province' — the actor's province (Perwakilan);
 * 'body'     — the actor's government/body (pemda coordinator);
 * 'unit'     — the actor's own service unit;
 * 'assigned' — units the actor is assigned to assess;
 * 'published'— anyone, published data only.
 */
export type Scope = 'all' | 'province' | 'body' | 'unit' | 'assigned' | 'published';

type Rule = Partial<Record<Role | 'public', Scope[]>>;

export const policy = {
  'registry.read': { admin: ['all'], pimpinan: ['all'], asisten: ['all'], koordinator: ['all'], operator: ['all'], public: ['all'] },
  'registry.write': { admin: ['all'], pimpinan: ['province'] },
  'user.read': { admin: ['all'], pimpinan: ['province'] },
  'user.manage': { admin: ['all'] },
  'cycle.read': { admin: ['all'], pimpinan: ['all'], asisten: ['all'], koordinator: ['all'], operator: ['all'], public: ['published'] },
  'cycle.manage': { admin: ['all'] },
  'locus.manage': { admin: ['all'], pimpinan: ['province'] },
  'record.read': { admin: ['all'], pimpinan: ['province'], asisten: ['assigned'], koordinator: ['body'], operator: ['unit'] },
  'record.write': { admin: ['all'], asisten: ['assigned'], operator: ['unit'] },
  'record.review': { admin: ['all'], pimpinan: ['province'] },
  'evidence.read': { admin: ['all'], pimpinan: ['province'], asisten: ['assigned'], koordinator: ['body'], operator: ['unit'] },
  'evidence.write': { admin: ['all'], asisten: ['assigned'], operator: ['unit'] },
  // Published results are public: every signed-in role reads them too, besides its own scope.
  'result.read': {
    admin: ['all'],
    pimpinan: ['province', 'published'],
    asisten: ['assigned', 'published'],
    koordinator: ['body', 'published'],
    operator: ['unit', 'published'],
    public: ['published'],
  },
  'audit.read': { admin: ['all'], pimpinan: ['province'] },
  /** Walking the whole (national) chain: admins only. */
  'audit.verify': { admin: ['all'] },
  /** Publish a scope's results (pimpinan: own province; admin: national and any province), errata. */
  'publication.manage': { admin: ['all'], pimpinan: ['province'] },
  /** Open / close a clarification window. */
  'clarification.manage': { admin: ['all'], pimpinan: ['province'] },
  /** See disputes and the change log of a body. */
  'dispute.read': { admin: ['all'], pimpinan: ['province'], asisten: ['assigned'], koordinator: ['body'] },
  /** File a dispute on the own body's units during an open window. */
  'dispute.write': { admin: ['all'], koordinator: ['body'] },
  /** Accept (the answer changes) or reject a dispute. */
  'dispute.resolve': { admin: ['all'], pimpinan: ['province'], asisten: ['assigned'] },
  /** Import historical (published) results from a template. */
  'results.import': { admin: ['all'] },
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
} as const satisfies Record<string, Rule>;

export type Action = keyof typeof policy;

function scopeMatches(scope: Scope, actor: Actor | null, t: Target): boolean {
  switch (scope) {
    case 'all':
      return true;
    case 'published':
      return t.published === true;
    case 'province':
      return !!actor?.provinceCode && t.provinceCode === actor.provinceCode;
    case 'body':
      return !!actor?.bodyId && t.bodyId === actor.bodyId;
    case 'unit':
      return !!actor?.unitId && t.unitId === actor.unitId;
    case 'assigned':
      return !!actor && !!t.assessorIds?.includes(actor.id);
  }
}

/** True when `actor` (null = anonymous public) may perform `action` on `target`. */
export function can(actor: Actor | null, action: Action, target: Target = {}): boolean {
  const rule: Rule = policy[action];
  const scopes = rule[actor ? actor.role : 'public'];
  return !!scopes && scopes.some((s) => scopeMatches(s, actor, target));
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
