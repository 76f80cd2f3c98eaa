// The service writes on a thread of its own (platform/node/sqlite-writer.ts):
// what a caller of store.atomic relies on holds there as in process.
import { spawn } from "node:child_process";
import { join } from "node:path";
import { count, eq } from "drizzle-orm";
import { sqliteTable, text } from "drizzle-orm/sqlite-core";
import { describe, expect, it } from "vitest";
import { auditEntries, dataCategories } from "../../db/schema.ts";
import { walkChain } from "../../src/core/kernel/audit/chain-walk.ts";
import { makeCtx, SYSTEM_ACTOR } from "../../src/core/kernel/context.ts";
import { AppError } from "../../src/core/kernel/errors.ts";
import { ENTITY_KINDS } from "../../src/core/register/kinds.ts";
import { createEntity } from "../../src/core/register/use-cases/create-entity.ts";
import { createSqliteStore, type SqliteStore } from "../../src/platform/node/sqlite-store.ts";
import { onCleanup, stopStartedAfterEach } from "../helpers/cleanup.ts";
import { CHILD_PROCESS_TEST_MS } from "../helpers/wait.ts";
import { exited, tempDir } from "../node/helpers.ts";

stopStartedAfterEach();

const CATEGORIES = ENTITY_KINDS["data-categories"];

function open(path: string, writerThread: boolean): SqliteStore {
  const store = createSqliteStore(path, { writerThread });
  onCleanup(() => store.close());
  return store;
}

const category = (store: SqliteStore, name: string) =>
  createEntity(makeCtx(store, SYSTEM_ACTOR), CATEGORIES, { name: { en: name }, special: "none" });
const categoryNames = async (store: SqliteStore) =>
  (await store.db.select({ name: dataCategories.name }).from(dataCategories).orderBy(dataCategories.id)).map((r) => r.name.en);

describe("the writer thread", () => {
  it("answers once the unit is committed: the caller's own connection reads it at once, and its write counter has moved", async () => {
    const store = open(join(tempDir(), "register.db"), true);
    const before = store.changeCounters?.ownWrites();
    const created = await category(store, "Contact details");
    expect(await store.db.select().from(dataCategories).where(eq(dataCategories.id, created.id))).toHaveLength(1);
    expect(store.changeCounters?.ownWrites()).not.toBe(before);
    const [entry] = await store.db.select().from(auditEntries).where(eq(auditEntries.entityId, created.id));
    expect(entry?.action).toBe("create");
  });

  it("reports a failure that is not a constraint as the error SQLite gave, and writes nothing of the unit", async () => {
    const store = open(join(tempDir(), "register.db"), true);
    const missing = sqliteTable("no_such_table", { id: text("id").primaryKey() });
    const unit = [
      store.db
        .insert(dataCategories)
        .values({ id: "dc-1", name: { en: "Kept out" }, special: "none", revision: 1, createdAt: "2026-03-02", updatedAt: "2026-03-02" }),
      store.db.insert(missing).values({ id: "x" }),
    ];
    const failure = await store.atomic(unit).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(Error);
    expect(failure).not.toBeInstanceOf(AppError);
    expect((failure as Error).message).toMatch(/no such table: no_such_table/);
    expect(await categoryNames(store)).toEqual([]);
  });

  it("reports a broken constraint as the register's conflict, with the same message as in process", async () => {
    const messages: string[] = [];
    for (const writerThread of [false, true]) {
      const store = open(join(tempDir(), "register.db"), writerThread);
      const row = {
        id: "dc-1",
        name: { en: "Once" },
        special: "none" as const,
        revision: 1,
        createdAt: "2026-03-02",
        updatedAt: "2026-03-02",
      };
      await store.atomic([store.db.insert(dataCategories).values(row)]);
      const refusal = await store.atomic([store.db.insert(dataCategories).values(row)]).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(refusal).toBeInstanceOf(AppError);
      expect((refusal as AppError).code).toBe("conflict");
      messages.push((refusal as AppError).message);
    }
    expect(messages[1]).toBe(messages[0]);
  });

  it("links its entries after those another process wrote in between, in one unbroken chain", async () => {
    const path = join(tempDir(), "register.db");
    const service = open(path, true);
    const cli = open(path, false);
    await category(service, "First, by the service");
    await category(cli, "Second, by the CLI");
    await category(service, "Third, by the service");
    await Promise.all(["Fourth", "Fifth", "Sixth"].map((name) => category(service, name)));
    const seqs = (await service.db.select({ seq: auditEntries.seq }).from(auditEntries).orderBy(auditEntries.seq)).map((r) => r.seq);
    expect(seqs).toEqual([1, 2, 3, 4, 5, 6]);
    expect((await walkChain(service)).broken).toBeNull();
  });

  it("finishes the units already handed over when the store is closed, and refuses any after", async () => {
    const path = join(tempDir(), "register.db");
    const store = createSqliteStore(path, { writerThread: true });
    const row = (i: number) => ({
      id: `dc-${i}`,
      name: { en: `Category ${i}` },
      special: "none" as const,
      revision: 1,
      createdAt: "2026-03-02",
      updatedAt: "2026-03-02",
    });
    // Handed over, not awaited: close() must still write them before it returns.
    const handedOver = Array.from({ length: 25 }, (_, i) =>
      store.atomic([store.db.insert(dataCategories).values(row(i))]).catch(() => undefined),
    );
    store.close();
    await expect(store.atomic([store.db.insert(dataCategories).values(row(99))])).rejects.toThrow(/closed/);
    const reopened = open(path, false);
    const [written] = await reopened.db.select({ n: count() }).from(dataCategories);
    expect(written?.n).toBe(25);
    void handedOver;
  });

  it(
    "does not keep a process alive once its writes are answered",
    async () => {
      const path = join(tempDir(), "register.db");
      const child = spawn(process.execPath, [join(import.meta.dirname, "fixtures/writer-then-exit.ts"), path], {
        stdio: ["ignore", "pipe", "pipe"],
      });
      onCleanup(() => child.kill("SIGKILL"));
      let output = "";
      child.stdout.on("data", (chunk: Buffer) => {
        output += chunk.toString();
      });
      child.stderr.on("data", (chunk: Buffer) => {
        output += chunk.toString();
      });
      // Exits by itself (the test's timeout is the bound): the writer thread does not hold the event loop.
      expect(await exited(child)).toEqual({ code: 0, signal: null });
      expect(output).toBe("written\n");
      expect(await categoryNames(open(path, false))).toEqual(["Written before exit"]);
    },
    CHILD_PROCESS_TEST_MS,
  );
});
