// The authorisation matrix: every route in `app.routeTable` × every role (and anonymous) × the
// actor's own organisation / another province / a published cycle, checked against the INTENDED
// rules below — written from the issue's role descriptions, deliberately not computed with
// auth/policy.ts, so a wrong policy entry or a handler that forgets `auth.require` shows up here.
//
// A new route fails this test until its URL params can be filled and its action has a row in
// `intended`: nothing slips through unreviewed.
//
// Denied  = 401 (anonymous) or 403 (signed in), or 404 (not revealed), or a 2xx list with no
//           items (a filtered list that shows nothing);
// allowed = anything but 401/403 and never a 5xx (a 400/422 from a minimal body is fine); a
//           list read on an organisation the caller may see must not come back empty.
// Routes that name a cycle or an organisation in their URL get a schema-valid body/query (derived
// from the OpenAPI document) so the handler's target check is reached rather than stopped at
// validation; routes without one get `{}` and test the role-level check.
import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inArray, sql } from 'drizzle-orm';
import { canonicalJson } from '../../core/canonical-json.ts';
import { getScheme } from '../../../methodologies/index.ts';
import { createTestApp, type TestApp } from '../test/harness.ts';
import type { RouteInfo } from '../http/route.ts';
import { bodies, units } from '../registry/schema.ts';
import { cycleBodies, cycleUnits, cycles } from '../cycles/schema.ts';
import { records } from '../records/schema.ts';
import { fieldworkFlags } from '../fieldwork/schema.ts'; // issue 13
import { evidenceFiles, evidenceLinks, ikmEvidence } from '../evidence/schema.ts';
import { bodyResults } from '../scores/schema.ts';
import { clarificationWindows, disputes } from '../clarifications/schema.ts';
import { publications } from '../publications/schema.ts';
import { actionEvidence, actions } from '../actions/schema.ts'; // issue 12
import { findings, followupProducts } from '../findings/schema.ts'; // issue 12
import { libraryDocumentUses, libraryDocuments } from '../library-docs/schema.ts'; // issue 12 §3
import { buildSnapshot, hashSnapshot } from '../publications/queries.ts';
import { getCycle } from '../cycles/queries.ts';
import type { Tx } from '../db/client.ts';
import { DirectoryEvidenceStore } from '../evidence/store.ts';
import { users } from './schema.ts';
import { surveys } from '../surveys/schema.ts'; // issue 11
import { teamLeadLevels, visitPlans } from '../visits/schema.ts'; // issue 13 §5, §6
import { addUser, signIn, type SignedIn } from './testing.ts';

// ── The intended rules ─────────────────────────────────────────────────────────────────────

type Who = 'admin' | 'pimpinan' | 'asisten' | 'koordinator' | 'operator' | 'anonymous';
/**
 * 'all'              — any organisation;
 * 'own'              — the actor's own organisation only (pimpinan: province; asisten: the
 *                      units assigned to them and their bodies; koordinator: their body and its
 *                      units; operator: their unit);
 * 'published-only'   — published (final) cycles only;
 * 'own-or-published' — own organisation, or any published cycle;
 * 'none'             — never;
 * 'internal'         — issue 12 §4: only inside the own government's internal pre-assessment
 *                      (internal/internal.test.ts covers those); the fixtures' cycles are all
 *                      official, so denied wherever a cycle or organisation is named.
 */
type Rule = 'all' | 'own' | 'published-only' | 'own-or-published' | 'none' | 'internal';

const WHO: readonly Who[] = ['admin', 'pimpinan', 'asisten', 'koordinator', 'operator', 'anonymous'];

const row = (admin: Rule, pimpinan: Rule, asisten: Rule, koordinator: Rule, operator: Rule, anonymous: Rule): Record<Who, Rule> => ({
  admin,
  pimpinan,
  asisten,
  koordinator,
  operator,
  anonymous,
});

/** Issue 3 §6: admin national; pimpinan own province; asisten assigned units; koordinator own body; operator own unit; public published results. */
const intended: Record<string, Record<Who, Rule>> = {
  //                   admin   pimpinan  asisten   koordinator          operator             anonymous
  public: row('all', 'all', 'all', 'all', 'all', 'all'),
  authenticated: row('all', 'all', 'all', 'all', 'all', 'none'),
  'registry.read': row('all', 'all', 'all', 'all', 'all', 'all'),
  'registry.write': row('all', 'own', 'none', 'none', 'none', 'none'),
  // issue 17 (decision): a body's koordinator locates its own body's units in bulk.
  'unit.locate': row('all', 'own', 'none', 'own', 'none', 'none'),
  'user.read': row('all', 'own', 'none', 'none', 'none', 'none'),
  'user.manage': row('all', 'none', 'none', 'none', 'none', 'none'),
  'cycle.read': row('all', 'all', 'all', 'all', 'all', 'published-only'),
  'cycle.manage': row('all', 'none', 'none', 'internal', 'none', 'none'),
  'locus.manage': row('all', 'own', 'none', 'internal', 'none', 'none'),
  'record.read': row('all', 'own', 'own', 'own', 'own', 'none'),
  'record.write': row('all', 'none', 'own', 'own', 'own', 'none'), // koordinator: F-01 of its body's units (issue 10); which instrument: instrument-matrix.test.ts
  'record.review': row('all', 'own', 'none', 'internal', 'none', 'none'),
  'evidence.read': row('all', 'own', 'own', 'own', 'own', 'none'),
  'evidence.write': row('all', 'none', 'own', 'own', 'own', 'none'),
  'result.read': row('all', 'own-or-published', 'own-or-published', 'own-or-published', 'own-or-published', 'published-only'),
  'audit.read': row('all', 'own', 'none', 'none', 'none', 'none'),
  'audit.verify': row('all', 'none', 'none', 'none', 'none', 'none'),
  'publication.manage': row('all', 'own', 'none', 'none', 'none', 'none'),
  'clarification.manage': row('all', 'own', 'none', 'none', 'none', 'none'),
  'dispute.read': row('all', 'own', 'own', 'own', 'none', 'none'),
  'dispute.write': row('all', 'none', 'none', 'own', 'none', 'none'),
  'dispute.resolve': row('all', 'own', 'own', 'none', 'none', 'none'),
  'results.import': row('all', 'none', 'none', 'none', 'none', 'none'),
  // issue 18
  'release.write': row('all', 'own', 'none', 'own', 'none', 'none'),
  // issue 10 ─ PEKPPP (the evaluator role is covered in instrument-matrix.test.ts)
  'pekppp.claim': row('all', 'none', 'none', 'own', 'own', 'none'),
  'pekppp.verify': row('all', 'none', 'none', 'none', 'none', 'none'),
  'pekppp.read': row('all', 'own', 'none', 'own', 'own', 'none'),
  // issue 10: only KemenPANRB's evaluators (role not in this matrix) and the admin validate a mandiri cycle.
  'pekppp.validate': row('all', 'none', 'none', 'none', 'none', 'none'),
  // issue 11: a unit's surveys — its operator and koordinator run them; the pimpinan reads its province's.
  'survey.read': row('all', 'own', 'none', 'own', 'own', 'none'),
  'survey.manage': row('all', 'none', 'none', 'own', 'own', 'none'),
  // issue 12: follow-up actions — the pimpinan reads and comments on its province, the unit's
  // assessors read, the koordinator plans and verifies, the operator reports on its unit.
  'action.read': row('all', 'own', 'own', 'own', 'own', 'none'),
  'action.plan': row('all', 'none', 'none', 'own', 'none', 'none'),
  'action.report': row('all', 'none', 'none', 'none', 'own', 'none'),
  'action.verify': row('all', 'none', 'none', 'own', 'none', 'none'),
  'action.comment': row('all', 'own', 'none', 'none', 'none', 'none'),
  'finding.read': row('all', 'own', 'own', 'own', 'own', 'none'),
  'finding.write': row('all', 'own', 'own', 'none', 'none', 'none'),
  // issue 12 §6: the target planner of a government — its koordinator, its province's Perwakilan.
  'plan.read': row('all', 'own', 'own', 'own', 'none', 'none'),
  // issue 12 §3: a unit's evidence library — its operator and its government's koordinator manage
  // it, not even the admin; the assessor of a cycle a document is linked to reads that document.
  'library.manage': row('none', 'none', 'none', 'own', 'own', 'none'),
  'library.read': row('none', 'none', 'own', 'own', 'own', 'none'),
  // issue 13 §5: visit plans — the pimpinan its Perwakilan's, the asisten its own (or those it goes
  // along on); a unit's own quota by its pimpinan. §6: a unit's team-lead review by a team lead of its Perwakilan.
  'visit.read': row('all', 'own', 'own', 'none', 'none', 'none'),
  'visit.plan': row('all', 'own', 'own', 'none', 'none', 'none'),
  'quota.adjust': row('all', 'own', 'none', 'none', 'none', 'none'),
  // The fixture asisten is the team lead of province 36 in the open cycle.
  'record.lead_review': row('all', 'none', 'own', 'none', 'none', 'none'),
  // Acknowledging a whole unit's warnings with one note: its pimpinan only (not the admin, not a koordinator).
  'fieldwork.acknowledge_unit': row('none', 'own', 'none', 'none', 'none', 'none'),
};

