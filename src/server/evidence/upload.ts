// One multipart upload of a single file, as every evidence-like route takes it (evidence, dispute
// evidence, an action's evidence, a follow-up product's document): text fields first, then one
// file. `before` sees the fields and may refuse before a byte is stored; the file is then checked
// on its structure and stored (putChecked), and `save` records it. A refusal drains the part so
// the request can be answered; a second file or no file is a translated 400.
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Lang } from '../../core/types.ts';
import { AppError, detailText } from '../errors.ts';
import { putChecked } from './file-check.ts';
import { type EvidenceMime, type EvidenceStore, cleanName } from './store.ts';

export interface CheckedFile {
  sha256: string;
  size: number;
  mime: EvidenceMime;
  /** The uploaded name, cleaned for storage and download headers. */
  filename: string;
}

export interface OneFileUpload<T> {
  store: EvidenceStore;
  limit: number;
  lang: Lang;
  /** Checks the fields (and anything else) before the file is stored; throw to refuse. */
  before?: (fields: Record<string, string>, filename: string) => Promise<void> | void;
  /** Records the stored file. */
  save: (file: CheckedFile, fields: Record<string, string>) => Promise<T>;
}

export async function receiveOneFile<T>(req: FastifyRequest, upload: OneFileUpload<T>): Promise<T> {
  if (!req.isMultipart()) throw new AppError('request.invalid', { summary: 'multipart/form-data' });
  const fields: Record<string, string> = {};
  let saved = false;
  let result: T | undefined;
  for await (const part of req.parts()) {
    if (part.type === 'field') {
      fields[part.fieldname] = String(part.value);
      continue;
    }
    if (saved) {
      part.file.resume();
      throw new AppError('request.invalid', { summary: detailText('upload.one_file', upload.lang) });
    }
    const filename = cleanName(part.filename);
    try {
      await upload.before?.(fields, filename);
    } catch (e) {
      part.file.resume();
      throw e;
    }
    // Committed only when the whole file is a well-formed JPEG, PNG, WebP or PDF (file-check.ts).
    const { stored, mime } = await putChecked(upload.store, part, upload.limit);
    result = await upload.save({ sha256: stored.sha256, size: stored.size, mime, filename }, fields);
    saved = true;
  }
  if (!saved) throw new AppError('request.invalid', { summary: detailText('upload.no_file', upload.lang) });
  return result as T;
}

const zodLocales = { id: z.locales.id(), en: z.locales.en() };

/** The upload's text fields through their wire schema; 400 naming each problem in the request's language. */
export function uploadFields<S extends z.ZodType>(schema: S, fields: Record<string, string>, lang: Lang): z.infer<S> {
  const parsed = schema.safeParse(fields, { error: zodLocales[lang].localeError });
  if (!parsed.success) {
    throw new AppError('request.invalid', {
      summary: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
    });
  }
  return parsed.data;
}
