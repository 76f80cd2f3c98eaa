import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import type { Command } from "commander";
import type { VerificationReport } from "../core/evidence/index.ts";
import { type Ctx, makeCtx } from "../core/kernel/context.ts";
import { AppError } from "../core/kernel/errors.ts";
import { exportRegister, importRegister } from "../core/register-transfer/index.ts";
import { createSqliteStore } from "../platform/node/sqlite-store.ts";
import { fsyncPath } from "../platform/node/sqlite-files.ts";
import type { Operator } from "./operator.ts";

const scratch = () => createSqliteStore(":memory:");

/** `export-register` and `import-register`: the whole register as one JSON file (docs/register-export-format.md). */
export function registerTransferCommands(program: Command, deps: Operator): void {
  program
    .command("export-register")
    .description(
      "Write the whole register (audit trail, checkpoints, users, token hashes, app secrets) to one JSON file; `-` writes to stdout. The file is confidential.",
    )
    .argument("<file>")
    .action(async (file: string) => {
      const { document, text } = await deps.withCtx((ctx) => exportRegister(ctx));
      if (file === "-") process.stdout.write(text);
      else writeFileAtomically(file, text);
      const where = file === "-" ? "stdout" : file;
      const summary = `${document.chain.entries} audit entries, head ${document.chain.head}; contentSha256 ${document.contentSha256}`;
      console.error(
        `exported the register to ${where} (${Buffer.byteLength(text)} bytes): ${summary}. Keep it like a database backup: it holds password and token hashes and the app's secrets.`,
      );
      if (document.chain.broken) {
        console.error(
          `WARNING: the audit chain is broken at entry ${document.chain.broken.seq} (${document.chain.broken.problem}): this file will not import.`,
        );
        process.exitCode = 1;
      }
    });

  program
    .command("import-register")
    .description(
      "Import a register export into an empty database, checking it first (format, rows, digest, audit chain, checkpoints, every row against its trail); refuses, writing nothing, otherwise.",
    )
    .argument("<file>")
    .option("--check", "only check the file, in memory: nothing is written anywhere")
    .option("--trusted-key <public-key...>", "more trusted checkpoint public keys (base64url), besides the configured ones")
    .action(async (file: string, opts: { check?: boolean; trustedKey?: string[] }) => {
      const raw = readExport(file);
      const trustedKeys = [...(await deps.keys()).trusted, ...(opts.trustedKey ?? [])];
      const run = (ctx: Ctx) => importRegister(ctx, raw, { trustedKeys, scratch });
      if (opts.check) {
        const target = scratch();
        try {
          const result = await run(makeCtx(target, deps.actor()));
          console.log(
            `${file} checks out: ${Object.values(result.rows).reduce((a, b) => a + b, 0)} rows; ${verdict(result.verification)} Nothing was written.`,
          );
        } finally {
          target.close();
        }
        return;
      }
      const result = await deps.withCtx(run);
      const rows = Object.values(result.rows).reduce((a, b) => a + b, 0);
      console.log(
        `imported ${file} into ${deps.databasePath()}: ${rows} rows in ${Object.keys(result.rows).length} tables; ${verdict(result.verification)}`,
      );
      if (!result.verification.ok) process.exitCode = 1;
    });
}

/** One line on a verification report. */
export function verdict(report: VerificationReport): string {
  if (report.ok)
    return `verified: ${report.entries} audit entries form one chain, head ${report.head}; ${report.recordsChecked} records match their audit trail.`;
  return `NOT VERIFIED (${report.problems.length} problem(s)): ${report.problems[0]?.message}.`;
}

function readExport(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new AppError("not_found", `Cannot read ${file}: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("validation", `${file} is not JSON, so not a register export; nothing was imported.`);
  }
}

/** Written beside the target, synced, then renamed over it: never a half-written file under the name; readable by the owner only. */
export function writeFileAtomically(file: string, text: string): void {
  const temporary = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  const fd = openSync(temporary, "w", 0o600);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(temporary, { force: true });
    throw error;
  }
  closeSync(fd);
  renameSync(temporary, file);
  fsyncPath(dirname(file));
}