// ── Fixtures: two provinces, a body and a unit in each, a national cycle in fieldwork with both
// in its locus, a final cycle, assignments, records and evidence — all by direct insert. ────────

type World = 'own' | 'other' | 'published';
interface WorldIds {
  cycleId: string;
  bodyId: string;
  unitId: string;
  userId: string;
  recordId: string;
  evidenceId: string;
  sha256: string;
  windowId: string;
  disputeId: string;
  publicationId: string;
  surveyId: string; // issue 11
  ikmEvidenceId: string; // issue 11 §7
  // issue 12
  actionId: string;
  actionFileId: string;
  findingId: string;
  productId: string;
  // issue 12 §3: a library document of the world's unit, linked to the fixture indicator of its cycle
  documentId: string;
  documentUseId: string;
  /** issue 17: the world's province (a province-wide read such as its vertical offices). */
  provinceCode: string;
  /** issue 13 §5: a visit plan of the world's asisten on its unit. */
  visitId: string;
}

const PW = 'kata-sandi-rahasia';
let t: TestApp;
const sessions = {} as Record<Exclude<Who, 'anonymous'>, SignedIn>;
const worlds = {} as Record<World, WorldIds>;
/** Re-applied after every write route, so one route's allowed write cannot change the next route's outcome. */
let restoreFixtures: () => Promise<void>;
let instrumentCode = '';

