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

describe("the CLI", { timeout: CHILD_PROCESS_TEST_MS }, () => {
  it("creates a token whose secret is printed once and works against the API, then revokes it", async () => {
    const database = join(tempDir(), "register.db");
    const created = await cli("--database", database, "token", "create", "--role", "read-only", "--name", "auditor laptop");
    expect(created.code).toBe(0);
    const secret = created.stdout.trim();
    expect(secret).toMatch(/^dpar_[A-Za-z0-9_-]{43}$/);
    expect(created.stderr).toContain('read-only token "auditor laptop"');

    const listed = await cli("--database", database, "token", "list");
    expect(listed.stdout).toContain("auditor laptop");
    expect(listed.stdout).not.toContain(secret);
    const id = listed.stdout.split("\t")[0] ?? "";

    const store = createSqliteStore(database);
    try {
      const app = createApp({ store });
      const headers = { authorization: `Bearer ${secret}`, "content-type": "application/json" };
      expect((await app.request("/api/v1/customers", { headers })).status).toBe(200);
      expect((await app.request("/api/v1/customers", { method: "POST", headers, body: "{}" })).status).toBe(403);

      expect((await cli("--database", database, "token", "revoke", id)).code).toBe(0);
      expect((await app.request("/api/v1/customers", { headers })).status).toBe(401);
    } finally {
      store.close();
    }
  });

  it("prints SQL that creates a token in a D1 (or any SQLite) database, audit entry included", async () => {
    const printed = await cli("token", "sql", "--role", "editor", "--name", "o'neil's worker");
    expect(printed.code).toBe(0);
    const secret = /(dpar_[A-Za-z0-9_-]{43})/.exec(printed.stderr)?.[1] ?? "";
    expect(printed.stdout).not.toContain(secret);

    const store = createSqliteStore(join(tempDir(), "register.db"));
    try {
      store.sqlite.exec(printed.stdout);
      const audit = store.sqlite.prepare("select action, entity_type, actor_id from audit_entries").all();
      expect(audit).toEqual([{ action: "create", entity_type: "api_token", actor_id: "cli" }]);
      const response = await createApp({ store }).request("/api/v1/tokens", { headers: { authorization: `Bearer ${secret}` } });
      expect(response.status).toBe(403); // an editor token: authenticated, but tokens are for admins
      expect(store.sqlite.prepare("select name from api_tokens").pluck().get()).toBe("o'neil's worker");
    } finally {
      store.close();
    }
  });

  it("refuses an unknown role or a missing name and creates nothing", async () => {
    const database = join(tempDir(), "register.db");
    const badRole = await cli("--database", database, "token", "create", "--role", "superuser", "--name", "x");
    expect(badRole.code).not.toBe(0);
    expect(badRole.stderr).toContain("Allowed choices are admin, editor, read-only, procurement");
    const noName = await cli("--database", database, "token", "create", "--role", "admin");
    expect(noName.code).not.toBe(0);
    expect(noName.stderr).toContain("--name");
    expect((await cli("--database", database, "token", "list")).stdout).toBe("");
  });
});
