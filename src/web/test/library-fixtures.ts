/** Evidence-library wire objects for web tests (issue 12 §3): a document and a use, overridable. */
import { LIBRARY_USE_NO_TARGET, type LibraryDocumentDetail, type LibraryUse } from '../../shared/wire/library-docs.ts';

export const libraryDoc = (id: string, over: Partial<LibraryDocumentDetail> = {}): LibraryDocumentDetail => ({
  id,
  unitId: 'u1',
  unitName: 'Disdukcapil',
  bodyId: 'b1',
  bodyName: 'Kota Tangerang',
  type: 'maklumat-pelayanan',
  typeTitle: { id: 'Maklumat pelayanan', en: 'Service pledge (maklumat)' },
  title: `Dokumen ${id}`,
  issuedOn: '2025-01-02',
  validUntil: null,
  validity: 'open',
  daysLeft: null,
  today: '2026-12-05',
  filename: `${id}.pdf`,
  mime: 'application/pdf',
  size: 900,
  sha256: 'a'.repeat(64),
  uses: [],
  suggestedSurveys: [],
  suggested: false,
  linkedHere: false,
  createdAt: '2026-11-01T00:00:00Z',
  updatedAt: '2026-11-01T00:00:00Z',
  suggestions: [],
  ...over,
});

/** A use naming nothing but its kind; give the fields of its target. */
export const libraryUse = (id: string, over: Partial<LibraryUse> & Pick<LibraryUse, 'kind'>): LibraryUse => ({
  id,
  ...LIBRARY_USE_NO_TARGET,
  validity: 'open',
  createdAt: '2026-11-02T00:00:00Z',
  ...over,
});
