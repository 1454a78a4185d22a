import { describe, expect, it } from 'vitest';
import { run } from './run.ts';
import { cli } from './test/harness.ts';

/**
 * Every class of bad input: exit 2, exactly one line on stderr (naming file, row and column
 * where they apply), nothing on stdout — with or without --json.
 */
async function rejects(argv: string[], stdin = '') {
  for (const json of [false, true]) {
    const result = await cli(json ? [...argv, '--json'] : argv, stdin);
    expect(result.stdout, 'stdout').toBe('');
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr.split('\n')).toHaveLength(2); // one line + final newline
    expect(result.stderr.startsWith('pantau: ')).toBe(true);
  }
  return (await cli(argv, stdin)).stderr.trimEnd();
}

describe('bad command line', () => {
  it('rejects a missing command', async () => {
    expect(await rejects([])).toBe('pantau: perintah belum diberikan; lihat `pantau --help`');
  });

  it('rejects an unknown command, in English with --lang en', async () => {
    expect(await rejects(['rnak', '--lang', 'en'])).toBe("pantau: unknown command 'rnak'; see `pantau --help`");
  });

  it('rejects an unknown option', async () => {
    expect(await rejects(['rank', 'rank.csv', '--tpo', '3'])).toBe('pantau: opsi tidak dikenal --tpo untuk `pantau rank`');
  });

  it('rejects an unknown language', async () => {
    expect(await rejects(['rank', 'rank.csv', '--lang', 'jv'])).toBe("pantau: bahasa 'jv' tidak dikenal; pilih id atau en");
  });

  it('rejects a missing and an extra argument', async () => {
    expect(await rejects(['rank', '--lang', 'en'])).toBe('pantau: missing argument FILE (pantau rank FILE|-)');
    expect(await rejects(['rank', 'a.csv', 'b.csv', '--lang', 'en'])).toBe("pantau: unexpected argument 'b.csv' (pantau rank FILE|-)");
  });
});