async function buildFixtures(): Promise<void> {
  const db = t.db.db;
  const [, , bodyA, bodyB] = await db
    .insert(bodies)
    .values([
      { type: 'provinsi', code: '36', name: 'Provinsi Banten', provinceCode: '36' },
      { type: 'provinsi', code: '32', name: 'Provinsi Jawa Barat', provinceCode: '32' },
      { type: 'kabupaten', code: '36.02', name: 'Kabupaten Lebak', provinceCode: '36' },
      { type: 'kota', code: '32.73', name: 'Kota Bandung', provinceCode: '32' },
      { type: 'kota', code: '32.77', name: 'Kota Cimahi', provinceCode: '32' },
    ])
    .returning();
  const bodyP = (await db.select().from(bodies).where(sql`${bodies.code} = '32.77'`))[0]!;
  const [unitA, unitB, unitP] = await db
    .insert(units)
    .values([
      { bodyId: bodyA!.id, name: 'Disdukcapil Kabupaten Lebak', sector: 'adminduk' },
      { bodyId: bodyB!.id, name: 'Disdukcapil Kota Bandung', sector: 'adminduk' },
      { bodyId: bodyP.id, name: 'Disdukcapil Kota Cimahi', sector: 'adminduk' },
    ])
    .returning();

  const add = (username: string, role: Exclude<Who, 'anonymous'>, scope: object) =>
    addUser(db, { username, name: username, password: PW, role, ...scope });
  await add('admin', 'admin', {});
  await add('pimpinan', 'pimpinan', { provinceCode: '36' });
  const asisten = await add('asisten', 'asisten', { provinceCode: '36' });
  await add('koordinator', 'koordinator', { bodyId: bodyA!.id });
  await add('operator', 'operator', { unitId: unitA!.id });
  const asisten32 = await add('asisten.jabar', 'asisten', { provinceCode: '32' });
  const target36 = await add('sasaran.banten', 'asisten', { provinceCode: '36' });
  const target32 = await add('sasaran.jabar', 'asisten', { provinceCode: '32' });

  const scheme = getScheme('ombudsman-2024')!;
  const frozen = canonicalJson(scheme);
  const cycleRow = (name: string, status: string) => ({
    id: randomUUID(),
    name,
    year: 2024,
    schemeId: scheme.id,
    family: scheme.family,
    schemeHash: createHash('sha256').update(frozen).digest('hex'),
    scheme: JSON.parse(frozen) as unknown,
    status,
    provinceCode: null,
  });
  const cycleRows = [cycleRow('Penilaian 2024', 'fieldwork'), cycleRow('Penilaian 2024 (final)', 'final')];
  const [open, final] = cycleRows as [ReturnType<typeof cycleRow>, ReturnType<typeof cycleRow>];
  const cycleBodyRows = [
    { cycleId: open.id, bodyId: bodyA!.id, status: 'open' },
    { cycleId: open.id, bodyId: bodyB!.id, status: 'open' },
    { cycleId: final.id, bodyId: bodyP.id, status: 'final' },
  ];
  const cycleUnitRows = [
    { cycleId: open.id, unitId: unitA!.id, bodyId: bodyA!.id, assessorId: asisten.id, status: 'pending' },
    { cycleId: open.id, unitId: unitB!.id, bodyId: bodyB!.id, assessorId: asisten32.id, status: 'pending' },
    { cycleId: final.id, unitId: unitP!.id, bodyId: bodyP.id, assessorId: asisten32.id, status: 'approved' },
  ];
  const instrument = scheme.instruments[0]!.code;
  const recordRow = (cycleId: string, unitId: string, by: string) => ({
    id: randomUUID(),
    cycleId,
    unitId,
    instrument,
    respondent: 'Responden 1',
    answers: {},
    remarks: {},
    capturedBy: by,
    capturedAt: new Date('2024-06-01T03:00:00Z'),
    status: 'submitted',
    review: {},
    contentHash: createHash('sha256').update(randomUUID()).digest('hex'),
  });
  const recordRows = [
    recordRow(open.id, unitA!.id, asisten.id),
    recordRow(open.id, unitB!.id, asisten32.id),
    recordRow(final.id, unitP!.id, asisten32.id),
  ];

  // Real files in the evidence store, so downloads can succeed.
  const store = new DirectoryEvidenceStore(join(t.dataDir, 'evidence'));
  const fileRows: { sha256: string; size: number; mime: string }[] = [];
  for (let i = 0; i < 3; i++) {
    const stored = await store.put(Readable.from([Buffer.from(`%PDF-1.4\n% matrix fixture ${i}\n%%EOF\n`)]));
    fileRows.push({ sha256: stored.sha256, size: stored.size, mime: 'application/pdf' });
  }
  const linkRows = recordRows.map((r, i) => ({
    id: randomUUID(),
    sha256: fileRows[i]!.sha256,
    cycleId: r.cycleId,
    unitId: r.unitId,
    recordId: r.id,
    indicator: null,
    filename: `bukti-${i}.pdf`,
    kind: 'document',
    createdBy: r.capturedBy,
  }));

  // Government results, so reads across cycles (trend) have something to show or to hide.
  const band = scheme.bands[0]!.code;
  const bodyResultRows = [
    { cycleId: open.id, bodyId: bodyA!.id },
    { cycleId: open.id, bodyId: bodyB!.id },
    { cycleId: final.id, bodyId: bodyP.id },
  ].map((r) => ({ ...r, raw: 80, score: 80, bandCode: band, complete: true, units: 1, source: 'computed' }));

  // A clarification window per province of the open cycle, and an open dispute on each unit (on
  // an indicator no fixture record covers, so an allowed accept changes nothing).
  const windowRows = ['36', '32'].map((scope) => ({
    id: randomUUID(),
    cycleId: open.id,
    scope,
    deadline: new Date(Date.now() + 86_400_000),
    closedAt: null,
  }));
  const uncovered = scheme.dimensions
    .flatMap((d) => d.variables.flatMap((v) => v.indicators.map((i) => i.code)))
    .find((c) => !scheme.instruments[0]!.covers.includes(c))!;
  const disputeRows = [0, 1].map((i) => ({
    id: randomUUID(),
    windowId: windowRows[i]!.id,
    cycleId: open.id,
    bodyId: [bodyA!, bodyB!][i]!.id,
    unitId: [unitA!, unitB!][i]!.id,
    indicator: uncovered,
    statement: 'Sanggahan uji matriks.',
    evidence: [{ sha256: fileRows[i]!.sha256, filename: `sanggahan-${i}.pdf`, mime: 'application/pdf', size: fileRows[i]!.size }],
    status: 'open',
    resolvedBy: null,
    resolvedAt: null,
    resolution: null,
  }));

  // issue 11: a survey of each unit.
  const surveyRows = [unitA!, unitB!, unitP!].map((u, i) => ({
    id: randomUUID(),
    kind: 'skm',
    code: `matriks${i}`,
    unitId: u.id,
    schemeId: 'skm-2017',
    instrument: 'responden',
    periodKind: 'year',
    periodKey: '2024',
    periodStart: new Date('2023-12-31T17:00:00Z'),
    periodEnd: new Date('2024-12-31T17:00:00Z'),
    services: ['KTP-el'],
    expectedUsers: 100,
    targetSample: 80,
    opensAt: new Date('2024-01-01T00:00:00Z'),
    closesAt: new Date('2099-01-01T00:00:00Z'),
  }));

  // issue 11 §7: an IKM of each unit's survey attached to an indicator of its record's cycle.
  const ikmRows = linkRows.map((l, i) => ({
    id: randomUUID(),
    cycleId: l.cycleId,
    unitId: l.unitId,
    indicator: 'O1',
    surveyId: surveyRows[i]!.id,
    periodKey: '2024',
    ikm: 82.45,
    band: 'B',
    respondents: 412,
    target: 80,
  }));

  // issue 12: a follow-up action on each unit, with one evidence file.
  const actionRows = [
    { unit: unitA!, body: bodyA! },
    { unit: unitB!, body: bodyB! },
    { unit: unitP!, body: bodyP },
  ].map(({ unit, body }) => ({
    id: randomUUID(),
    bodyId: body.id,
    unitId: unit.id,
    sourceKind: 'manual',
    title: 'Tindak lanjut uji matriks',
    personInCharge: 'Kepala unit',
    dueDate: '2030-01-31',
    status: 'planned',
    notes: null,
    targetLevel: null,
    verifiedBy: null,
    verifiedAt: null,
  }));
  const actionFileRows = actionRows.map((a, i) => ({
    id: randomUUID(),
    actionId: a.id,
    sha256: fileRows[i]!.sha256,
    filename: `tindak-lanjut-${i}.pdf`,
    updateId: null,
  }));

  const findingRows = [
    { cycleId: open.id, unit: unitA!, body: bodyA! },
    { cycleId: open.id, unit: unitB!, body: bodyB! },
    { cycleId: final.id, unit: unitP!, body: bodyP },
  ].map(({ cycleId, unit, body }) => ({
    id: randomUUID(),
    cycleId,
    bodyId: body.id,
    unitId: unit.id,
    indicator: uncovered,
    ref: '1.1',
    text: { id: 'Indikator', en: 'Indicator' },
    dimension: 'd',
    levelReached: 1,
    nextLevel: 2,
    nextDescriptor: { id: 'Tingkat 2', en: 'Level 2' },
    unitGain: 1,
    governmentGain: 1,
    recommendationKind: null,
    recommendation: null,
    recommendedBy: null,
    recommendedAt: null,
    resolution: null,
    resolutionNote: null,
    resolvedBy: null,
    resolvedAt: null,
  }));
  const productRows = findingRows.map((f, i) => ({
    id: randomUUID(),
    cycleId: f.cycleId,
    bodyId: f.bodyId,
    unitId: f.unitId,
    findingId: f.id,
    kind: 'rekomendasi',
    number: `R/${i}`,
    issuedOn: '2025-01-31',
    title: 'Rekomendasi uji matriks',
    sha256: fileRows[i]!.sha256,
    filename: `rekomendasi-${i}.pdf`,
  }));

  // issue 12 §3: a library document per unit, linked to an indicator of its cycle (an evidence link of its own).
  const libraryIndicator = scheme.dimensions[0]!.variables[0]!.indicators[0]!.code;
  const libraryLinkRows = recordRows.map((r, i) => ({
    id: randomUUID(),
    sha256: fileRows[i]!.sha256,
    cycleId: r.cycleId,
    unitId: r.unitId,
    recordId: null,
    indicator: libraryIndicator,
    filename: `pustaka-${i}.pdf`,
    kind: 'pustaka',
    createdBy: null,
  }));
  const libraryDocRows = [unitA!, unitB!, unitP!].map((u, i) => ({
    id: randomUUID(),
    unitId: u.id,
    type: 'maklumat-pelayanan',
    title: 'Maklumat uji matriks',
    issuedOn: '2024-01-02',
    validUntil: null,
    sha256: fileRows[i]!.sha256,
    filename: `pustaka-${i}.pdf`,
  }));
  const libraryUseRows = libraryDocRows.map((d, i) => ({ id: randomUUID(), documentId: d.id, evidenceLinkId: libraryLinkRows[i]!.id }));
  // issue 13 §5: a visit plan in each world, owned by that world's asisten.
  const visitRows = [
    { cycleId: open.id, provinceCode: '36', assessorId: asisten.id, unitIds: [unitA!.id] },
    { cycleId: open.id, provinceCode: '32', assessorId: asisten32.id, unitIds: [unitB!.id] },
    { cycleId: final.id, provinceCode: '32', assessorId: asisten32.id, unitIds: [unitP!.id] },
  ].map((v) => ({ ...v, id: randomUUID(), date: '2024-06-01', teamIds: [] as string[], note: null }));

  const publicationId = randomUUID();
  let publicationRow: typeof publications.$inferInsert | undefined;

  restoreFixtures = async () => {
    await db.transaction(async (tx) => {
      await tx
        .update(bodies)
        .set({ active: true })
        .where(inArray(bodies.id, [bodyA!.id, bodyB!.id, bodyP.id]));
      await tx
        .update(units)
        .set({ active: true })
        .where(inArray(units.id, [unitA!.id, unitB!.id, unitP!.id]));
      await tx.update(users).set({ active: true });
      for (const c of cycleRows)
        await tx
          .insert(cycles)
          .values(c)
          .onConflictDoUpdate({ target: cycles.id, set: { status: c.status, provinceCode: null } });
      for (const cb of cycleBodyRows)
        await tx
          .insert(cycleBodies)
          .values(cb)
          .onConflictDoUpdate({ target: [cycleBodies.cycleId, cycleBodies.bodyId], set: { status: cb.status } });
      for (const cu of cycleUnitRows) {
        await tx
          .insert(cycleUnits)
          .values(cu)
          .onConflictDoUpdate({ target: [cycleUnits.cycleId, cycleUnits.unitId], set: { assessorId: cu.assessorId, status: cu.status } });
      }
      for (const r of recordRows)
        await tx
          .insert(records)
          .values(r)
          .onConflictDoUpdate({ target: records.id, set: { status: r.status, unitId: r.unitId, cycleId: r.cycleId } });
      // issue 13: an open fieldwork warning on every record, so flag lists have a row and acknowledging succeeds.
      for (const r of recordRows)
        await tx
          .insert(fieldworkFlags)
          .values({
            recordId: r.id,
            cycleId: r.cycleId,
            unitId: r.unitId,
            code: 'too-short',
            severity: 'warning',
            reason: { id: 'Terlalu singkat.', en: 'Too short.' },
            details: {},
            computedAt: new Date(),
          })
          .onConflictDoUpdate({
            target: [fieldworkFlags.recordId, fieldworkFlags.code],
            set: { acknowledgedAt: null, acknowledgedBy: null, acknowledgeNote: null },
          });
      for (const f of fileRows) await tx.insert(evidenceFiles).values(f).onConflictDoNothing();
      for (const l of linkRows) await tx.insert(evidenceLinks).values(l).onConflictDoNothing();
      for (const r of bodyResultRows) await tx.insert(bodyResults).values(r).onConflictDoNothing();
      for (const r of surveyRows) await tx.insert(surveys).values(r).onConflictDoNothing(); // issue 11
      for (const r of ikmRows) await tx.insert(ikmEvidence).values(r).onConflictDoNothing(); // issue 11 §7
      for (const r of actionRows) await tx.insert(actions).values(r).onConflictDoUpdate({ target: actions.id, set: r });
      for (const r of actionFileRows) await tx.insert(actionEvidence).values(r).onConflictDoUpdate({ target: actionEvidence.id, set: r });
      for (const r of findingRows) await tx.insert(findings).values(r).onConflictDoUpdate({ target: findings.id, set: r });
      for (const r of productRows) await tx.insert(followupProducts).values(r).onConflictDoUpdate({ target: followupProducts.id, set: r });
      // issue 12 §3
      for (const r of libraryLinkRows) await tx.insert(evidenceLinks).values(r).onConflictDoNothing();
      for (const r of libraryDocRows)
        await tx.insert(libraryDocuments).values(r).onConflictDoUpdate({ target: libraryDocuments.id, set: r });
      for (const r of libraryUseRows) await tx.insert(libraryDocumentUses).values(r).onConflictDoNothing();
      for (const r of visitRows) await tx.insert(visitPlans).values(r).onConflictDoUpdate({ target: visitPlans.id, set: r }); // issue 13
      // issue 13 §6: the open cycle's team-lead level in province 36, led by the fixture asisten.
      const lead = { cycleId: open.id, provinceCode: '36', leadIds: [asisten.id] };
      await tx
        .insert(teamLeadLevels)
        .values(lead)
        .onConflictDoUpdate({ target: [teamLeadLevels.cycleId, teamLeadLevels.provinceCode], set: { leadIds: lead.leadIds } });
      for (const r of windowRows)
        await tx
          .insert(clarificationWindows)
          .values(r)
          .onConflictDoUpdate({ target: clarificationWindows.id, set: { deadline: r.deadline, closedAt: null } });
      for (const r of disputeRows) {
        await tx
          .insert(disputes)
          .values(r)
          .onConflictDoUpdate({
            target: disputes.id,
            set: { status: 'open', evidence: r.evidence, resolvedBy: null, resolvedAt: null, resolution: null },
          });
      }
      // The final cycle is public through its current, released national publication (the
      // snapshot built once by the publication builder); nothing else of the cycles is published.
      publicationRow ??= await fixturePublication(tx, final.id, publicationId);
      await tx.delete(publications).where(sql`${publications.id} <> ${publicationId}`);
      await tx
        .insert(publications)
        .values(publicationRow)
        .onConflictDoUpdate({ target: publications.id, set: { status: 'current', supersededAt: null, publicAt: publicationRow.publicAt } });
    });
  };
  await restoreFixtures();

  const ids = (cycle: { id: string }, body: { id: string }, unit: { id: string }, user: { id: string }, i: number): WorldIds => ({
    cycleId: cycle.id,
    bodyId: body.id,
    unitId: unit.id,
    userId: user.id,
    recordId: recordRows[i]!.id,
    evidenceId: linkRows[i]!.id,
    sha256: fileRows[i]!.sha256,
    // The published world has no window or dispute: any id is unknown there (404).
    windowId: windowRows[i]?.id ?? randomUUID(),
    disputeId: disputeRows[i]?.id ?? randomUUID(),
    // Only the published world has a publication; elsewhere any id is unknown (404).
    publicationId: i === 2 ? publicationId : randomUUID(),
    surveyId: surveyRows[i]!.id, // issue 11
    ikmEvidenceId: ikmRows[i]!.id, // issue 11 §7
    actionId: actionRows[i]!.id,
    actionFileId: actionFileRows[i]!.id,
    findingId: findingRows[i]!.id,
    productId: productRows[i]!.id,
    documentId: libraryDocRows[i]!.id,
    documentUseId: libraryUseRows[i]!.id,
    provinceCode: i === 0 ? '36' : '32',
    visitId: visitRows[i]!.id, // issue 13 §5
  });
  worlds.own = ids(open, bodyA!, unitA!, target36, 0);
  worlds.other = ids(open, bodyB!, unitB!, target32, 1);
  worlds.published = ids(final, bodyP, unitP!, target32, 2);
  instrumentCode = instrument;

  for (const who of ['admin', 'pimpinan', 'asisten', 'koordinator', 'operator'] as const) sessions[who] = await signIn(t.app, who, PW);
}

