/**
 * The text of a spreadsheet cell as the DPO sees it, whatever exceljs made of
 * it: numbers without a locale (a postal code typed as 1000), dates as
 * YYYY-MM-DD, rich text and hyperlinks (an e-mail address Excel turned into a
 * link) as their text, formulas as their result. An error value (#N/A) is
 * not text: the caller reports it.
 */
export type CellText = { text: string } | { error: string };

export function cellText(value: unknown): CellText {
  if (value === null || value === undefined) return { text: "" };
  if (typeof value === "string") return { text: value };
  if (typeof value === "number") return { text: Number.isFinite(value) ? String(value) : "" };
  if (typeof value === "boolean") return { text: value ? "TRUE" : "FALSE" };
  if (value instanceof Date)
    return Number.isNaN(value.getTime()) ? { error: "an invalid date" } : { text: value.toISOString().slice(0, 10) };
  if (typeof value === "object") {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText)) return { text: v.richText.map((run) => String((run as { text?: unknown }).text ?? "")).join("") };
    if ("error" in v) return { error: String(v.error) };
    if ("formula" in v || "sharedFormula" in v)
      return "result" in v
        ? cellText(v.result)
        : { error: "a formula without a computed value (save the file in a spreadsheet program first)" };
    if ("text" in v) return cellText(v.text);
  }
  return { text: String(value) };
}