describe('bad files', () => {
  it('names a missing file', async () => {
    expect(await rejects(['rank', 'nope.csv'])).toBe('pantau: nope.csv: berkas tidak ditemukan');
    expect(await rejects(['rank', 'nope.csv', '--lang', 'en'])).toBe('pantau: nope.csv: file not found');
  });

  it('names a directory given as a file', async () => {
    expect(await rejects(['rank', '.', '--lang', 'en'])).toBe('pantau: .: is a directory, not a file');
  });

  it('rejects an empty file', async () => {
    expect(await rejects(['rank', '-'], '  \n')).toBe('pantau: stdin: berkas kosong');
  });

  it('names the row and column of a non-numeric cell', async () => {
    expect(await rejects(['rank', 'rank-bad-score.csv', '--lang', 'en'])).toBe(
      "pantau: rank-bad-score.csv row 3, column score: '8o.5' is not a number",
    );
    expect(await rejects(['rank', 'rank-bad-score.csv'])).toBe("pantau: rank-bad-score.csv baris 3, kolom score: '8o.5' bukan angka");
  });

  it('names a missing column', async () => {
    expect(await rejects(['rank', 'rank-missing-column.csv', '--lang', 'en'])).toBe(
      'pantau: rank-missing-column.csv row 1: column score is missing (expected: name,type,province,score,previous_rank)',
    );
  });

  it('names an unknown column', async () => {
    expect(await rejects(['rank', '-', '--lang', 'en'], 'name,type,province,nilai\nA,kota,P,1\n')).toBe(
      'pantau: stdin row 1, column nilai: unknown column nilai (expected: name,type,province,score,previous_rank)',
    );
  });

  it('names a repeated column', async () => {
    expect(await rejects(['rank', '-', '--lang', 'en'], 'name,type,province,score,score\nA,kota,P,1,2\n')).toBe(
      'pantau: stdin row 1, column score: column score appears more than once',
    );
  });

  it('names a row with the wrong number of cells', async () => {
    expect(await rejects(['rank', '-', '--lang', 'en'], 'name,type,province,score\nA,kota,P,1\nB,kota,P\n')).toBe(
      'pantau: stdin row 3: this row has 3 columns, the header has 4',
    );
  });

  it('names the row of an unclosed quote', async () => {
    expect(await rejects(['rank', '-', '--lang', 'en'], 'name,type,province,score\n"A,kota,P,1\n')).toBe(
      'pantau: stdin row 2: invalid CSV: a quote (") is not closed or is misplaced',
    );
  });

  it('names the line of a JSON syntax error', async () => {
    expect(await rejects(['rank', '-', '--lang', 'en'], '[\n {"name": "A",\n  "type": kota}\n]')).toBe(
      'pantau: stdin row 3: invalid JSON: unexpected character "k" here',
    );
    expect(await rejects(['rank', '-'], '[\n {"name": "A",\n')).toBe(
      'pantau: stdin baris 3: JSON tidak valid: berkas berakhir sebelum JSON selesai',
    );
  });

  it('names the JSON path of a bad value', async () => {
    expect(await rejects(['rank', '-', '--lang', 'en'], '[{"name":"A","type":"kota","province":"P","score":{"x":1}}]')).toBe(
      'pantau: stdin [0].score: must be text',
    );
    expect(await rejects(['rank', '-', '--lang', 'en'], '{"name":"A"}')).toBe('pantau: stdin: must be a JSON array');
    expect(await rejects(['rank', '-', '--lang', 'en'], '[]')).toBe('pantau: stdin: the file has no data rows');
  });

  it('rejects an unknown body type, a kota without province and a bad previous rank', async () => {
    const head = 'name,type,province,score,previous_rank\n';
    expect(await rejects(['rank', '-', '--lang', 'en'], `${head}A,kotamadya,P,1,\n`)).toBe(
      "pantau: stdin row 2, column type: unknown type 'kotamadya'; choose kementerian, lembaga, provinsi, kabupaten or kota",
    );
    expect(await rejects(['rank', '-', '--lang', 'en'], `${head}A,kota,,1,\n`)).toBe(
      'pantau: stdin row 2, column province: a province is required for a kabupaten/kota',
    );
    expect(await rejects(['rank', '-', '--lang', 'en'], `${head}A,kota,P,1,0\n`)).toBe(
      "pantau: stdin row 2, column previous_rank: previous rank '0' must be a positive whole number",
    );
    expect(await rejects(['rank', '-', '--lang', 'en'], `${head}A,kota,P,,\n`)).toBe('pantau: stdin row 2, column score: empty cell');
  });
});

describe('bad schemes and values', () => {
  it('rejects an unknown scheme, listing the known ones', async () => {
    const line = await rejects(['classify', '--scheme', 'ombudsman-2030', '80', '--lang', 'en']);
    expect(line).toMatch(/^pantau: unknown scheme 'ombudsman-2030'; choose one of: ombudsman-2021, .*skm-2017$/);
  });

  it('rejects a missing --scheme', async () => {
    expect(await rejects(['classify', '80'])).toBe('pantau: opsi --scheme wajib diisi');
  });

  it('rejects a value outside the scheme range', async () => {
    expect(await rejects(['classify', '--scheme', 'ombudsman-2024', '100.01', '--lang', 'en'])).toBe(
      'pantau: value 100.01 is outside the range of scheme ombudsman-2024 (0–100)',
    );
    expect(await rejects(['classify', '--scheme', 'skm-2017', '24,99'])).toBe(
      'pantau: nilai 24,99 di luar rentang skema skm-2017 (25–100)',
    );
    expect(await rejects(['classify', '--scheme', 'pekppp-2024', '-1', '--lang', 'en'])).toBe(
      'pantau: value -1 is outside the range of scheme pekppp-2024 (0–5)',
    );
    expect(await rejects(['aggregate', '--scheme', 'pekppp-2024', '4', '5.5', '--lang', 'en'])).toBe(
      'pantau: value 5.5 is outside the range of scheme pekppp-2024 (0–5)',
    );
  });

  it('rejects a value that is not a number', async () => {
    expect(await rejects(['classify', '--scheme', 'ombudsman-2024', '8O'])).toBe("pantau: '8O' bukan angka");
    expect(await rejects(['aggregate', '--scheme', 'ombudsman-2024', '80', 'x', '--lang', 'en'])).toBe("pantau: 'x' is not a number");
  });

  it('rejects a bad population and a bad --top', async () => {
    expect(await rejects(['sample-size', '0', '--lang', 'en'])).toBe("pantau: population '0' must be a positive whole number");
    expect(await rejects(['sample-size', '12.5'])).toBe("pantau: populasi '12.5' harus bilangan bulat positif");
    expect(await rejects(['improve', '--top', 'all', 'unit-2024.json', '--lang', 'en'])).toBe(
      "pantau: 'all' is not a positive whole number",
    );
  });

  it('rejects a scheme of the wrong family', async () => {
    expect(await rejects(['ikm', '--scheme', 'ombudsman-2024', 'skm.csv', '--lang', 'en'])).toBe(
      'pantau: scheme ombudsman-2024 is of family ombudsman; this command needs a skm scheme',
    );
    expect(await rejects(['whatif', '--scheme', 'ombudsman-2024', '--to', 'pekppp-2024', 'unit-2024.csv', '--lang', 'en'])).toBe(
      'pantau: schemes ombudsman-2024 (ombudsman) and pekppp-2024 (pekppp) are not of the same family',
    );
  });
});

