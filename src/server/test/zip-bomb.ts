// Hostile .xlsx files for the import guards (tests and bench/zip-bomb.ts): a minimal workbook
// whose worksheet inflates to many MiB from a few hundred KB (the same compressed block repeated:
// after a full flush a deflate block does not refer back, so copies chain into one valid stream),
// or one with very many rows.
import { crc32, constants, deflateRawSync } from 'node:zlib';

interface ZipEntry {
  name: string;
  /** Raw deflate data, or the stored bytes. */
  data: Buffer;
  method: 0 | 8;
  crc: number;
  size: number;
}

const deflated = (name: string, content: Buffer): ZipEntry => ({
  name,
  data: deflateRawSync(content),
  method: 8,
  crc: crc32(content),
  size: content.length,
});

function zip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.size >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(e.method, 10);
    central.writeUInt32LE(e.crc >>> 0, 16);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(e.size >>> 0, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.data);
    centrals.push(central, name);
    offset += 30 + name.length + e.data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const xml = (s: string) => Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${s}`);
const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

function workbookParts(sheet: ZipEntry): ZipEntry[] {
  return [
    deflated(
      '[Content_Types].xml',
      xml(
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
      ),
    ),
    deflated(
      '_rels/.rels',
      xml(
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ),
    ),
    deflated(
      'xl/workbook.xml',
      xml(`<workbook xmlns="${NS}" xmlns:r="${REL}"><sheets><sheet name="Hasil" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    ),
    deflated(
      'xl/_rels/workbook.xml.rels',
      xml(
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
      ),
    ),
    sheet,
  ];
}

/**
 * A workbook whose one worksheet inflates to about `mib` MiB of whitespace inside `<sheetData>`
 * (valid XML; a parser walks all of it). ~1 KB per MiB compressed. With `honest: false` the
 * central directory declares a small size, as real bombs do.
 */
export function xlsxBomb(mib: number, opts: { honest?: boolean } = {}): Buffer {
  const head = Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${NS}"><sheetData>`);
  const tail = Buffer.from('</sheetData></worksheet>');
  const block = Buffer.alloc(1024 * 1024, 0x20);
  const full = { finishFlush: constants.Z_FULL_FLUSH };
  const parts = [deflateRawSync(head, full)];
  const blockDeflated = deflateRawSync(block, full);
  let crc = crc32(head);
  for (let i = 0; i < mib; i++) {
    parts.push(blockDeflated);
    crc = crc32(block, crc);
  }
  parts.push(deflateRawSync(tail));
  crc = crc32(tail, crc);
  const size = head.length + mib * block.length + tail.length;
  const sheet: ZipEntry = {
    name: 'xl/worksheets/sheet1.xml',
    data: Buffer.concat(parts),
    method: 8,
    crc,
    size: opts.honest === false ? 4096 : size,
  };
  return zip(workbookParts(sheet));
}

/** A small workbook with `rows` one-cell rows (a few hundred KB inflated, far more rows than allowed). */
export function xlsxManyRows(rows: number): Buffer {
  const body: string[] = [];
  for (let r = 1; r <= rows; r++) body.push(`<row r="${r}"><c r="A${r}"><v>${r}</v></c></row>`);
  const sheet = deflated('xl/worksheets/sheet1.xml', xml(`<worksheet xmlns="${NS}"><sheetData>${body.join('')}</sheetData></worksheet>`));
  return zip(workbookParts(sheet));
}
