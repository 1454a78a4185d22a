// Press-release draft of one government (issue 18 §3), Bahasa Indonesia and English, written
// from a publication's snapshot alone: the facts box (`releaseFacts`, pure) and the text built
// from it (`releaseText`, pure). Every number in the text is a number of the facts box, and every
// number of the facts box is read from the snapshot (release.test.ts checks both).
import type { Lang, Scheme } from '../../core/types.ts';
import { type Catalogue, format } from '../../shared/messages.ts';
import type { Handover, ReleaseFacts } from '../../shared/wire/recognition.ts';
import type { PublicationSnapshot, SnapshotBody, SnapshotRank } from '../../shared/wire/publications.ts';
import { formatDate, formatNumber, groupName, typeName, zoneName } from '../reports/i18n.ts';
import { bandRef } from '../scores/breakdown.ts';
import type { AwardEntry } from '../awards/awards.ts';
import type { UnitAward } from './unit-awards.ts';

const texts = {
  title: { id: 'SIARAN PERS', en: 'PRESS RELEASE' },
  headline: {
    id: '{body} Meraih Nilai {score} (Opini {band}) dalam {cycle}',
    en: '{body} Scores {score} ({band} Opinion) in the {cycle}',
  },
  lead: {
    id: '{place}{date} — {body} memperoleh nilai {score} dengan opini {band} ({label}, zona {zone}) dalam {cycle} yang diselenggarakan Ombudsman Republik Indonesia.',
    en: '{place}{date} — {body} obtained a score of {score}, the {band} opinion ({label}, {zone} zone), in the {cycle} conducted by the Ombudsman of the Republic of Indonesia.',
  },
  'lead.nozone': {
    id: '{place}{date} — {body} memperoleh nilai {score} dengan opini {band} ({label}) dalam {cycle} yang diselenggarakan Ombudsman Republik Indonesia.',
    en: '{place}{date} — {body} obtained a score of {score}, the {band} opinion ({label}), in the {cycle} conducted by the Ombudsman of the Republic of Indonesia.',
  },
  'rank.province': {
    id: 'Dengan nilai tersebut, {body} menempati peringkat {rank} dari {of} kabupaten/kota di Provinsi {province}.',
    en: 'With this score, {body} ranks {rank} of {of} regencies and cities in {province} Province.',
  },
  'rank.province.up': {
    id: ' Peringkat ini naik {n} dari peringkat {previous} pada siklus sebelumnya.',
    en: ' This is up {n} from rank {previous} in the previous cycle.',
  },
  'rank.province.down': {
    id: ' Peringkat ini turun {n} dari peringkat {previous} pada siklus sebelumnya.',
    en: ' This is down {n} from rank {previous} in the previous cycle.',
  },
  'rank.province.same': { id: ' Peringkat ini sama dengan siklus sebelumnya.', en: ' This is the same rank as in the previous cycle.' },
  'rank.national': {
    id: 'Secara nasional, {body} berada di peringkat {rank} dari {of} {group}.',
    en: 'Nationally, {body} ranks {rank} of {of} {group}.',
  },
  'previous.up': {
    id: 'Dibandingkan penilaian {year} (nilai {previous}, opini {band}), nilai {body} naik {delta} poin.',
    en: 'Compared with the {year} assessment (score {previous}, {band} opinion), the score of {body} rose by {delta} points.',
  },
  'previous.down': {
    id: 'Dibandingkan penilaian {year} (nilai {previous}, opini {band}), nilai {body} turun {delta} poin.',
    en: 'Compared with the {year} assessment (score {previous}, {band} opinion), the score of {body} fell by {delta} points.',
  },
  'previous.same': {
    id: 'Nilai {body} sama dengan penilaian {year} (opini {band}).',
    en: 'The score of {body} is the same as in the {year} assessment ({band} opinion).',
  },
  units: { id: 'Nilai unit layanan yang dinilai:', en: 'Scores of the service units assessed:' },
  unit: { id: '- {name} ({sector}): {score}, opini {band} ({label})', en: '- {name} ({sector}): {score}, {band} opinion ({label})' },
  awards: { id: 'Penghargaan yang diterima:', en: 'Awards received:' },
  award: { id: '- {subject}: {text}', en: '- {subject}: {text}' },
  handover: {
    id: 'Hasil penilaian dan penghargaan diserahkan pada {date} di {place}.',
    en: 'The results and awards were handed over on {date} at {place}.',
  },
  'handover.missing': {
    id: '[Tanggal dan tempat penyerahan belum diisi oleh Perwakilan Ombudsman.]',
    en: '[The date and place of the hand-over have not been entered by the Ombudsman Representative Office yet.]',
  },
  incomplete: { id: 'Catatan: hasil ini belum lengkap.', en: 'Note: this result is incomplete.' },
  source: {
    id: 'Sumber: publikasi hasil {cycle}, versi {version}, Ombudsman Republik Indonesia.',
    en: 'Source: published results of the {cycle}, version {version}, Ombudsman of the Republic of Indonesia.',
  },
  // Award names
  'award.kualitas-tertinggi': { id: 'Opini {band} ({label})', en: '{band} opinion ({label})' },
  'award.top-province': { id: 'Peringkat {rank} terbaik di Provinsi {province}', en: 'Rank {rank} in {province} Province' },
  'award.most-improved': { id: 'Peningkatan nilai terbaik, peringkat {rank}', en: 'Most improved, rank {rank}' },
  'award.top-sector': {
    id: 'Peringkat {rank} terbaik sektor {sector} di Provinsi {province}',
    en: 'Rank {rank} in the {sector} sector in {province} Province',
  },
} satisfies Catalogue;