describe('bad answers files', () => {
  it('names file, row and column of an answer outside the scale (CSV)', async () => {
    expect(await rejects(['score', '--scheme', 'ombudsman-2024', 'answers.csv', '--lang', 'en'])).toBe(
      'pantau: answers.csv row 4, column O2: answer 5 is outside 0–3',
    );
    expect(await rejects(['score', '--scheme', 'ombudsman-2024', 'answers.csv'])).toBe(
      'pantau: answers.csv baris 4, kolom O2: jawaban 5 di luar 0–3',
    );
    // whatif and improve read the same file the same way
    expect(await rejects(['improve', '--scheme', 'ombudsman-2024', 'answers.csv', '--lang', 'en'])).toBe(
      'pantau: answers.csv row 4, column O2: answer 5 is outside 0–3',
    );
    expect(await rejects(['whatif', '--scheme', 'ombudsman-2024', '--to', 'ombudsman-2025', 'answers.csv', '--lang', 'en'])).toBe(
      'pantau: answers.csv row 4, column O2: answer 5 is outside 0–3',
    );
  });

  it('names the JSON path of an answer outside the scale', async () => {
    expect(await rejects(['score', 'answers.json', '--lang', 'en'])).toBe(
      'pantau: answers.json sheets[3].answers.O2: answer 4 is outside 0–3',
    );
  });

  const head = 'instrument,respondent,O1,O2\n';
  const score = (csv: string) => rejects(['score', '--scheme', 'ombudsman-2024', '-', '--lang', 'en'], csv);

  it('rejects an answer that is not a whole number or not a number', async () => {
    expect(await score(`${head}pengguna,R1,3,2.5\n`)).toBe('pantau: stdin row 2, column O2: answer 2.5 is not a whole number');
    expect(await score(`${head}pengguna,R1,3,tiga\n`)).toBe("pantau: stdin row 2, column O2: 'tiga' is not a number");
  });

  it('rejects an unknown instrument and an indicator its instrument does not cover', async () => {
    expect(await score(`${head}pengguna,R1,3,3\nwarga,R2,3,3\n`)).toMatch(
      /^pantau: stdin row 3, column instrument: instrument 'warga' is not in scheme ombudsman-2024; choose one of: pejabat, .*pengguna/,
    );
    expect(await score('instrument,respondent,K1\npengguna,R1,3\n')).toBe(
      'pantau: stdin row 2, column K1: indicator K1 is not answered through instrument pengguna (it covers: O1, O2, O3, O4, O5)',
    );
  });

  it('rejects a column that is not an indicator of the scheme, even when empty', async () => {
    expect(await score('instrument,respondent,O1,O9\npengguna,R1,3,\n')).toBe(
      'pantau: stdin row 1, column O9: column O9 is not an indicator code of scheme ombudsman-2024 (allowed: instrument, respondent, indicator codes)',
    );
  });

  it('rejects a file without an instrument column or with an empty instrument cell', async () => {
    expect(await score('respondent,O1\nR1,3\n')).toBe(
      'pantau: stdin row 1: column instrument is missing (expected header: instrument,respondent,<indicator codes…>)',
    );
    expect(await score(`${head},R1,3,3\n`)).toBe('pantau: stdin row 2, column instrument: empty cell');
    expect(await score(head)).toBe('pantau: stdin: the file has no data rows');
  });

  it('rejects malformed JSON answers with the path', async () => {
    const json = (doc: unknown) => score(JSON.stringify(doc));
    expect(await json({ sheet: [] })).toBe("pantau: stdin sheet: unknown column/property 'sheet'");
    expect(await json({ sheets: {} })).toBe('pantau: stdin sheets: must be a JSON array');
    expect(await json({ sheets: [{ instrument: 'pengguna', answers: { O1: '3' } }] })).toBe(
      'pantau: stdin sheets[0].answers.O1: must be a number',
    );
    expect(await json({ sheets: [{ answers: {} }] })).toBe('pantau: stdin sheets[0].instrument: must be text');
    expect(await json({ sheets: [{ instrument: 'pengguna', answers: { X1: 3 } }] })).toBe(
      'pantau: stdin sheets[0].answers.X1: indicator X1 is not in scheme ombudsman-2024',
    );
  });

  it('rejects a scheme that contradicts the file, or no scheme at all', async () => {
    expect(await rejects(['score', '--scheme', 'ombudsman-2023', 'answers.json', '--lang', 'en'])).toBe(
      'pantau: answers.json scheme: the file uses scheme ombudsman-2024, but --scheme is ombudsman-2023',
    );
    expect(await rejects(['score', 'answers.csv', '--lang', 'en'])).toBe(
      'pantau: no scheme given: use --scheme ID (or "scheme" in a JSON file)',
    );
  });
});

