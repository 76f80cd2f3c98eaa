// The body's drawing operators, written the way pdfkit 0.19 writes them for
// the calls the layout used to make (text at a point without line breaking,
// filled and stroked rectangles, fill and stroke colours), so the bytes are
// unchanged, but without pdfkit's per-call work: no options object, no
// Buffer per operator (a page's operators reach pdfkit as one chunk when the
// page is finished), and each distinct text shown once per font is encoded
// once. test/documents/pdf-content-stream.test.ts draws through both and requires the same bytes;
// pdfkit is pinned to an exact version in package.json for this reason.

/** The parts of pdfkit's embedded font this uses (pdfkit 0.19's EmbeddedFont). */
interface PdfkitFont {
  id: string;
  ascender: number;
  encode(text: string): [string[], GlyphPosition[]];
  ref(): unknown;
  widthOfString(text: string, size: number): number;
  layoutCache?: Record<string, unknown>;
}

interface GlyphPosition {
  xAdvance: number;
  advanceWidth: number;
  xOffset: number;
  yOffset: number;
}

/** The parts of pdfkit's document this reaches (its current font and page). */
interface PdfkitInternals {
  _font: PdfkitFont;
  page: { height: number; fonts: Record<string, unknown> };
}

export type FontName = "regular" | "bold";

/** pdfkit's number formatting in content streams (PDFObject.number). */
export const num = (n: number): string => String(Math.round(n * 1e6) / 1e6);

