import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { walkChain } from "../../src/core/kernel/audit/chain-walk.ts";
import { createSqliteStore } from "../../src/platform/node/sqlite-store.ts";
import { onCleanup, stopStartedAfterEach } from "../helpers/cleanup.ts";
import { CHILD_PROCESS_TEST_MS, StopWaiting, waitFor } from "../helpers/wait.ts";
import { stopChild } from "./helpers.ts";

stopStartedAfterEach();

/** Opens a store that the cleanup hooks close, whatever happens to the test. */
function openStore(path: string) {
  const store = createSqliteStore(path);
  onCleanup(() => store.close());
  return store;
}

/** Customers the writer fixture must have acknowledged (created and renamed) before it is killed. */
const ACKNOWLEDGED_BEFORE_KILL = 21;

const tempDb = () => join(mkdtempSync(join(tmpdir(), "dpa-register-")), "register.db");

describe("SQLite durability on Node", () => {
  it("opens databases in WAL mode with synchronous=FULL, foreign keys and a busy timeout", () => {
    const store = openStore(tempDb());
    expect(store.sqlite.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(store.sqlite.pragma("synchronous", { simple: true })).toBe(2); // FULL
    expect(store.sqlite.pragma("foreign_keys", { simple: true })).toBe(1);
    expect(store.sqlite.pragma("busy_timeout", { simple: true })).toBe(5000);
  });

  it.each([
    ["in process", "inline"],
    ["on the writer thread", "thread"],
  ])(
    "leaves a consistent database when the process is killed in the middle of writing %s",
    async (_, mode) => {
      const path = tempDb();
      const child = spawn(process.execPath, [join(import.meta.dirname, "fixtures/write-loop.ts"), path, mode], {
        stdio: ["ignore", "pipe", "inherit"],
      });
      onCleanup(() => stopChild(child, "SIGKILL"));
      let acknowledged = 0;
      let buffered = "";
      child.stdout.on("data", (chunk: Buffer) => {
        buffered += chunk.toString();
        const lines = buffered.split("\n");
        buffered = lines.pop() ?? "";
        for (const line of lines) acknowledged = Math.max(acknowledged, Number(/^ack (\d+)$/.exec(line)?.[1] ?? 0));
      });
      // Kill it only once it has reported enough committed writes, however slowly it gets there.
      await waitFor(
        () => {
          if (child.exitCode !== null || child.signalCode !== null)
            throw new StopWaiting(`writer exited early with ${child.exitCode ?? child.signalCode}`);
          return acknowledged >= ACKNOWLEDGED_BEFORE_KILL;
        },
        { what: () => `${ACKNOWLEDGED_BEFORE_KILL} acknowledged writes from the writer (it has reported ${acknowledged})` },
      );
      await stopChild(child, "SIGKILL");

      const store = openStore(path);
      expect(store.sqlite.pragma("integrity_check", { simple: true })).toBe("ok");
      const customers = store.sqlite.prepare("select id, revision from customers").all() as Array<{ id: string; revision: number }>;
      // Every write the writer acknowledged is there: created and renamed.
      expect(customers.filter((c) => c.revision === 2).length).toBeGreaterThanOrEqual(acknowledged);
      expect((await walkChain(store)).broken).toBeNull();
      const audit = store.sqlite
        .prepare("select entity_id, count(*) as n from audit_entries where entity_type = 'customer' group by entity_id")
        .all() as Array<{ entity_id: string; n: number }>;
      const auditCount = new Map(audit.map((a) => [a.entity_id, a.n]));
      // Every committed change has its audit entry, and no audit entry outlived its change.
      for (const c of customers) expect(auditCount.get(c.id)).toBe(c.revision);
      expect(audit.length).toBe(customers.length);
      expect(store.sqlite.prepare("select count(*) from write_guards").pluck().get()).toBe(0);
    },
    CHILD_PROCESS_TEST_MS,
  );
});
