/**
 * `pantau rank FILE`: standard competition ranking (1, 2, 2, 4) of governments on their
 * published (2 dp) scores — nationally inside each body type, and the kabupaten and kota of one
 * province together — with movement against last cycle's national-type rank (methodology.md §5).
 */
import { movement, rankGovernments, round2, type BodyType, type RankInput } from '../../core/index.ts';
import { takePositionals } from '../args.ts';
import type { Command } from '../command.ts';
import { CliError } from '../errors.ts';
import { int, num2, renderTable } from '../format.ts';
import { t } from '../i18n.ts';
import { readInput } from '../io.ts';
import { cellPositiveInteger, cellText, readRecords, requiredNumber, requiredText } from '../read-records.ts';

const usage = 'rank FILE|-';
const BODY_TYPES: readonly BodyType[] = ['kementerian', 'lembaga', 'provinsi', 'kabupaten', 'kota'];

interface RankRow extends RankInput {
  previousRank: number | null;
}

export interface RankJson {
  name: string;
  type: BodyType;
  province: string | null;
  score: number;
  previous_rank: number | null;
  rank_national_type: number;
  rank_province: number | null;
  movement: number | null;
}

const collator = new Intl.Collator('id');

function signed(value: number | null, lang: 'id' | 'en'): string {
  if (value === null) return t(lang, 'table.missing_value');
  return value > 0 ? `+${int(value, lang)}` : value < 0 ? `−${int(-value, lang)}` : '0';
}

export const command: Command = {
  usage,
  options: {},
  arguments: ['help.arg.rank'],
  examples: ['rank pemda-2024.csv', 'rank pemda-2024.json --json --lang en'],
  async run({ args, lang, io }) {
    const [file] = takePositionals(args, ['FILE'], usage);
    const records = readRecords(await readInput(file!, io), {
      required: ['name', 'type', 'province', 'score'],
      optional: ['previous_rank'],
    });
    const rows = records.map((record): RankRow => {
      const name = requiredText(record, 'name');
      const type = requiredText(record, 'type').toLowerCase();
      if (!(BODY_TYPES as readonly string[]).includes(type)) {
        throw new CliError('errors.bad_body_type', { value: type }, record.place('type'));
      }
      const province = cellText(record, 'province');
      if ((type === 'kabupaten' || type === 'kota') && province === '') {
        throw new CliError('errors.province_required', {}, record.place('province'));
      }
      const row: RankRow = {
        id: String(record.index),
        name,
        type: type as BodyType,
        score: round2(requiredNumber(record, 'score')),
        previousRank: cellPositiveInteger(record, 'previous_rank', 'errors.bad_previous_rank'),
      };
      if (province !== '') row.province = province;
      return row;
    });
    const ranked = rankGovernments(rows);
    const json: RankJson[] = rows.map((row, i) => {
      const r = ranked[i]!;
      return {
        name: row.name,
        type: row.type,
        province: row.province ?? null,
        score: row.score,
        previous_rank: row.previousRank,
        rank_national_type: r.nationalType.rank,
        rank_province: r.province?.rank ?? null,
        movement: movement(row.previousRank, r.nationalType.rank),
      };
    });
    // Display order: body type (kementerian … kota), rank, then name.
    json.sort(
      (a, b) =>
        BODY_TYPES.indexOf(a.type) - BODY_TYPES.indexOf(b.type) ||
        a.rank_national_type - b.rank_national_type ||
        collator.compare(a.name, b.name),
    );
    const text = renderTable(
      [
        t(lang, 'table.type'),
        t(lang, 'table.rank_national_type'),
        t(lang, 'table.name'),
        t(lang, 'table.province'),
        t(lang, 'table.score'),
        t(lang, 'table.rank_province'),
        t(lang, 'table.previous_rank'),
        t(lang, 'table.movement'),
      ],
      json.map((r) => [
        r.type,
        int(r.rank_national_type, lang),
        r.name,
        r.province ?? '',
        num2(r.score, lang),
        r.rank_province === null ? t(lang, 'table.missing_value') : int(r.rank_province, lang),
        r.previous_rank === null ? t(lang, 'table.missing_value') : int(r.previous_rank, lang),
        signed(r.movement, lang),
      ]),
      ['left', 'right', 'left', 'left', 'right', 'right', 'right', 'right'],
    );
    return { json, text };
  },
};
