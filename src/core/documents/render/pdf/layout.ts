import type { ContentStream, FontName } from "./content-stream.ts";
import type { Block, Line } from "./html-blocks.ts";
import { BODY, BOX_COLOUR, BULLET_INDENT, HEADING_SIZE, LEADING, MUTED, type PageGeometry } from "./page-geometry.ts";
import { type Flow, layTable, tableStartsBelow } from "./table-layout.ts";
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
  readonly geometry: PageGeometry;
  y: number;
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
  constructor(
    geometry: PageGeometry,
    canvas: Canvas | null,
    widthOf: WidthOf,
    showGlyphs: ((font: FontName, text: string) => void) | null = null,
  ) {
    this.geometry = geometry;
    this.y = geometry.margin.top;
    this.canvas = canvas;
    this.widthOf = widthOf;
    this.showGlyphs = showGlyphs;
    canvas?.stream.addPage(0);
  }

  blocks(blocks: Block[], indent = 0): void {
    blocks.forEach((block, i) => {
      if (block.kind === "heading") this.heading(block.level, block.text, indent, blocks[i + 1]);
      else if (block.kind === "paragraph") this.paragraph(block.line, block.muted, indent);
      else if (block.kind === "table") layTable(this, block);
      else if (block.kind === "pageBreak") this.atTopOfPage();
      else this.box(block.blocks);
    });
  }

  /** Starts a new page unless the cursor is already at the top of one (each annex starts on its own page). */
  atTopOfPage(): void {
    if (this.y > this.geometry.margin.top) this.newPage();
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
    this.y = this.geometry.margin.top;
  }

  /** Hands the open pages to pdfkit with their furniture and lets it write them out. */
  finishPages(): void {
    const canvas = this.canvas;
    if (!canvas) return;
    canvas.stream.finishPages((page) => canvas.decorate(page));
    canvas.doc.flushPages();
  }

  ensure(height: number): void {
    if (this.y + height > this.geometry.bottom && this.y > this.geometry.margin.top) this.newPage();
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

  private heading(level: 1 | 2 | 3, text: string, indent: number, next: Block | undefined): void {
    const size = HEADING_SIZE[level];
    const lines = this.measure(true, size).wrap(text, this.geometry.contentWidth - indent);
    const lh = this.lineHeight(size);
    this.y += level === 1 || this.y === this.geometry.margin.top ? 0 : size * 0.6;
    // Keep a heading with the start of what follows it: a few lines of text, or where the table starts.
    const own = lines.length * lh + size * 0.25;
    if (next?.kind === "table") {
      if (this.y > this.geometry.margin.top && !tableStartsBelow(this, next, this.y + own)) this.newPage();
    } else this.ensure(Math.min(own + this.leadOf(next, indent), this.geometry.bottom - this.geometry.margin.top));
    for (const line of lines) {
      this.write(line, this.geometry.margin.left + indent, this.y, true, size);
      this.y += lh;
    }
    this.y += size * 0.25;
  }

  /** The height of the first part of a block that a heading before it must stay with. */
  private leadOf(block: Block | undefined, indent: number): number {
    const lh = this.lineHeight(BODY);
    if (!block || block.kind === "pageBreak" || block.kind === "table") return 0;
    if (block.kind === "paragraph") return Math.min(this.wrapped(block.line, indent).length, 3) * lh;
    return lh * 4;
  }

  private wrapped(line: Line, indent: number): string[] {
    return this.measure(line.bold, BODY).wrap(line.text, this.geometry.contentWidth - indent - (line.bullet ? BULLET_INDENT : 0));
  }

  private paragraph(line: Line, muted: boolean, indent: number): void {
    const x = this.geometry.margin.left + indent + (line.bullet ? BULLET_INDENT : 0);
    const lh = this.lineHeight(BODY);
    const wrapped = this.wrapped(line, indent);
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
      const top = page === startPage ? startY : this.geometry.margin.top;
      const bottom = page === endPage ? this.y : this.geometry.bottom;
      this.canvas?.stream.fillRect(this.geometry.margin.left, top, 3, bottom - top, BOX_COLOUR, page);
    }
    this.pen = "";
    this.y += this.lineHeight(BODY) * 0.5;
  }
}