/** A national publication of the final cycle, released an hour ago, with a builder-made snapshot. */
async function fixturePublication(tx: Tx, cycleId: string, id: string): Promise<typeof publications.$inferInsert> {
  const cycle = (await getCycle(tx, cycleId))!;
  const publishedAt = new Date(Date.now() - 3_600_000);
  const snapshot = await buildSnapshot(tx, cycle, 'national', { version: 1, publishedAt, publicAt: publishedAt });
  return {
    id,
    cycleId,
    scope: 'national',
    version: 1,
    status: 'current',
    publicAt: publishedAt,
    publishedAt,
    schemeHash: cycle.schemeHash,
    contentHash: hashSnapshot(snapshot),
    snapshot,
  };
}

// ── Filling a route's URL ───────────────────────────────────────────────────────────────────

/** Which fixture a URL param names. `:id` is read from the segment before it (`/records/:id`). */
function paramKind(url: string, name: string): keyof WorldIds | null {
  if (name === 'id') {
    const before = url.split('/:id')[0]!.split('/').at(-1);
    if (before === 'records') return 'recordId';
    if (before === 'evidence') return 'evidenceId';
    if (before === 'users') return 'userId';
    if (before === 'visits') return 'visitId'; // issue 13 §5
    return null;
  }
  const byName: Record<string, keyof WorldIds> = {
    cycleId: 'cycleId',
    bodyId: 'bodyId',
    unitId: 'unitId',
    userId: 'userId',
    recordId: 'recordId',
    evidenceId: 'evidenceId',
    linkId: 'evidenceId',
    sha256: 'sha256',
    windowId: 'windowId',
    disputeId: 'disputeId',
    publicationId: 'publicationId',
    // A certificate code: a fixture id is no valid code (404 / { valid: false }); awards.test.ts checks real codes.
    code: 'publicationId',
    // No fixture job: any id is another's (404 for all, 401 anonymous) — jobs.test.ts covers owners.
    jobId: 'recordId',
    // issue 11: a unit's survey; a response or public code that is no fixture's (404 / 400).
    surveyId: 'surveyId',
    ikmEvidenceId: 'ikmEvidenceId', // issue 11 §7
    responseId: 'recordId',
    surveyCode: 'recordId',
    // issue 12
    actionId: 'actionId',
    fileId: 'actionFileId',
    findingId: 'findingId',
    productId: 'productId',
    // issue 12 §3
    documentId: 'documentId',
    useId: 'documentUseId',
    // issue 13: no fixture upload: any id is another's (404 for all, 401 anonymous) — resumable.test.ts covers owners.
    uploadId: 'recordId',
    // issue 17: a province-wide read (rows outside the caller's scope are left out, as in rankings).
    provinceCode: 'provinceCode',
  };
  return byName[name] ?? null;
}

