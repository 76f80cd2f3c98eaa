import { describe, expect, it } from "vitest";
import { REQUEST_ID_HEADER } from "../../src/http/middleware/request-log.ts";
import { PUBLIC_CSP } from "../../src/http/feeds/cacheable.ts";
import { DEFAULT_CSP, SECURITY_HEADERS } from "../../src/http/security-headers.ts";
import * as fixtures from "../helpers/fixtures.ts";
import { memoryStore } from "../helpers/sqlite.ts";
import { bodyOf, makeTestApp } from "../helpers/test-app.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The security headers as sent, with the policy a page may set for itself apart. */
function securityHeadersOf(response: Response) {
  return Object.fromEntries(Object.keys(SECURITY_HEADERS).map((name) => [name, response.headers.get(name)]));
}

const expected = (csp = DEFAULT_CSP) => ({ ...SECURITY_HEADERS, "content-security-policy": csp });

describe("security headers", () => {
  it("are on every answer, whether built at once (a remembered record or page) or completed by the middleware", async () => {
    const t = await makeTestApp(memoryStore());
    const created = await t.request("POST", "/api/v1/data-categories", { body: fixtures.dataCategory() });
    expect(created.status).toBe(201);
    const { id } = await bodyOf<{ id: string }>(created.clone());

    const answers = {
      created,
      health: await t.request("GET", "/health", { token: null }),
      // The first read computes the record, the second is the remembered bytes sent with every header at once.
      firstRead: await t.request("GET", `/api/v1/data-categories/${id}`),
      rememberedRead: await t.request("GET", `/api/v1/data-categories/${id}`),
      page: await t.request("GET", "/api/v1/data-categories"),
      rememberedPage: await t.request("GET", "/api/v1/data-categories"),
      unauthenticated: await t.request("GET", "/api/v1/data-categories", { token: null }),
      notFound: await t.request("GET", "/api/v1/nothing-here"),
      invalid: await t.request("POST", "/api/v1/data-categories", { body: { name: {} } }),
    };
    expect(Object.fromEntries(Object.entries(answers).map(([k, r]) => [k, r.status]))).toEqual({
      created: 201,
      health: 200,
      firstRead: 200,
      rememberedRead: 200,
      page: 200,
      rememberedPage: 200,
      unauthenticated: 401,
      notFound: 404,
      invalid: 422,
    });
    for (const response of Object.values(answers)) {
      expect(securityHeadersOf(response)).toEqual(expected());
      expect(response.headers.get(REQUEST_ID_HEADER)).toMatch(UUID);
    }
    expect(new Set(Object.values(answers).map((r) => r.headers.get(REQUEST_ID_HEADER))).size).toBe(Object.keys(answers).length);

    // The remembered answers are the same answers: body, type and entity tag.
    expect(answers.rememberedRead.headers.get("content-type")).toBe("application/json");
    expect(answers.rememberedRead.headers.get("etag")).toBe(answers.firstRead.headers.get("etag"));
    expect(await bodyOf(answers.rememberedRead)).toEqual(await bodyOf(answers.firstRead));
    expect(await bodyOf(answers.rememberedPage)).toEqual(await bodyOf(answers.page));
  });

  it("keep a page's own content security policy and enforce the rest", async () => {
    const t = await makeTestApp(memoryStore());
    expect((await t.request("PUT", "/api/v1/organisation", { body: fixtures.organisation() })).status).toBe(200);
    const list = await t.request("GET", "/public/sub-processors.json", { token: null });
    const unchanged = await t.request("GET", "/public/sub-processors.json", {
      token: null,
      headers: { "if-none-match": list.headers.get("etag") ?? "" },
    });
    expect([list.status, unchanged.status]).toEqual([200, 304]);
    for (const response of [list, unchanged]) {
      expect(securityHeadersOf(response)).toEqual(expected(PUBLIC_CSP));
      expect(response.headers.get(REQUEST_ID_HEADER)).toMatch(UUID);
      expect(response.headers.get("cache-control")).toBe("public, max-age=300");
    }

    const reference = await t.request("GET", "/api/reference", { token: null });
    expect(reference.status).toBe(200);
    const policy = reference.headers.get("content-security-policy");
    expect(policy).not.toBe(DEFAULT_CSP);
    expect(securityHeadersOf(reference)).toEqual(expected(policy ?? ""));
  });
});
