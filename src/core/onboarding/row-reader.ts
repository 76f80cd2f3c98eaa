import { LANGUAGES, type LocalizedText } from "../kernel/values/values.ts";
import { cellRef, type ImportIssue, issueAt, type SheetRow } from "./sheet-model.ts";
import { langHeader, normalise } from "./sheet-specs.ts";

/** Items of a list cell: one per line, or separated by semicolons. */
export function splitList(text: string | undefined): string[] {
  if (!text) return [];
  return text
    .split(/\r?\n|;/)
    .map((item) => item.trim())
    .filter((item) => item !== "");
}

/** "-" marks an item with no value in a list aligned with another. */
const NONE = "-";

/**
 * One data row of a sheet, read by column header. Problems found while
 * reading (a list that does not line up, a number that is not one) are
 * collected as issues on their cells; the use case finds the rest.
 */
export class RowReader {
  readonly issues: ImportIssue[] = [];
  readonly sheet: string;
  readonly row: SheetRow;
  private readonly columns: Map<string, number>;
  private readonly byHeader = new Map<string, string>();

  constructor(sheet: string, columns: Map<string, number>, row: SheetRow) {
    this.sheet = sheet;
    this.columns = columns;
    this.row = row;
    const texts = new Map(row.cells.map((c) => [c.col, c.text]));
    for (const [header, col] of columns) {
      const text = texts.get(col)?.trim();
      if (text) this.byHeader.set(header, text);
    }
  }

  /** Where a header's cell is (its column may be missing from a CSV: then the whole row). */
  at(header: string): { col: number; row: number; header: string } | { col: null; row: number; header: string } {
    return { col: this.columns.get(normalise(header)) ?? null, row: this.row.row, header };
  }

  /** The coordinates an issue on `header` gets. */
  cellOf(header: string): string {
    const at = this.at(header);
    return at.col === null ? `${cellRef(this.sheet, null, null)}!${this.row.row}:${this.row.row}` : cellRef(this.sheet, at.col, at.row);
  }

  issue(header: string | null, message: string): void {
    const at = header === null ? null : this.at(header);
    const issue = issueAt(this.sheet, at && at.col !== null ? { col: at.col, row: at.row, header: at.header } : null, message);
    if (at?.col === null || header === null) {
      issue.row = this.row.row;
      issue.header = header;
      issue.cell = `${issue.cell}!${this.row.row}:${this.row.row}`;
    }
    this.issues.push(issue);
  }

  text(header: string): string | undefined {
    return this.byHeader.get(normalise(header));
  }

  /** A code-like cell (country, language), compared in upper or lower case as the API spells it. */
  code(header: string, casing: "upper" | "lower"): string | undefined {
    const text = this.text(header);
    return text === undefined ? undefined : casing === "upper" ? text.toUpperCase() : text.toLowerCase();
  }

  list(header: string): string[] {
    return splitList(this.text(header));
  }

  /** A whole number, or undefined with an issue on the cell. */
  whole(header: string): number | undefined {
    const text = this.text(header);
    if (text === undefined) return undefined;
    if (/^\d+$/.test(text)) return Number(text);
    this.issue(header, `"${text}" is not a whole number; write e.g. 15.`);
    return undefined;
  }

  /** The "Label (en)", "Label (nl)", "Label (fr)" cells as the API's localized text; undefined when all are empty. */
  localized(label: string): LocalizedText | undefined {
    const text: Record<string, string> = {};
    for (const lang of LANGUAGES) {
      const value = this.text(langHeader(label, lang));
      if (value !== undefined) text[lang] = value;
    }
    return Object.keys(text).length > 0 ? (text as LocalizedText) : undefined;
  }

  /** Lists in the three language columns of `label`, item by item; they must line up. */
  localizedList(label: string): LocalizedText[] {
    const lists = LANGUAGES.map((lang) => [lang, this.list(langHeader(label, lang))] as const);
    const length = Math.max(...lists.map(([, items]) => items.length));
    for (const [lang, items] of lists) {
      if (items.length > 0 && items.length !== length) {
        this.issue(
          langHeader(label, lang),
          `Lists ${items.length} items where another language lists ${length}; give the same items in each language, in the same order.`,
        );
      }
    }
    return Array.from({ length }, (_, i) => {
      const text: Record<string, string> = {};
      for (const [lang, items] of lists) {
        const item = items[i];
        if (item !== undefined && item !== NONE) text[lang] = item;
      }
      return text as LocalizedText;
    });
  }

  /** A list that gives one item per item of `base` ("-" for none), or nothing at all. */
  aligned(header: string, base: string, length: number): (string | undefined)[] {
    const items = this.list(header);
    if (items.length === 0) return Array.from({ length }, () => undefined);
    if (items.length !== length) {
      this.issue(
        header,
        `Lists ${items.length} items where "${base}" lists ${length}; give one per item, in the same order ("-" for none).`,
      );
    }
    return Array.from({ length }, (_, i) => {
      const item = items[i];
      return item === undefined || item === NONE ? undefined : item;
    });
  }

  /** Aligned lists in the three language columns of `label`, as localized text per item of `base`. */
  alignedLocalized(label: string, base: string, length: number): (LocalizedText | undefined)[] {
    const lists = LANGUAGES.map((lang) => [lang, this.aligned(langHeader(label, lang), base, length)] as const);
    return Array.from({ length }, (_, i) => {
      const text: Record<string, string> = {};
      for (const [lang, items] of lists) {
        const item = items[i];
        if (item !== undefined) text[lang] = item;
      }
      return Object.keys(text).length > 0 ? (text as LocalizedText) : undefined;
    });
  }
}