const paramsOf = (url: string): string[] => [...url.matchAll(/:(\w+)/g)].map((m) => m[1]!);

/** The organisation level a route touches: its most specific org param. */
type Level = 'none' | 'cycle' | 'unit' | 'body' | 'user';
function levelOf(kinds: (keyof WorldIds)[]): Level {
  if (kinds.some((k) => k === 'unitId' || k === 'recordId' || k === 'evidenceId' || k === 'sha256' || k === 'disputeId')) return 'unit';
  if (
    kinds.some(
      (k) =>
        k === 'actionId' ||
        k === 'actionFileId' ||
        k === 'findingId' ||
        k === 'productId' ||
        k === 'surveyId' ||
        k === 'ikmEvidenceId' ||
        k === 'documentId' ||
        k === 'documentUseId',
    )
  )
    return 'unit'; // issues 12, 11
  if (kinds.includes('visitId')) return 'unit'; // issue 13 §5: a plan is its asisten's, on units of its Perwakilan
  // A clarification window covers a province: owned like a body by the pimpinan.
  if (kinds.includes('bodyId') || kinds.includes('windowId')) return 'body';
  if (kinds.includes('userId')) return 'user';
  // A publication is a cycle's (one scope of it): read like the cycle.
  if (kinds.includes('cycleId') || kinds.includes('publicationId')) return 'cycle';
  return 'none';
}

