import { existsSync, renameSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type Command, Option } from "commander";
import type { WithCtx } from "./operator.ts";
import { DOCUMENT_FORMATS, DOCUMENT_KINDS, exportDocument, listExports, verifyExport } from "../core/documents/index.ts";
import { LANGUAGES } from "../core/kernel/values/values.ts";

interface DocumentOptions {
  agreement?: string;
  format: string;
  lang?: string;
  asOf?: string;
  draft?: boolean;
  out?: string;
}

/** `document` writes one document to a file (for scheduled jobs and audit packs); `export` lists and verifies past exports. */
export function registerDocumentCommands(program: Command, withCtx: WithCtx): void {
  program
    .command("document")
    .description("Render a document to a file and record the export.")
    .addArgument(program.createArgument("<kind>", "which document").choices(DOCUMENT_KINDS))
    .option("--agreement <id-or-reference>", "the agreement, for an annex (e.g. CF-DPA-2024-001)")
    .addOption(new Option("--format <format>", "file format").choices(DOCUMENT_FORMATS).default("pdf"))
    .addOption(new Option("--lang <language>", "document language (default: the agreement's, else the organisation's)").choices(LANGUAGES))
    .option("--as-of <instant>", "the register as it stood at this ISO 8601 instant (default: now)")
    .option("--draft", "include the completeness check as a warning block")
    .option("--out <path>", "file or existing directory to write to (default: the document's file name here)")
    .action(async (kind: string, opts: DocumentOptions) => {
      const { record, document } = await withCtx((ctx) =>
        exportDocument(ctx, {
          kind,
          agreementId: opts.agreement ?? null,
          format: opts.format,
          language: opts.lang ?? null,
          asOf: opts.asOf ?? null,
          draft: opts.draft ?? false,
        }),
      );
      const path = !opts.out
        ? document.fileName
        : existsSync(opts.out) && statSync(opts.out).isDirectory()
          ? join(opts.out, document.fileName)
          : opts.out;
      // Written beside and renamed, so a job never leaves half a file under the final name.
      writeFileSync(`${path}.partial`, document.bytes);
      renameSync(`${path}.partial`, path);
      console.error(`Wrote ${document.bytes.length} bytes, sha256 ${record.sha256}, export ${record.id} (register as of ${record.asOf}).`);
      console.log(path);
    });

  const exports = program.command("export").description("Past document exports.");
  exports
    .command("list")
    .description("List recorded exports, oldest first.")
    .action(async () => {
      const page = await withCtx((ctx) => listExports(ctx, { limit: "500" }));
      for (const e of page.items)
        console.log([e.id, e.createdAt, e.kind, e.format, e.language, `as of ${e.asOf}`, e.sha256, e.actor.name].join("\t"));
    });
  exports
    .command("verify")
    .description("Regenerate a past export as of its instant and compare sha256; exits 1 when they differ.")
    .argument("<id>")
    .action(async (id: string) => {
      const result = await withCtx((ctx) => verifyExport(ctx, id));
      console.log(`${result.verified ? "verified" : "NOT VERIFIED"}: ${result.explanation}`);
      if (!result.verified) process.exitCode = 1;
    });
}
