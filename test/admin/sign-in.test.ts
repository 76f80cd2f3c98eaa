import { describe, expect, it } from "vitest";
import { ABSOLUTE_TIMEOUT_MS, IDLE_TIMEOUT_MS, LOCKOUT_MS, MAX_FAILED_SIGN_INS } from "../../src/core/accounts/sessions.ts";
import { settableClock } from "../helpers/clocks.ts";
import { emailOf, makeAdminUi, TEST_PASSWORD } from "../helpers/admin-ui.ts";
import { snapshot } from "../helpers/snapshot.ts";
import { memoryStore } from "../helpers/sqlite.ts";

const START = "2026-11-21T09:00:00.000Z";
const later = (ms: number) => new Date(Date.parse(START) + ms).toISOString();

async function world() {
  const clock = settableClock(START);
  const store = memoryStore();
  return { clock, store, ui: await makeAdminUi(store, clock) };
}

describe("signing in to the admin UI", () => {
  it("answers an anonymous request with the sign-in form (401) that returns to the page asked for", async () => {
    const { ui } = await world();
    const response = await ui.get("/admin/users?x=1");
    expect(response.status).toBe(401);
    const page = await response.text();
    expect(page).toContain('<form method="post" action="/admin/sign-in">');
    expect(page).toContain('name="next" value="/admin/users?x=1"');
    expect(page).toContain("Please sign in to continue.");
  });

  it("sets a __Host- session cookie that is Secure, HttpOnly, SameSite=Lax, Path=/ and has no Domain", async () => {
    const { ui } = await world();
    const response = await ui.post("/admin/sign-in", { email: emailOf("editor"), password: TEST_PASSWORD, next: "/admin/account" });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/admin/account");
    const cookie = response.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^__Host-dpa_session=dpar_[A-Za-z0-9_-]{43};/);
    const attributes = cookie
      .split(";")
      .slice(1)
      .map((a) => a.trim());
    expect(attributes).toEqual(
      expect.arrayContaining(["Secure", "HttpOnly", "SameSite=Lax", "Path=/", `Max-Age=${ABSOLUTE_TIMEOUT_MS / 1000}`]),
    );
    expect(cookie.toLowerCase()).not.toContain("domain=");
  });

  it("accepts the e-mail in any case and with spaces around it", async () => {
    const { ui } = await world();
    const response = await ui.post("/admin/sign-in", { email: `  ${emailOf("admin").toUpperCase()} `, password: TEST_PASSWORD });
    expect(response.status).toBe(303);
  });

  it("refuses a wrong password or an unknown e-mail with the same message and no cookie", async () => {
    const { ui } = await world();
    for (const attempt of [
      { email: emailOf("admin"), password: "not the password" },
      { email: "nobody@example.test", password: TEST_PASSWORD },
    ]) {
      const response = await ui.post("/admin/sign-in", attempt);
      expect(response.status).toBe(401);
      expect(response.headers.get("set-cookie")).toBeNull();
      const page = await response.text();
      expect(page).toContain("The e-mail address or password is not right.");
      expect(page).toContain(`value="${attempt.email}"`);
    }
  });

  it("names each missing field beside it (422) and opens no session", async () => {
    const { ui, store } = await world();
    const before = await snapshot(store);
    const response = await ui.post("/admin/sign-in", { email: "", password: "" });
    expect(response.status).toBe(422);
    const page = await response.text();
    expect(page).toMatch(/<label for="f-email">[\s\S]*<p class="error" id="f-email-error">Enter your e-mail address.<\/p>/);
    expect(page).toMatch(/<p class="error" id="f-password-error">Enter your password.<\/p>/);
    expect(await snapshot(store)).toEqual(before);
  });

  it("never redirects off the site after sign-in", async () => {
    const { ui } = await world();
    for (const next of ["https://evil.example/admin", "//evil.example/admin", "/\\evil.example", "/api/v1/tokens"]) {
      const response = await ui.post("/admin/sign-in", { email: emailOf("admin"), password: TEST_PASSWORD, next });
      expect(response.headers.get("location"), next).toBe("/admin");
    }
  });

  it(`locks an account for ${LOCKOUT_MS / 60000} minutes after ${MAX_FAILED_SIGN_INS} failed sign-ins in a row`, async () => {
    const { ui, clock } = await world();
    for (let i = 0; i < MAX_FAILED_SIGN_INS; i++) {
      expect((await ui.post("/admin/sign-in", { email: emailOf("editor"), password: `wrong ${i}` })).status).toBe(401);
    }
    const locked = await ui.post("/admin/sign-in", { email: emailOf("editor"), password: TEST_PASSWORD });
    expect(locked.status).toBe(401);
    expect(await locked.text()).toContain("this account is locked");
    clock.set(later(LOCKOUT_MS + 1000));
    expect((await ui.post("/admin/sign-in", { email: emailOf("editor"), password: TEST_PASSWORD })).status).toBe(303);
  });
});

