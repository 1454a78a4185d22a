// Minimal typings for archiver 5 (zip output only; the package ships none). Only what the report
// pack uses.
declare module 'archiver' {
  import type { Transform } from 'node:stream';

  export interface EntryData {
    name: string;
    date?: Date;
  }

  export interface Archiver extends Transform {
    append(source: Buffer | NodeJS.ReadableStream | string, data: EntryData): this;
    finalize(): Promise<void>;
    abort(): this;
    pointer(): number;
  }

  export interface ArchiverOptions {
    /** Store entries without compressing them (PDFs are compressed already). */
    store?: boolean;
    zlib?: { level?: number };
    comment?: string;
  }

  export default function archiver(format: 'zip', options?: ArchiverOptions): Archiver;
}
