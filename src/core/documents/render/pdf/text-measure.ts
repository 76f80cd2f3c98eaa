/** Measures and wraps text for one font at one size; widths of words and characters are cached, because registers repeat them. */
/** Characters after which a long address or URL may break (and before "@"). */
const BREAK_AFTER = new Set(["/", ".", "-", "_", "?", "&", "="]);

export class TextMeasure {
  private readonly words = new Map<string, number>();
  private readonly chars = new Map<string, number>();
  private readonly spaceWidth: number;
  private readonly widthOf: (text: string) => number;

  constructor(widthOf: (text: string) => number) {
    this.widthOf = widthOf;
    this.spaceWidth = widthOf(" ");
  }

  width(word: string): number {
    let w = this.words.get(word);
    if (w === undefined) {
      w = this.widthOf(word);
      if (this.words.size < 100_000) this.words.set(word, w);
    }
    return w;
  }

  /** Breaks text into lines no wider than `max`; a word longer than a line is broken between characters. */
  wrap(text: string, max: number): string[] {
    const lines: string[] = [];
    let line = "";
    let lineWidth = 0;
    for (const word of text.split(" ")) {
      if (word === "") continue;
      const w = this.width(word);
      if (line && lineWidth + this.spaceWidth + w <= max) {
        line += ` ${word}`;
        lineWidth += this.spaceWidth + w;
        continue;
      }
      if (line) lines.push(line);
      if (w <= max) {
        line = word;
        lineWidth = w;
        continue;
      }
      const pieces = this.breakWord(word, max);
      line = pieces.pop() ?? "";
      lineWidth = this.width(line);
      lines.push(...pieces);
    }
    if (line) lines.push(line);
    return lines.length ? lines : [""];
  }

  /**
   * A word wider than a line (an e-mail address, a URL, an IBAN): broken where a reader expects it
   * (before "@", after "/", ".", "-", "_", "?", "&" or "="), as late as fits; between characters
   * only where no such point fits.
   */
  private breakWord(word: string, max: number): string[] {
    const chars = [...word];
    const pieces: string[] = [];
    let start = 0;
    while (start < chars.length) {
      let end = start;
      let width = 0;
      let sensible = -1;
      let widthAtSensible = 0;
      while (end < chars.length && (end === start || width + this.charWidth(chars[end] as string) <= max)) {
        width += this.charWidth(chars[end] as string);
        end++;
        if (end < chars.length && (chars[end] === "@" || BREAK_AFTER.has(chars[end - 1] as string))) {
          sensible = end;
          widthAtSensible = width;
        }
      }
      // A sensible cut that leaves most of the line empty reads worse than a break between characters.
      const cut = end < chars.length && sensible > start && widthAtSensible >= max * 0.4 ? sensible : end;
      pieces.push(chars.slice(start, cut).join(""));
      start = cut;
    }
    return pieces;
  }

  private charWidth(ch: string): number {
    let cw = this.chars.get(ch);
    if (cw === undefined) {
      cw = this.widthOf(ch);
      this.chars.set(ch, cw);
    }
    return cw;
  }
}