describe("sessions", () => {
  it("end at sign-out: the cookie is cleared and no longer opens a page", async () => {
    const { ui } = await world();
    const session = await ui.signIn("admin");
    expect((await ui.get("/admin/account", session)).status).toBe(200);
    const out = await ui.post("/admin/sign-out", {}, session);
    expect(out.status).toBe(303);
    expect(out.headers.get("set-cookie")).toMatch(/^__Host-dpa_session=;.*Max-Age=0/);
    const after = await ui.get("/admin/account", session);
    expect(after.status).toBe(401);
    expect(await after.text()).toContain("Your session has ended.");
  });

  it(`end after ${IDLE_TIMEOUT_MS / 60000} idle minutes, but activity keeps them alive`, async () => {
    const { ui, clock } = await world();
    const session = await ui.signIn("editor");
    clock.set(later(IDLE_TIMEOUT_MS - 60_000));
    expect((await ui.get("/admin/account", session)).status).toBe(200);
    clock.set(later(2 * IDLE_TIMEOUT_MS - 120_000));
    expect((await ui.get("/admin/account", session)).status).toBe(200);
    clock.set(later(3 * IDLE_TIMEOUT_MS));
    expect((await ui.get("/admin/account", session)).status).toBe(401);
  });

  it(`end ${ABSOLUTE_TIMEOUT_MS / 3600000} hours after sign-in however active they are`, async () => {
    const { ui, clock } = await world();
    const session = await ui.signIn("editor");
    for (let at = 20 * 60_000; at < ABSOLUTE_TIMEOUT_MS; at += 20 * 60_000) {
      clock.set(later(at));
      expect((await ui.get("/admin/account", session)).status, `at ${at / 60000} min`).toBe(200);
    }
    clock.set(later(ABSOLUTE_TIMEOUT_MS));
    expect((await ui.get("/admin/account", session)).status).toBe(401);
  });

  it("end when an admin disables the user", async () => {
    const { ui } = await world();
    const admin = await ui.signIn("admin");
    const editor = await ui.signIn("editor");
    const users = await (await ui.get("/admin/users", admin)).text();
    const editorId = /href="\/admin\/users\/([^"]+)">Test editor</.exec(users)?.[1] ?? "";
    const userPage = await (await ui.get(`/admin/users/${editorId}`, admin)).text();
    const revision = /name="revision" value="(\d+)"/.exec(userPage)?.[1] ?? "";
    const saved = await ui.post(`/admin/users/${editorId}`, { name: "Test editor", role: "editor", disabled: "true", revision }, admin);
    expect(saved.status).toBe(303);
    expect((await ui.get("/admin/account", editor)).status).toBe(401);
    expect((await ui.post("/admin/sign-in", { email: emailOf("editor"), password: TEST_PASSWORD })).status).toBe(401);
  });

  it("store only a hash of the cookie secret", async () => {
    const { ui, store } = await world();
    const session = await ui.signIn("admin");
    const rows = await store.db.query.sessions.findMany();
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(session.cookie);
  });
});

describe("the account page", () => {
  it("changes one's own password after checking the current one, ending the other sessions", async () => {
    const { ui } = await world();
    const here = await ui.signIn("editor");
    const elsewhere = await ui.signIn("editor");
    const wrong = await ui.post(
      "/admin/account/password",
      { current: "guess", password: "a new long password", confirm: "a new long password" },
      here,
    );
    expect(wrong.status).toBe(422);
    expect(await wrong.text()).toContain("This is not your current password.");
    const short = await ui.post("/admin/account/password", { current: TEST_PASSWORD, password: "short", confirm: "short" }, here);
    expect(short.status).toBe(422);
    expect(await short.text()).toMatch(/id="f-password-error">Use at least 12 characters./);

    const changed = await ui.post(
      "/admin/account/password",
      { current: TEST_PASSWORD, password: "a new long password", confirm: "a new long password" },
      here,
    );
    expect(changed.status).toBe(303);
    expect((await ui.get("/admin/account", here)).status).toBe(200);
    expect((await ui.get("/admin/account", elsewhere)).status).toBe(401);
    expect((await ui.post("/admin/sign-in", { email: emailOf("editor"), password: TEST_PASSWORD })).status).toBe(401);
    expect((await ui.post("/admin/sign-in", { email: emailOf("editor"), password: "a new long password" })).status).toBe(303);
  });
});
