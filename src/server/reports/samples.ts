/**
 * Render sample rapor and piagam PDFs from synthetic answers scored by the real engine under
 * ombudsman-2024, for looking at the layout: `npx tsx src/server/reports/samples.ts [dir]`
 * (default /tmp/report-samples). Then e.g. `pdftoppm -r 60 -png <pdf> <prefix>`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getScheme } from '../../../methodologies/index.ts';
import { renderPiagam } from './piagam.ts';
import { renderRapor } from './rapor.ts';
import { sampleGovernmentRapor, samplePiagam, sampleUnitRapor } from './sample-input.ts';

const dir = process.argv[2] ?? '/tmp/report-samples';
const scheme = getScheme('ombudsman-2024');
if (scheme === undefined) throw new Error('ombudsman-2024 is not in the methodology library');
mkdirSync(dir, { recursive: true });

const published = {
  id: 'snap-2024-36',
  version: 2,
  publishedAt: '2024-12-04T10:00:00+07:00',
  url: 'https://pantau.example/hasil/2024/36/v2',
};
const lebak = sampleGovernmentRapor(scheme, { seed: 7, name: 'Kabupaten Lebak', type: 'kabupaten', provinceName: 'Banten' });
const tangerang = sampleGovernmentRapor(scheme, {
  seed: 11,
  name: 'Kota Tangerang',
  type: 'kota',
  provinceName: 'Banten',
  quality: 1,
  snapshot: published,
  ranks: { national: { rank: 2, of: 98, movement: 3 }, province: { rank: 1, of: 8, movement: 0 } },
});

const outputs: [string, Promise<Buffer>][] = [
  ['rapor-pemda-id.pdf', renderRapor(lebak)],
  ['rapor-pemda-en-radar.pdf', renderRapor({ ...lebak, language: 'en', chart: 'radar', snapshot: published })],
  ['rapor-pemda-published.pdf', renderRapor(tangerang)],
  ['rapor-unit-id.pdf', renderRapor(sampleUnitRapor(lebak, 0))],
  ['piagam-kualitas-tertinggi.pdf', renderPiagam(samplePiagam(tangerang, { kind: 'kualitas-tertinggi' }))],
  ['piagam-top-province.pdf', renderPiagam(samplePiagam(tangerang, { kind: 'top-province', rank: 1, provinceName: 'Banten' }))],
  [
    'piagam-most-improved-en.pdf',
    renderPiagam(samplePiagam(lebak, { kind: 'most-improved', rank: 1, provinceName: 'Banten', delta: 12.345 }, 'en')),
  ],
];
for (const [name, pdf] of outputs) {
  const file = join(dir, name);
  writeFileSync(file, await pdf);
  console.log(file);
}
console.log(`Kabupaten Lebak ${lebak.score} ${lebak.band.code}; Kota Tangerang ${tangerang.score} ${tangerang.band.code}`);
