import { execFile } from 'node:child_process';
import path from 'node:path';

/**
 * The text of a PDF, page by page, as PDF.js (pdfjs-dist, legacy build) extracts it. PDF.js is an
 * ES module that loads its worker by dynamic import, which Jest's module runtime cannot do, so it
 * runs in a plain Node child process; the PDF goes in on stdin, the text comes back as JSON.
 */
const EXTRACT = `
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const pdf = await getDocument({ data: new Uint8Array(Buffer.concat(chunks)), isEvalSupported: false, useSystemFonts: false, verbosity: 0 }).promise;
const pages = [];
for (let n = 1; n <= pdf.numPages; n += 1) {
  const content = await (await pdf.getPage(n)).getTextContent();
  pages.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\\n' : '') : '')).join(''));
}
process.stdout.write(JSON.stringify({ pages, info: (await pdf.getMetadata()).info }));
`;

export interface PdfText {
  readonly pages: string[];
  readonly info: Record<string, unknown>;
}

export function pdfText(pdf: Buffer): Promise<PdfText> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      ['--input-type=module', '-e', EXTRACT],
      { cwd: path.resolve(__dirname, '..', '..'), maxBuffer: 20 * 1024 * 1024, timeout: 30_000 },
      (error, stdout, stderr) => {
        if (error) return reject(new Error(`PDF text extraction failed: ${error.message}\n${stderr}`));
        const parsed = JSON.parse(stdout) as PdfText;
        resolve({ pages: parsed.pages.map((p) => p.normalize('NFC')), info: parsed.info });
      },
    );
    child.stdin?.end(pdf);
  });
}
