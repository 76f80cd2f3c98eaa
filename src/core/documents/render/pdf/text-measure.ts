/** Measures and wraps text for one font at one size; widths of words and characters are cached, because registers repeat them. */
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

  private breakWord(word: string, max: number): string[] {
    const pieces: string[] = [];
    let piece = "";
    let width = 0;
    for (const ch of word) {
      let cw = this.chars.get(ch);
      if (cw === undefined) {
        cw = this.widthOf(ch);
        this.chars.set(ch, cw);
      }
      if (piece && width + cw > max) {
        pieces.push(piece);
        piece = "";
        width = 0;
      }
      piece += ch;
      width += cw;
    }
    pieces.push(piece);
    return pieces;
  }
}
