import { describe, expect, it } from "vitest";
import { auditEntries } from "../../db/schema.ts";
import { lastSeqAt, loadDocumentSnapshot, loadSnapshot, type SnapshotScope } from "../../src/core/documents/register-snapshot.ts";
import { documentContent } from "../../src/core/documents/render-document.ts";
import { makeCtx, SYSTEM_ACTOR } from "../../src/core/kernel/context.ts";
import type { Store } from "../../src/core/kernel/ports/store.ts";
import {
  type Activity,
  type Agreement,
  archiveEntity,
  createEntity,
  deleteEntity,
  ENTITY_KINDS,
  updateEntity,
} from "../../src/core/register/index.ts";
import { DEMO_LOADED_FROM, loadDemoRegister } from "../helpers/demo-register.ts";
import { memoryStore } from "../helpers/sqlite.ts";

const LANGUAGES = [null, "en", "nl", "fr"] as const;

/** What a document says, or the error it fails with. */
async function contentOf(load: () => Promise<Parameters<typeof documentContent>[0]>, spec: Parameters<typeof documentContent>[1]) {
  try {
    return documentContent(await load(), spec);
  } catch (error) {
    return { error: (error as Error).message };
  }
}

async function scopes(store: Store): Promise<SnapshotScope[]> {
  const agreements = (await store.db.select().from(auditEntries)).filter((r) => r.entityType === "agreement").map((r) => r.entityId);
  return [
    { kind: "art30-controller", agreementId: null },
    { kind: "art30-processor", agreementId: null },
    ...[...new Set(agreements)].map((agreementId) => ({ kind: "annex" as const, agreementId })),
  ];
}

/** Every document, in every language, from the part of the register it shows and from the whole register. */
async function expectSameDocuments(store: Store, asOf: string) {
  const throughSeq = await lastSeqAt(store.db, asOf);
  for (const scope of await scopes(store)) {
    for (const language of LANGUAGES) {
      const spec = { ...scope, language };
      const whole = await contentOf(() => loadSnapshot(store.db, asOf, throughSeq), spec);
      const part = await contentOf(() => loadDocumentSnapshot(store.db, asOf, throughSeq, scope), spec);
      expect(part, `${scope.kind} ${scope.agreementId ?? ""} ${language} as of ${asOf}`).toEqual(whole);
    }
  }
}

describe("a document's snapshot", () => {
  it("says what the whole register says, at every instant of a changing history", async () => {
    const store = memoryStore();
    const demo = await loadDemoRegister(store);
    const ctx = makeCtx(store, SYSTEM_ACTOR, demo.clock);
    const instants = [new Date(Date.parse(DEMO_LOADED_FROM) + 20_000).toISOString(), demo.loadedUntil];

    const activities = (await store.db.select().from(auditEntries))
      .filter((r) => r.entityType === "processing_activity" && r.action === "create")
      .map((r) => r.after as Activity);
    const [first, second] = activities;
    if (!first || !second) throw new Error("the demo register has activities");
    await updateEntity(ctx, ENTITY_KINDS.activities, first.id, { name: { ...first.name, en: `${first.name.en} (renamed)` } });
    instants.push(demo.clock.peek());
    await archiveEntity(ctx, ENTITY_KINDS.activities, second.id);
    const category = (await createEntity(ctx, ENTITY_KINDS["data-categories"], {
      name: { en: "Short-lived" },
      special: "none",
    })) as { id: string };
    instants.push(demo.clock.peek());
    await deleteEntity(ctx, ENTITY_KINDS["data-categories"], category.id);
    instants.push(demo.clock.peek());

    for (const asOf of instants) await expectSameDocuments(store, asOf);
  });

  it("holds only what an annex shows, whatever else the register holds", async () => {
    const store = memoryStore();
    const demo = await loadDemoRegister(store);
    const rows = await store.db.select().from(auditEntries);
    const agreementRow = rows.find((r) => r.entityType === "agreement");
    if (!agreementRow) throw new Error("the demo register has agreements");
    const template = agreementRow.after as Agreement;
    // Other agreements with a long history: none of it is read for this annex.
    const later = Date.parse(demo.loadedUntil);
    const others = Array.from({ length: 40 }, (_, i) =>
      Array.from({ length: 5 }, (_, v) => ({
        id: `bench-${i}-${v}`,
        at: new Date(later + i * 10 + v + 1).toISOString(),
        actorId: "test",
        actorName: "test",
        action: v === 0 ? "create" : "update",
        entityType: "agreement",
        entityId: `other-${i}`,
        before: null,
        after: { ...template, id: `other-${i}`, reference: `OTHER-${i}`, revision: v + 1 },
      })),
    ).flat();
    await store.db.insert(auditEntries).values(others);
    const asOf = new Date(later + 1_000).toISOString();
    const throughSeq = await lastSeqAt(store.db, asOf);

    const part = await loadDocumentSnapshot(store.db, asOf, throughSeq, { kind: "annex", agreementId: template.id });
    const agreement = part.agreements.get(template.id);
    expect([...part.agreements.keys()]).toEqual([template.id]);
    expect([...part.customers.keys()]).toEqual([agreement?.customerId]);
    expect(new Set(part.activities.keys())).toEqual(new Set(agreement?.activityIds));
    await expectSameDocuments(store, asOf);
  });

  it("leaves out entries after the pinned audit entry, even within the as-of millisecond", async () => {
    const store = memoryStore();
    const demo = await loadDemoRegister(store);
    const asOf = demo.loadedUntil;
    const throughSeq = await lastSeqAt(store.db, asOf);
    const row = (await store.db.select().from(auditEntries)).find((r) => r.entityType === "agreement");
    if (!row) throw new Error("the demo register has agreements");
    const agreement = row.after as Agreement;
    await store.db.insert(auditEntries).values({
      ...row,
      seq: undefined,
      id: "same-millisecond",
      at: asOf,
      prevHash: null,
      hash: null,
      after: { ...agreement, version: "changed after the export" },
    });
    const scope = { kind: "annex", agreementId: agreement.id } as const;
    const pinned = await loadDocumentSnapshot(store.db, asOf, throughSeq, scope);
    expect(pinned.agreements.get(agreement.id)?.version).toBe(agreement.version);
    const unpinned = await loadDocumentSnapshot(store.db, asOf, await lastSeqAt(store.db, asOf), scope);
    expect(unpinned.agreements.get(agreement.id)?.version).toBe("changed after the export");
  });
});
