import { describe, expect, it } from "vitest";
import { makeCtx, SYSTEM_ACTOR } from "../../src/core/kernel/context.ts";
import { dataCategoryKind } from "../../src/core/register/data-categories.ts";
import { updateEntity } from "../../src/core/register/use-cases/update-entity.ts";
import { searchRegister } from "../../src/core/search/index.ts";
import { loadDemoRegister } from "../helpers/demo-register.ts";
import { freshD1Store } from "./d1-store.ts";

describe("search on D1", () => {
  it("has the trigram index and its triggers from the migrations, and follows an edit", async () => {
    const store = await freshD1Store();
    await loadDemoRegister(store);
    const ctx = makeCtx(store, SYSTEM_ACTOR);
    const ixor = await searchRegister(ctx, { q: "ixor" });
    expect(ixor.groups.map((g) => [g.kind, g.items.map((i) => i.label)])).toEqual([["sub_processor", ["IxorDocs"]]]);
    const found = await searchRegister(ctx, { q: "Financial data" });
    const id = found.groups.find((g) => g.kind === "data_category")?.items[0]?.id as string;
    await updateEntity(ctx, dataCategoryKind, id, { name: { en: "Banking details" } });
    expect((await searchRegister(ctx, { q: "banking" })).groups.map((g) => g.kind)).toEqual(["data_category"]);
  });
});