/** Does `who`'s own organisation cover a target at `level` in the own world? */
function ownsLevel(who: Who, level: Level): boolean {
  switch (who) {
    case 'pimpinan':
      return level === 'unit' || level === 'body' || level === 'user';
    case 'asisten': // assessor of the own unit, hence working in its body
    case 'koordinator':
      return level === 'unit' || level === 'body';
    case 'operator':
      return level === 'unit';
    default:
      return false;
  }
}

function expectAllowed(rule: Rule, who: Who, world: World, level: Level): boolean {
  if (rule === 'all') return true;
  if (rule === 'none') return false;
  // Without a cycle or organisation the role-level check lets it in (the body is invalid here).
  if (rule === 'internal') return level === 'none';
  // Without an org param the route cannot refuse by organisation: lists filter, creates read
  // their target from the (here invalid) body. Any scope at all lets the caller in.
  if (level === 'none') return true;
  if (level === 'cycle') return rule === 'published-only' ? world === 'published' : true;
  const own = world === 'own' && ownsLevel(who, level);
  if (rule === 'own') return own;
  if (rule === 'published-only') return world === 'published';
  return own || world === 'published';
}

// ── Inputs from the OpenAPI document ────────────────────────────────────────────────────────

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  minimum?: number;
  exclusiveMinimum?: number | boolean;
  items?: JsonSchema;
  minItems?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
}
interface Operation {
  parameters?: { in: string; name: string; required?: boolean; schema: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}
let openapi: Record<string, Record<string, Operation>> = {};

/** Values the schema alone cannot guess: a real scheme id, an instrument of the cycle's scheme. */
const hints = (): Record<string, unknown> => ({
  scheme: 'ombudsman-2023',
  schemeId: 'ombudsman-2024',
  to: 'ombudsman-2023',
  instrument: instrumentCode,
  scanSha256: '0'.repeat(64), // issue 11
});

/** Optional query params sent anyway, because a handler requires them in combination. */
const optionalQueryHints: Record<string, string> = { type: 'kota' };

/** A small value that satisfies `s` (required properties only, first enum value, minimums). */
function sample(s: JsonSchema, name = ''): unknown {
  const hint = hints()[name];
  if (hint !== undefined) return hint;
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum[0];
  if (s.default !== undefined) return s.default;
  const alt = s.anyOf ?? s.oneOf;
  if (alt) return sample(alt.find((a) => a.type !== 'null') ?? alt[0]!, name);
  if (s.allOf) return Object.assign({}, ...s.allOf.map((a) => sample(a, name)));
  const type = Array.isArray(s.type) ? s.type.find((x) => x !== 'null') : s.type;
  switch (type) {
    case 'object':
      return Object.fromEntries((s.required ?? []).map((k) => [k, sample(s.properties?.[k] ?? {}, k)]));
    case 'array':
      return Array.from({ length: s.minItems ?? 0 }, () => sample(s.items ?? {}, name));
    case 'integer':
    case 'number':
      return s.minimum ?? (typeof s.exclusiveMinimum === 'number' ? s.exclusiveMinimum + 1 : 1);
    case 'boolean':
      return false;
    case 'string': {
      if (s.format === 'date-time') return '2024-06-01T03:00:00Z';
      if (s.format === 'date') return '2024-06-30';
      if (s.format === 'uuid') return randomUUID();
      const plain = 'x'.repeat(Math.max(s.minLength ?? 1, 3));
      if (!s.pattern) return plain;
      const re = new RegExp(s.pattern);
      return ['36', '36.02', 'contoh', plain].find((c) => re.test(c)) ?? plain;
    }
    default:
      return {};
  }
}

/** Body and query string that pass the route's validation, so its target check is what answers. */
function validInput(route: RouteInfo): { payload?: unknown; query: string } {
  const op = openapi[route.url.replace(/:(\w+)/g, '{$1}')]?.[route.method.toLowerCase()];
  const query = (op?.parameters ?? [])
    // Required params, plus optional ones a handler may need together (`group=national&type=kota`).
    .filter((p) => p.in === 'query' && (p.required || p.name in optionalQueryHints))
    .map((p) => (p.required ? p : { ...p, schema: { const: optionalQueryHints[p.name] } }))
    .map((p) => `${encodeURIComponent(p.name)}=${encodeURIComponent(String(sample(p.schema, p.name)))}`)
    .join('&');
  const schema = op?.requestBody?.content?.['application/json']?.schema;
  return { payload: schema ? sample(schema) : undefined, query };
}

interface Case {
  route: RouteInfo;
  who: Who;
  world: World;
  level: Level;
  url: string;
  payload?: unknown;
  allowed: boolean;
}

function casesFor(route: RouteInfo, problems: string[]): Case[] {
  const names = paramsOf(route.url);
  const kinds: (keyof WorldIds)[] = [];
  for (const n of names) {
    const k = paramKind(route.url, n);
    if (!k) problems.push(`${route.method} ${route.url}: cannot fill :${n} — map it in paramKind()`);
    else kinds.push(k);
  }
  const rules = intended[route.access];
  if (!rules) problems.push(`${route.method} ${route.url}: action '${route.access}' has no row in the intended table`);
  if (kinds.length !== names.length || !rules) return [];
  const level = levelOf(kinds);
  const worldsHere: World[] = level === 'none' || level === 'cycle' ? ['own'] : ['own', 'other'];
  // Published data is only ever read: reads that name a cycle or an organisation also try the
  // final cycle's organisation.
  if (route.method === 'GET' && level !== 'none') worldsHere.push('published');
  // Routes that name a cycle or an organisation get valid input so the target check answers;
  // the others get `{}` (the role-level check answers; their target is in the body).
  const input = level === 'none' ? { payload: {}, query: '' } : validInput(route);
  const payload = route.method === 'GET' || route.method === 'DELETE' ? undefined : (input.payload ?? {});
  const out: Case[] = [];
  for (const world of worldsHere) {
    let url = route.url;
    names.forEach((n, i) => {
      url = url.replace(`:${n}`, worlds[world][kinds[i]!]);
    });
    if (input.query) url += `?${input.query}`;
    for (const who of WHO) out.push({ route, who, world, level, url, payload, allowed: expectAllowed(rules[who], who, world, level) });
  }
  return out;
}

interface Outcome {
  status: number;
  code?: string;
  /** Length of `items` when the reply is a list. */
  items?: number;
}

async function call(c: Case): Promise<Outcome> {
  const headers = c.who === 'anonymous' ? {} : sessions[c.who].headers;
  const res = await t.app.inject({
    method: c.route.method,
    url: c.url,
    headers,
    ...(c.payload === undefined ? {} : { payload: c.payload as object }),
  });
  let body: { error?: { code?: string }; items?: unknown } | undefined;
  try {
    body = res.json();
  } catch {
    body = undefined;
  }
  return { status: res.statusCode, code: body?.error?.code, items: Array.isArray(body?.items) ? body.items.length : undefined };
}

function verdict(c: Case, r: Outcome): string | null {
  const emptyList = r.status >= 200 && r.status < 300 && r.items === 0;
  const denied = (c.who === 'anonymous' ? r.status === 401 : r.status === 403) || r.status === 404 || emptyList;
  // issue 10: which instrument a role fills is the library's (instrument-matrix.test.ts); the fixture sheet is an Ombudsman one.
  const refused = (r.status === 401 || r.status === 403) && r.code !== 'record.filler_forbidden';
  // A list on an organisation the caller may read has rows (the fixtures put one in each).
  const orgList = c.route.method === 'GET' && c.level !== 'none' && c.level !== 'cycle';
  const ok = r.status >= 500 ? false : c.allowed ? !refused && !(orgList && emptyList) : denied;
  if (ok) return null;
  const got = `${r.status}${r.code ? ` ${r.code}` : ''}${r.items !== undefined ? ` (${r.items} items)` : ''}`;
  return `${c.route.method} ${c.route.url} as ${c.who} (${c.world}): expected ${c.allowed ? 'allowed' : 'denied'}, got ${got}`;
}

// ── The test ────────────────────────────────────────────────────────────────────────────────

beforeAll(async () => {
  t = await createTestApp();
  await buildFixtures();
  openapi = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json().paths;
});
afterAll(() => t.close());

describe('authorisation matrix (every route × role × own/other organisation)', { timeout: 300_000 }, () => {
  it('registers every API route through defineRoute, so the matrix sees it', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json() as { paths: Record<string, Record<string, unknown>> };
    const documented = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods)
        .filter((m) => m !== 'head')
        .map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    const table = new Set(t.app.routeTable.map((r) => `${r.method} ${r.url}`));
    expect(documented.filter((r) => r.startsWith('GET /api/v1') || r.includes(' /api/v1')).filter((r) => !table.has(r))).toEqual([]);
    expect(t.app.routeTable.length).toBeGreaterThan(20);
  });

