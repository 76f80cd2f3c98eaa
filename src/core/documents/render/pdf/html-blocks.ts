// The PDF is made from the same HTML the templates render, not from a second
// template: the HTML is read back into a few block types (headings,
// paragraphs, bullet items, tables, a findings box) that the PDF layout
// knows how to draw. Templates keep to these elements.
import type { ChildNode, Element } from "domhandler";
import { parseDocument } from "htmlparser2";

export interface Line {
  text: string;
  bold: boolean;
  bullet: boolean;
}

export type Cell = Line[];

export type Block =
  | { kind: "heading"; level: 1 | 2 | 3; text: string }
  | { kind: "paragraph"; line: Line; muted: boolean }
  | { kind: "table"; weights: number[]; header: Cell[] | null; rows: Cell[][]; keyValue: boolean }
  | { kind: "box"; blocks: Block[] };

const CONTAINERS = new Set(["body", "header", "section", "main", "article", "div", "html"]);
const INLINE = new Set(["strong", "b", "em", "i", "span", "small", "a", "code", "abbr", "bdi"]);

export function htmlToBlocks(html: string): Block[] {
  const document = parseDocument(html, { decodeEntities: true });
  const blocks: Block[] = [];
  for (const node of document.children) collectBlocks(node, blocks);
  return blocks;
}

function collectBlocks(node: ChildNode, out: Block[]): void {
  if (node.type !== "tag") return;
  const el = node as Element;
  const name = el.name;
  if (name === "head" || name === "style" || name === "script") return;
  if (name === "div" && hasClass(el, "findings")) {
    const inner: Block[] = [];
    for (const child of el.children) collectBlocks(child, inner);
    out.push({ kind: "box", blocks: inner });
  } else if (CONTAINERS.has(name)) {
    for (const child of el.children) collectBlocks(child, out);
  } else if (name === "h1" || name === "h2" || name === "h3") {
    out.push({ kind: "heading", level: Number(name[1]) as 1 | 2 | 3, text: textOf(el) });
  } else if (name === "p") {
    out.push({ kind: "paragraph", line: { text: textOf(el), bold: isAllBold(el), bullet: false }, muted: hasClass(el, "doc-meta") });
  } else if (name === "ul" || name === "ol") {
    for (const li of childElements(el, "li"))
      out.push({ kind: "paragraph", line: { text: textOf(li), bold: false, bullet: true }, muted: false });
  } else if (name === "table") {
    out.push(tableBlock(el));
  }
}

function tableBlock(table: Element): Block {
  const keyValue = hasClass(table, "kv");
  const header =
    childElements(table, "thead")
      .flatMap((thead) => childElements(thead, "tr"))
      .map(rowCells)[0] ?? null;
  const rows = childElements(table, "tbody")
    .flatMap((tbody) => childElements(tbody, "tr"))
    .map(rowCells);
  const columns = header?.length ?? rows[0]?.length ?? 1;
  const declared = table.attribs["data-widths"]?.split(",").map(Number);
  const weights = keyValue ? [28, 72] : declared?.length === columns ? declared : Array.from({ length: columns }, () => 1);
  return { kind: "table", weights, header, rows, keyValue };
}

function rowCells(tr: Element): Cell[] {
  return tr.children
    .filter(isElement)
    .filter((c) => c.name === "td" || c.name === "th")
    .map((cell) => cellLines(cell, cell.name === "th"));
}

/** A cell's content as lines: running text, then one line per list item or paragraph. */
function cellLines(cell: Element, bold: boolean): Line[] {
  const lines: Line[] = [];
  let running = "";
  const flush = () => {
    const text = collapse(running);
    if (text) lines.push({ text, bold, bullet: false });
    running = "";
  };
  for (const node of cell.children) {
    if (node.type === "text") running += node.data;
    else if (isElement(node) && INLINE.has(node.name)) running += textOf(node);
    else if (isElement(node) && node.name === "br") flush();
    else if (isElement(node) && (node.name === "ul" || node.name === "ol")) {
      flush();
      for (const li of childElements(node, "li")) lines.push({ text: textOf(li), bold, bullet: true });
    } else if (isElement(node)) {
      flush();
      lines.push({ text: textOf(node), bold: bold || isAllBold(node), bullet: false });
    }
  }
  flush();
  return lines;
}

function textOf(node: ChildNode): string {
  return collapse(rawText(node));
}

function rawText(node: ChildNode): string {
  if (node.type === "text") return node.data;
  if (isElement(node)) return node.children.map(rawText).join("");
  return "";
}

/** HTML whitespace rules: any run of spaces and newlines shows as one space. */
function collapse(text: string): string {
  return text.replace(/[ \t\n\r\f]+/g, " ").trim();
}

function isAllBold(el: Element): boolean {
  const children = el.children.filter((c) => !(c.type === "text" && !c.data.trim()));
  return children.length === 1 && isElement(children[0] as ChildNode) && ["strong", "b"].includes((children[0] as Element).name);
}

function isElement(node: ChildNode): node is Element {
  return node.type === "tag";
}

function childElements(el: Element, name: string): Element[] {
  return el.children.filter(isElement).filter((c) => c.name === name);
}

function hasClass(el: Element, name: string): boolean {
  return (el.attribs.class ?? "").split(/\s+/).includes(name);
}
