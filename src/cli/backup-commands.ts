import { createHash } from "node:crypto";
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, statSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import type { Command } from "commander";
import { count } from "drizzle-orm";
import { auditEntries } from "../../db/schema.ts";
import { type VerificationReport, verifyRegister } from "../core/evidence/index.ts";
import { makeCtx } from "../core/kernel/context.ts";
import { AppError } from "../core/kernel/errors.ts";
import { openStore } from "../platform/node/bootstrap.ts";
import {
  copyDatabase,
  fileProblems,
  fsyncPath,
  openReadonlyStore,
  removeDatabase,
  replaceDatabase,
  takeOver,
} from "../platform/node/sqlite-files.ts";
import { createSqliteStore } from "../platform/node/sqlite-store.ts";
import type { Operator } from "./operator.ts";
import { verdict } from "./register-transfer-commands.ts";

const stamp = () =>
  new Date()
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d+Z$/, "Z");
const sha256Of = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

/** `backup` and `restore` of the Node database file. */
export function registerBackupCommands(program: Command, deps: Operator): void {
  program
    .command("backup")
    .description(
      "Copy the database consistently while the service runs (VACUUM INTO), then check the copy: integrity_check and the register's verification. Exits 1 when the copy fails either.",
    )
    .argument("<file>", "where the backup goes (must not exist yet)")
    .option("--trusted-key <public-key...>", "more trusted checkpoint public keys (base64url), besides the configured ones")
    .action(async (file: string, opts: { trustedKey?: string[] }) => {
      const source = deps.databasePath();
      if (!existsSync(source)) throw new AppError("not_found", `There is no database at ${source} to back up.`);
      if (existsSync(file)) throw new AppError("conflict", `${file} exists already; a backup never overwrites a file.`);
      mkdirSync(dirname(resolve(file)), { recursive: true });
      const temporary = join(dirname(resolve(file)), `.${basename(file)}.${process.pid}.tmp`);
      try {
        const store = openStore(source);
        try {
          copyDatabase(store.sqlite, temporary);
          // It holds password and token hashes and the app's secrets, like the database.
          chmodSync(temporary, 0o600);
        } finally {
          store.close();
        }
        const problems = fileProblems(temporary);
        if (problems.length > 0) {
          console.log(`BACKUP FAILED: the copy of ${source} fails integrity_check: ${problems[0]}. No backup was written.`);
          process.exitCode = 1;
          return;
        }
        const trustedKeys = [...(await deps.keys()).trusted, ...(opts.trustedKey ?? [])];
        const copy = openReadonlyStore(temporary);
        const report = await verifyRegister(makeCtx(copy, deps.actor()), { trigger: "backup", trustedKeys, record: false }).finally(() =>
          copy.close(),
        );
        renameSync(temporary, file);
        fsyncPath(dirname(resolve(file)));
        console.log(
          `backup of ${source} written to ${file} (${statSync(file).size} bytes, sha256 ${sha256Of(file)}): integrity ok; ${verdict(report)}`,
        );
        if (!report.ok) {
          console.log(
            "The copy is kept, but it is a copy of a register that does not verify: `restore` refuses it. Run `./dev cli verify` on the database.",
          );
          process.exitCode = 1;
        }
      } finally {
        // Whatever did not become the backup goes (after the rename there is nothing left to remove).
        removeDatabase(temporary);
      }
    });

  program
    .command("restore")
    .description(
      "Put a backup in place of the database: refuses a backup that fails integrity_check or verification, a database the service has open, and (without --force) a database that is not empty; the replaced database is kept beside it with a timestamp.",
    )
    .argument("<backup-file>")
    .option("--force", "replace a database that holds a register (it is kept as <database>.replaced-<time>)")
    .option("--trusted-key <public-key...>", "more trusted checkpoint public keys (base64url), besides the configured ones")
    .action(async (backup: string, opts: { force?: boolean; trustedKey?: string[] }) => {
      const target = resolve(deps.databasePath());
      if (!existsSync(backup)) throw new AppError("not_found", `There is no backup at ${backup}.`);
      if (resolve(backup) === target) throw new AppError("validation", "The backup is the database itself.");
      const untouched = `the database at ${target} was not touched`;
      // A copy beside the database, checked and migrated there, then renamed into place: the rename is the restore.
      // Only the copy is ever opened, so nothing is written beside the backup either.
      mkdirSync(dirname(target), { recursive: true });
      const temporary = join(dirname(target), `.${basename(target)}.restore-${process.pid}.tmp`);
      copyFileSync(backup, temporary);
      if (existsSync(`${backup}-wal`)) copyFileSync(`${backup}-wal`, `${temporary}-wal`);
      try {
        const fileIssues = fileProblems(temporary);
        if (fileIssues.length > 0) return refuse(`${backup} fails integrity_check: ${fileIssues[0]}; ${untouched}.`);
        const trustedKeys = [...(await deps.keys()).trusted, ...(opts.trustedKey ?? [])];
        const report = await verifiedCopy(temporary, trustedKeys, deps);
        if ("failure" in report) return refuse(`${backup} cannot be read as a register (${report.failure}); ${untouched}.`);
        if (!report.ok) return refuse(`${backup} does not verify, so it is not restored: ${report.problems[0]?.message}; ${untouched}.`);
        fsyncPath(temporary);

        const held = existsSync(target) ? await heldIn(target) : null;
        if (held && !opts.force)
          return refuse(
            `The database at ${target} holds ${held}; pass --force to replace it (it is kept beside it). ${capitalise(untouched)}.`,
          );
        if (takeOver(target) === "in-use")
          return refuse(`The database at ${target} is open in another process (the service?): stop it first; ${untouched}.`);
        const aside = `${target}.replaced-${stamp()}`;
        const { kept } = replaceDatabase(target, temporary, aside);
        console.log(
          `restored ${backup} to ${target}: ${verdict(report)}${kept.length > 0 ? ` The replaced database is kept as ${kept.join(", ")}.` : ""}`,
        );
      } finally {
        removeDatabase(temporary);
      }
    });
}

/** The copy brought to this version's schema (as the service would at start) and verified, recording the run in it. */
async function verifiedCopy(path: string, trustedKeys: string[], deps: Operator): Promise<VerificationReport | { failure: string }> {
  let copy: ReturnType<typeof createSqliteStore> | null = null;
  try {
    copy = createSqliteStore(path);
    return await verifyRegister(makeCtx(copy, deps.actor()), { trigger: "restore", trustedKeys });
  } catch (error) {
    // A damaged page that integrity_check did not reach, or a file from a newer version.
    return { failure: (error as Error).message };
  } finally {
    copy?.close();
  }
}

function refuse(message: string): void {
  console.log(`RESTORE REFUSED: ${message}`);
  process.exitCode = 1;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** What a database holds that a restore would replace, or null for an empty register. */
async function heldIn(path: string): Promise<string | null> {
  const store = openReadonlyStore(path);
  try {
    const [row] = await store.db.select({ n: count() }).from(auditEntries);
    return (row?.n ?? 0) > 0 ? `a register (${row?.n} audit entries)` : null;
  } catch {
    return "something other than an empty register";
  } finally {
    store.close();
  }
}