/** pdfkit's device RGB components of a "#rrggbb" colour. */
function rgb(color: string): string {
  if (!/^#[0-9a-f]{6}$/i.test(color)) throw new Error(`colour ${color}: the PDF body takes #rrggbb`);
  const hex = Number.parseInt(color.slice(1), 16);
  return [hex >> 16, (hex >> 8) & 0xff, hex & 0xff].map((part) => part / 255).join(" ");
}

const colours = new Map<string, string>();
function components(color: string): string {
  let c = colours.get(color);
  if (c === undefined) {
    c = rgb(color);
    colours.set(color, c);
  }
  return c;
}

/**
 * Fontkit's shaping of a word depends only on the font and the word, so words
 * shaped for one document serve the next: one cache per font, shared by the
 * documents (pdfkit keeps one per document). A document that leaves it larger
 * than the limit (a long record) drops it: what stays between documents is
 * small, and documents of the usual size (annexes) keep finding their words.
 */
const sharedLayouts = new Map<FontName, Record<string, unknown>>();
const SHARED_LAYOUT_LIMIT = 8_000;

/** Text operators per font of one document: a text's TJ line depends on its glyphs, which the document's font subset numbers. */
const TJ_CACHE_LIMIT = 10_000;

export class ContentStream {
  private readonly doc: PDFKit.PDFDocument;
  private readonly fonts = new Map<FontName, PdfkitFont>();
  /** The TJ operators of each text shown in a font (null: offset glyphs, worked out each time). */
  private readonly shown = new Map<PdfkitFont, Map<string, string | null>>();
  /** Per font, the runs whose glyphs are in the subset, and texts already gone through (a bounded shortcut). */
  private readonly included = new Map<PdfkitFont, { runs: Set<string>; texts: Set<string> }>();
  /** The operators of the pages not yet handed to pdfkit, by page number from `first`. */
  private pages: string[][] = [];
  private first = 0;
  private font: PdfkitFont | null = null;
  private size = 0;

  constructor(doc: PDFKit.PDFDocument) {
    this.doc = doc;
  }

  /**
   * The document's font of that name, selected in pdfkit (which numbers fonts
   * in the order they are first selected) and sharing the words shaped by
   * earlier documents.
   */
  fontObject(name: FontName): PdfkitFont {
    let font = this.fonts.get(name);
    if (!font) {
      this.doc.font(name);
      font = (this.doc as unknown as PdfkitInternals)._font;
      let shared = sharedLayouts.get(name);
      if (!shared) {
        shared = Object.create(null) as Record<string, unknown>;
        sharedLayouts.set(name, shared);
      }
      if (font.layoutCache) font.layoutCache = shared;
      this.fonts.set(name, font);
    }
    return font;
  }

  /** Width as pdfkit's doc.widthOfString gives it, without changing pdfkit's current font. */
  widthOf(name: FontName, size: number, text: string): number {
    const font = this.fontObject(name);
    return ((font.widthOfString(text, size) + 0 * (text.length - 1)) * 100) / 100;
  }

  /**
   * Adds the text's glyphs to the font's subset without drawing it. The
   * subset numbers glyphs in the order they are first shown, and the page
   * furniture used to be drawn after the whole body: the counting pass shows
   * the body's glyphs in body order first, so furniture drawn page by page
   * keeps the numbering. Each run pdfkit shapes (a word and the space after
   * it) is encoded once.
   */
  include(name: FontName, text: string): void {
    const font = this.fontObject(name);
    let seen = this.included.get(font);
    if (!seen) {
      seen = { runs: new Set(), texts: new Set() };
      this.included.set(font, seen);
    }
    if (seen.texts.has(text)) return;
    if (seen.texts.size < TJ_CACHE_LIMIT) seen.texts.add(text);
    for (const line of text.split("\n")) {
      let last = 0;
      for (let index = 0; index <= line.length; index++) {
        const ch = line.charAt(index);
        if ((index === line.length && last < index) || ch === " " || ch === "\t") {
          const run = line.slice(last, index + 1);
          if (!seen.runs.has(run)) {
            font.encode(run);
            seen.runs.add(run);
          }
          last = index + 1;
        }
      }
    }
  }

  /** At the end of the document: a shared word cache grown beyond its limit is dropped. */
  release(): void {
    for (const [name, font] of this.fonts) {
      if (font.layoutCache && Object.keys(font.layoutCache).length > SHARED_LAYOUT_LIMIT && sharedLayouts.get(name) === font.layoutCache)
        sharedLayouts.delete(name);
    }
  }

  /** A new page started in pdfkit (its number). */
  addPage(page: number): void {
    if (this.pages.length === 0) this.first = page;
    this.pages.push([]);
  }

  private ops(page: number): string[] {
    const ops = this.pages[page - this.first];
    if (!ops) throw new Error(`page ${page} is no longer open`);
    return ops;
  }

  /** pdfkit's font(name).fontSize(size).fillColor(color): only the colour writes operators. */
  pen(name: FontName, size: number, color: string, page: number): void {
    this.font = this.fontObject(name);
    this.size = size;
    const ops = this.ops(page);
    ops.push("/DeviceRGB cs", `${components(color)} scn`);
  }

  /** pdfkit's text(text, x, y, { lineBreak: false }) in the current font, size and colour. */
  text(text: string, x: number, y: number, page: number): void {
    const font = this.font;
    if (!font) throw new Error("text before a font was chosen");
    if (!text.includes("\n")) {
      this.fragment(font, text, x, y, page);
      return;
    }
    // pdfkit shows each line at the end of the one before.
    let lineX = x;
    for (const line of text.split("\n")) {
      this.fragment(font, line, lineX, y, page);
      lineX += ((font.widthOfString(line, this.size) + 0 * (line.length - 1)) * 100) / 100;
    }
  }

  private fragment(font: PdfkitFont, text: string, x: number, y: number, page: number): void {
    if (text.length === 0) return;
    const ops = this.ops(page);
    const pageFonts = (this.doc as unknown as PdfkitInternals).page.fonts;
    const height = (this.doc as unknown as PdfkitInternals).page.height;
    const dy = (font.ascender / 1000) * this.size;
    const top = height - y - dy;
    if (pageFonts[font.id] == null) pageFonts[font.id] = font.ref();
    ops.push(`q\n1 0 0 -1 0 ${num(height)} cm\nBT\n1 0 0 1 ${num(x)} ${num(top)} Tm\n/${font.id} ${num(this.size)} Tf`);
    let byText = this.shown.get(font);
    if (!byText) {
      byText = new Map();
      this.shown.set(font, byText);
    }
    const cached = byText.get(text);
    if (cached) {
      ops.push(cached);
    } else if (cached === null) {
      this.glyphRuns(font, text, x, top, ops);
    } else {
      const own: string[] = [];
      const plain = this.glyphRuns(font, text, x, top, own);
      for (const op of own) ops.push(op);
      if (byText.size < TJ_CACHE_LIMIT) byText.set(text, plain ? own.join("\n") : null);
    }
    ops.push("ET\nQ");
  }

  /** pdfkit's TJ operators for the text; false when a glyph is offset (the operators then depend on x and y). */
  private glyphRuns(font: PdfkitFont, text: string, x0: number, y: number, out: string[]): boolean {
    const [encoded, positions] = font.encode(text);
    const scale = this.size / 1000;
    const commands: string[] = [];
    let last = 0;
    let hadOffset = false;
    let plain = true;
    let x = x0;
    const addSegment = (cur: number) => {
      if (last < cur) {
        const hex = encoded.slice(last, cur).join("");
        const p = positions[cur - 1] as GlyphPosition;
        commands.push(`<${hex}> ${num(-(p.xAdvance - p.advanceWidth))}`);
      }
      last = cur;
    };
    const flush = (i: number) => {
      addSegment(i);
      if (commands.length > 0) {
        out.push(`[${commands.join(" ")}] TJ`);
        commands.length = 0;
      }
    };
    let i = 0;
    for (i = 0; i < positions.length; i++) {
      const pos = positions[i] as GlyphPosition;
      if (pos.xOffset || pos.yOffset) {
        plain = false;
        flush(i);
        out.push(`1 0 0 1 ${num(x + pos.xOffset * scale)} ${num(y + pos.yOffset * scale)} Tm`);
        flush(i + 1);
        hadOffset = true;
      } else {
        if (hadOffset) {
          out.push(`1 0 0 1 ${num(x)} ${num(y)} Tm`);
          hadOffset = false;
        }
        if (pos.xAdvance - pos.advanceWidth !== 0) addSegment(i + 1);
      }
      x += pos.xAdvance * scale;
    }
    flush(i);
    return plain;
  }

  /** pdfkit's rect(x, y, w, h).fill(color). */
  fillRect(x: number, y: number, w: number, h: number, color: string, page: number): void {
    this.ops(page).push(`${num(x)} ${num(y)} ${num(w)} ${num(h)} re`, "/DeviceRGB cs", `${components(color)} scn`, "f");
  }

  /** pdfkit's rect(...) for each rectangle, then lineWidth(width).strokeColor(color).stroke(). */
  strokeRects(rects: [number, number, number, number][], width: number, color: string, page: number): void {
    const ops = this.ops(page);
    for (const [x, y, w, h] of rects) ops.push(`${num(x)} ${num(y)} ${num(w)} ${num(h)} re`);
    ops.push(`${num(width)} w`, "/DeviceRGB CS", `${components(color)} SCN`, "S");
  }

  /**
   * Hands the open pages' operators to pdfkit (one chunk per page: pdfkit ends
   * each chunk with a newline, as it ends each operator), calling `each` on
   * every page after its body so the page furniture follows, as before.
   */
  finishPages(each: (page: number) => void): void {
    this.pages.forEach((ops, i) => {
      const page = this.first + i;
      this.doc.switchToPage(page);
      if (ops.length > 0) this.doc.addContent(ops.join("\n"));
      each(page);
    });
    this.first += this.pages.length;
    this.pages = [];
  }
}
