// Issue 17: the typical vertical offices of the starter list's ministries and agencies (registry
// data in vertical-offices.json, validated here once at load): which sectors a ministry's or
// agency's located units usually are, and how such a unit is usually named.
import { z } from 'zod';
import data from './vertical-offices.json' with { type: 'json' };
import { Sector } from '../../shared/wire/registry.ts';

const VerticalOfficeTypeData = z.object({
  body: z.string().min(1),
  sector: Sector,
  name: z.string().includes('{place}'),
  label: z.object({ id: z.string().min(1), en: z.string().min(1) }),
});
export type VerticalOfficeTypeData = z.infer<typeof VerticalOfficeTypeData>;

export const verticalOfficeTypes: readonly VerticalOfficeTypeData[] = z
  .object({ types: z.array(VerticalOfficeTypeData) })
  .parse(data).types;

/** The usual name of a vertical office in a kabupaten/kota ("Kabupaten Serang" → "Polres Serang"). */
export function verticalOfficeName(type: Pick<VerticalOfficeTypeData, 'name'>, regencyName: string): string {
  const place = regencyName.replace(/^(Kabupaten|Kota) /, '');
  const named = type.name.replace('{place}', place);
  // Two offices in a kabupaten and its kota of the same name: the kota's says so.
  return regencyName.startsWith('Kota ') && !/Kota/.test(named) ? named.replace(place, `Kota ${place}`) : named;
}
