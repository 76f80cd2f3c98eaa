import { type Command, Option } from "commander";
import type { Actor } from "../core/kernel/context.ts";
import { AppError } from "../core/kernel/errors.ts";
import { createUser, listUsers, newTokenSecret, setPassword, USER_ROLES } from "../core/accounts/index.ts";
import type { WithCtx } from "./operator.ts";
import { userInsertSql } from "./token-sql.ts";

/** A generated password: 24 characters from 144 random bits, shown once. */
const generatedPassword = () => newTokenSecret().slice(5, 29);

/** The password from standard input (for scripts), else a generated one that is printed. */
async function passwordFrom(opts: { passwordStdin?: boolean }): Promise<{ password: string; generated: boolean }> {
  if (!opts.passwordStdin) return { password: generatedPassword(), generated: true };
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return {
    password: Buffer.concat(chunks)
      .toString("utf8")
      .replace(/\r?\n$/, ""),
    generated: false,
  };
}

/** `user create|list|set-password|sql`: people who sign in to the admin UI. The first admin is made here. */
export function registerUserCommands(program: Command, withCtx: WithCtx, actor: () => Actor): void {
  const user = program.command("user").description("People who sign in to the admin UI.");
  const withIdentity = (command: Command) =>
    command
      .requiredOption("--email <email>", "sign-in e-mail address")
      .requiredOption("--name <name>", "the person's name, as audit entries show it")
      .addOption(new Option("--role <role>", "what the user may do").choices(USER_ROLES).default("admin"))
      .option("--password-stdin", "read the password from standard input instead of generating one");

  withIdentity(user.command("create").description("Create a user (by default an admin) and print a generated password once.")).action(
    async (opts: { email: string; name: string; role: string; passwordStdin?: boolean }) => {
      const { password, generated } = await passwordFrom(opts);
      const created = await withCtx((ctx) => createUser(ctx, { email: opts.email, name: opts.name, role: opts.role, password }));
      console.error(`Created ${created.role} ${created.email} (id ${created.id}). Sign in at /admin/sign-in.`);
      if (generated) console.log(`Password (shown once; change it under "Your account"): ${password}`);
    },
  );

  withIdentity(
    user
      .command("sql")
      .description("For a Worker on D1: print SQL creating a user, for `wrangler d1 execute --file`; a generated password goes to stderr."),
  ).action(async (opts: { email: string; name: string; role: string; passwordStdin?: boolean }) => {
    const { password, generated } = await passwordFrom(opts);
    const sql = await userInsertSql(actor(), { email: opts.email, name: opts.name, role: opts.role, password });
    if (generated) console.error(`Password (shown once, valid once the SQL has run): ${password}`);
    process.stdout.write(sql);
  });

  user
    .command("list")
    .description("List users.")
    .action(async () => {
      for (const u of await withCtx((ctx) => listUsers(ctx))) {
        console.log([u.id, u.role, u.email, u.name, u.disabledAt ? `disabled ${u.disabledAt}` : "enabled"].join("\t"));
      }
    });

  user
    .command("set-password")
    .description("Reset a user's password (e.g. a locked-out admin) and sign them out everywhere.")
    .requiredOption("--email <email>")
    .option("--password-stdin", "read the password from standard input instead of generating one")
    .action(async (opts: { email: string; passwordStdin?: boolean }) => {
      const { password, generated } = await passwordFrom(opts);
      await withCtx(async (ctx) => {
        const found = (await listUsers(ctx)).find((u) => u.email === opts.email.trim().toLowerCase());
        if (!found) throw new AppError("not_found", `No user with e-mail ${opts.email}.`);
        await setPassword(ctx, found.id, password);
      });
      console.error(`Password of ${opts.email} reset; their sessions were ended.`);
      if (generated) console.log(`Password (shown once): ${password}`);
    });
}
