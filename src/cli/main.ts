#!/usr/bin/env node
import { userInfo } from "node:os";
import { Command, Option } from "commander";
import { readConfig } from "../config.ts";
import { type Actor, type Ctx, makeCtx } from "../core/context.ts";
import { AppError } from "../core/errors.ts";
import { ROLES } from "../core/roles.ts";
import { createToken, listTokens, revokeToken } from "../core/tokens/token-use-cases.ts";
import { openStore } from "../entry/bootstrap.ts";
import { nodeCheckpointKeys } from "../entry/checkpoint-key.ts";
import { registerDocumentCommands } from "./document-commands.ts";
import { registerOnboardingCommands } from "./onboarding-commands.ts";
import { registerEvidenceCommands } from "./evidence-commands.ts";
import { tokenInsertSql } from "./token-sql.ts";
import { registerUserCommands } from "./user-commands.ts";
import { registerBackupCommands } from "./backup-commands.ts";
import { registerTransferCommands } from "./register-transfer-commands.ts";

/** The operator at the terminal acts as an admin; the audit log names them. */
const cliActor = (): Actor => ({ id: "cli", name: `cli:${safeUser()}`, role: "admin" });

function safeUser(): string {
  try {
    return userInfo().username;
  } catch {
    return "unknown";
  }
}

// Usage lines and commander's hints name the command the README gives, which works on any machine.
const program = new Command()
  .name("./dev cli")
  .description("Operate a DPA register database.")
  .option("--database <path>", "SQLite database file (default: $DATABASE_PATH or data/register.db)");

const databasePath = () => program.opts<{ database?: string }>().database ?? readConfig(process.env).DATABASE_PATH;

/** The service's checkpoint keys as configured for this database; the CLI never makes a key file. */
const checkpointKeysOfCli = () => nodeCheckpointKeys({ ...readConfig(process.env), DATABASE_PATH: databasePath() }, { create: false });

async function withCtx<T>(run: (ctx: Ctx) => Promise<T>): Promise<T> {
  const keys = await checkpointKeysOfCli();
  const store = openStore(databasePath());
  // Exports made here are signed like the service's.
  return run({ ...makeCtx(store, cliActor()), checkpointSigner: keys.signer ?? undefined }).finally(() => store.close());
}

const token = program.command("token").description("API tokens for the JSON API.");

/** A token subcommand taking the role and name every new token needs. */
const newTokenCommand = (name: string, description: string) =>
  token
    .command(name)
    .description(description)
    .addOption(new Option("--role <role>", "what the token may do").choices(ROLES).makeOptionMandatory())
    .requiredOption("--name <name>", "what the token is for, e.g. procurement-workflow");

newTokenCommand("create", "Create a token and print its secret once.").action(async (opts: { role: string; name: string }) => {
  const created = await withCtx((ctx) => createToken(ctx, { role: opts.role, name: opts.name }));
  console.error(`Created ${created.role} token "${created.name}" (id ${created.id}). The secret is shown once:`);
  console.log(created.token);
});

newTokenCommand(
  "sql",
  "For a Worker on D1: print SQL that creates a token, to run with `wrangler d1 execute --file`; the secret goes to stderr.",
).action(async (opts: { role: string; name: string }) => {
  const { secret, sql } = await tokenInsertSql(cliActor(), opts);
  console.error(`Token secret (shown once, valid once the SQL has run): ${secret}`);
  process.stdout.write(sql);
});

token
  .command("list")
  .description("List tokens (never their secrets).")
  .action(async () => {
    const tokens = await withCtx((ctx) => listTokens(ctx));
    for (const t of tokens) {
      console.log(
        [t.id, t.role, t.name, t.revokedAt ? `revoked ${t.revokedAt}` : "active", `last used ${t.lastUsedAt ?? "never"}`].join("\t"),
      );
    }
  });

token
  .command("revoke")
  .description("Revoke a token by id; requests with it are refused from then on.")
  .argument("<id>")
  .action(async (id: string) => {
    const revoked = await withCtx((ctx) => revokeToken(ctx, id));
    console.log(`Revoked token ${revoked.id} (${revoked.name}).`);
  });

registerDocumentCommands(program, withCtx);
registerOnboardingCommands(program, withCtx);
registerEvidenceCommands(program, withCtx, checkpointKeysOfCli);
registerUserCommands(program, withCtx, cliActor);
const operatorDeps = { databasePath, keys: checkpointKeysOfCli, withCtx, actor: cliActor };
registerBackupCommands(program, operatorDeps);
registerTransferCommands(program, operatorDeps);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof AppError) {
    const details = error.issues.map((i) => `\n  ${i.path}: ${i.message}`).join("");
    console.error(`Error: ${error.message}${details}`);
    process.exit(2);
  }
  throw error;
}
