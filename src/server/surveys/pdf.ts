// Survey PDFs (issue 11): the A4 poster with the QR code of the survey link and the unit's name,
// and the SKM report in the regulation's structure (method, sample, results per unsur,
// analysis, follow-up plan). Words from the catalogue below (id + en).
import type { Lang } from '../../core/types.ts';
import { type Catalogue, format } from '../../shared/messages.ts';
import { periodLabel } from '../../core/period-label.ts';
import type { SurveyResults } from '../../shared/wire/surveys.ts';
import { type Node, palette, renderPdf } from '../reports/pdf.ts';
import { qrSvg } from '../reports/piagam.ts';
import type { SurveyRow } from './queries.ts';

export const pdfWords = {
  'poster.heading': { id: 'Bantu kami melayani lebih baik', en: 'Help us serve you better' },
  'poster.title': { id: 'Survei Kepuasan Masyarakat', en: 'Community Satisfaction Survey' },
  'poster.titleF03': { id: 'Kuesioner Pengguna Layanan (F-03)', en: 'Service User Questionnaire (F-03)' },
  'poster.scan': {
    id: 'Pindai kode QR dengan ponsel Anda, atau buka tautan di bawah. Tanpa mendaftar, tanpa nama, ± 3 menit.',
    en: 'Scan the QR code with your phone, or open the link below. No sign-up, no name, about 3 minutes.',
  },
  'poster.period': { id: 'Periode {period}', en: 'Period {period}' },
  'report.title': { id: 'Laporan Survei Kepuasan Masyarakat', en: 'Community Satisfaction Survey Report' },
  'report.unit': { id: '{unit} — {body}, periode {period}', en: '{unit} — {body}, period {period}' },
  'report.method': { id: '1. Metode', en: '1. Method' },
  'report.methodText': {
    id: 'Survei menurut PermenPANRB 14/2017: sembilan unsur pelayanan dengan empat pilihan jawaban (1–4). NRR per unsur adalah rata-rata jawaban; IKM = 25 × rata-rata tertimbang NRR (bobot sama, 1/9). Jawaban yang ditandai (di luar tanggal, perangkat berulang, jawaban identik beruntun, terlalu cepat, jebakan bot) disimpan tetapi tidak dihitung.',
    en: 'Survey under PANRB Regulation 14/2017: nine service elements with four answers (1–4). The NRR of an element is the mean answer; IKM = 25 × the weighted mean NRR (equal weights, 1/9). Flagged responses (outside the dates, repeated device, bursts of identical answers, too fast, bot trap) are kept but not counted.',
  },
  'report.sample': { id: '2. Sampel', en: '2. Sample' },
  'report.sampleText': {
    id: 'Perkiraan pengguna layanan {population}; sampel minimum (Krejcie–Morgan) {target}; responden diterima {accepted}; ditandai {flagged}.',
    en: 'Expected service users {population}; minimum sample (Krejcie–Morgan) {target}; accepted respondents {accepted}; flagged {flagged}.',
  },
  'report.results': { id: '3. Hasil per unsur', en: '3. Results per element' },
  'report.colUnsur': { id: 'Unsur', en: 'Element' },
  'report.colNrr': { id: 'NRR', en: 'NRR' },
  'report.colConverted': { id: 'Nilai konversi', en: 'Converted' },
  'report.colMutu': { id: 'Mutu', en: 'Grade' },
  'report.ikm': { id: 'IKM {ikm} — mutu {band} ({label})', en: 'IKM {ikm} — grade {band} ({label})' },
  'report.analysis': { id: '4. Analisis', en: '4. Analysis' },
  'report.analysisText': {
    id: 'Unsur terlemah: {weakest}. Urutan dari terendah: {ascending}.',
    en: 'Weakest element(s): {weakest}. From lowest: {ascending}.',
  },
  'report.followup': { id: '5. Rencana tindak lanjut', en: '5. Follow-up plan' },
  'report.followupText': {
    id: 'Unit menyusun rencana tindak lanjut untuk unsur terlemah: tindakan, penanggung jawab, tenggat, status dan bukti.',
    en: 'The unit drafts a follow-up plan for the weakest elements: action, owner, due date, status and evidence.',
  },
  'report.colAction': { id: 'Tindakan', en: 'Action' },
  'report.colOwner': { id: 'Penanggung jawab', en: 'Owner' },
  'report.colDue': { id: 'Tenggat', en: 'Due' },
  'report.colStatus': { id: 'Status', en: 'Status' },
  'report.suggestions': { id: 'Saran masyarakat (telah dimoderasi)', en: 'Suggestions (moderated)' },
} as const satisfies Catalogue;

type Key = keyof typeof pdfWords;
const t = (lang: Lang) => (key: Key, params?: Record<string, unknown>) => format(pdfWords, key, lang, params);

