// Minimal typings for pdfmake 0.3 on the server (the package ships none). Only what the report
// renderers use; document nodes are typed loosely in pdf.ts.
declare module 'pdfmake' {
  export type FontDescriptor = Record<string, { normal: string; bold: string; italics: string; bolditalics: string }>;

  export interface OutputDocument {
    getBuffer(): Promise<Buffer>;
    write(filename: string): Promise<void>;
  }

  export interface PdfMakeServer {
    setFonts(fonts: FontDescriptor): void;
    setUrlAccessPolicy(callback: (url: string) => boolean): void;
    setLocalAccessPolicy(callback: (path: string) => boolean): void;
    createPdf(docDefinition: object, options?: object): OutputDocument;
  }

  const pdfmake: PdfMakeServer;
  export default pdfmake;
}

declare module 'pdfmake/fonts/Roboto.js' {
  import type { FontDescriptor } from 'pdfmake';
  const fonts: FontDescriptor;
  export default fonts;
}
