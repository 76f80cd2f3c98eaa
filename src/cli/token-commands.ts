import { type Command, Option } from "commander";
import { ROLES } from "../core/kernel/roles.ts";
import { createToken, listTokens, revokeToken } from "../core/accounts/index.ts";
import { cliActor, type WithCtx } from "./operator.ts";
import { tokenInsertSql } from "./token-sql.ts";

/** `token create | sql | list | revoke`: API tokens for the JSON API. */
export function registerTokenCommands(program: Command, withCtx: WithCtx): void {
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
}
