import type { ContentStream, FontName } from "./content-stream.ts";
import type { Block, Cell, Line } from "./html-blocks.ts";
import { BODY, BOTTOM, BOX_COLOUR, BULLET_INDENT, CONTENT_WIDTH, HEADING_SIZE, LEADING, MARGIN, MUTED } from "./page-geometry.ts";
import { type Flow, layTable } from "./table-layout.ts";
import { TextMeasure } from "./text-measure.ts";

/** Where a drawing layout puts its pages: pdfkit's document, the body's operators, and the page furniture. */
export interface Canvas {
  doc: PDFKit.PDFDocument;
  stream: ContentStream;
  /** Draws the running header and footer on pdfkit's current page, once its body is complete. */
  decorate(page: number): void;
}

/** A text's width in a font at a size, as pdfkit measures it. */
export type WidthOf = (font: FontName, size: number, text: string) => number;

/**
 * Flows the blocks down the pages: a cursor (y) on the current page, a new
 * page when the next piece does not fit. Tables are laid out by table-layout.ts
 * through the cursor and pen this class keeps.
 *
 * Without a canvas it only counts the pages (the footer says "page X of Y"),
 * so the drawing pass can finish each page, furniture included, and let
 * pdfkit write it out before the next: the pages are not all kept in memory.
 */
export class Layout implements Flow {
  y = MARGIN.top;
  /** The page the cursor is on (pdfkit numbers them from 0). */
  page = 0;
  /** The font, size and colour last set, so each line does not set them again. */
  private pen = "";
  private readonly measures = new Map<string, TextMeasure>();
  /** Findings boxes open: their bar is drawn on every page they reach once they end, so those pages stay open. */
  private openBoxes = 0;
  private readonly canvas: Canvas | null;
  private readonly widthOf: WidthOf;
  private readonly showGlyphs: ((font: FontName, text: string) => void) | null;

  /** `showGlyphs` (counting only) is told each text the drawing pass will show, in order. */
  constructor(canvas: Canvas | null, widthOf: WidthOf, showGlyphs: ((font: FontName, text: string) => void) | null = null) {
    this.canvas = canvas;
    this.widthOf = widthOf;
    this.showGlyphs = showGlyphs;
    canvas?.stream.addPage(0);
  }

  blocks(blocks: Block[], indent = 0): void {
    for (const block of blocks) {
      if (block.kind === "heading") this.heading(block.level, block.text, indent);
      else if (block.kind === "paragraph") this.paragraph(block.line, block.muted, indent);
      else if (block.kind === "table") this.table(block.weights, block.header, block.rows, block.keyValue);
      else this.box(block.blocks);
    }
  }

  measure(bold: boolean, size: number): TextMeasure {
    const key = `${bold ? "bold" : "regular"}@${size}`;
    let m = this.measures.get(key);
    if (!m) {
      // A width not yet in this measure's cache used to set pdfkit's font to measure it, so the next
      // line set its pen again: the pen is forgotten on the same misses, which keeps the operators.
      const font: FontName = bold ? "bold" : "regular";
      m = new TextMeasure((text) => {
        this.pen = "";
        return this.widthOf(font, size, text);
      });
      this.measures.set(key, m);
    }
    return m;
  }

  lineHeight(size: number): number {
    return size * LEADING;
  }

  newPage(): void {
    if (this.canvas) {
      if (this.openBoxes === 0) this.finishPages();
      this.canvas.doc.addPage();
      this.canvas.stream.addPage(this.page + 1);
    }
    this.page++;
    this.pen = "";
    this.y = MARGIN.top;
  }

  /** Hands the open pages to pdfkit with their furniture and lets it write them out. */
  finishPages(): void {
    const canvas = this.canvas;
    if (!canvas) return;
    canvas.stream.finishPages((page) => canvas.decorate(page));
    canvas.doc.flushPages();
  }

  ensure(height: number): void {
    if (this.y + height > BOTTOM && this.y > MARGIN.top) this.newPage();
  }

  /** After drawing a filled shape: pdfkit's fill colour changed, so the next text sets its pen again. */
  forgetPen(): void {
    this.pen = "";
  }

  write(text: string, x: number, y: number, bold: boolean, size: number, color = "#111111"): void {
    const stream = this.canvas?.stream;
    if (!stream) {
      this.showGlyphs?.(bold ? "bold" : "regular", text);
      return;
    }
    // Only switch font, size or colour when they change.
    const pen = `${bold}|${size}|${color}`;
    if (pen !== this.pen) {
      stream.pen(bold ? "bold" : "regular", size, color, this.page);
      this.pen = pen;
    }
    stream.text(text, x, y, this.page);
  }

  fillRect(x: number, y: number, width: number, height: number, color: string): void {
    this.canvas?.stream.fillRect(x, y, width, height, color, this.page);
  }

  strokeRects(rects: [number, number, number, number][], lineWidth: number, color: string): void {
    this.canvas?.stream.strokeRects(rects, lineWidth, color, this.page);
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
    const startPage = this.page;
    const startY = this.y;
    this.openBoxes++;
    this.blocks(blocks, 10);
    this.openBoxes--;
    const endPage = this.page;
    for (let page = startPage; page <= endPage; page++) {
      const top = page === startPage ? startY : MARGIN.top;
      const bottom = page === endPage ? this.y : BOTTOM;
      this.canvas?.stream.fillRect(MARGIN.left, top, 3, bottom - top, BOX_COLOUR, page);
    }
    this.pen = "";
    this.y += this.lineHeight(BODY) * 0.5;
  }

  private table(weights: number[], header: Cell[] | null, rows: Cell[][], keyValue: boolean): void {
    layTable(this, weights, header, rows, keyValue);
  }
}
