import { describe, expect, it } from "vitest";
import { listAuditEntries } from "../../src/core/evidence/list-audit-entries.ts";
import { makeCtx, SYSTEM_ACTOR } from "../../src/core/kernel/context.ts";
import { emailOf, makeAdminUi, TEST_PASSWORD } from "../helpers/admin-ui.ts";
import { snapshot } from "../helpers/snapshot.ts";
import { memoryStore } from "../helpers/sqlite.ts";

async function world() {
  const store = memoryStore();
  const ui = await makeAdminUi(store);
  return { store, ui, admin: await ui.signIn("admin") };
}

const idOfUser = (page: string, name: string) => new RegExp(`href="/admin/users/([^"]+)">${name}<`).exec(page)?.[1] ?? "";
const revisionOf = (page: string) => /name="revision" value="(\d+)"/.exec(page)?.[1] ?? "";

describe("managing users", () => {
  it("adds a user who can then sign in with the role given, audited without the password", async () => {
    const { ui, store, admin } = await world();
    const fields = { name: "Ann Auditor", email: "Ann@Example.test", role: "read-only", password: "a long initial password" };
    const created = await ui.post("/admin/users", fields, admin);
    expect(created.status).toBe(303);
    const page = await (await ui.get(created.headers.get("location") ?? "", admin)).text();
    expect(page).toContain("ann@example.test");
    expect(decodeURIComponent(created.headers.get("set-cookie") ?? "")).toContain("__Host-dpa_flash=Added ann@example.test.");

    const signedIn = await ui.post("/admin/sign-in", { email: "ann@example.test", password: "a long initial password" });
    expect(signedIn.status).toBe(303);
    const audit = await listAuditEntries(makeCtx(store, SYSTEM_ACTOR), { entityType: "user" } as never);
    const entry = JSON.stringify(audit);
    expect(entry).toContain("ann@example.test");
    expect(entry).not.toContain("a long initial password");
    expect(entry).not.toContain("scrypt$");
  });

  it("shows each problem beside its field and saves nothing", async () => {
    const { ui, store, admin } = await world();
    const before = await snapshot(store);
    const response = await ui.post("/admin/users", { name: "", email: "not-an-email", role: "superuser", password: "short" }, admin);
    expect(response.status).toBe(422);
    const page = await response.text();
    expect(page).toMatch(/id="f-name-error">Enter a name.</);
    expect(page).toMatch(/id="f-email-error">Enter an e-mail address like dpo@example.com.</);
    expect(page).toMatch(/id="f-role-error">Choose a role.</);
    expect(page).toMatch(/id="f-password-error">Use at least 12 characters.</);
    expect(page).toContain('value="not-an-email"');
    expect(await snapshot(store)).toEqual(before);
  });

  it("refuses a second user with the same e-mail, whatever its case", async () => {
    const { ui, store, admin } = await world();
    const before = await snapshot(store);
    const response = await ui.post(
      "/admin/users",
      { name: "Again", email: emailOf("editor").toUpperCase(), role: "editor", password: TEST_PASSWORD },
      admin,
    );
    expect(response.status).toBe(422);
    expect(await response.text()).toContain("A user with this e-mail already exists.");
    expect(await snapshot(store)).toEqual(before);
  });

  it("keeps at least one enabled admin", async () => {
    const { ui, store, admin } = await world();
    const list = await (await ui.get("/admin/users", admin)).text();
    const id = idOfUser(list, "Test admin");
    const revision = revisionOf(await (await ui.get(`/admin/users/${id}`, admin)).text());
    const before = await snapshot(store);
    const demoted = await ui.post(`/admin/users/${id}`, { name: "Test admin", role: "editor", revision }, admin);
    expect(demoted.status).toBe(422);
    expect(await demoted.text()).toContain("This is the last enabled admin");
    expect(await snapshot(store)).toEqual(before);
  });

  it("refuses a stale edit (409) instead of overwriting someone else's change", async () => {
    const { ui, store, admin } = await world();
    const id = idOfUser(await (await ui.get("/admin/users", admin)).text(), "Test editor");
    const revision = revisionOf(await (await ui.get(`/admin/users/${id}`, admin)).text());
    expect((await ui.post(`/admin/users/${id}`, { name: "Renamed once", role: "editor", revision }, admin)).status).toBe(303);
    const before = await snapshot(store);
    const stale = await ui.post(`/admin/users/${id}`, { name: "Renamed twice", role: "admin", revision }, admin);
    expect(stale.status).toBe(409);
    expect(await snapshot(store)).toEqual(before);
  });

  it("lets an admin reset a password, which ends that user's sessions", async () => {
    const { ui, admin } = await world();
    const editor = await ui.signIn("editor");
    const id = idOfUser(await (await ui.get("/admin/users", admin)).text(), "Test editor");
    expect((await ui.post(`/admin/users/${id}/password`, { password: "short" }, admin)).status).toBe(422);
    expect((await ui.post(`/admin/users/${id}/password`, { password: "a brand new password" }, admin)).status).toBe(303);
    expect((await ui.get("/admin/account", editor)).status).toBe(401);
    expect((await ui.post("/admin/sign-in", { email: emailOf("editor"), password: "a brand new password" })).status).toBe(303);
  });

  it("is for admins only", async () => {
    const { ui, store } = await world();
    const editor = await ui.signIn("editor");
    const before = await snapshot(store);
    expect((await ui.get("/admin/users", editor)).status).toBe(403);
    expect(
      (await ui.post("/admin/users", { name: "x", email: "x@example.test", role: "admin", password: TEST_PASSWORD }, editor)).status,
    ).toBe(403);
    expect(await snapshot(store)).toEqual(before);
    expect(await (await ui.get("/admin/account", editor)).text()).not.toContain('href="/admin/users"');
  });
});

