import PDFDocument from "pdfkit";
import { fonts } from "../../../generated/fonts.ts";
import { ContentStream, type FontName } from "./content-stream.ts";
import type { Block } from "./html-blocks.ts";
import { Layout, type WidthOf } from "./layout.ts";
import { decoratePage, type PageFurniture } from "./page-furniture.ts";
import { type Orientation, pageGeometry } from "./page-geometry.ts";

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
  orientation: Orientation;
}

let fontBytes: { regular: Buffer; bold: Buffer } | null = null;

/**
 * Lays the document's HTML (read into blocks by html-blocks.ts) out on A4 pages (portrait, or landscape for the registers) with pdfkit: one code path on Node
 * and in the Worker (no browser). Table header rows repeat on every page a
 * table continues on; a row taller than a page is split between lines.
 *
 * Two passes over the blocks: the first only counts the pages, for the
 * footer's "page X of Y"; the second draws them, each page written out as
 * soon as it is complete (findings boxes keep the pages they span open).
 */
export async function renderPdf(blocks: Block[], meta: PdfMeta): Promise<Uint8Array> {
  fontBytes ??= { regular: Buffer.from(fonts.regular, "base64"), bold: Buffer.from(fonts.bold, "base64") };
  const doc = new PDFDocument({
    size: "A4",
    layout: meta.orientation,
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
  // pdfkit writes many small chunks (a few per PDF object): join them as they come, so a long document is not held as a hundred thousand small buffers.
  const chunks: Uint8Array[] = [];
  let recent: Uint8Array[] = [];
  doc.on("data", (chunk: Uint8Array) => {
    recent.push(chunk);
    if (recent.length === 512) {
      chunks.push(Buffer.concat(recent));
      recent = [];
    }
  });
  const ended = new Promise<void>((resolve, reject) => {
    doc.on("end", resolve);
    doc.on("error", reject);
  });
  doc.registerFont("regular", fontBytes.regular);
  doc.registerFont("bold", fontBytes.bold);

  const stream = new ContentStream(doc);
  const widths = new Map<string, number>();
  const widthOf: WidthOf = (font: FontName, size: number, text: string) => {
    const key = `${font}@${size}|${text}`;
    let width = widths.get(key);
    if (width === undefined) {
      width = stream.widthOf(font, size, text);
      if (widths.size < 200_000) widths.set(key, width);
    }
    return width;
  };
  const geometry = pageGeometry(meta.orientation);
  const counting = new Layout(geometry, null, widthOf, (font, text) => stream.include(font, text));
  counting.blocks(blocks);
  const pages = counting.page + 1;
  const drawing = new Layout(geometry, { doc, stream, decorate: (page) => decoratePage(doc, geometry, meta, page, pages) }, widthOf);
  drawing.blocks(blocks);
  if (drawing.page + 1 !== pages) throw new Error(`PDF layout drew ${drawing.page + 1} pages, counted ${pages}`);
  drawing.finishPages();
  stream.release();
  doc.end();
  await ended;
  chunks.push(...recent);
  const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let offset = 0;
  for (const c of chunks) {
    bytes.set(c, offset);
    offset += c.length;
  }
  return bytes;
}
