import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { makeCtx, SYSTEM_ACTOR } from "../../src/core/kernel/context.ts";
import { hashPassword, verifyPassword } from "../../src/core/accounts/password.ts";
import { createUser } from "../../src/core/accounts/user-use-cases.ts";
import { freshD1Store } from "./d1-store.ts";

// The deployed Worker entry (src/entry/worker.ts) serving the admin UI over D1.
const worker = (exports as unknown as { default: Fetcher }).default;
const ORIGIN = "https://register.test";
const call = (path: string, init?: RequestInit) => worker.fetch(`${ORIGIN}${path}`, { redirect: "manual", ...init });

describe("the admin UI in the Worker", () => {
  // The production cost takes about 5 s per hash in this test runtime (0.7 s on Node): run it once.
  it("hashes and verifies passwords at the production cost inside workerd", async () => {
    const stored = await hashPassword("a worker-side password");
    expect(stored).toMatch(/^scrypt\$32768\$8\$3\$/);
    expect(await verifyPassword("a worker-side password", stored)).toBe(true);
    const cheap = await hashPassword("a worker-side password", { N: 16, r: 1, p: 1 });
    expect(await verifyPassword("another password", cheap)).toBe(false);
  });

  it("signs a user in with a secure session cookie and serves their pages", async () => {
    const store = await freshD1Store();
    await createUser(
      makeCtx(store, SYSTEM_ACTOR),
      { email: "dpo@example.test", name: "Dana", role: "admin", password: "a worker-side password" },
      { N: 16, r: 1, p: 1 },
    );
    expect((await call("/admin/account")).status).toBe(401);

    const signIn = await call("/admin/sign-in", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: ORIGIN },
      body: new URLSearchParams({ email: "dpo@example.test", password: "a worker-side password", next: "/admin/account" }).toString(),
    });
    expect(signIn.status).toBe(303);
    const cookie = signIn.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^__Host-dpa_session=[^;]+;.*HttpOnly; Secure; SameSite=Lax/);

    const account = await call("/admin/account", { headers: { cookie: cookie.split(";")[0] ?? "" } });
    expect(account.status).toBe(200);
    expect(await account.text()).toContain("dpo@example.test");
    expect(account.headers.get("content-security-policy")).toContain("script-src 'self'");

    // The page's language is the request's (AsyncLocalStorage, which workerd has with nodejs_compat):
    // the browser's, then the user's own choice.
    const session = cookie.split(";")[0] ?? "";
    const dutch = await (await call("/admin/account", { headers: { cookie: session, "accept-language": "nl-BE" } })).text();
    expect(dutch).toContain('<html lang="nl">');
    expect(dutch).toContain("Uw wachtwoord wijzigen");
    const csrf = /name="_csrf" value="([^"]+)"/.exec(dutch)?.[1] ?? "";
    const chosen = await call("/admin/account/language", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: ORIGIN, cookie: session },
      body: new URLSearchParams({ _csrf: csrf, language: "fr" }).toString(),
    });
    expect(chosen.status).toBe(303);
    const french = await (await call("/admin/account", { headers: { cookie: session, "accept-language": "nl-BE" } })).text();
    expect(french).toContain('<html lang="fr">');
    expect(french).toContain("Modifier votre mot de passe");
  });
});
