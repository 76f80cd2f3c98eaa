// The PDF is made from the same HTML the templates render, not from a second
// template: the HTML is read back into a few block types (headings,
// paragraphs, bullet items, tables, a findings box) that the PDF layout
// knows how to draw. Templates keep to these elements.
//
// The HTML is read with htmlparser2's event parser into a small tree of its
// own (what domhandler would build, without the links and positions), and
// each table row of a table in the page flow becomes its cells as soon as it
// closes, so a record of thousands of activities is never held as a whole
// DOM.
import { type Handler, Parser } from "htmlparser2";

export interface Line {
  text: string;
  bold: boolean;
  bullet: boolean;
}

export type Cell = Line[];

export type Block =
  | { kind: "heading"; level: 1 | 2 | 3; text: string }
  | { kind: "paragraph"; line: Line; muted: boolean }
  /** `small`: a register's grid (class "register"), a row per activity in many columns, set a size smaller. */
  | { kind: "table"; weights: number[]; header: Cell[] | null; rows: Cell[][]; keyValue: boolean; small: boolean }
  | { kind: "box"; blocks: Block[] }
  /** A section marked `class="new-page"` (each annex): what follows starts on a new page. */
  | { kind: "pageBreak" };

const CONTAINERS = new Set(["body", "header", "section", "main", "article", "div", "html"]);
const INLINE = new Set(["strong", "b", "em", "i", "span", "small", "a", "code", "abbr", "bdi"]);

/** Text, a tag ("script" and "style" elements apart, as domhandler types them), or a node that shows nothing (comments, CDATA). */
type ChildNode = Text | Element | { type: "other" };
interface Text {
  type: "text";
  data: string;
}
interface Element {
  type: "tag" | "script" | "style";
  name: string;
  attribs: Record<string, string>;
  children: ChildNode[];
  /** A table row of a table in the flow, read as its cells when it closed (its children dropped). */
  cells?: Cell[];
}

export function htmlToBlocks(html: string): Block[] {
  const root: Element = { type: "tag", name: "#root", attribs: {}, children: [] };
  const lines = new Lines();
  // The templates write no character references of their own and Handlebars escapes register text
  // with a handful (see unescapeHandlebars): htmlparser2's table of all of HTML's is not needed (nor carried by the Worker).
  new Parser(new TreeBuilder(root, lines), { decodeEntities: false }).end(html);
  const blocks: Block[] = [];
  for (const node of root.children) collectBlocks(node, blocks, lines);
  return blocks;
}

/**
 * One object per distinct line, and per distinct cell, of the tables:
 * registers repeat the same labels and catalogue entries in every row, and
 * the blocks are only read.
 */
class Lines {
  private readonly byKind = [new Map<string, Line>(), new Map<string, Line>(), new Map<string, Line>(), new Map<string, Line>()];
  private readonly cells = new Map<string, Cell>();
  private readonly ids = new Map<Line, number>();

  cell(lines: Line[]): Cell {
    let key = "";
    for (const line of lines) {
      let id = this.ids.get(line);
      if (id === undefined) {
        id = this.ids.size;
        this.ids.set(line, id);
      }
      key += `${id},`;
    }
    let cell = this.cells.get(key);
    if (!cell) {
      cell = lines.slice();
      this.cells.set(key, cell);
    }
    return cell;
  }

  line(text: string, bold: boolean, bullet: boolean): Line {
    const map = this.byKind[(bold ? 2 : 0) + (bullet ? 1 : 0)] as Map<string, Line>;
    let line = map.get(text);
    if (!line) {
      line = { text, bold, bullet };
      map.set(text, line);
    }
    return line;
  }
}

/** Builds the tree as domhandler does (adjacent text joined into one node); rows of tables in the flow are read as they close. */
class TreeBuilder implements Partial<Handler> {
  private readonly stack: Element[];
  private lastText: Text | null = null;
  private lastOther = false;

  private readonly lines: Lines;

  constructor(root: Element, lines: Lines) {
    this.stack = [root];
    this.lines = lines;
  }

  private add(node: ChildNode): void {
    (this.stack[this.stack.length - 1] as Element).children.push(node);
    this.lastText = null;
    this.lastOther = false;
  }

  onopentag(name: string, attribs: Record<string, string>): void {
    const type = name === "script" ? "script" : name === "style" ? "style" : "tag";
    const element: Element = { type, name, attribs, children: [] };
    this.add(element);
    this.stack.push(element);
  }

  onclosetag(): void {
    this.lastText = null;
    this.lastOther = false;
    const element = this.stack.pop() as Element;
    if (element.name === "tr" && this.inFlowTable()) {
      element.cells = rowCells(element, this.lines);
      element.children = [];
    }
  }

  ontext(data: string): void {
    if (this.lastText) this.lastText.data += data;
    else {
      const node: Text = { type: "text", data };
      this.add(node);
      this.lastText = node;
    }
  }

  oncomment(): void {
    if (this.lastOther) return;
    this.add({ type: "other" });
    this.lastOther = true;
  }

  oncommentend(): void {
    this.lastText = null;
    this.lastOther = false;
  }

  oncdatastart(): void {
    this.add({ type: "other" });
    // CDATA's text stays inside it: it shows nothing, as before.
    this.lastText = { type: "text", data: "" };
  }

  oncdataend(): void {
    this.lastText = null;
  }

  onprocessinginstruction(): void {
    this.add({ type: "other" });
  }

