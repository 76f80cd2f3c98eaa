// Tables: the columns' widths from their weights, the cells wrapped to them,
// the header row repeated on every page the table continues on, and rows kept
// in pairs at page breaks: no page holds a single row of a longer table (its
// first row alone at the foot of a page, or its last row alone at the top of
// the next). A row taller than a page is split between lines.
import type { Block, Cell } from "./html-blocks.ts";
import { BODY, BORDER, BULLET_INDENT, CELL_PADDING, HEADER_FILL, KEY_FILL, type PageGeometry, SMALL } from "./page-geometry.ts";
import type { TextMeasure } from "./text-measure.ts";

/** What a table needs of the page flow (layout.ts): its cursor, its pen, shapes and new pages. */
export interface Flow {
  y: number;
  readonly geometry: PageGeometry;
  measure(bold: boolean, size: number): TextMeasure;
  lineHeight(size: number): number;
  newPage(): void;
  forgetPen(): void;
  write(text: string, x: number, y: number, bold: boolean, size: number): void;
  fillRect(x: number, y: number, width: number, height: number, color: string): void;
  /** Outlines the rectangles with one stroke. */
  strokeRects(rects: [number, number, number, number][], lineWidth: number, color: string): void;
}

type TableBlock = Extract<Block, { kind: "table" }>;

/** One wrapped line of a cell, x relative to the cell's padding. */
type CellLine = { text: string; bold: boolean; x: number };

/** A row wrapped to the columns: its cells' lines and how many lines it is tall. */
interface LaidRow {
  cells: CellLine[][];
  lines: number;
}

/**
 * Whether the table would start below `y` on the current page (given what is above it there), or
 * move to the next page before drawing anything: a heading before it goes where the table starts.
 */
export function tableStartsBelow(flow: Flow, table: TableBlock, y: number): boolean {
  if (table.rows.length === 0) return true;
  const sizes = new TableSizes(flow, table);
  const rows = new RowsAhead(sizes, table.rows);
  const room = flow.geometry.bottom - y - sizes.headerHeight;
  return rowsForThisPage(rows, room, false, sizes.pageRoom) > 0;
}

export function layTable(flow: Flow, table: TableBlock): void {
  const sizes = new TableSizes(flow, table);
  const { widths, headerHeight, size } = sizes;
  const geometry = flow.geometry;
  const lh = flow.lineHeight(size);
  const draw = (row: LaidRow, to: number, fill: string | null) =>
    rowSlice(flow, row.cells, widths, to, fill, table.keyValue && !fill, size);
  const drawHeader = () => {
    if (sizes.header) draw(sizes.header, sizes.header.lines, HEADER_FILL);
  };
  const rows = new RowsAhead(sizes, table.rows);

  let headerDrawn = false;
  /** Whether nothing of the table is on this page yet (placing fewer than two rows there leaves no row alone). */
  let atPageTop = flow.y <= geometry.margin.top;
  const toNextPage = () => {
    flow.newPage();
    headerDrawn = false;
    atPageTop = true;
  };
  while (rows.remaining() > 0) {
    const room = geometry.bottom - flow.y - (headerDrawn ? 0 : headerHeight);
    const take = rowsForThisPage(rows, room, atPageTop, sizes.pageRoom);
    if (take === 0 && !atPageTop) {
      toNextPage();
      continue;
    }
    if (!headerDrawn) {
      drawHeader();
      headerDrawn = true;
    }
    atPageTop = false;
    if (take === 0) {
      // Not even one row fits on a page of its own: it is split between lines.
      const lines = Math.max(1, Math.floor((geometry.bottom - flow.y - CELL_PADDING * 2) / lh));
      draw(rows.first(), lines, null);
      rows.cutFirst(lines);
    } else {
      for (const row of rows.take(take)) draw(row, row.lines, null);
    }
    if (rows.remaining() > 0) toNextPage();
  }
  if (!headerDrawn && sizes.header) drawHeader();
  flow.y += lh * 0.6;
}

/**
 * How many of the rows ahead go on this page, given the room below the cursor (0: none, the table
 * goes on on the next page; at the top of a page, 0 means the first row is taller than a page).
 * Rows go in pairs at a page break: the last row is not left alone on the next page, nor a first
 * row at the foot of this one, unless the rows are too tall for a page to hold them together.
 */
