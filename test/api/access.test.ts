import { beforeAll, describe, expect, it } from "vitest";
import { can, ROLES } from "../../src/core/kernel/roles.ts";
import { concrete, documentedRoutes, type RouteInfo } from "../helpers/routes.ts";
import { memoryStore } from "../helpers/sqlite.ts";
import { snapshot } from "../helpers/snapshot.ts";
import { makeTestApp, type TestApp, type TokenName } from "../helpers/test-app.ts";

const routes = await documentedRoutes();
const send = (t: TestApp, r: RouteInfo, token: TokenName | null, headers?: Record<string, string>) =>
  t.request(r.method, concrete(r.path), { token, headers, ...(r.method === "GET" ? {} : { body: {} }) });

describe("access to every documented route", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp(memoryStore());
  });

  it("covers the whole API (the route list is read from the OpenAPI document)", () => {
    expect(routes.length).toBeGreaterThanOrEqual(30);
    expect(routes.map((r) => `${r.method} ${r.path}`)).toContain("POST /api/v1/sub-processors");
  });

  describe.each(routes)("$method $path", (route) => {
    it("refuses a request without a token, with a malformed header, and with a revoked token", async () => {
      const before = await snapshot(t.store);
      for (const response of [
        await send(t, route, null),
        await send(t, route, null, { authorization: "Basic YWRtaW46YWRtaW4=" }),
        await send(t, route, null, { authorization: "Bearer dpar_not-a-real-token" }),
        await send(t, route, "revoked"),
      ]) {
        expect(response.status).toBe(401);
        expect(response.headers.get("content-type")).toBe("application/problem+json");
        expect(response.headers.get("www-authenticate")).toContain("Bearer");
      }
      expect(await snapshot(t.store)).toEqual(before);
    });

    it.each(ROLES)("gives the %s role exactly what its permission allows", async (role) => {
      const before = await snapshot(t.store);
      const response = await send(t, route, role);
      if (can(role, route.permission)) {
        expect([401, 403]).not.toContain(response.status);
      } else {
        expect(response.status).toBe(403);
        expect(await snapshot(t.store)).toEqual(before);
      }
    });
  });

  it("lets no read-only token write anywhere", () => {
    const writes = routes.filter((r) => r.method !== "GET");
    expect(writes.length).toBeGreaterThan(15);
    for (const r of writes) expect(can("read-only", r.permission), `${r.method} ${r.path}`).toBe(false);
  });
});

describe("public routes", () => {
  it("serves /health, the OpenAPI document and the reference page without a token", async () => {
    const t = await makeTestApp(memoryStore());
    expect((await t.request("GET", "/health", { token: null })).status).toBe(200);
    const doc = await t.request("GET", "/api/openapi.json", { token: null });
    expect(doc.status).toBe(200);
    expect(((await doc.json()) as { openapi: string }).openapi).toBe("3.1.0");
    const page = await t.request("GET", "/api/reference", { token: null });
    expect(page.status).toBe(200);
    const html = await page.text();
    for (const r of routes) expect(html).toContain(r.path);
  });
});
