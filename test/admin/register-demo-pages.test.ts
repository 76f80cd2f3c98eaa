import { describe, expect, it } from "vitest";
import { makeCtx, SYSTEM_ACTOR } from "../../src/core/kernel/context.ts";
import type { AnyEntityKind } from "../../src/core/register/entity-kind.ts";
import { ENTITY_KINDS } from "../../src/core/register/kinds.ts";
import { listEntities } from "../../src/core/register/use-cases/list-entities.ts";
import type { Store } from "../../src/core/kernel/ports/store.ts";
import { snapshot } from "../helpers/snapshot.ts";
import { flashOf, follow, readForm, signedIn } from "./register-form-reader.ts";

/** Every entity of the demo register, as [segment, id]. */
async function everyEntity(store: Store): Promise<[string, string][]> {
  const ctx = makeCtx(store, SYSTEM_ACTOR);
  const all: [string, string][] = [];
  for (const [segment, kind] of Object.entries(ENTITY_KINDS)) {
    const { items, nextCursor } = await listEntities(ctx, kind as AnyEntityKind, { limit: "200" });
    expect(nextCursor).toBeNull();
    for (const item of items) all.push([segment, (item as { id: string }).id]);
  }
  return all;
}

describe("the demo register in the admin UI", () => {
  it("renders every list, view and history page for a read-only user", async () => {
    const { ui, session, store } = await signedIn("read-only", { demo: true });
    const entities = await everyEntity(store);
    expect(entities.length).toBeGreaterThan(20);
    for (const segment of Object.keys(ENTITY_KINDS)) {
      const list = await ui.get(`/admin/${segment}`, session);
      expect(list.status, segment).toBe(200);
      const html = await list.text();
      for (const [s, id] of entities.filter(([s]) => s === segment))
        expect(html, `${s} ${id} listed`).toContain(`href="/admin/${s}/${id}"`);
    }
    for (const [segment, id] of entities) {
      for (const path of [`/admin/${segment}/${id}`, `/admin/${segment}/${id}/history`]) {
        const response = await ui.get(path, session);
        expect(response.status, path).toBe(200);
        const html = await response.text();
        expect(html, path).not.toMatch(/>Edit<|>Archive<|>Delete</);
      }
    }
    for (const path of ["/admin/organisation", "/admin/organisation/history"]) expect((await ui.get(path, session)).status, path).toBe(200);
  });

  it("saves every demo entity's edit form unchanged without writing anything: the forms show every stored value", async () => {
    const { ui, session, store } = await signedIn("editor", { demo: true });
    const before = await snapshot(store);
    for (const [segment, id] of await everyEntity(store)) {
      const form = readForm(await (await ui.get(`/admin/${segment}/${id}/edit`, session)).text());
      const saved = await follow(ui, await ui.post(form.action, form.values, session), session);
      expect(flashOf(saved.html), `${segment} ${id}`).toBe("Nothing changed.");
    }
    expect(await snapshot(store)).toEqual(before);
  });
});
