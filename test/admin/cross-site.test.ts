import { describe, expect, it } from "vitest";
import { emailOf, makeAdminUi, TEST_PASSWORD } from "../helpers/admin-ui.ts";
import { snapshot } from "../helpers/snapshot.ts";
import { memoryStore } from "../helpers/sqlite.ts";

/** A write any admin may make: creating a token (it shows up in a snapshot when it happens). */
const CREATE_TOKEN = { path: "/admin/tokens", fields: { name: "from a form", role: "read-only" } };

async function world() {
  const store = memoryStore();
  const ui = await makeAdminUi(store);
  return { store, ui, admin: await ui.signIn("admin") };
}

describe("cross-site form posts", () => {
  it("are accepted from the site itself with the session's token (the control case)", async () => {
    const { ui, admin } = await world();
    expect((await ui.post(CREATE_TOKEN.path, CREATE_TOKEN.fields, admin)).status).toBe(201);
  });

  it.each([
    ["from another origin, token included", { origin: "https://evil.example" }],
    ["from a sibling subdomain", { origin: "http://evil.localhost" }],
    ["without Origin, marked cross-site by the browser", { origin: null, headers: { "sec-fetch-site": "cross-site" } }],
    ["without the CSRF token", { csrf: null }],
    ["with another session's CSRF token", { csrf: "dpar_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" }],
  ])("are refused %s (403) and change nothing", async (_case, options) => {
    const { ui, store, admin } = await world();
    const before = await snapshot(store);
    const response = await ui.post(CREATE_TOKEN.path, CREATE_TOKEN.fields, admin, options);
    expect(response.status).toBe(403);
    expect(await response.text()).toMatch(/another site|did not come from this site/);
    expect(await snapshot(store)).toEqual(before);
  });

  it("cannot sign a victim in to an attacker's account (login CSRF)", async () => {
    const { ui } = await world();
    const response = await ui.post("/admin/sign-in", { email: emailOf("admin"), password: TEST_PASSWORD }, null, {
      origin: "https://evil.example",
    });
    expect(response.status).toBe(403);
    expect(response.headers.get("set-cookie")).toBeNull();
  });

  it("are refused as JSON or plain text (415), so no content type slips past the form checks", async () => {
    const { ui, store, admin } = await world();
    const before = await snapshot(store);
    for (const type of ["application/json", "text/plain"]) {
      const response = await ui.app.request("http://localhost/admin/tokens", {
        method: "POST",
        headers: { "content-type": type, origin: "http://localhost", cookie: `__Host-dpa_session=${admin.cookie}` },
        body: type === "application/json" ? JSON.stringify({ _csrf: admin.csrf, ...CREATE_TOKEN.fields }) : `_csrf=${admin.csrf}`,
      });
      expect(response.status, type).toBe(415);
    }
    expect(await snapshot(store)).toEqual(before);
  });
});

describe("security headers of admin pages", () => {
  it("forbid inline scripts and framing, pin HTTPS, and send no referrer", async () => {
    const { ui, admin } = await world();
    for (const path of ["/admin/account", "/admin/sign-in"]) {
      const response = await ui.get(path, path === "/admin/sign-in" ? null : admin);
      const csp = response.headers.get("content-security-policy") ?? "";
      const directives = Object.fromEntries(
        csp
          .split(";")
          .map((d) => d.trim().split(/\s+/))
          .map(([k, ...v]) => [k, v]),
      );
      expect(directives["script-src"], path).toEqual(["'self'"]);
      expect(directives["style-src"]).toEqual(["'self'"]);
      expect(directives["frame-ancestors"]).toEqual(["'none'"]);
      expect(directives["default-src"]).toEqual(["'none'"]);
      expect(csp).not.toContain("unsafe-inline");
      expect(response.headers.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(response.headers.get("referrer-policy")).toBe("no-referrer");
      expect(response.headers.get("x-frame-options")).toBe("DENY");
      expect(response.headers.get("cache-control")).toBe("no-store");
      const page = await response.text();
      expect(page).not.toMatch(/<script(?![^>]*\bsrc=)/);
      expect(page).not.toMatch(/\sstyle="|\son[a-z]+="/);
    }
  });

  it("serve the stylesheet and script from the app itself", async () => {
    const { ui, admin } = await world();
    const page = await (await ui.get("/admin/account", admin)).text();
    const css = /<link rel="stylesheet" href="([^"]+)">/.exec(page)?.[1] ?? "";
    const js = /<script src="([^"]+)" defer>/.exec(page)?.[1] ?? "";
    expect((await ui.get(css)).headers.get("content-type")).toContain("text/css");
    expect((await ui.get(js)).headers.get("content-type")).toContain("text/javascript");
  });
});