describe("managing API tokens", () => {
  it("creates a token whose secret is shown once and works on the API, shows its last use, and revokes it", async () => {
    const { ui, admin } = await world();
    const created = await ui.post("/admin/tokens", { name: "procurement-workflow", role: "procurement" }, admin);
    expect(created.status).toBe(201);
    const page = await created.text();
    const secret = /<pre>(dpar_[A-Za-z0-9_-]{43})<\/pre>/.exec(page)?.[1] ?? "";
    expect(secret).not.toBe("");
    expect(created.headers.get("set-cookie") ?? "").not.toContain(secret);

    const listed = await (await ui.get("/admin/tokens", admin)).text();
    expect(listed).not.toContain(secret);
    expect(listed).toMatch(/procurement-workflow<\/td><td>Procurement \(API only\)<\/td><td>[^<]*<\/td><td>never<\/td>/);

    const api = (path: string, init: RequestInit = {}) =>
      ui.app.request(`http://localhost${path}`, {
        ...init,
        headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" },
      });
    expect((await api("/api/v1/sub-processors")).status).toBe(200);
    expect((await api("/api/v1/customers", { method: "POST", body: "{}" })).status).toBe(403);
    expect(await (await ui.get("/admin/tokens", admin)).text()).not.toMatch(/procurement-workflow<\/td>.*?<td>never<\/td>/);

    const id = /action="\/admin\/tokens\/([^"/]+)\/revoke"/.exec(listed)?.[1] ?? "";
    expect((await ui.post(`/admin/tokens/${id}/revoke`, {}, admin)).status).toBe(303);
    expect((await api("/api/v1/sub-processors")).status).toBe(401);
    expect(await (await ui.get("/admin/tokens", admin)).text()).toContain("Revoked");
  });

  it("refuses a token without a name or with an unknown role and creates nothing", async () => {
    const { ui, store, admin } = await world();
    const before = await snapshot(store);
    const response = await ui.post("/admin/tokens", { name: " ", role: "root" }, admin);
    expect(response.status).toBe(422);
    const page = await response.text();
    expect(page).toMatch(/id="f-name-error"/);
    expect(page).toMatch(/id="f-role-error"/);
    expect(await snapshot(store)).toEqual(before);
  });

  it("gives a clear 404 for revoking an unknown token and 409 for revoking twice", async () => {
    const { ui, admin } = await world();
    expect((await ui.post("/admin/tokens/01900000-0000-7000-8000-000000000000/revoke", {}, admin)).status).toBe(404);
    await ui.post("/admin/tokens", { name: "once", role: "editor" }, admin);
    const id = /action="\/admin\/tokens\/([^"/]+)\/revoke"/.exec(await (await ui.get("/admin/tokens", admin)).text())?.[1] ?? "";
    expect((await ui.post(`/admin/tokens/${id}/revoke`, {}, admin)).status).toBe(303);
    expect((await ui.post(`/admin/tokens/${id}/revoke`, {}, admin)).status).toBe(409);
  });
});