  it('matches the intended rule for every route, role and organisation', async () => {
    const problems: string[] = [];
    const all = t.app.routeTable.flatMap((r) => casesFor(r, problems));
    const mismatches: string[] = [];
    const check = async (cases: Case[]) => {
      for (const c of cases) {
        const v = verdict(c, await call(c));
        if (v) mismatches.push(v);
      }
    };

    // Reads change nothing: run them in parallel batches.
    const reads = all.filter((c) => c.route.method === 'GET');
    for (let i = 0; i < reads.length; i += 24) {
      const batch = reads.slice(i, i + 24);
      const results = await Promise.all(batch.map(call));
      batch.forEach((c, j) => {
        const v = verdict(c, results[j]!);
        if (v) mismatches.push(v);
      });
    }

    // Writes route by route: refusals first (they must change nothing), then the allowed calls
    // (admin last), then the fixtures are restored. Deactivations and deletions come late and
    // sign-out last, since it ends the caller's session.
    const weight = (r: RouteInfo) => (r.url.endsWith('/auth/logout') ? 3 : r.method === 'DELETE' || r.url.endsWith('/deactivate') ? 2 : 1);
    const writeRoutes = t.app.routeTable.filter((r) => r.method !== 'GET').sort((a, b) => weight(a) - weight(b));
    for (const route of writeRoutes) {
      const cases = all.filter((c) => c.route === route);
      await check(cases.filter((c) => !c.allowed));
      await check(cases.filter((c) => c.allowed && c.who !== 'admin'));
      await check(cases.filter((c) => c.allowed && c.who === 'admin'));
      await restoreFixtures();
    }

    expect(problems).toEqual([]);
    expect(mismatches).toEqual([]);
    // Sanity: the matrix really exercised both outcomes for every role.
    for (const who of WHO) {
      expect(all.some((c) => c.who === who && c.allowed)).toBe(true);
      expect(all.some((c) => c.who === who && !c.allowed) || who === 'admin').toBe(true);
    }
    // issue 11: more routes; the whole matrix is one test (slow on a loaded machine).
  }, 300_000);

  it('leaves the audit chain intact after all those calls', async () => {
    const { verifyAudit } = await import('../audit/queries.ts');
    const rows = (await t.db.db.execute(sql`select count(*)::int as n from audit_events`)) as unknown as { rows: { n: number }[] };
    expect(rows.rows[0]!.n).toBeGreaterThan(0);
    expect((await verifyAudit(t.db.db)).ok).toBe(true);
  });
});

// ── Issue 17: unit-located scope (vertical offices of ministries and agencies) ─────────────────
// A ministry's or agency's body has no province; its units carry their own kabupaten/kota. A
// Perwakilan (pimpinan, asisten) works on the units located in its province; the ministry's own
// coordinator sees all its units nationally. Own fixtures, after the matrix (it restores its own).