function rowsForThisPage(rows: RowsAhead, room: number, atPageTop: boolean, pageRoom: number): number {
  const remaining = rows.remaining();
  let fit = 0;
  let used = 0;
  while (fit < remaining && used + rows.height(fit) <= room) used += rows.height(fit++);
  if (fit === remaining) return fit;
  const together = (from: number, count: number) => {
    let height = 0;
    for (let i = from; i < from + count; i++) height += rows.height(i);
    return height <= pageRoom;
  };
  let take = fit;
  // The last row does not go on alone: the one before it goes with it, or, when this page would
  // then keep only one row, the three go on together.
  if (take === remaining - 1 && take >= 1 && together(take - 1, 2)) {
    if (take >= 3) take -= 1;
    else if (!atPageTop && together(0, remaining)) take = 0;
  }
  // Nor does a first row stay alone at the foot of a page.
  if (take === 1 && !atPageTop && together(0, 2)) take = 0;
  return take;
}

/** The rows not drawn yet, wrapped as they are first looked at: no more than a page's worth ahead of the drawing. */
class RowsAhead {
  private readonly ahead: LaidRow[] = [];
  private next = 0;
  private readonly sizes: TableSizes;
  private readonly rows: Cell[][];

  constructor(sizes: TableSizes, rows: Cell[][]) {
    this.sizes = sizes;
    this.rows = rows;
  }

  remaining(): number {
    return this.ahead.length + this.rows.length - this.next;
  }

  private row(i: number): LaidRow {
    while (this.ahead.length <= i && this.next < this.rows.length) this.ahead.push(this.sizes.lay(this.rows[this.next++] as Cell[]));
    return this.ahead[i] ?? { cells: [], lines: 0 };
  }

  height(i: number): number {
    return this.sizes.heightOf(this.row(i));
  }

  first(): LaidRow {
    return this.row(0);
  }

  take(count: number): LaidRow[] {
    this.row(count - 1);
    return this.ahead.splice(0, count);
  }

  /** Drops the first `lines` lines of the first row (drawn at the foot of a page). */
  cutFirst(lines: number): void {
    const row = this.row(0);
    this.ahead[0] = { cells: row.cells.map((cell) => cell.slice(lines)), lines: row.lines - lines };
  }
}

/** The table's column widths, its wrapped header and how rows wrap to the columns. */
class TableSizes {
  readonly widths: number[];
  readonly size: number;
  readonly header: LaidRow | null;
  readonly headerHeight: number;
  /** The height a page has for rows below the repeated header. */
  readonly pageRoom: number;
  private readonly flow: Flow;

  constructor(flow: Flow, table: TableBlock) {
    this.flow = flow;
    this.size = table.small ? SMALL : BODY;
    const total = table.weights.reduce((a, b) => a + b, 0);
    this.widths = table.weights.map((w) => (w / total) * flow.geometry.contentWidth);
    this.header = table.header ? this.lay(table.header) : null;
    this.headerHeight = this.header ? this.heightOf(this.header) : 0;
    this.pageRoom = flow.geometry.bottom - flow.geometry.margin.top - this.headerHeight;
  }

  heightOf(row: LaidRow): number {
    return row.lines * this.flow.lineHeight(this.size) + CELL_PADDING * 2;
  }

  lay(cells: Cell[]): LaidRow {
    const laid = cells.map((cell, column) => {
      const width = (this.widths[column] ?? this.flow.geometry.contentWidth) - CELL_PADDING * 2;
      return cell.flatMap((line) => {
        const indent = line.bullet ? BULLET_INDENT : 0;
        return this.flow
          .measure(line.bold, this.size)
          .wrap(line.text, width - indent)
          .map((text, i) => ({
            text: line.bullet && i === 0 ? `• ${text}` : text,
            bold: line.bold,
            x: line.bullet && i === 0 ? 0 : indent,
          }));
      });
    });
    return { cells: laid, lines: Math.max(1, ...laid.map((c) => c.length)) };
  }
}

/** Draws a row's first lines (all of a header row) at the cursor, and moves the cursor below them. */
function rowSlice(
  flow: Flow,
  cells: CellLine[][],
  widths: number[],
  to: number,
  fill: string | null,
  keyValue: boolean,
  size: number,
): void {
  const lh = flow.lineHeight(size);
  const height = to * lh + CELL_PADDING * 2;
  const left = flow.geometry.margin.left;
  let x = left;
  cells.forEach((lines, column) => {
    const width = widths[column] ?? 0;
    const background = fill ?? (keyValue && column === 0 ? KEY_FILL : null);
    if (background) {
      flow.fillRect(x, flow.y, width, height, background);
      flow.forgetPen();
    }
    lines.slice(0, to).forEach((line, i) => {
      if (line.text) flow.write(line.text, x + CELL_PADDING + line.x, flow.y + CELL_PADDING + i * lh, line.bold || fill !== null, size);
    });
    x += width;
  });
  x = left;
  const outlines: [number, number, number, number][] = [];
  for (const width of widths) {
    outlines.push([x, flow.y, width, height]);
    x += width;
  }
  flow.strokeRects(outlines, 0.5, BORDER);
  flow.y += height;
}
