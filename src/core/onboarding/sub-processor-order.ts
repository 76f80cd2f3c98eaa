import type { KindSheet } from "./read-sheets.ts";
import type { SheetRow } from "./sheet-model.ts";
import { normalise } from "./sheet-specs.ts";

/**
 * Sub-processor rows with each vendor after the vendor that engages it
 * ("Engaged by"), so the engaging one exists when the chain is checked.
 * Otherwise the sheet's order is kept.
 */
export function orderSubProcessorRows(sheet: KindSheet): SheetRow[] {
  const textOf = (row: SheetRow, header: string) => {
    const col = sheet.columns.get(normalise(header));
    return normalise(row.cells.find((c) => c.col === col)?.text ?? "");
  };
  const byName = new Map<string, SheetRow>();
  for (const row of sheet.sheet.rows) {
    for (const header of ["Reference", "Legal name"]) {
      const name = textOf(row, header);
      if (name && !byName.has(name)) byName.set(name, row);
    }
  }
  const ordered: SheetRow[] = [];
  const visiting = new Set<SheetRow>();
  const visit = (row: SheetRow) => {
    if (ordered.includes(row) || visiting.has(row)) return;
    visiting.add(row);
    const parent = byName.get(textOf(row, "Engaged by"));
    if (parent && parent !== row) visit(parent);
    ordered.push(row);
  };
  sheet.sheet.rows.forEach(visit);
  return ordered;
}
