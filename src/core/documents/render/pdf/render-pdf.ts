import PDFDocument from "pdfkit";
import { fonts } from "../../../generated/fonts.ts";
import { htmlToBlocks } from "./html-blocks.ts";
import { Layout } from "./layout.ts";
import { decoratePages, type PageFurniture } from "./page-furniture.ts";

export interface PdfMeta extends PageFurniture {
  title: string;
  subject: string;
  author: string;
  language: string;
  /** The register's as-of instant: the PDF's creation date, so the same state gives the same bytes. */
  asOf: Date;
  /** Extra entries for the PDF's document information (the full checkpoint on exports). */
  custom?: Record<string, string>;
  creator: string;
}

let fontBytes: { regular: Buffer; bold: Buffer } | null = null;

/**
 * Lays the document's HTML out on A4 pages with pdfkit: one code path on Node
 * and in the Worker (no browser). Table header rows repeat on every page a
 * table continues on; a row taller than a page is split between lines.
 */
export async function renderPdf(html: string, meta: PdfMeta): Promise<Uint8Array> {
  fontBytes ??= { regular: Buffer.from(fonts.regular, "base64"), bold: Buffer.from(fonts.bold, "base64") };
  const doc = new PDFDocument({
    size: "A4",
    margin: 0,
    // No built-in default (Helvetica): pdfkit would read its metrics from disk, which a Worker has not.
    font: null as unknown as string,
    bufferPages: true,
    compress: true,
    lang: meta.language,
    displayTitle: true,
    info: {
      Title: meta.title,
      Subject: meta.subject,
      Author: meta.author,
      Creator: meta.creator,
      Producer: "dpa-register",
      CreationDate: meta.asOf,
      ModDate: meta.asOf,
      ...meta.custom,
    },
  });
  const chunks: Uint8Array[] = [];
  doc.on("data", (chunk: Uint8Array) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on("end", resolve);
    doc.on("error", reject);
  });
  doc.registerFont("regular", fontBytes.regular);
  doc.registerFont("bold", fontBytes.bold);

  new Layout(doc).blocks(htmlToBlocks(html));
  decoratePages(doc, meta);
  doc.end();
  await ended;
  const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let offset = 0;
  for (const c of chunks) {
    bytes.set(c, offset);
    offset += c.length;
  }
  return bytes;
}
