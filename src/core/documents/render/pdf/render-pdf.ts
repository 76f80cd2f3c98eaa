import PDFDocument from "pdfkit";
import { fonts } from "../../generated/fonts.ts";
import type { Block, Cell, Line } from "./html-blocks.ts";
import { htmlToBlocks } from "./html-blocks.ts";
import { TextMeasure } from "./text-measure.ts";

export interface PdfMeta {
  title: string;
  subject: string;
  author: string;
  language: string;
  /** The register's as-of instant: the PDF's creation date, so the same state gives the same bytes. */
  asOf: Date;
  headerText: string;
  /** Two or three lines: the as-of state, the fingerprint and, on exports, the signed audit checkpoint. */
  footerLines: string[];
  /** Extra entries for the PDF's document information (the full checkpoint on exports). */
  custom?: Record<string, string>;
  pageLabel(page: number, pages: number): string;
  creator: string;
}

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = { top: 60, bottom: 64, left: 48, right: 48 };
const CONTENT_WIDTH = A4.width - MARGIN.left - MARGIN.right;
const BOTTOM = A4.height - MARGIN.bottom;
const BODY = 9;
const LEADING = 1.3;
const CELL_PADDING = 4;
const HEADING_SIZE = { 1: 16, 2: 12.5, 3: 10.5 } as const;
const MUTED = "#555555";
const BORDER = "#b0b0b0";
const HEADER_FILL = "#eeeeee";
const KEY_FILL = "#f5f5f5";
const BOX_COLOUR = "#b45309";
const BULLET_INDENT = 9;

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

class Layout {
  private y = MARGIN.top;
  /** The font, size and colour last set, so each line does not set them again. */
  private pen = "";
  private readonly measures = new Map<string, TextMeasure>();

  private readonly doc: PDFKit.PDFDocument;

  constructor(doc: PDFKit.PDFDocument) {
    this.doc = doc;
  }

  blocks(blocks: Block[], indent = 0): void {
    for (const block of blocks) {
      if (block.kind === "heading") this.heading(block.level, block.text, indent);
      else if (block.kind === "paragraph") this.paragraph(block.line, block.muted, indent);
      else if (block.kind === "table") this.table(block.weights, block.header, block.rows, block.keyValue);
      else this.box(block.blocks);
    }
  }

  private measure(bold: boolean, size: number): TextMeasure {
    const key = `${bold ? "bold" : "regular"}@${size}`;
    let m = this.measures.get(key);
    if (!m) {
      m = new TextMeasure((text) => {
        this.pen = "";
        return this.doc
          .font(bold ? "bold" : "regular")
          .fontSize(size)
          .widthOfString(text);
      });
      this.measures.set(key, m);
    }
    return m;
  }

  private lineHeight(size: number): number {
    return size * LEADING;
  }

  private newPage(): void {
    this.doc.addPage();
    this.pen = "";
    this.y = MARGIN.top;
  }

  private ensure(height: number): void {
    if (this.y + height > BOTTOM && this.y > MARGIN.top) this.newPage();
  }

  private write(text: string, x: number, y: number, bold: boolean, size: number, color = "#111111"): void {
    // Switching font, size or colour costs pdfkit work per call: only switch when it changes.
    const pen = `${bold}|${size}|${color}`;
    if (pen !== this.pen) {
      this.doc
        .font(bold ? "bold" : "regular")
        .fontSize(size)
        .fillColor(color);
      this.pen = pen;
    }
    this.doc.text(text, x, y, { lineBreak: false });
  }

  private heading(level: 1 | 2 | 3, text: string, indent: number): void {
    const size = HEADING_SIZE[level];
    const lines = this.measure(true, size).wrap(text, CONTENT_WIDTH - indent);
    const lh = this.lineHeight(size);
    this.y += level === 1 ? 0 : size * 0.6;
    // Keep a heading with at least a few lines of what follows it.
    this.ensure(lines.length * lh + this.lineHeight(BODY) * 4);
    for (const line of lines) {
      this.write(line, MARGIN.left + indent, this.y, true, size);
      this.y += lh;
    }
    this.y += size * 0.25;
  }

  private paragraph(line: Line, muted: boolean, indent: number): void {
    const x = MARGIN.left + indent + (line.bullet ? BULLET_INDENT : 0);
    const lh = this.lineHeight(BODY);
    const wrapped = this.measure(line.bold, BODY).wrap(line.text, CONTENT_WIDTH - indent - (line.bullet ? BULLET_INDENT : 0));
    wrapped.forEach((text, i) => {
      this.ensure(lh);
      if (line.bullet && i === 0) this.write("•", x - BULLET_INDENT + 1, this.y, false, BODY);
      this.write(text, x, this.y, line.bold, BODY, muted ? MUTED : undefined);
      this.y += lh;
    });
    this.y += line.bullet ? 0 : lh * 0.4;
  }

