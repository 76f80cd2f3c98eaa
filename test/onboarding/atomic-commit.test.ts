import { describe, expect, it } from "vitest";
import { auditEntries, dataCategories, subjectCategories, writeGuards } from "../../db/schema.ts";
import type { Statement } from "../../src/core/kernel/ports/store.ts";
import { walkChain } from "../../src/core/kernel/audit/chain-walk.ts";
import { makeCtx, SYSTEM_ACTOR } from "../../src/core/kernel/context.ts";
import { importRegister } from "../../src/core/onboarding/import-register.ts";
import type { ScratchStore } from "../../src/core/kernel/ports/scratch-store.ts";
import { subjectCategoryKind } from "../../src/core/register/subject-categories.ts";
import { createEntity } from "../../src/core/register/use-cases/create-entity.ts";
import { readCsv } from "../../src/spreadsheets/csv-reader.ts";
import { createSqliteStore } from "../../src/platform/node/sqlite-store.ts";

const csv = new TextEncoder().encode("Name (en),Special category\nHealth data,art9\nContact data,none\n");

describe("the import's atomic unit", () => {
  it("is refused whole when the register changed after the copy it was checked against, and is checked again", async () => {
    const store = createSqliteStore(":memory:");
    const ctx = makeCtx(store, SYSTEM_ACTOR);
    let scratches = 0;
    let interleaved = 0;
    // Another writer gets in while the first scratch copy is being checked: between the copy and the commit.
    const scratchStore = (): ScratchStore => {
      const scratch = createSqliteStore(":memory:");
      const first = ++scratches === 1;
      let units = 0;
      return {
        ...scratch,
        async atomic(statements) {
          await scratch.atomic(statements);
          if (first && ++units === 2) {
            interleaved++;
            await createEntity(ctx, subjectCategoryKind, { name: { en: "Written meanwhile" } });
          }
        },
      };
    };
    const report = await importRegister(ctx, scratchStore, { workbook: await readCsv(csv, null), dryRun: false, source: "data.csv" });
    expect(report).toMatchObject({ valid: true, written: true });
    expect([scratches, interleaved]).toEqual([2, 1]);
    expect((await store.db.select().from(dataCategories)).map((c) => c.name.en)).toEqual(["Health data", "Contact data"]);
    expect((await store.db.select().from(subjectCategories)).map((c) => c.name.en)).toEqual(["Written meanwhile"]);
    const chain = await walkChain(store);
    expect(chain.broken).toBeNull();
    expect(chain.entries).toBe(3);
  });

  it("writes nothing at all when a statement of the unit fails, audit entries included", async () => {
    const store = createSqliteStore(":memory:");
    const ctx = makeCtx(store, SYSTEM_ACTOR);
    // The unit's last statement breaks a constraint: the rows, links and audit entries before it must not stay.
    const failing = {
      ...store,
      atomic: (statements: Statement[]) => store.atomic([...statements, store.db.insert(writeGuards).values({ ok: 0 })]),
    };
    const run = importRegister({ ...ctx, store: failing }, () => createSqliteStore(":memory:"), {
      workbook: await readCsv(csv, null),
      dryRun: false,
      source: "data.csv",
    });
    await expect(run).rejects.toThrow("nothing was written");
    expect(await store.db.select().from(dataCategories)).toEqual([]);
    expect(await store.db.select().from(auditEntries)).toEqual([]);
  });
});
