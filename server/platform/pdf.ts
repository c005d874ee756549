// PDFs the platform prints (caring cards, lending labels, volunteer service records): pdfkit with Noto Sans SC
// embedded, so Chinese renders on any reader. pdfkit is loaded on first use (few processes ever print), the font
// read once per process.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

let font: Buffer | null = null;

/** Noto Sans SC Regular (from @expo-google-fonts/noto-sans-sc), read once. */
export function notoSansSc(): Buffer {
  if (!font) {
    const require = createRequire(import.meta.url);
    const dir = dirname(require.resolve("@expo-google-fonts/noto-sans-sc/package.json"));
    font = readFileSync(join(dir, "400Regular", "NotoSansSC_400Regular.ttf"));
  }
  return font;
}

export type PdfDoc = PDFKit.PDFDocument;

/**
 * A document drawn by `draw` and collected into one buffer, with the font registered as `noto` and selected.
 * `options` are pdfkit's (size, margins, info: a fixed CreationDate makes the same drawing give the same bytes).
 */
export async function renderPdf(options: PDFKit.PDFDocumentOptions, draw: (doc: PdfDoc) => void | Promise<void>): Promise<Buffer> {
  const { default: PDFDocument } = await import("pdfkit");
  const doc = new PDFDocument(options);
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  doc.registerFont("noto", notoSansSc());
  if (options.autoFirstPage !== false) doc.font("noto");
  await draw(doc);
  doc.end();
  return done;
}
