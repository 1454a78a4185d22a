/**
 * The command table of `pantau`. To add a command (e.g. the server's `user add`): write
 * `commands/user-add.ts` exporting `command: Command`, then add one line here. Multi-word names
 * are sub-commands (`pantau user add …`). Loading is lazy, so a command's imports (a database
 * driver, say) cost nothing to the others.
 */
import type { CommandEntry } from '../command.ts';

export const commands: readonly CommandEntry[] = [
  {
    name: 'schemes',
    summary: {
      id: 'Daftar skema metodologi: tahun, bobot, jumlah asumsi',
      en: 'List methodology schemes: years, weights, number of assumptions',
    },
    load: async () => (await import('./schemes.ts')).command,
  },
  {
    name: 'classify',
    summary: { id: 'Predikat (band) sebuah nilai menurut skema', en: 'Band of a value under a scheme' },
    load: async () => (await import('./classify.ts')).command,
  },
  {
    name: 'aggregate',
    summary: {
      id: 'Nilai pemda dari nilai unit-unitnya, dengan predikat',
      en: "A government's score from its units' scores, with its band",
    },
    load: async () => (await import('./aggregate.ts')).command,
  },
  {
    name: 'score',
    summary: { id: 'Rincian nilai satu unit dari berkas jawaban', en: "A unit's score breakdown from an answers file" },
    load: async () => (await import('./score.ts')).command,
  },
  {
    name: 'rank',
    summary: {
      id: 'Peringkat nasional per jenis dan per provinsi, dengan pergerakan',
      en: 'National per-type and provincial ranking, with movement',
    },
    load: async () => (await import('./rank.ts')).command,
  },
  {
    name: 'ikm',
    summary: { id: 'IKM (SKM) per unit dari jawaban responden', en: 'IKM (SKM) per unit from respondent answers' },
    load: async () => (await import('./ikm.ts')).command,
  },
  {
    name: 'sample-size',
    summary: { id: 'Jumlah minimum responden SKM (Krejcie–Morgan)', en: 'Minimum SKM respondents (Krejcie–Morgan)' },
    load: async () => (await import('./sample-size.ts')).command,
  },
  {
    name: 'whatif',
    summary: {
      id: 'Nilai jawaban yang sama di bawah skema lain sekeluarga',
      en: 'The same answers scored under another scheme of the family',
    },
    load: async () => (await import('./whatif.ts')).command,
  },
  {
    name: 'improve',
    summary: {
      id: 'Daftar perbaikan: tambahan nilai per indikator, terbesar dulu',
      en: 'Improvement list: points gained per indicator, largest first',
    },
    load: async () => (await import('./improve.ts')).command,
  },
  {
    name: 'plan',
    summary: {
      id: 'Perencana sasaran: tambahan nilai dan perbaikan termurah untuk mencapai peringkat R',
      en: 'Target planner: points needed and the cheapest fixes to reach rank R',
    },
    load: async () => (await import('./plan.ts')).command,
  },
  {
    name: 'user add',
    summary: {
      id: 'Tambah akun pengguna ke basis data server (peran dan cakupan)',
      en: 'Add a user account to the server database (role and scope)',
    },
    load: async () => (await import('./user-add.ts')).command,
  },
  {
    name: 'seed',
    summary: {
      id: 'Isi data demo Banten, atau siklus nasional sintetis (--national) untuk benchmark',
      en: 'Seed the Banten demo, or a synthetic national cycle (--national) for benchmarks',
    },
    load: async () => (await import('./seed.ts')).command,
  },
  {
    name: 'backup',
    summary: {
      id: 'Cadangkan basis data dan berkas bukti ke satu arsip',
      en: 'Back up the database and the evidence files into one archive',
    },
    load: async () => (await import('./backup.ts')).command,
  },
  {
    name: 'restore',
    summary: {
      id: 'Pulihkan arsip cadangan ke basis data kosong',
      en: 'Restore a backup archive into an empty database',
    },
    load: async () => (await import('./restore.ts')).command,
  },
  {
    name: 'audit verify',
    summary: {
      id: 'Periksa rantai hash log audit; sebut mata rantai pertama yang putus',
      en: 'Check the hash chain of the audit log; name the first broken link',
    },
    load: async () => (await import('./audit-verify.ts')).command,
  },
];
