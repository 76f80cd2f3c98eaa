import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createApp } from "../../src/app.ts";
import { createSqliteStore } from "../../src/platform/node/sqlite-store.ts";
import { ROOT, run, tempDir } from "./helpers.ts";
import { stopStartedAfterEach } from "../helpers/cleanup.ts";
import { CHILD_PROCESS_TEST_MS } from "../helpers/wait.ts";

// Processes, servers and SMTP sinks started through the helpers are stopped by these hooks, even when a test fails or times out.
stopStartedAfterEach();

const cli = (...args: string[]) => run([join(ROOT, "src/cli/main.ts"), ...args]);

async function signInStatus(database: string, email: string, password: string): Promise<number> {
  const store = createSqliteStore(database);
  try {
    const response = await createApp({ store }).request("http://localhost/admin/sign-in", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: "http://localhost" },
      body: new URLSearchParams({ email, password }).toString(),
    });
    return response.status;
  } finally {
    store.close();
  }
}

describe("the CLI's user commands", () => {
  it(
    "create the first admin with a generated password, printed once, that signs in to the admin UI",
    async () => {
      const database = join(tempDir(), "register.db");
      const created = await cli("--database", database, "user", "create", "--email", "Dana@Example.test", "--name", "Dana DPO");
      expect(created.code, created.stderr).toBe(0);
      const password = /Password \(shown once[^)]*\): (\S+)/.exec(created.stdout)?.[1] ?? "";
      expect(password).toHaveLength(24);
      expect(created.stderr).toContain("Created admin dana@example.test");
      expect(await signInStatus(database, "dana@example.test", password)).toBe(303);

      const listed = await cli("--database", database, "user", "list");
      expect(listed.stdout).toMatch(/\tadmin\tdana@example.test\tDana DPO\tenabled/);
      expect(listed.stdout).not.toContain(password);
    },
    CHILD_PROCESS_TEST_MS,
  );

  it(
    "take a password from standard input and reset it with set-password",
    async () => {
      const database = join(tempDir(), "register.db");
      const { spawn } = await import("node:child_process");
      const withStdin = (args: string[], input: string) =>
        new Promise<number | null>((resolve) => {
          const child = spawn(process.execPath, [join(ROOT, "src/cli/main.ts"), ...args], {
            cwd: ROOT,
            stdio: ["pipe", "ignore", "ignore"],
          });
          child.stdin.end(input);
          child.on("close", resolve);
        });
      expect(
        await withStdin(
          ["--database", database, "user", "create", "--email", "ed@example.test", "--name", "Ed", "--role", "editor", "--password-stdin"],
          "typed in a pipe!\n",
        ),
      ).toBe(0);
      expect(await signInStatus(database, "ed@example.test", "typed in a pipe!")).toBe(303);
      expect(
        await withStdin(
          ["--database", database, "user", "set-password", "--email", "ed@example.test", "--password-stdin"],
          "another long secret\n",
        ),
      ).toBe(0);
      expect(await signInStatus(database, "ed@example.test", "typed in a pipe!")).toBe(401);
      expect(await signInStatus(database, "ed@example.test", "another long secret")).toBe(303);
    },
    CHILD_PROCESS_TEST_MS,
  );

  it(
    "refuse a bad e-mail, a short password or an unknown role and create nothing",
    async () => {
      const database = join(tempDir(), "register.db");
      const bad = await cli("--database", database, "user", "create", "--email", "not-an-email", "--name", "X");
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain("email: Enter an e-mail address like dpo@example.com.");
      const role = await cli("--database", database, "user", "create", "--email", "x@example.test", "--name", "X", "--role", "procurement");
      expect(role.code).not.toBe(0);
      expect(role.stderr).toContain("Allowed choices are admin, editor, read-only");
      expect((await cli("--database", database, "user", "list")).stdout).toBe("");
    },
    CHILD_PROCESS_TEST_MS,
  );

  it(
    "print SQL that creates a user in a D1 (or any SQLite) database, audit entry included",
    async () => {
      const printed = await cli("user", "sql", "--email", "worker-admin@example.test", "--name", "O'Neil");
      expect(printed.code).toBe(0);
      const password = /Password \(shown once[^)]*\): (\S+)/.exec(printed.stderr)?.[1] ?? "";
      expect(printed.stdout).not.toContain(password);
      const database = join(tempDir(), "register.db");
      const store = createSqliteStore(database);
      try {
        store.sqlite.exec(printed.stdout);
        expect(store.sqlite.prepare("select action, entity_type from audit_entries").all()).toEqual([
          { action: "create", entity_type: "user" },
        ]);
        expect(store.sqlite.prepare("select name from users").pluck().get()).toBe("O'Neil");
      } finally {
        store.close();
      }
      expect(await signInStatus(database, "worker-admin@example.test", password)).toBe(303);
    },
    CHILD_PROCESS_TEST_MS,
  );
});
