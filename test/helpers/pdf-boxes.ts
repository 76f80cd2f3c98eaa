import { inflateSync } from "node:zlib";

/** A rectangle drawn on a page, in the page's top-down points (as the layout places it). */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A table row as drawn: the outlined cells that share a top and a height; `header` when they are filled grey. */
export interface DrawnRow {
  top: number;
  bottom: number;
  /** The cells' left edges, which tell one table's columns from another's. */
  columns: string;
  header: boolean;
}

export interface DrawnPage {
  width: number;
  height: number;
  rows: DrawnRow[];
}

/**
 * The pages of a PDF the service wrote and the table rows drawn on each, read
 * from the page content streams: a cell is a stroked `re`, a header row is
 * filled in the header grey first. Reading the drawing (not the text) is what
 * tells where one row ends and the next begins.
 */
export function drawnPages(bytes: Uint8Array): DrawnPage[] {
  const pdf = Buffer.from(bytes);
  const text = pdf.toString("latin1");
  const kids = /\/Type \/Pages[\s\S]*?\/Kids \[([^\]]*)\]/.exec(text)?.[1] ?? "";
  return [...kids.matchAll(/(\d+) 0 R/g)].map(([, id]) => {
    const page = objectDictionary(text, Number(id));
    const box = (/\/MediaBox \[([^\]]+)\]/.exec(page)?.[1] ?? "").trim().split(/\s+/).map(Number);
    const contents = Number(/\/Contents (\d+) 0 R/.exec(page)?.[1]);
    return { width: box[2] ?? 0, height: box[3] ?? 0, rows: tableRows(streamOf(pdf, text, contents)) };
  });
}

function objectDictionary(text: string, id: number): string {
  const start = text.indexOf(`\n${id} 0 obj`);
  if (start < 0) throw new Error(`object ${id} not found`);
  return text.slice(start, text.indexOf("endobj", start));
}

function streamOf(pdf: Buffer, text: string, id: number): string {
  const dictionary = objectDictionary(text, id);
  const length = Number(/\/Length (\d+)/.exec(dictionary)?.[1]);
  const begin = text.indexOf("stream\n", text.indexOf(`\n${id} 0 obj`)) + "stream\n".length;
  const raw = pdf.subarray(begin, begin + length);
  return (dictionary.includes("/FlateDecode") ? inflateSync(raw) : raw).toString("latin1");
}

/** The header grey (#eeeeee) as the content stream sets it (pdfkit: each component over 255). */
const HEADER_GREY = [0xee, 0xee, 0xee].map((c) => c / 255).join(" ");

function tableRows(content: string): DrawnRow[] {
  const lines = content.split("\n");
  const headerTops = new Set<string>();
  const stroked: Rect[] = [];
  let pending: Rect[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const re = /^([-\d.]+) ([-\d.]+) ([-\d.]+) ([-\d.]+) re$/.exec(line);
    if (re) {
      pending.push({ x: Number(re[1]), y: Number(re[2]), width: Number(re[3]), height: Number(re[4]) });
      continue;
    }
    if (line === "f" && pending.length > 0) {
      if (lines[i - 1] === `${HEADER_GREY} scn`) for (const r of pending) headerTops.add(`${r.y}|${r.height}`);
      pending = [];
    } else if (line === "S") {
      stroked.push(...pending);
      pending = [];
    }
  }
  const byRow = new Map<string, Rect[]>();
  for (const rect of stroked) {
    const key = `${rect.y}|${rect.height}`;
    byRow.set(key, [...(byRow.get(key) ?? []), rect]);
  }
  return [...byRow.entries()]
    .map(([key, cells]) => ({
      top: (cells[0] as Rect).y,
      bottom: (cells[0] as Rect).y + (cells[0] as Rect).height,
      columns: cells
        .map((c) => c.x.toFixed(1))
        .sort()
        .join(","),
      header: headerTops.has(key),
    }))
    .sort((a, b) => a.top - b.top);
}

/** The tables' pieces on a page: runs of rows of the same columns, each row starting where the one before ends. */
export function tablePieces(page: DrawnPage): DrawnRow[][] {
  const pieces: DrawnRow[][] = [];
  for (const row of page.rows) {
    const last = pieces[pieces.length - 1];
    const previous = last?.[last.length - 1];
    if (last && previous && previous.columns === row.columns && Math.abs(previous.bottom - row.top) < 0.01) last.push(row);
    else pieces.push([row]);
  }
  return pieces;
}