export async function renderPoster(s: SurveyRow, url: string, lang: Lang): Promise<Buffer> {
  const w = t(lang);
  const content: Node[] = [
    { text: w('poster.heading'), fontSize: 30, bold: true, color: palette.ink, alignment: 'center', margin: [0, 20, 0, 10] },
    {
      text: w(s.kind === 'f03' ? 'poster.titleF03' : 'poster.title'),
      fontSize: 22,
      alignment: 'center',
      color: palette.text,
      margin: [0, 0, 0, 6],
    },
    { text: s.unitName, fontSize: 24, bold: true, alignment: 'center', margin: [0, 10, 0, 2] },
    { text: s.bodyName, fontSize: 16, alignment: 'center', color: palette.muted },
    {
      text: w('poster.period', { period: periodLabel(s.periodKey, lang) }),
      fontSize: 14,
      alignment: 'center',
      color: palette.muted,
      margin: [0, 4, 0, 20],
    },
    { svg: qrSvg(url), width: 300, alignment: 'center' },
    { text: w('poster.scan'), fontSize: 16, alignment: 'center', margin: [30, 24, 30, 10] },
    { text: url, fontSize: 18, bold: true, alignment: 'center', color: palette.ink },
  ];
  return renderPdf(
    { pageSize: 'A4', pageMargins: [40, 40, 40, 40], content },
    { title: `${w('poster.title')} — ${s.unitName}`, createdAt: s.createdAt, lang },
  );
}

export interface RtlRow {
  unsurCode: string;
  title: string;
  personInCharge: string;
  dueDate: string;
  status: string;
}

export async function renderSkmReport(r: SurveyResults, lang: Lang, rtl: RtlRow[] = []): Promise<Buffer> {
  const w = t(lang);
  const s = r.survey;
  const ikm = r.ikm!;
  const fmt = (n: number, d = 2) =>
    n.toLocaleString(lang === 'id' ? 'id-ID' : 'en-GB', { minimumFractionDigits: d, maximumFractionDigits: d });
  const name = (code: string) => `${code} ${ikm.unsur.find((u) => u.code === code)?.text[lang] ?? ''}`.trim();
  const h = (text: string): Node => ({ text, fontSize: 13, bold: true, color: palette.ink, margin: [0, 14, 0, 4] });
  const content: Node[] = [
    { text: w('report.title'), fontSize: 18, bold: true, color: palette.ink },
    {
      text: w('report.unit', { unit: s.unitName, body: s.bodyName, period: periodLabel(s.periodKey, lang) }),
      fontSize: 11,
      margin: [0, 2, 0, 8],
    },
    h(w('report.method')),
    { text: w('report.methodText'), fontSize: 10 },
    h(w('report.sample')),
    {
      text: w('report.sampleText', { population: s.expectedUsers, target: r.target, accepted: r.accepted, flagged: r.flagged }),
      fontSize: 10,
    },
    h(w('report.results')),
    {
      table: {
        headerRows: 1,
        widths: ['*', 60, 80, 50],
        body: [
          [w('report.colUnsur'), w('report.colNrr'), w('report.colConverted'), w('report.colMutu')].map((x) => ({
            text: x,
            bold: true,
            fillColor: palette.head,
          })),
          ...ikm.unsur.map((u) => [`${u.code} ${u.text[lang]}`, fmt(u.nrr), fmt(u.converted), u.band]),
        ],
      },
      fontSize: 10,
    },
    {
      text: w('report.ikm', { ikm: fmt(ikm.value), band: ikm.band.code, label: ikm.band.label[lang] }),
      fontSize: 13,
      bold: true,
      margin: [0, 8, 0, 0],
    },
    h(w('report.analysis')),
    { text: w('report.analysisText', { weakest: ikm.weakest.map(name).join(', '), ascending: ikm.ascending.join(' < ') }), fontSize: 10 },
    h(w('report.followup')),
    { text: w('report.followupText'), fontSize: 10 },
  ];
  if (rtl.length > 0)
    content.push({
      table: {
        headerRows: 1,
        widths: [40, '*', 90, 60, 55],
        body: [
          [w('report.colUnsur'), w('report.colAction'), w('report.colOwner'), w('report.colDue'), w('report.colStatus')].map((x) => ({
            text: x,
            bold: true,
            fillColor: palette.head,
          })),
          ...rtl.map((a) => [a.unsurCode, a.title, a.personInCharge, a.dueDate.split('-').reverse().join('-'), a.status]),
        ],
      },
      fontSize: 9,
      margin: [0, 6, 0, 0],
    });
  const approved = r.suggestions.filter((x) => x.status === 'approved');
  if (approved.length > 0) content.push(h(w('report.suggestions')), { ul: approved.slice(0, 50).map((x) => x.text), fontSize: 10 });
  return renderPdf({ pageSize: 'A4', pageMargins: [50, 50, 50, 50], content }, { title: w('report.title'), createdAt: s.createdAt, lang });
}
