// Every audit action the server writes: `resource.verb`, singular resource, one spelling each.
// `AuditInput.action` takes only these, so a new kind of write adds its action here first; the
// audit log shows them as they are written (the admin's audit screen filters by action or by a
// prefix such as `record.`). Pure data: no imports.
export const auditActions = [
  // Sign-in (auth/queries.ts)
  'auth.login',
  'auth.login_failed',
  'auth.logout',
  // Own account: password change, second factor (auth/account.ts)
  'auth.password_change',
  'auth.totp_enrol',
  'auth.totp_enable',
  'auth.totp_disable',
  // Accounts (users/queries.ts)
  'user.create',
  'user.update',
  'user.deactivate',
  'user.password_reset',
  'user.totp_reset',
  // Registry (registry/queries.ts, registry/seed.ts; the demo seed's units)
  'registry.seed',
  'body.create',
  'body.update',
  'body.deactivate',
  'unit.create',
  'unit.update',
  'unit.deactivate',
  'unit.seed',
  // Cycles (cycles/queries.ts, scores/recompute.ts, transfer/queries.ts)
  'cycle.create',
  'cycle.transition',
  'cycle.recompute',
  'cycle.import',
  // Locus (locus/queries.ts)
  'locus.add',
  'locus.remove',
  'locus.evaluator_organisation', // issue 10
  'assignment.set',
  'followups.set',
  // Records (records/queries.ts, transfer/queries.ts, the national seed)
  'record.create',
  'record.update',
  'record.delete',
  'record.import',
  'record.seed',
  // The unit review workflow (records/workflow.ts)
  'unit.submit',
  'unit.approve',
  'unit.return',
  // Evidence (evidence/queries.ts)
  'evidence.upload',
  'evidence.delete',
  // issue 11 §7: a unit's IKM attached to an indicator (evidence/ikm.ts)
  'evidence.ikm_attach',
  'evidence.ikm_detach',
  // Results changed outside fieldwork (scores/import.ts, clarifications/change.ts)
  'result.import',
  'result.change',
  // Clarification windows and disputes (clarifications/queries.ts)
  'clarification.open',
  'clarification.extend',
  'clarification.close',
  'dispute.create',
  'dispute.evidence',
  'dispute.accept',
  'dispute.reject',
  // Publications (publications/queries.ts)
  'publication.publish',
  'publication.erratum',
  // issue 18: recognition (recognition/queries.ts)
  'recognition.handover',
  'release.edit',
  // issue 10 ─ PEKPPP self-assessment and verification (pekppp/queries.ts)
  'selfassessment.save',
  'selfassessment.submit',
  'selfassessment.reopen',
  'verification.save',
  'verification.clarify',
  'verification.answer',
  'verification.finalise',
  'pekppp.mandiri',
  'pekppp.validate',
  // issue 11: public surveys (surveys/queries.ts)
  'survey.create',
  'survey.update',
  'survey.kiosk',
  'survey.paper_entry',
  'survey.scan_upload',
  'survey.moderate',
  'survey.publish',
  /** Accepted F-03 responses moved the unit's stored result (recomputed with them). */
  'survey.recount',
  // issue 12: follow-up actions (actions/queries.ts)
  'action.create',
  'action.update',
  'action.progress',
  'action.evidence',
  'action.verify',
  'action.comment',
  // issue 12: findings and follow-up products (findings/queries.ts)
  'finding.generate',
  'finding.recommend',
  'finding.resolve',
  'followup_product.create',
  // issue 13: fieldwork checks (fieldwork/queries.ts)
  'fieldwork.acknowledge',
  'fieldwork.acknowledge_unit',
  // issue 12 §3: a unit's evidence library (library-docs/queries.ts)
  'library_document.create',
  'library_document.update',
  'library_document.link',
  'library_document.unlink',
  'library_document.delete',
  // issue 13 §5, §6: visit plans, a unit's own quota, the team-lead level (visits/queries.ts; records/workflow.ts)
  'visit.create',
  'visit.update',
  'visit.delete',
  'quota.adjust',
  'team_lead.set',
  'unit.lead_review',
] as const;

export type AuditAction = (typeof auditActions)[number];

const known: ReadonlySet<string> = new Set(auditActions);
export const isAuditAction = (s: string): s is AuditAction => known.has(s);