  /** The findings box: its content indented beside an amber bar, on every page it reaches. */
  private box(blocks: Block[]): void {
    const startPage = this.currentPage();
    const startY = this.y;
    this.blocks(blocks, 10);
    const endPage = this.currentPage();
    for (let page = startPage; page <= endPage; page++) {
      this.doc.switchToPage(page);
      const top = page === startPage ? startY : MARGIN.top;
      const bottom = page === endPage ? this.y : BOTTOM;
      this.doc.rect(MARGIN.left, top, 3, bottom - top).fill(BOX_COLOUR);
    }
    this.pen = "";
    this.y += this.lineHeight(BODY) * 0.5;
  }

  private currentPage(): number {
    const range = this.doc.bufferedPageRange();
    return range.start + range.count - 1;
  }

  private table(weights: number[], header: Cell[] | null, rows: Cell[][], keyValue: boolean): void {
    const total = weights.reduce((a, b) => a + b, 0);
    const widths = weights.map((w) => (w / total) * CONTENT_WIDTH);
    const lh = this.lineHeight(BODY);
    const laidHeader = header ? this.cellLines(header, widths) : null;
    const headerHeight = laidHeader ? rowHeight(laidHeader, lh) : 0;
    const drawHeader = () => {
      if (laidHeader) this.rowSlice(laidHeader, widths, 0, maxLines(laidHeader), HEADER_FILL, false);
    };

    this.ensure(headerHeight + lh * 3 + CELL_PADDING * 2);
    drawHeader();
    for (const row of rows) {
      const cells = this.cellLines(row, widths);
      const lines = maxLines(cells);
      let from = 0;
      while (from < lines) {
        const rest = lines - from;
        const room = Math.floor((BOTTOM - this.y - CELL_PADDING * 2) / lh);
        if (rest <= room) {
          this.rowSlice(cells, widths, from, lines, null, keyValue);
          break;
        }
        // A row that fits on a page is moved whole; a taller one is split between lines.
        const fitsOnAPage = rest <= Math.floor((BOTTOM - MARGIN.top - headerHeight - CELL_PADDING * 2) / lh);
        if ((from === 0 && fitsOnAPage) || room < 1) {
          this.newPage();
          drawHeader();
          continue;
        }
        this.rowSlice(cells, widths, from, from + room, null, keyValue);
        from += room;
      }
    }
    this.y += lh * 0.6;
  }

  private cellLines(cells: Cell[], widths: number[]): { text: string; bold: boolean; x: number }[][] {
    return cells.map((cell, column) => {
      const width = (widths[column] ?? CONTENT_WIDTH) - CELL_PADDING * 2;
      return cell.flatMap((line) => {
        const indent = line.bullet ? BULLET_INDENT : 0;
        return this.measure(line.bold, BODY)
          .wrap(line.text, width - indent)
          .map((text, i) => ({
            text: line.bullet && i === 0 ? `• ${text}` : text,
            bold: line.bold,
            x: line.bullet && i === 0 ? 0 : indent,
          }));
      });
    });
  }

  private rowSlice(
    cells: { text: string; bold: boolean; x: number }[][],
    widths: number[],
    from: number,
    to: number,
    fill: string | null,
    keyValue: boolean,
  ): void {
    const lh = this.lineHeight(BODY);
    const height = (to - from) * lh + CELL_PADDING * 2;
    let x = MARGIN.left;
    cells.forEach((lines, column) => {
      const width = widths[column] ?? 0;
      const background = fill ?? (keyValue && column === 0 ? KEY_FILL : null);
      if (background) {
        this.doc.rect(x, this.y, width, height).fill(background);
        this.pen = "";
      }
      lines.slice(from, to).forEach((line, i) => {
        this.write(line.text, x + CELL_PADDING + line.x, this.y + CELL_PADDING + i * lh, line.bold || fill !== null, BODY);
      });
      x += width;
    });
    x = MARGIN.left;
    for (const width of widths) {
      this.doc.rect(x, this.y, width, height);
      x += width;
    }
    this.doc.lineWidth(0.5).strokeColor(BORDER).stroke();
    this.y += height;
  }
}

function maxLines(cells: unknown[][]): number {
  return Math.max(1, ...cells.map((c) => c.length));
}

function rowHeight(cells: unknown[][], lh: number): number {
  return maxLines(cells) * lh + CELL_PADDING * 2;
}

/** Running header and footer on every page, once the page count is known. */
function decoratePages(doc: PDFKit.PDFDocument, meta: PdfMeta): void {
  const range = doc.bufferedPageRange();
  const size = 7;
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    doc.font("regular").fontSize(size).fillColor(MUTED);
    doc.text(meta.headerText, MARGIN.left, MARGIN.top - 28, { lineBreak: false, width: CONTENT_WIDTH, ellipsis: true });
    doc
      .moveTo(MARGIN.left, MARGIN.top - 16)
      .lineTo(A4.width - MARGIN.right, MARGIN.top - 16)
      .lineWidth(0.5)
      .strokeColor(BORDER)
      .stroke();
    const footerTop = BOTTOM + 20;
    meta.footerLines.forEach((line, n) => {
      doc.text(line, MARGIN.left, footerTop + n * size * 1.4, { lineBreak: false });
    });
    const label = meta.pageLabel(i + 1, range.count);
    doc.text(label, A4.width - MARGIN.right - doc.widthOfString(label), footerTop, { lineBreak: false });
  }
}
