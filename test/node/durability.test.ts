import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createSqliteStore } from "../../src/storage/sqlite-store.ts";

const tempDb = () => join(mkdtempSync(join(tmpdir(), "dpa-register-")), "register.db");

describe("SQLite durability on Node", () => {
  it("opens databases in WAL mode with synchronous=FULL, foreign keys and a busy timeout", () => {
    const store = createSqliteStore(tempDb());
    try {
      expect(store.sqlite.pragma("journal_mode", { simple: true })).toBe("wal");
      expect(store.sqlite.pragma("synchronous", { simple: true })).toBe(2); // FULL
      expect(store.sqlite.pragma("foreign_keys", { simple: true })).toBe(1);
      expect(store.sqlite.pragma("busy_timeout", { simple: true })).toBe(5000);
    } finally {
      store.close();
    }
  });

  it("leaves a consistent database when the process is killed in the middle of writing", async () => {
    const path = tempDb();
    const child = spawn(process.execPath, [join(import.meta.dirname, "fixtures/write-loop.ts"), path], { stdio: ["ignore", "pipe", "inherit"] });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on("data", (chunk: Buffer) => chunk.toString().includes("writing") && resolve());
      child.on("exit", (code) => reject(new Error(`writer exited early with ${code}`)));
    });
    await new Promise((r) => setTimeout(r, 150));
    child.kill("SIGKILL");
    await new Promise((r) => child.on("close", r));

    const store = createSqliteStore(path);
    try {
      expect(store.sqlite.pragma("integrity_check", { simple: true })).toBe("ok");
      const customers = store.sqlite.prepare("select id, revision from customers").all() as Array<{ id: string; revision: number }>;
      expect(customers.length).toBeGreaterThan(20);
      const audit = store.sqlite.prepare("select entity_id, count(*) as n from audit_entries where entity_type = 'customer' group by entity_id").all() as Array<{ entity_id: string; n: number }>;
      const auditCount = new Map(audit.map((a) => [a.entity_id, a.n]));
      // Every committed change has its audit entry, and no audit entry outlived its change.
      for (const c of customers) expect(auditCount.get(c.id)).toBe(c.revision);
      expect(audit.length).toBe(customers.length);
      expect(store.sqlite.prepare("select count(*) from write_guards").pluck().get()).toBe(0);
    } finally {
      store.close();
    }
  });
});