describe('bad ikm files', () => {
  const head = 'unit,U1,U2,U3,U4,U5,U6,U7,U8,U9\n';
  const ikm = (csv: string) => rejects(['ikm', '-', '--lang', 'en'], csv);

  it('names the row and unsur of an answer outside 1–4', async () => {
    // Unit B's second respondent is file row 4.
    expect(await ikm(`${head}A,4,4,4,4,4,4,4,4,4\nB,1,1,1,1,1,1,1,1,1\nB,1,1,1,1,1,1,1,0,1\n`)).toBe(
      'pantau: stdin row 4, column U8: answer 0 is outside 1–4',
    );
  });

  it('rejects an empty answer, a missing unsur column and an unknown column', async () => {
    expect(await ikm(`${head}A,4,4,4,4,,4,4,4,4\n`)).toBe('pantau: stdin row 2, column U5: empty cell');
    expect(await ikm('unit,U1,U2,U3,U4,U5,U6,U7,U8\nA,4,4,4,4,4,4,4,4\n')).toBe(
      'pantau: stdin row 1: column U9 is missing (expected: unit,U1,U2,U3,U4,U5,U6,U7,U8,U9)',
    );
    expect(await ikm('unit,U1,U2,U3,U4,U5,U6,U7,U8,U9,U10\nA,4,4,4,4,4,4,4,4,4,4\n')).toBe(
      'pantau: stdin row 1, column U10: unknown column U10 (expected: unit,U1,U2,U3,U4,U5,U6,U7,U8,U9)',
    );
  });
});

describe('unexpected failures', () => {
  it('reports a failure that is not bad input as an internal error, exit 1', async () => {
    let stdout = '';
    let stderr = '';
    const code = await run(['rank', '-', '--lang', 'en'], {
      stdout: { write: (s: string) => (stdout += s) },
      stderr: { write: (s: string) => (stderr += s) },
      // biome-ignore lint/correctness/useYield: a stdin that fails before its first chunk
      stdin: (async function* () {
        throw new Error('stdin went away');
      })(),
      cwd: '.',
    });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe('pantau: internal error (please report it): stdin went away\n');
  });
});
