// Tables: the columns' widths from their weights, the cells wrapped to them,
// the header row repeated on every page the table continues on, and a row
// taller than a page split between lines.
import type { Cell } from "./html-blocks.ts";
import { BODY, BORDER, BOTTOM, BULLET_INDENT, CELL_PADDING, CONTENT_WIDTH, HEADER_FILL, KEY_FILL, MARGIN } from "./page-geometry.ts";
import type { TextMeasure } from "./text-measure.ts";

/** What a table needs of the page flow (layout.ts): its cursor, its pen, shapes and new pages. */
export interface Flow {
  y: number;
  measure(bold: boolean, size: number): TextMeasure;
  lineHeight(size: number): number;
  newPage(): void;
  ensure(height: number): void;
  forgetPen(): void;
  write(text: string, x: number, y: number, bold: boolean, size: number): void;
  fillRect(x: number, y: number, width: number, height: number, color: string): void;
  /** Outlines the rectangles with one stroke. */
  strokeRects(rects: [number, number, number, number][], lineWidth: number, color: string): void;
}

/** One wrapped line of a cell, x relative to the cell's padding. */
type CellLine = { text: string; bold: boolean; x: number };

export function layTable(layout: Flow, weights: number[], header: Cell[] | null, rows: Cell[][], keyValue: boolean): void {
  const total = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => (w / total) * CONTENT_WIDTH);
  const lh = layout.lineHeight(BODY);
  const laidHeader = header ? cellLines(layout, header, widths) : null;
  const headerHeight = laidHeader ? rowHeight(laidHeader, lh) : 0;
  const drawHeader = () => {
    if (laidHeader) rowSlice(layout, laidHeader, widths, 0, maxLines(laidHeader), HEADER_FILL, false);
  };

  layout.ensure(headerHeight + lh * 3 + CELL_PADDING * 2);
  drawHeader();
  for (const row of rows) {
    const cells = cellLines(layout, row, widths);
    const lines = maxLines(cells);
    let from = 0;
    while (from < lines) {
      const rest = lines - from;
      const room = Math.floor((BOTTOM - layout.y - CELL_PADDING * 2) / lh);
      if (rest <= room) {
        rowSlice(layout, cells, widths, from, lines, null, keyValue);
        break;
      }
      // A row that fits on a page is moved whole; a taller one is split between lines.
      const fitsOnAPage = rest <= Math.floor((BOTTOM - MARGIN.top - headerHeight - CELL_PADDING * 2) / lh);
      if ((from === 0 && fitsOnAPage) || room < 1) {
        layout.newPage();
        drawHeader();
        continue;
      }
      rowSlice(layout, cells, widths, from, from + room, null, keyValue);
      from += room;
    }
  }
  layout.y += lh * 0.6;
}

function cellLines(layout: Flow, cells: Cell[], widths: number[]): CellLine[][] {
  return cells.map((cell, column) => {
    const width = (widths[column] ?? CONTENT_WIDTH) - CELL_PADDING * 2;
    return cell.flatMap((line) => {
      const indent = line.bullet ? BULLET_INDENT : 0;
      return layout
        .measure(line.bold, BODY)
        .wrap(line.text, width - indent)
        .map((text, i) => ({
          text: line.bullet && i === 0 ? `• ${text}` : text,
          bold: line.bold,
          x: line.bullet && i === 0 ? 0 : indent,
        }));
    });
  });
}

/** Draws lines from..to of one row (or all of a header row) at the cursor, and moves the cursor below it. */
function rowSlice(
  layout: Flow,
  cells: CellLine[][],
  widths: number[],
  from: number,
  to: number,
  fill: string | null,
  keyValue: boolean,
): void {
  const lh = layout.lineHeight(BODY);
  const height = (to - from) * lh + CELL_PADDING * 2;
  let x = MARGIN.left;
  cells.forEach((lines, column) => {
    const width = widths[column] ?? 0;
    const background = fill ?? (keyValue && column === 0 ? KEY_FILL : null);
    if (background) {
      layout.fillRect(x, layout.y, width, height, background);
      layout.forgetPen();
    }
    lines.slice(from, to).forEach((line, i) => {
      layout.write(line.text, x + CELL_PADDING + line.x, layout.y + CELL_PADDING + i * lh, line.bold || fill !== null, BODY);
    });
    x += width;
  });
  x = MARGIN.left;
  const outlines: [number, number, number, number][] = [];
  for (const width of widths) {
    outlines.push([x, layout.y, width, height]);
    x += width;
  }
  layout.strokeRects(outlines, 0.5, BORDER);
  layout.y += height;
}

function maxLines(cells: unknown[][]): number {
  return Math.max(1, ...cells.map((c) => c.length));
}

function rowHeight(cells: unknown[][], lh: number): number {
  return maxLines(cells) * lh + CELL_PADDING * 2;
}
