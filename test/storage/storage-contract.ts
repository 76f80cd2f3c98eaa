// One suite, two drivers: run by storage/sqlite-contract.test.ts on
// better-sqlite3 and by workers/d1-contract.test.ts on D1 inside workerd.
import { and, count, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { auditEntries, dataCategories, writeGuards } from "../../db/schema.ts";
import { type Ctx, makeCtx, SYSTEM_ACTOR } from "../../src/core/kernel/context.ts";
import { loadDemoData } from "../../src/core/demo/load-demo-data.ts";
import { AppError } from "../../src/core/kernel/errors.ts";
import type { Statement, Store } from "../../src/core/kernel/ports/store.ts";
import type { AnyEntityKind } from "../../src/core/register/entity-kind.ts";
import { ENTITY_KINDS } from "../../src/core/register/kinds.ts";
import { archiveEntity } from "../../src/core/register/use-cases/archive-entity.ts";
import { createEntity } from "../../src/core/register/use-cases/create-entity.ts";
import { deleteEntity } from "../../src/core/register/use-cases/delete-entity.ts";
import { getEntity } from "../../src/core/register/use-cases/get-entity.ts";
import { listEntities } from "../../src/core/register/use-cases/list-entities.ts";
import { updateEntity } from "../../src/core/register/use-cases/update-entity.ts";
import * as fixtures from "../helpers/fixtures.ts";
import { snapshot } from "../helpers/snapshot.ts";

const { "data-categories": dataKind, customers: customerKind } = ENTITY_KINDS;

async function auditFor(store: Store, entityId: string) {
  return store.db.select().from(auditEntries).where(eq(auditEntries.entityId, entityId)).orderBy(auditEntries.seq);
}

const isAuditInsert = (s: Statement) => (s as unknown as { toSQL(): { sql: string } }).toSQL().sql.includes('"audit_entries"');

/** A store whose next atomic unit fails right before its audit statement, after the change itself. */
function failingBeforeAudit(store: Store): Store {
  return {
    db: store.db,
    maxBoundParameters: store.maxBoundParameters,
    atomic(statements) {
      const at = statements.findIndex(isAuditInsert);
      expect(at).toBeGreaterThan(0);
      const sabotaged = [...statements.slice(0, at), store.db.insert(writeGuards).values({ ok: 0 }), ...statements.slice(at)];
      return store.atomic(sabotaged);
    },
  };
}

export function storageContract(driver: string, makeStore: () => Promise<Store>): void {
  describe(`storage contract on ${driver}`, () => {
    let store: Store;
    let ctx: Ctx;
    beforeEach(async () => {
      store = await makeStore();
      ctx = makeCtx(store, { ...SYSTEM_ACTOR, id: "tester", name: "tester" });
    });

    it("commits a create together with exactly one audit entry holding the new state", async () => {
      const created = await createEntity(ctx, dataKind, fixtures.dataCategory());
      expect(await getEntity(ctx, dataKind, created.id)).toEqual(created);
      const audit = await auditFor(store, created.id);
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ action: "create", entityType: "data_category", actorId: "tester", before: null });
      expect(audit[0]?.after).toEqual(created);
    });

    it("records update, archive and delete each with one audit entry and its before and after", async () => {
      const customer = await createEntity(ctx, customerKind, fixtures.customer());
      const updated = await updateEntity(ctx, customerKind, customer.id, { legalName: "Renamed NV" });
      const archived = await archiveEntity(ctx, customerKind, customer.id);
      const category = await createEntity(ctx, dataKind, fixtures.dataCategory());
      await deleteEntity(ctx, dataKind, category.id);

      const customerAudit = await auditFor(store, customer.id);
      expect(customerAudit.map((e) => e.action)).toEqual(["create", "update", "archive"]);
      expect(customerAudit[1]).toMatchObject({ before: customer, after: updated });
      expect(customerAudit[2]).toMatchObject({ before: updated, after: archived });
      expect(await getEntity(ctx, customerKind, customer.id)).toEqual(archived);

      const categoryAudit = await auditFor(store, category.id);
      expect(categoryAudit.map((e) => e.action)).toEqual(["create", "delete"]);
      expect(categoryAudit[1]).toMatchObject({ before: category, after: null });
      await expect(getEntity(ctx, dataKind, category.id)).rejects.toMatchObject({ code: "not_found" });
    });

    it("leaves neither the change nor its audit entry when a failure is forced between them", async () => {
      const before = await snapshot(store);
      const sabotaged = { ...ctx, store: failingBeforeAudit(store) };
      await expect(createEntity(sabotaged, dataKind, fixtures.dataCategory())).rejects.toThrow();
      expect(await snapshot(store)).toEqual(before);

      const customer = await createEntity(ctx, customerKind, fixtures.customer());
      const afterCreate = await snapshot(store);
      await expect(updateEntity(sabotaged, customerKind, customer.id, { legalName: "Lost NV" })).rejects.toThrow();
      await expect(archiveEntity(sabotaged, customerKind, customer.id)).rejects.toThrow();
      expect(await snapshot(store)).toEqual(afterCreate);
      expect(await getEntity(ctx, customerKind, customer.id)).toEqual(customer);
    });

    it("refuses an update based on a stale read, keeping the concurrent change", async () => {
      const customer = await createEntity(ctx, customerKind, fixtures.customer());
      let raced = false;
      // Another writer commits between this use case's read and its write.
      const racing: Store = {
        db: store.db,
        maxBoundParameters: store.maxBoundParameters,
        async atomic(statements) {
          if (!raced) {
            raced = true;
            await updateEntity(ctx, customerKind, customer.id, { legalName: "Concurrent NV" });
          }
          return store.atomic(statements);
        },
      };
      const error = await updateEntity({ ...ctx, store: racing }, customerKind, customer.id, { legalName: "Stale NV" }).catch((e) => e);
      expect(error).toBeInstanceOf(AppError);
      expect(error.code).toBe("conflict");
      const current = await getEntity(ctx, customerKind, customer.id);
      expect(current.legalName).toBe("Concurrent NV");
      expect((await auditFor(store, customer.id)).map((e) => e.action)).toEqual(["create", "update"]);
      const [guards] = await store.db.select({ n: count() }).from(writeGuards);
      expect(guards?.n).toBe(0);
    });

    it("rolls back every statement of a unit when a constraint fails, reporting a conflict", async () => {
      const before = await snapshot(store);
      const row: typeof dataCategories.$inferInsert = {
        id: ctx.newId(),
        name: { en: "Twice" },
        special: "none",
        revision: 1,
        createdAt: "2026-01-01T00:00:00.000Z",
        updatedAt: "2026-01-01T00:00:00.000Z",
      };
      const error = await store
        .atomic([store.db.insert(dataCategories).values(row), store.db.insert(dataCategories).values(row)])
        .catch((e) => e);
      expect(error).toMatchObject({ code: "conflict" });
      expect(await snapshot(store)).toEqual(before);
    });

    it("enforces foreign keys", async () => {
      const error = await createEntity(ctx, ENTITY_KINDS.activities, {
        ...fixtures.activity({ dataCategoryId: ctx.newId(), subjectCategoryId: ctx.newId() }),
      }).catch((e) => e);
      expect(error).toMatchObject({ code: "validation" });
      const { activityDataCategories } = await import("../../db/schema.ts");
      const fk = await store
        .atomic([
          store.db
            .insert(activityDataCategories)
            .values({ activityId: ctx.newId(), dataCategoryId: ctx.newId(), position: 0, retention: null }),
        ])
        .catch((e) => e);
      expect(fk).toMatchObject({ code: "conflict" });
    });

    it("loads the ClearFacts demo register through the use cases, each record audited once", async () => {
      await loadDemoData(ctx);
      const counts: Record<string, number> = {};
      for (const [segment, kind] of Object.entries(ENTITY_KINDS) as Array<[string, AnyEntityKind]>) {
        counts[segment] = (await listEntities(ctx, kind, { limit: "200" })).items.length;
      }
      expect(counts).toEqual({
        "data-categories": 7,
        "subject-categories": 4,
        "security-measures": 5,
        activities: 4,
        "sub-processors": 2,
        customers: 3,
        agreements: 3,
      });
      const [creates] = await store.db
        .select({ n: count() })
        .from(auditEntries)
        .where(and(eq(auditEntries.action, "create")));
      expect(creates?.n).toBe(1 + Object.values(counts).reduce((a, b) => a + b, 0));
    });

    it("pages lists in creation order with a cursor", async () => {
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) ids.push((await createEntity(ctx, dataKind, { name: { en: `Category ${i}` } })).id);
      const first = await listEntities(ctx, dataKind, { limit: "2" });
      expect(first.items.map((c) => c.id)).toEqual(ids.slice(0, 2));
      const second = await listEntities(ctx, dataKind, { limit: "2", cursor: first.nextCursor ?? "" });
      expect(second.items.map((c) => c.id)).toEqual(ids.slice(2, 4));
      const last = await listEntities(ctx, dataKind, { limit: "2", cursor: second.nextCursor ?? "" });
      expect(last.items.map((c) => c.id)).toEqual(ids.slice(4));
      expect(last.nextCursor).toBeNull();
    });
  });
}
