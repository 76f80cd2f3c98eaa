import { spawn } from "node:child_process";
import { join } from "node:path";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEntries } from "../../db/schema.ts";
import { entryHash, GENESIS } from "../../src/core/kernel/audit/audit-chain.ts";
import { walkChain } from "../../src/core/kernel/audit/chain-walk.ts";
import { makeCtx, SYSTEM_ACTOR } from "../../src/core/kernel/context.ts";
import { ENTITY_KINDS } from "../../src/core/register/kinds.ts";
import { createEntity } from "../../src/core/register/use-cases/create-entity.ts";
import { createSqliteStore } from "../../src/platform/node/sqlite-store.ts";
import { changeWorld, ocrProposal, propose } from "../helpers/changes.ts";
import * as fixtures from "../helpers/fixtures.ts";
import { bodyOf } from "../helpers/test-app.ts";
import { stopChild, tempDir } from "../node/helpers.ts";
import { onCleanup, stopStartedAfterEach } from "../helpers/cleanup.ts";
import { CHILD_PROCESS_TEST_MS } from "../helpers/wait.ts";

// Processes, servers and SMTP sinks started through the helpers are stopped by these hooks, even when a test fails or times out.
stopStartedAfterEach();

// The audit trail is one hash chain: every entry links to the one before and
// hashes to what it stores, whatever writes it and however many at once.

describe("the audit trail's hash chain", () => {
  it("links every entry, bulk ones included, from GENESIS, and the API shows the hashes", async () => {
    const w = await changeWorld();
    await propose(w.t, ocrProposal(w.maintenance));
    await w.t.request("PATCH", "/api/v1/customers/CF-CUST-001", { body: { companyNumber: "0123.456.750" } });
    const rows = await w.store.db.select().from(auditEntries).orderBy(auditEntries.seq);
    expect(rows.length).toBeGreaterThan(40);
    expect(rows[0]?.prevHash).toBe(GENESIS);
    rows.forEach((row, i) => {
      expect(row.seq).toBe(i + 1);
      if (i > 0) expect(row.prevHash).toBe(rows[i - 1]?.hash);
      expect(entryHash({ ...row, prevHash: row.prevHash as string })).toBe(row.hash);
    });
    const report = await walkChain(w.store);
    expect(report).toMatchObject({ entries: rows.length, head: rows.at(-1)?.hash, unchained: [], broken: null });
    const listed = await bodyOf<{ items: { hash: string; prevHash: string }[] }>(await w.t.request("GET", "/api/v1/audit?limit=500"));
    expect(listed.items.map((e) => e.hash)).toEqual(rows.map((r) => r.hash));
  });

  it("names the first entry an edit of the database broke", async () => {
    const w = await changeWorld();
    const [victim] = await w.store.db.select().from(auditEntries).where(eq(auditEntries.seq, 10));
    await w.store.db.update(auditEntries).set({ actorName: "someone else" }).where(eq(auditEntries.seq, 10));
    expect((await walkChain(w.store)).broken).toEqual({
      seq: 10,
      problem: "its content does not hash to the hash it stores: it was changed after it was written",
    });
    await w.store.db
      .update(auditEntries)
      .set({ actorName: victim?.actorName as string })
      .where(eq(auditEntries.seq, 10));
    expect((await walkChain(w.store)).broken).toBeNull();
    await w.store.db.delete(auditEntries).where(eq(auditEntries.seq, 12));
    expect((await walkChain(w.store)).broken?.seq).toBe(13);
  });

  it(
    "stays one linear chain when two processes write to one database file at once",
    async () => {
      const path = join(tempDir(), "register.db");
      createSqliteStore(path).close();
      const writer = () =>
        new Promise<number | null>((resolve) => {
          const child = spawn(process.execPath, [join(import.meta.dirname, "fixtures/write-many.ts"), path, "40"], {
            stdio: ["ignore", "inherit", "inherit"],
          });
          onCleanup(() => stopChild(child, "SIGKILL"));
          child.on("exit", resolve);
        });
      expect(await Promise.all([writer(), writer()])).toEqual([0, 0]);
      const store = createSqliteStore(path);
      try {
        const report = await walkChain(store);
        expect(report.broken).toBeNull();
        expect(report.entries).toBe(2 * 40 * 2);
        const [count] = await store.db.select({ n: sql<number>`count(*)` }).from(auditEntries);
        expect(count?.n).toBe(report.entries);
      } finally {
        store.close();
      }
    },
    CHILD_PROCESS_TEST_MS,
  );

  it("stays one chain under concurrent requests in one process", async () => {
    const w = await changeWorld();
    const before = (await walkChain(w.store)).entries;
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        w.t.request("POST", "/api/v1/customers", { body: { ...fixtures.customer(), legalName: `Parallel ${i}` } }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(12).fill(201));
    const report = await walkChain(w.store);
    expect(report).toMatchObject({ entries: before + 12, broken: null });
  });
});

describe("./dev cli verify", () => {
  it(
    "verifies an untouched register and names the entry an edit broke, exiting 1",
    async () => {
      const { run, ROOT } = await import("../node/helpers.ts");
      const { loadDemoRegister } = await import("../helpers/demo-register.ts");
      const database = join(tempDir(), "register.db");
      const store = createSqliteStore(database);
      await loadDemoRegister(store);
      store.close();
      const cli = (...args: string[]) => run([join(ROOT, "src/cli/main.ts"), "--database", database, ...args]);
      const good = await cli("verify");
      expect(good.code).toBe(0);
      expect(good.stdout).toMatch(
        /^verified: \d+ audit entries form one chain, head [0-9a-f]{64}; \d+ records match their audit trail\.$/m,
      );

      const tamper = createSqliteStore(database);
      tamper.sqlite.prepare('update audit_entries set "before" = \'{"legalName":"forged"}\' where seq = 7').run();
      tamper.close();
      const bad = await cli("verify");
      expect(bad.code).toBe(1);
      expect(bad.stdout).toContain(
        "NOT VERIFIED: 1 problem(s), the first broken entry first:\n  - [chain] entry 7: its content does not hash to the hash it stores",
      );
    },
    CHILD_PROCESS_TEST_MS,
  );
});

describe("entries written outside the service", () => {
  it("are pending until the next write links them into the chain, after which the register verifies", async () => {
    const { tokenInsertSql } = await import("../../src/cli/token-sql.ts");
    const { verifyRegister } = await import("../../src/core/evidence/verify-register.ts");
    const store = createSqliteStore(":memory:");
    try {
      const { sql: insert } = await tokenInsertSql({ id: "cli", name: "cli:ops", role: "admin" }, { role: "admin", name: "first" });
      store.sqlite.exec(insert);
      const ctx = makeCtx(store, SYSTEM_ACTOR);
      const pending = await verifyRegister(ctx, { trigger: "cli", trustedKeys: [], record: false });
      expect(pending).toMatchObject({ ok: true, entries: 0, pending: [1] });
      await createEntity(ctx, ENTITY_KINDS.customers, fixtures.customer());
      const linked = await verifyRegister(ctx, { trigger: "cli", trustedKeys: [], record: false });
      expect(linked).toMatchObject({ ok: true, entries: 2, pending: [] });
    } finally {
      store.close();
    }
  });
});
