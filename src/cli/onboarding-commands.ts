import { existsSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { type Command, Option } from "commander";
import type { WithCtx } from "./operator.ts";
import { IMPORT_KINDS, type ImportKind, importRegister, type ImportReport } from "../core/onboarding/index.ts";
import { formatOf, readSpreadsheet } from "../spreadsheets/read-spreadsheet.ts";
import { writeTemplate } from "../spreadsheets/template-writer.ts";
import { createSqliteStore } from "../platform/node/sqlite-store.ts";

const TEMPLATE_NAME = "dpa-register-template.xlsx";

/** `import-spreadsheet` brings an existing spreadsheet register in; `spreadsheet-template` writes the template to fill. */
export function registerOnboardingCommands(program: Command, withCtx: WithCtx): void {
  program
    .command("import-spreadsheet")
    .description("Import a spreadsheet register (XLSX from the template, or one CSV per kind); any problem and nothing is written.")
    .argument("<file>", "an .xlsx or .csv file")
    .option("--dry-run", "check every row and report, writing nothing")
    .addOption(
      new Option("--kind <kind>", "for a CSV: the kind of rows it holds (default: guessed from the header row)").choices(IMPORT_KINDS),
    )
    .action(async (file: string, opts: { dryRun?: boolean; kind?: ImportKind }) => {
      const bytes = new Uint8Array(readFileSync(file));
      const format = formatOf(file, bytes);
      if (!format) {
        console.error(`Error: ${file} is neither .xlsx nor .csv.`);
        process.exitCode = 2;
        return;
      }
      const workbook = await readSpreadsheet(bytes, format, opts.kind ?? null, basename(file));
      const report = await withCtx((ctx) =>
        importRegister(ctx, () => createSqliteStore(":memory:"), { workbook, dryRun: opts.dryRun ?? false, source: basename(file) }),
      );
      printReport(report);
      if (!report.valid) process.exitCode = 1;
    });

  program
    .command("spreadsheet-template")
    .description("Write the XLSX template of the register, to fill in and import.")
    .option("--out <path>", `file or existing directory (default: ${TEMPLATE_NAME} here)`)
    .action(async (opts: { out?: string }) => {
      const path = !opts.out
        ? TEMPLATE_NAME
        : existsSync(opts.out) && statSync(opts.out).isDirectory()
          ? join(opts.out, TEMPLATE_NAME)
          : opts.out;
      writeFileSync(`${path}.partial`, await writeTemplate());
      renameSync(`${path}.partial`, path);
      console.log(path);
    });
}

function printReport(report: ImportReport): void {
  const counted = IMPORT_KINDS.filter((k) => report.rows[k] > 0).map((k) => `${report.rows[k]} ${k}`);
  const rows = counted.length ? counted.join(", ") : "no rows";
  for (const issue of report.issues) console.log(`${issue.cell}${issue.header ? ` [${issue.header}]` : ""}: ${issue.message}`);
  if (!report.valid) {
    console.error(`${report.issues.length} problem${report.issues.length === 1 ? "" : "s"} in ${rows}; nothing was written.`);
    return;
  }
  const vendors =
    report.subProcessors.path === "direct"
      ? " Sub-processors were recorded directly (the register has no agreements)."
      : report.subProcessors.path === "proposed_changes"
        ? ` Sub-processors ${report.dryRun ? "would arrive" : "arrived"} as proposed changes (the register has agreements)${report.subProcessors.changeIds.length ? `: ${report.subProcessors.changeIds.join(", ")}` : ""}; announce them from the Changes page.`
        : "";
  if (counted.length === 0) console.log("The file holds no rows to import (the template's sheets are empty); nothing was written.");
  else console.log(report.dryRun ? `Dry run: ${rows} pass every check; nothing was written.${vendors}` : `Imported ${rows}.${vendors}`);
}
