import type { Block, Cell, Line } from "./html-blocks.ts";
import { BODY, BOTTOM, BOX_COLOUR, BULLET_INDENT, CONTENT_WIDTH, HEADING_SIZE, LEADING, MARGIN, MUTED } from "./page-geometry.ts";
import { type Flow, layTable } from "./table-layout.ts";
import { TextMeasure } from "./text-measure.ts";

/**
 * Flows the blocks down the pages: a cursor (y) on the current page, a new
 * page when the next piece does not fit. Tables are laid out by table-layout.ts
 * through the cursor and pen this class keeps.
 */
export class Layout implements Flow {
  y = MARGIN.top;
  /** The font, size and colour last set, so each line does not set them again. */
  private pen = "";
  private readonly measures = new Map<string, TextMeasure>();

  readonly doc: PDFKit.PDFDocument;

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

  measure(bold: boolean, size: number): TextMeasure {
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

  lineHeight(size: number): number {
    return size * LEADING;
  }

  newPage(): void {
    this.doc.addPage();
    this.pen = "";
    this.y = MARGIN.top;
  }

  ensure(height: number): void {
    if (this.y + height > BOTTOM && this.y > MARGIN.top) this.newPage();
  }

  /** After drawing a filled shape: pdfkit's fill colour changed, so the next text sets its pen again. */
  forgetPen(): void {
    this.pen = "";
  }

  write(text: string, x: number, y: number, bold: boolean, size: number, color = "#111111"): void {
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
    layTable(this, weights, header, rows, keyValue);
  }
}
