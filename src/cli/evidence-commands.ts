import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { z } from "zod";
import { Checkpoint, type CheckpointKeys, listCheckpoints, newSigningKey, signCheckpoint } from "../core/kernel/audit/checkpoints.ts";
import { type VerificationReport, verifyRegister } from "../core/evidence/index.ts";
import type { WithCtx } from "./operator.ts";
import { AppError } from "../core/kernel/errors.ts";

/** `verify` checks the whole register; `checkpoint` makes keys and signs, lists and prints checkpoints. */
export function registerEvidenceCommands(program: Command, withCtx: WithCtx, keys: () => Promise<CheckpointKeys>): void {
  program
    .command("verify")
    .description(
      "Verify the register: the audit chain, every checkpoint (signature, trusted key, still extended), and every entity row, user and token against its audit trail. Exits 1 naming the first broken entry.",
    )
    .option("--checkpoint <file...>", "checkpoints kept elsewhere (JSON: one checkpoint, a list, or a GET /public/checkpoints page)")
    .option("--trusted-key <public-key...>", "more trusted checkpoint public keys (base64url), besides the configured ones")
    .option("--json", "print the report as JSON")
    .action(async (opts: { checkpoint?: string[]; trustedKey?: string[]; json?: boolean }) => {
      const external = (opts.checkpoint ?? []).flatMap(readCheckpoints);
      const configured = await keys();
      const report = await withCtx((ctx) =>
        verifyRegister(ctx, {
          trigger: "cli",
          trustedKeys: [...configured.trusted, ...(opts.trustedKey ?? [])],
          externalCheckpoints: external,
        }),
      );
      console.log(opts.json ? JSON.stringify(report, null, 2) : describe(report, configured));
      if (!report.ok) process.exitCode = 1;
    });

  const checkpoint = program.command("checkpoint").description("Signed checkpoints of the audit trail.");
  checkpoint
    .command("new-key")
    .description(
      "Make a new Ed25519 signing key: the private key goes to stdout (store it as CHECKPOINT_KEY or in the key file), the public key to stderr.",
    )
    .action(async () => {
      const made = await newSigningKey();
      console.error(
        `Public key ${made.publicKey} (key id ${made.keyId}): publish it, and list it in CHECKPOINT_TRUSTED_KEYS after the next rotation.`,
      );
      console.log(made.privateKey);
    });
  checkpoint
    .command("sign")
    .description("Sign the audit chain as it stands now (the service also does this hourly and on every export).")
    .action(async () => {
      const signer = (await keys()).signer;
      if (!signer)
        throw new AppError(
          "validation",
          "No checkpoint signing key is configured: set CHECKPOINT_KEY or CHECKPOINT_KEY_FILE, or start the service once to make one.",
        );
      const made = await withCtx((ctx) => signCheckpoint(ctx.store, signer, ctx.clock));
      console.log(JSON.stringify(made));
    });
  checkpoint
    .command("list")
    .description("Print the newest checkpoints as JSON, to keep elsewhere.")
    .option("--limit <n>", "how many", "20")
    .action(async (opts: { limit: string }) => {
      const list = await withCtx((ctx) => listCheckpoints(ctx.store.db, Math.max(1, Number.parseInt(opts.limit, 10) || 20)));
      console.log(JSON.stringify(list, null, 2));
    });
}

const CheckpointFile = z.union([Checkpoint, z.array(Checkpoint), z.object({ checkpoints: z.array(Checkpoint) })]);

/** Checkpoints from a file in any shape the service publishes them. */
function readCheckpoints(file: string): Checkpoint[] {
  const parsed = CheckpointFile.safeParse(JSON.parse(readFileSync(file, "utf8")));
  if (!parsed.success)
    throw new AppError(
      "validation",
      `${file} holds no checkpoint: expected one checkpoint, a list of them, or a GET /public/checkpoints page.`,
    );
  const value = parsed.data;
  return Array.isArray(value) ? value : "checkpoints" in value ? value.checkpoints : [value];
}

function describe(report: VerificationReport, keys: CheckpointKeys): string {
  const latest = report.checkpoints.latest;
  const lines = report.ok
    ? [
        `verified: ${report.entries} audit entries form one chain, head ${report.head}; ${report.recordsChecked} records match their audit trail.`,
      ]
    : [
        `NOT VERIFIED: ${report.problems.length} problem(s), the first broken entry first:`,
        ...report.problems.map((p) => `  - [${p.check}] ${p.message}`),
      ];
  lines.push(
    latest
      ? `Checkpoints: ${report.checkpoints.checked} checked; the newest that holds covers ${latest.size} entries (signed ${latest.at}, key ${latest.keyId}).`
      : `Checkpoints: ${report.checkpoints.checked} checked, none holds${keys.trusted.length === 0 ? " (no trusted key is configured: set CHECKPOINT_KEY or CHECKPOINT_KEY_FILE)" : ""}.`,
  );
  if (report.pending.length > 0)
    lines.push(
      `${report.pending.length} entries written outside the service (seq ${report.pending.join(", ")}) join the chain at the next write.`,
    );
  return lines.join("\n");
}
