// Units handed to the SQLite store together are committed in one transaction
// (platform/node/group-commit.ts), yet each stays atomic on its own: a unit
// that breaks a constraint is rolled back alone, the others commit, and the
// audit chain links every committed unit in order. The same holds where the
// service writes, on its writer thread (platform/node/sqlite-writer.ts).
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEntries, dataCategories } from "../../db/schema.ts";
import { auditStatement } from "../../src/core/kernel/audit/audit-statement.ts";
import { walkChain } from "../../src/core/kernel/audit/chain-walk.ts";
import { makeCtx, SYSTEM_ACTOR } from "../../src/core/kernel/context.ts";
import { AppError } from "../../src/core/kernel/errors.ts";
import { onCleanup, stopStartedAfterEach } from "../helpers/cleanup.ts";
import { memoryStore } from "../helpers/sqlite.ts";
import { createSqliteStore, type SqliteStore } from "../../src/platform/node/sqlite-store.ts";
import { tempDir } from "../node/helpers.ts";

const AT = "2026-03-02T09:00:00.000Z";

stopStartedAfterEach();

/** A file register written on the writer thread, as the service's; closed after the test. */
function threadedStore(): SqliteStore {
  const store = createSqliteStore(join(tempDir(), "register.db"), { writerThread: true });
  onCleanup(() => store.close());
  return store;
}

const stores: Array<[string, () => SqliteStore]> = [
  ["in process", memoryStore],
  ["on the writer thread", threadedStore],
];

function world(open: () => SqliteStore) {
  const store = open();
  const ctx = makeCtx(store, SYSTEM_ACTOR);
  /** One audited unit inserting a data category with this id. */
  const unit = (id: string) => {
    const row = { id, name: { en: `Category ${id}` }, special: "none" as const, revision: 1, createdAt: AT, updatedAt: AT };
    return [
      store.db.insert(dataCategories).values(row),
      auditStatement(ctx, { action: "create", entityType: "data_category", entityId: id, before: null, after: row }, AT),
    ];
  };
  return { store, unit };
}

describe.each(stores)("group commit %s", (_, open) => {
  it("commits units handed over together, each with its audit entry, in one linear chain", async () => {
    const { store, unit } = world(open);
    const ids = Array.from({ length: 20 }, (_, i) => `dc-${String(i).padStart(2, "0")}`);
    await Promise.all(ids.map((id) => store.atomic(unit(id))));
    const audited = await store.db.select().from(auditEntries).orderBy(auditEntries.seq);
    expect(audited.map((e) => e.entityId)).toEqual(ids);
    expect(audited.map((e) => e.seq)).toEqual(ids.map((_, i) => i + 1));
    expect((await walkChain(store)).broken).toBeNull();
  });

  it("rolls back only the unit that breaks a constraint, reporting a conflict to its caller alone", async () => {
    const { store, unit } = world(open);
    const outcomes = await Promise.allSettled([
      store.atomic(unit("dc-a")),
      store.atomic(unit("dc-b")),
      store.atomic(unit("dc-a")), // the same primary key again
      store.atomic(unit("dc-c")),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(["fulfilled", "fulfilled", "rejected", "fulfilled"]);
    const refusal = (outcomes[2] as PromiseRejectedResult).reason;
    expect(refusal).toBeInstanceOf(AppError);
    expect((refusal as AppError).code).toBe("conflict");
    const audited = await store.db.select().from(auditEntries).orderBy(auditEntries.seq);
    expect(audited.map((e) => [e.seq, e.entityId])).toEqual([
      [1, "dc-a"],
      [2, "dc-b"],
      [3, "dc-c"],
    ]);
    expect(await store.db.select().from(dataCategories).where(eq(dataCategories.id, "dc-a"))).toHaveLength(1);
    expect((await walkChain(store)).broken).toBeNull();
  });

  it("answers no caller before its unit is committed", async () => {
    const { store, unit } = world(open);
    const order: string[] = [];
    await Promise.all(
      ["dc-x", "dc-y"].map(async (id) => {
        await store.atomic(unit(id));
        const [row] = await store.db.select().from(dataCategories).where(eq(dataCategories.id, id));
        order.push(`${id}:${row ? "committed" : "missing"}:${store.sqlite.inTransaction ? "open" : "closed"}`);
      }),
    );
    expect(order.sort()).toEqual(["dc-x:committed:closed", "dc-y:committed:closed"]);
  });
});
