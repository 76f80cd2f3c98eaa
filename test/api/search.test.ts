// One search over the register: any fragment of 3 characters or more, in any language a text is
// in, grouped by kind; the index follows every write (create, edit, delete) in the write's own
// transaction. The speed at 50k entities is measured by `./dev bench` (row 7), not here.
import { beforeEach, describe, expect, it } from "vitest";
import { makeAdminUi } from "../helpers/admin-ui.ts";
import { loadDemoRegister } from "../helpers/demo-register.ts";
import { memoryStore } from "../helpers/sqlite.ts";
import { snapshot } from "../helpers/snapshot.ts";
import { bodyOf, createdVia, makeTestApp, type TestApp } from "../helpers/test-app.ts";

interface Results {
  query: string;
  groups: { kind: string; items: { id: string; label: string }[]; total: number }[];
}

let t: TestApp;
let store: ReturnType<typeof memoryStore>;
beforeEach(async () => {
  store = memoryStore();
  await loadDemoRegister(store);
  t = await makeTestApp(store);
});

async function search(q: string): Promise<Results> {
  const response = await t.request("GET", `/api/v1/search?q=${encodeURIComponent(q)}`, { token: "read-only" });
  expect(response.status, await response.clone().text()).toBe(200);
  return bodyOf<Results>(response);
}
const labels = (r: Results) => r.groups.map((g) => [g.kind, g.items.map((i) => i.label)]);

describe("searching the register", () => {
  it('finds the ClearFacts vendor for "ixor", a customer by a fragment of its name, and texts in any language', async () => {
    expect(labels(await search("ixor"))).toEqual([["sub_processor", ["IxorDocs"]]]);
    // "eeters" is inside Peeters: the customer, and its agreement (found by its customer's name).
    expect(labels(await search("eeters"))).toEqual([
      ["customer", ["Boekhoudkantoor Peeters BV"]],
      ["agreement", ["CF-DPA-2024-001"]],
    ]);
    // A Dutch word of an activity's purpose, a French word of a measure, any case.
    expect((await search("BESCHIKBAARHEID")).groups.map((g) => g.kind)).toContain("activity");
    expect(labels(await search("chiffrement"))).toEqual([["security_measure", ["Encryption in transit", "Encryption at rest"]]]);
    // Several fragments: all must match.
    expect(labels(await search("encryption rest"))).toEqual([["security_measure", ["Encryption at rest"]]]);
    expect((await search("nothing-like-this")).groups).toEqual([]);
  });

  it("follows every write: a new record, an edit and a deletion show at once", async () => {
    const created = await createdVia(t, "/api/v1/data-categories", { name: { en: "Badge photographs", fr: "Photos de badge" } });
    expect(labels(await search("photogra"))).toEqual([["data_category", ["Badge photographs"]]]);
    const edited = await t.request("PATCH", `/api/v1/data-categories/${created.id}`, { body: { name: { en: "Visitor badges" } } });
    expect(edited.status, await edited.clone().text()).toBe(200);
    expect((await search("photogra")).groups).toEqual([]);
    expect(labels(await search("visitor badge"))).toEqual([["data_category", ["Visitor badges"]]]);
    expect((await t.request("DELETE", `/api/v1/data-categories/${created.id}`)).status).toBe(204);
    expect((await search("visitor")).groups).toEqual([]);
  });

  it("refuses fragments shorter than 3 characters (422) and reads what is typed as text, never as query syntax", async () => {
    const before = await snapshot(store);
    const short = await t.request("GET", "/api/v1/search?q=ix", { token: "read-only" });
    expect(short.status).toBe(422);
    expect(await short.text()).toContain("at least one word or fragment of 3 characters or more");
    for (const q of ['"ixor', "ixor*", "ixor OR peeters", "NEAR(ixor)", "title:ixor", "ixor'"]) {
      const response = await t.request("GET", `/api/v1/search?q=${encodeURIComponent(q)}`, { token: "read-only" });
      expect(response.status, q).toBe(200);
    }
    expect(await snapshot(store)).toEqual(before);
  });

  it("is the admin UI's search box: results grouped by kind, each linking to its record", async () => {
    const ui = await makeAdminUi(store);
    const session = await ui.signIn("read-only");
    const dashboard = await (await ui.get("/admin", session)).text();
    expect(dashboard).toContain('<form method="get" action="/admin/search" class="inline search" role="search">');
    const page = await (await ui.get("/admin/search?q=ixor", session)).text();
    expect(page).toContain("<h2>Sub-processors (1)</h2>");
    expect(page).toMatch(/<li><a href="\/admin\/sub-processors\/[0-9a-f-]{36}">IxorDocs<\/a><\/li>/);
    const short = await ui.get("/admin/search?q=ix", session);
    expect(short.status).toBe(422);
    expect(await short.text()).toContain("Give at least one word or fragment of 3 characters or more.");
  });
});