type Key = keyof typeof texts;
const tr = (lang: Lang) => (key: Key, vars?: Record<string, string | number>) => format(texts, key, lang, vars);

export interface FactsInput {
  snapshot: PublicationSnapshot;
  publication: { id: string; version: number };
  scheme: Scheme;
  body: SnapshotBody;
  provinces: ReadonlyMap<string, string>;
  /** The body's rank in the cycle's released national publication, when this one is a province's. */
  national: { publicationId: string; rank: SnapshotRank } | null;
  governmentAwards: readonly AwardEntry[];
  unitAwards: readonly UnitAward[];
  handover: Handover;
  lang: Lang;
}

const rankFact = (r: SnapshotRank) => ({ rank: r.rank, of: r.of, previousRank: r.previousRank, movement: r.movement });

/** The facts box of a government: everything the release says, read from the snapshot. */
export function releaseFacts(i: FactsInput): ReleaseFacts {
  const { snapshot, body, scheme, lang } = i;
  const t = tr(lang);
  const provinceName = body.provinceCode === null ? null : (i.provinces.get(body.provinceCode) ?? body.provinceCode);
  const units = snapshot.units.filter((u) => u.bodyId === body.id).sort((a, b) => b.score - a.score || a.name.localeCompare(b.name, 'id'));
  const national =
    body.ranks.nationalType !== null
      ? { ...rankFact(body.ranks.nationalType), publicationId: i.publication.id }
      : i.national === null
        ? null
        : { ...rankFact(i.national.rank), publicationId: i.national.publicationId };
  const awards: ReleaseFacts['awards'] = [];
  for (const a of i.governmentAwards.filter((x) => x.body.id === body.id)) {
    const band = bandRef(scheme, body.bandCode);
    const text =
      a.kind === 'kualitas-tertinggi'
        ? t('award.kualitas-tertinggi', { band: band.code, label: band.label[lang] })
        : a.kind === 'top-province'
          ? t('award.top-province', { rank: a.rank ?? 1, province: provinceName ?? '' })
          : t('award.most-improved', { rank: a.rank ?? 1 });
    awards.push({ subject: body.name, text });
  }
  for (const a of i.unitAwards.filter((x) => x.body.id === body.id)) {
    const band = bandRef(scheme, a.unit.bandCode);
    const text =
      a.kind === 'top-band'
        ? t('award.kualitas-tertinggi', { band: band.code, label: band.label[lang] })
        : a.kind === 'top-sector'
          ? t('award.top-sector', { rank: a.rank ?? 1, sector: typeName(a.unit.sector, lang), province: provinceName ?? '' })
          : t('award.most-improved', { rank: a.rank ?? 1 });
    awards.push({ subject: a.unit.name, text });
  }
  return {
    publication: { id: i.publication.id, version: i.publication.version, cycleName: snapshot.cycle.name, year: snapshot.cycle.year },
    body: { id: body.id, name: body.name, type: body.type, provinceCode: body.provinceCode, provinceName },
    score: body.score,
    band: bandRef(scheme, body.bandCode),
    complete: body.complete,
    provinceRank: body.ranks.province === null ? null : rankFact(body.ranks.province),
    nationalRank: national,
    previous:
      body.previous === null
        ? null
        : {
            year: body.previous.year,
            score: body.previous.score,
            bandCode: body.previous.bandCode,
            delta: Math.round((body.score - body.previous.score) * 100) / 100,
          },
    units: units.map((u) => ({
      id: u.id,
      name: u.name,
      sectorName: typeName(u.sector, lang),
      score: u.score,
      band: bandRef(scheme, u.bandCode),
    })),
    awards,
    handover: i.handover,
  };
}

