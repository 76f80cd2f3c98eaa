import { describe, expect, it } from "vitest";
import { changeNotices, outbox, writeGuards } from "../../db/schema.ts";
import { makeCtx, SYSTEM_ACTOR } from "../../src/core/kernel/context.ts";
import { outboxRow } from "../../src/core/outbox/queue-message.ts";
import { insertMany } from "../../src/core/kernel/ports/insert-many.ts";
import { memoryStore } from "../helpers/sqlite.ts";

describe("bulk inserts on better-sqlite3", () => {
  it("writes each call's own columns when rows of one table come with different fields", async () => {
    const store = memoryStore();
    const ctx = makeCtx(store, SYSTEM_ACTOR);
    const message = { kind: "dpo_reminder", recipient: "dpo@example.test", subject: "s", body: "b" } as const;
    const plain = outboxRow(ctx, { ...message, related: { type: "x", id: "1" } }, "2026-11-20T09:00:00.000Z");
    const failed = {
      ...outboxRow(ctx, { ...message, related: { type: "x", id: "2" } }, "2026-11-20T09:00:00.000Z"),
      lastError: "550 no such user",
    };
    const { lastError: _, ...withoutError } = outboxRow(ctx, { ...message, related: { type: "x", id: "3" } }, "2026-11-20T09:00:00.000Z");
    // First in this file, so the first outbox insert of the process lacks lastError: a column list
    // kept from it must not drop the next row's error.
    for (const row of [withoutError, failed, plain]) await store.atomic(insertMany(store, outbox, [row]));
    const stored = await store.db.select().from(outbox).orderBy(outbox.relatedId);
    expect(stored.map((r) => [r.relatedId, r.lastError])).toEqual([
      ["1", null],
      ["2", "550 no such user"],
      ["3", null],
    ]);
  });

  it("stores rows exactly as the query builder reads them back, in the caller's atomic unit", async () => {
    const store = memoryStore();
    const ctx = makeCtx(store, SYSTEM_ACTOR);
    const at = "2026-11-20T09:00:00.000Z";
    const rows = Array.from({ length: 250 }, (_, i) =>
      outboxRow(
        ctx,
        {
          kind: "change_notice",
          recipient: `c${i}@example.test`,
          subject: `Kennisgeving ${i} – é`,
          body: "line 1\nline 2",
          related: { type: "change_notice", id: `n${i}` },
        },
        at,
      ),
    );
    await store.atomic(insertMany(store, outbox, rows));
    const stored = await store.db.select().from(outbox).orderBy(outbox.id);
    expect(stored).toEqual([...rows].sort((a, b) => a.id.localeCompare(b.id)));
  });

  it("leaves none of the rows when a later statement of the unit fails", async () => {
    const store = memoryStore();
    const ctx = makeCtx(store, SYSTEM_ACTOR);
    const rows = Array.from({ length: 10 }, (_, i) =>
      outboxRow(
        ctx,
        { kind: "dpo_reminder", recipient: "dpo@example.test", subject: "s", body: "b", related: { type: "x", id: String(i) } },
        "2026-11-20T09:00:00.000Z",
      ),
    );
    await expect(store.atomic([...insertMany(store, outbox, rows), store.db.insert(writeGuards).values({ ok: 0 })])).rejects.toMatchObject({
      code: "conflict",
    });
    expect(await store.db.select().from(outbox)).toEqual([]);
  });

  it("encodes JSON columns the way Drizzle does", async () => {
    const store = memoryStore();
    expect(store.bulkInsert).toBeDefined();
    const statement = insertMany(store, changeNotices, [{ period: { length: 15, unit: "calendar_days" } } as never])[0] as unknown as {
      toSQL(): { sql: string };
    };
    expect(statement.toSQL().sql).toContain('"change_notices"');
    expect(statement.toSQL().sql).toContain('"period"');
  });
});
