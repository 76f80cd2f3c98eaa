import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createSqliteStore } from "../../src/platform/node/sqlite-store.ts";
import { stopStartedAfterEach } from "../helpers/cleanup.ts";
import { snapshot } from "../helpers/snapshot.ts";
import { CHILD_PROCESS_TEST_MS } from "../helpers/wait.ts";
import { demoDatabase, ROOT, run } from "./helpers.ts";

stopStartedAfterEach();

const cli = (...args: string[]) => run([join(ROOT, "src/cli/main.ts"), ...args]);

async function stateOf(database: string) {
  const store = createSqliteStore(database);
  try {
    return await snapshot(store);
  } finally {
    store.close();
  }
}

describe("the CLI's termination and obligations", { timeout: CHILD_PROCESS_TEST_MS }, () => {
  it("terminates an agreement, lists its duty, records it done, and refuses bad input changing nothing", async () => {
    const database = await demoDatabase();
    const before = await stateOf(database);
    const early = await cli("--database", database, "agreement", "terminate", "CF-DPA-2024-001", "--ended-on", "2024-01-01");
    expect(early.code).not.toBe(0);
    expect(early.stderr).toContain("The agreement cannot end before it was signed (2024-03-01).");
    expect(await stateOf(database)).toEqual(before);

    const ended = await cli(
      "--database",
      database,
      "agreement",
      "terminate",
      "CF-DPA-2024-001",
      "--ended-on",
      "2026-11-20",
      "--owner",
      "Ops",
    );
    expect(ended.code, ended.stderr).toBe(0);
    expect(ended.stdout).toContain("Agreement CF-DPA-2024-001 ends on 2026-11-20.");
    const [id, kind, lastDay] = (ended.stdout.split("\n")[1] ?? "").split("\t");
    expect([kind, lastDay]).toEqual(["deletion_or_return", "last day 2027-02-22"]);

    const listed = await cli("--database", database, "obligation", "list");
    expect(listed.stdout.trim().split("\t").slice(0, 5)).toEqual([
      id,
      expect.stringMatching(/^(open|overdue)$/),
      kind,
      "CF-DPA-2024-001",
      "Boekhoudkantoor Peeters BV",
    ]);

    const done = await cli("--database", database, "obligation", "done", id ?? "", "--evidence", "CERT-118", "--date", "2026-12-01");
    expect(done.code, done.stderr).toBe(0);
    expect(done.stdout).toContain("(evidence CERT-118)");
    expect((await cli("--database", database, "obligation", "list", "--status", "done")).stdout).toContain(id);
    const twice = await cli("--database", database, "obligation", "waive", id ?? "", "--reason", "x");
    expect(twice.code).not.toBe(0);
    expect(twice.stderr).toContain("was already recorded done");
  });
});
