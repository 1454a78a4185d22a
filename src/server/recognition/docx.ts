// A plain-text document as a minimal Word (.docx) file (issue 18 §3): one paragraph per line,
// the first line bold, blank lines kept. A .docx is a zip of three XML parts; archiver (already a
// dependency, used by the report pack) writes the zip, so no document library is needed for
// paragraphs of text (the `docx` package would be a new dependency for what three XML parts do).
import { PassThrough } from 'node:stream';
import { loadArchiver } from '../lazy-libs.ts';

const escapeXml = (s: string): string =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    // Characters XML 1.0 forbids (control characters other than tab and newline).
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;

const RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;

/** The document part: a paragraph per line. */
export function documentXml(text: string, lang: string): string {
  const lines = text.replace(/\r\n?/g, '\n').replace(/\n+$/, '').split('\n');
  const paragraphs = lines
    .map((line, i) => {
      const run = `<w:rPr>${i === 0 ? '<w:b/>' : ''}<w:lang w:val="${lang}"/></w:rPr>`;
      return line === '' ? '<w:p/>' : `<w:p><w:r>${run}<w:t xml:space="preserve">${escapeXml(line)}</w:t></w:r></w:p>`;
    })
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${paragraphs}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr></w:body></w:document>`;
}

/** The .docx bytes of a plain text. `date` fixes the zip entries' times (same text, same bytes). */
export async function textToDocx(text: string, lang: 'id' | 'en', date = new Date('2000-01-01T00:00:00Z')): Promise<Buffer> {
  const zip = (await loadArchiver())('zip', { zlib: { level: 6 } });
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    zip.on('error', reject);
  });
  zip.pipe(out);
  zip.append(CONTENT_TYPES, { name: '[Content_Types].xml', date });
  zip.append(RELS, { name: '_rels/.rels', date });
  zip.append(documentXml(text, lang === 'id' ? 'id-ID' : 'en-GB'), { name: 'word/document.xml', date });
  await zip.finalize();
  await ended;
  return Buffer.concat(chunks);
}