describe('unit-located scope (issue 17: vertical offices)', () => {
  const V = { pimpinan: 'pimpinan.vertikal', asisten: 'asisten.vertikal', koordinator: 'koordinator.polri', jabar: 'pimpinan.jabar' };
  const s = {} as Record<keyof typeof V, SignedIn>;
  let polri = '';
  let serang = '';
  let bandung = '';
  let unlocated = '';
  let national = '';
  let banten = '';
  let asistenId = '';

  const inject = (who: keyof typeof V, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: s[who].headers, ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    const db = t.db.db;
    const [body] = await db
      .insert(bodies)
      .values({ type: 'lembaga', code: 'polri-uji', name: 'Kepolisian (uji)', provinceCode: null })
      .returning();
    polri = body!.id;
    const rows = await db
      .insert(units)
      .values([
        { bodyId: polri, name: 'Polres Serang', sector: 'kepolisian', regencyCode: '36.04', latitude: -6.12, longitude: 106.15 },
        { bodyId: polri, name: 'Polrestabes Bandung', sector: 'kepolisian', regencyCode: '32.73', latitude: -6.91, longitude: 107.61 },
        { bodyId: polri, name: 'Polres Tanpa Lokasi', sector: 'kepolisian' },
      ])
      .returning();
    [serang, bandung, unlocated] = rows.map((u) => u.id) as [string, string, string];
    await addUser(db, { username: V.pimpinan, name: V.pimpinan, password: PW, role: 'pimpinan', provinceCode: '36' });
    asistenId = (await addUser(db, { username: V.asisten, name: V.asisten, password: PW, role: 'asisten', provinceCode: '36' })).id;
    await addUser(db, { username: V.koordinator, name: V.koordinator, password: PW, role: 'koordinator', bodyId: polri });
    await addUser(db, { username: V.jabar, name: V.jabar, password: PW, role: 'pimpinan', provinceCode: '32' });
    for (const k of Object.keys(V) as (keyof typeof V)[]) s[k] = await signIn(t.app, V[k], PW);
    const scheme = getScheme('ombudsman-2024')!;
    const frozen = canonicalJson(scheme);
    const cycleRow = (name: string, provinceCode: string | null) => ({
      id: randomUUID(),
      name,
      year: 2024,
      schemeId: scheme.id,
      family: scheme.family,
      schemeHash: createHash('sha256').update(frozen).digest('hex'),
      scheme: JSON.parse(frozen) as unknown,
      status: 'fieldwork',
      provinceCode,
    });
    const [n, b] = [cycleRow('Vertikal nasional', null), cycleRow('Vertikal Banten', '36')];
    await db.insert(cycles).values([n, b]);
    national = n.id;
    banten = b.id;
  });

  it('lets a Perwakilan put the vertical offices located in its province into the locus, and only those', async () => {
    expect((await inject('pimpinan', 'POST', `/cycles/${national}/units`, { unitId: serang })).statusCode).toBe(200);
    expect((await inject('pimpinan', 'POST', `/cycles/${national}/units`, { unitId: bandung })).statusCode).toBe(403);
    expect((await inject('pimpinan', 'POST', `/cycles/${national}/units`, { unitId: unlocated })).statusCode).toBe(403);
    // The whole body nationally is not the province's; chosen units elsewhere neither.
    expect((await inject('pimpinan', 'POST', `/cycles/${national}/bodies`, { bodyId: polri })).statusCode).toBe(403);
    expect((await inject('pimpinan', 'POST', `/cycles/${national}/bodies`, { bodyId: polri, unitIds: [serang, bandung] })).statusCode).toBe(
      403,
    );
    // The other province's Perwakilan takes its own.
    expect((await inject('jabar', 'POST', `/cycles/${national}/units`, { unitId: bandung })).statusCode).toBe(200);
    // A province cycle takes the body with only the units located in the province.
    const added = await inject('pimpinan', 'POST', `/cycles/${banten}/bodies`, { bodyId: polri });
    expect(added.statusCode).toBe(200);
    expect(added.json().added).toEqual([serang]);
    expect((await inject('pimpinan', 'POST', `/cycles/${banten}/bodies`, { bodyId: polri, unitIds: [bandung] })).statusCode).toBe(403);
  });

  it('lets the Perwakilan assign and read its located units, never the other province’s', async () => {
    const assign = await inject('pimpinan', 'PUT', `/cycles/${national}/units/${serang}/assignment`, { assessorId: asistenId });
    expect(assign.statusCode).toBe(200);
    expect((await inject('pimpinan', 'PUT', `/cycles/${national}/units/${bandung}/assignment`, { assessorId: asistenId })).statusCode).toBe(
      403,
    );
    expect((await inject('pimpinan', 'GET', `/cycles/${national}/units/${bandung}/result`)).statusCode).toBe(403);
    const progress = (await inject('pimpinan', 'GET', `/cycles/${national}/progress?bodyId=${polri}`)).json();
    const seen = progress.items.flatMap((b: { units: { unitId: string }[] }) => b.units.map((u) => u.unitId));
    expect(seen).toEqual([serang]);
    const byProvince = (await inject('pimpinan', 'GET', `/cycles/${national}/progress?province=36&bodyId=${polri}`)).json();
    expect(byProvince.items).toHaveLength(1);
    // The assigned asisten may now work on it.
    const mine = (await inject('asisten', 'GET', '/assignments/mine')).json();
    expect(mine.items.map((a: { unit: { unitId: string } }) => a.unit.unitId)).toContain(serang);
  });

  it('lets the ministry’s or agency’s coordinator see all its units nationally', async () => {
    const progress = (await inject('koordinator', 'GET', `/cycles/${national}/progress?bodyId=${polri}`)).json();
    const seen = progress.items.flatMap((b: { units: { unitId: string }[] }) => b.units.map((u) => u.unitId));
    expect(new Set(seen)).toEqual(new Set([serang, bandung]));
    expect((await inject('koordinator', 'GET', `/cycles/${national}/units/${bandung}/result`)).statusCode).not.toBe(403);
    // … but may not manage the locus.
    expect((await inject('koordinator', 'POST', `/cycles/${national}/units`, { unitId: unlocated })).statusCode).toBe(403);
  });

  it('shows each Perwakilan the disputes on the vertical offices located in its province, and the coordinator all', async () => {
    // A ministry's disputes are filed in the cycle's 'pusat' window; serang and bandung are in the locus (above).
    const scheme = getScheme('ombudsman-2024')!;
    const indicator = scheme.dimensions[0]!.variables[0]!.indicators[0]!.code;
    const windowId = randomUUID();
    await t.db.db
      .insert(clarificationWindows)
      .values({ id: windowId, cycleId: national, scope: 'pusat', deadline: new Date(Date.now() + 86_400_000) });
    const [onSerang, onBandung] = [randomUUID(), randomUUID()];
    await t.db.db.insert(disputes).values(
      [
        [onSerang, serang],
        [onBandung, bandung],
      ].map(([id, unitId]) => ({
        id: id!,
        windowId,
        cycleId: national,
        bodyId: polri,
        unitId: unitId!,
        indicator,
        statement: 'Sanggahan kantor vertikal.',
      })),
    );
    const listed = async (who: keyof typeof V) => {
      const res = await inject(who, 'GET', `/cycles/${national}/disputes`);
      expect(res.statusCode).toBe(200);
      return res
        .json()
        .items.map((d: { id: string }) => d.id)
        .filter((id: string) => id === onSerang || id === onBandung);
    };
    expect(await listed('pimpinan')).toEqual([onSerang]);
    expect(await listed('jabar')).toEqual([onBandung]);
    expect(new Set(await listed('koordinator'))).toEqual(new Set([onSerang, onBandung]));
  });
});