/** A calendar date "YYYY-MM-DD" in words ("10 Desember 2025"). */
export const handoverDate = (date: string, lang: Lang): string => formatDate(date, lang);

/** The release text of a facts box. Plain text, paragraphs separated by blank lines. */
export function releaseText(f: ReleaseFacts, lang: Lang): string {
  const t = tr(lang);
  const n = (x: number) => formatNumber(x, lang);
  const body = f.body.name;
  const cycle = f.publication.cycleName;
  const h = f.handover;
  const dateline =
    h.date !== null && h.place !== null ? { place: h.place, date: `, ${handoverDate(h.date, lang)}` } : { place: '', date: '' };
  const paragraphs: string[] = [];
  paragraphs.push(`${t('title')}\n${t('headline', { body, score: n(f.score), band: f.band.code, cycle })}`);
  const leadVars = { ...dateline, body, score: n(f.score), band: f.band.code, label: f.band.label[lang], cycle };
  let lead =
    f.band.zone === undefined ? t('lead.nozone', leadVars) : t('lead', { ...leadVars, zone: zoneName(f.band.zone, lang).toLowerCase() });
  if (dateline.place === '') lead = lead.replace(/^ — /, '');
  paragraphs.push(lead);
  const ranks: string[] = [];
  if (f.provinceRank !== null && f.body.provinceName !== null) {
    const r = f.provinceRank;
    let s = t('rank.province', { body, rank: r.rank, of: r.of, province: f.body.provinceName });
    if (r.movement !== null && r.previousRank !== null) {
      s +=
        r.movement > 0
          ? t('rank.province.up', { n: r.movement, previous: r.previousRank })
          : r.movement < 0
            ? t('rank.province.down', { n: -r.movement, previous: r.previousRank })
            : t('rank.province.same');
    }
    ranks.push(s);
  }
  if (f.nationalRank !== null) {
    ranks.push(t('rank.national', { body, rank: f.nationalRank.rank, of: f.nationalRank.of, group: groupName(f.body.type, lang) }));
  }
  if (ranks.length > 0) paragraphs.push(ranks.join(' '));
  if (f.previous !== null) {
    const p = f.previous;
    const key = p.delta > 0 ? 'previous.up' : p.delta < 0 ? 'previous.down' : 'previous.same';
    paragraphs.push(t(key, { year: p.year, previous: n(p.score), band: p.bandCode, body, delta: n(Math.abs(p.delta)) }));
  }
  if (f.units.length > 0) {
    paragraphs.push(
      [
        t('units'),
        ...f.units.map((u) =>
          t('unit', { name: u.name, sector: u.sectorName, score: n(u.score), band: u.band.code, label: u.band.label[lang] }),
        ),
      ].join('\n'),
    );
  }
  if (f.awards.length > 0) paragraphs.push([t('awards'), ...f.awards.map((a) => t('award', a))].join('\n'));
  paragraphs.push(
    h.date !== null && h.place !== null ? t('handover', { date: handoverDate(h.date, lang), place: h.place }) : t('handover.missing'),
  );
  if (!f.complete) paragraphs.push(t('incomplete'));
  paragraphs.push(t('source', { cycle, version: f.publication.version }));
  return `${paragraphs.join('\n\n')}\n`;
}