  /**
   * The row just closed sits in a table's head or body, the table in the page
   * flow (under containers only): such a row is only ever read as its cells.
   */
  private inFlowTable(): boolean {
    const s = this.stack;
    const section = s[s.length - 1];
    const table = s[s.length - 2];
    if (!section || !table || (section.name !== "thead" && section.name !== "tbody") || table.name !== "table") return false;
    for (let i = 1; i < s.length - 2; i++) if (!CONTAINERS.has((s[i] as Element).name)) return false;
    return true;
  }
}

function collectBlocks(node: ChildNode, out: Block[], lines: Lines): void {
  if (node.type !== "tag") return;
  const el = node as Element;
  const name = el.name;
  if (name === "head" || name === "style" || name === "script") return;
  if (name === "div" && hasClass(el, "findings")) {
    const inner: Block[] = [];
    for (const child of el.children) collectBlocks(child, inner, lines);
    out.push({ kind: "box", blocks: inner });
  } else if (CONTAINERS.has(name)) {
    if (name === "section" && hasClass(el, "new-page")) out.push({ kind: "pageBreak" });
    for (const child of el.children) collectBlocks(child, out, lines);
  } else if (name === "h1" || name === "h2" || name === "h3") {
    out.push({ kind: "heading", level: Number(name[1]) as 1 | 2 | 3, text: textOf(el) });
  } else if (name === "p") {
    out.push({ kind: "paragraph", line: { text: textOf(el), bold: isAllBold(el), bullet: false }, muted: hasClass(el, "doc-meta") });
  } else if (name === "ul" || name === "ol") {
    for (const line of listLines(el, lines)) out.push({ kind: "paragraph", line, muted: false });
  } else if (name === "table") {
    out.push(tableBlock(el, lines));
  }
}

function tableBlock(table: Element, lines: Lines): Block {
  const keyValue = hasClass(table, "kv");
  const header =
    childElements(table, "thead")
      .flatMap((thead) => childElements(thead, "tr"))
      .map((tr) => rowCells(tr, lines))[0] ?? null;
  const rows = childElements(table, "tbody")
    .flatMap((tbody) => childElements(tbody, "tr"))
    .map((tr) => rowCells(tr, lines));
  const columns = header?.length ?? rows[0]?.length ?? 1;
  const declared = table.attribs["data-widths"]?.split(",").map(Number);
  const weights = keyValue ? [28, 72] : declared?.length === columns ? declared : Array.from({ length: columns }, () => 1);
  return { kind: "table", weights, header, rows, keyValue, small: hasClass(table, "register") };
}

function rowCells(tr: Element, lines: Lines): Cell[] {
  if (tr.cells) return tr.cells;
  return tr.children
    .filter(isElement)
    .filter((c) => c.name === "td" || c.name === "th")
    .map((cell) => cellLines(cell, cell.name === "th", lines));
}

/** A cell's content as lines: running text, then one line per list item or paragraph. */
function cellLines(cell: Element, bold: boolean, distinct: Lines): Line[] {
  const lines: Line[] = [];
  let running = "";
  const flush = () => {
    const text = collapse(running);
    if (text) lines.push(distinct.line(text, bold, false));
    running = "";
  };
  for (const node of cell.children) {
    if (node.type === "text") running += node.data;
    else if (isElement(node) && INLINE.has(node.name)) running += textOf(node);
    else if (isElement(node) && node.name === "br") flush();
    else if (isElement(node) && (node.name === "ul" || node.name === "ol")) {
      flush();
      lines.push(...listLines(node, distinct, bold));
    } else if (isElement(node)) {
      flush();
      lines.push(distinct.line(textOf(node), bold || isAllBold(node), false));
    }
  }
  flush();
  // A cell for a handwritten signature or date: room to write in.
  if (hasClass(cell, "handwritten")) lines.push(...Array.from({ length: 3 }, () => distinct.line(" ", false, false)));
  return distinct.cell(lines);
}

/** A list's items: bullets for `ul`; for `ol`, each item's number (its `value`, else its place) in place of a bullet. */
function listLines(list: Element, distinct: Lines, bold = false): Line[] {
  let number = Number(list.attribs.start ?? 1);
  return childElements(list, "li").map((li) => {
    if (list.name === "ul") return distinct.line(textOf(li), bold, true);
    if (li.attribs.value) number = Number(li.attribs.value);
    return distinct.line(`${number++}. ${textOf(li)}`, bold, false);
  });
}

function textOf(node: ChildNode): string {
  return collapse(rawText(node));
}

function rawText(node: ChildNode): string {
  if (node.type === "text") return node.data;
  if (isElement(node)) return node.children.map(rawText).join("");
  return "";
}

/** HTML whitespace rules: any run of spaces and newlines shows as one space (after the escapes are undone). */
function collapse(text: string): string {
  return unescapeHandlebars(text)
    .replace(/[ \t\n\r\f]+/g, " ")
    .trim();
}

/** What Handlebars' escapeExpression writes (& < > " ' ` =), and numeric references, back to the characters. */
const ESCAPED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"' };
function unescapeHandlebars(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(
    /&(?:(amp|lt|gt|quot)|#x([0-9a-f]{1,6})|#([0-9]{1,7}));/gi,
    (whole, name?: string, hex?: string, decimal?: string) => {
      if (name) return ESCAPED[name.toLowerCase()] ?? whole;
      const code = hex ? Number.parseInt(hex, 16) : Number(decimal);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    },
  );
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
