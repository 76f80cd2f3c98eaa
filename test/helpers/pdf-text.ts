import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * The text a reader's tools get out of a PDF: poppler's pdftotext in raw
 * (content-stream) order, so each table cell's lines stay together.
 */
export function pdfText(bytes: Uint8Array): string {
  const file = join(mkdtempSync(join(tmpdir(), "dpa-pdf-")), "document.pdf");
  writeFileSync(file, bytes);
  return execFileSync("pdftotext", ["-raw", "-enc", "UTF-8", file, "-"], { encoding: "utf8" });
}

/** Whitespace as a reader sees it: any run of spaces and line breaks is one space. */
export const flat = (text: string) => text.replace(/\s+/g, " ");

export function pdfPageCount(bytes: Uint8Array): number {
  const file = join(mkdtempSync(join(tmpdir(), "dpa-pdf-")), "document.pdf");
  writeFileSync(file, bytes);
  const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
}

/** The PDF's document information, custom entries included (poppler's pdfinfo -custom), by key. */
export function pdfInfo(bytes: Uint8Array): Record<string, string> {
  const file = join(mkdtempSync(join(tmpdir(), "dpa-pdf-")), "document.pdf");
  writeFileSync(file, bytes);
  const lines = execFileSync("pdfinfo", ["-custom", file], { encoding: "utf8" }).split("\n");
  return Object.fromEntries(
    lines
      .map((line) => /^([^:]+):\s*(.*)$/.exec(line))
      .filter((m) => m !== null)
      .map((m) => [m[1], m[2]] as [string, string]),
  );
}
