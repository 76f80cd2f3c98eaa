import { afterEach, describe, expect, it, vi } from "vitest";
import { createApp } from "../../src/app.ts";
import type { Clock } from "../../src/core/kernel/context.ts";
import { type Logger, REQUEST_ID_HEADER } from "../../src/http/middleware/request-log.ts";
import { emailOf, makeAdminUi, TEST_PASSWORD } from "../helpers/admin-ui.ts";
import * as fixtures from "../helpers/fixtures.ts";
import { memoryStore } from "../helpers/sqlite.ts";
import { bodyOf, createdVia, makeTestApp } from "../helpers/test-app.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A logger that keeps its lines, as the Node and Worker entries' write them. */
function capture() {
  const lines: { level: "info" | "error"; line: string }[] = [];
  const logger: Logger = { info: (line) => lines.push({ level: "info", line }), error: (line) => lines.push({ level: "error", line }) };
  const entries = () => lines.map((l) => JSON.parse(l.line) as Record<string, unknown>);
  return { lines, logger, entries };
}

/** A clock that can be made to fail, to reach the unhandled-error path. */
function breakableClock() {
  let broken = false;
  const clock: Clock = {
    now() {
      if (broken) throw new Error("the clock stopped");
      return new Date();
    },
  };
  return { clock, break: () => (broken = true) };
}

afterEach(() => vi.restoreAllMocks());

describe("the request id", () => {
  it("is on every answer: success, 401, 404, 405, 422 and 500, and in every problem body", async () => {
    const breakable = breakableClock();
    const t = await makeTestApp(memoryStore(), breakable.clock);
    const ok = await t.request("GET", "/health", { token: null });
    expect(ok.status).toBe(200);
    expect(ok.headers.get(REQUEST_ID_HEADER)).toMatch(UUID);

    const answers = [
      await t.request("GET", "/api/v1/customers", { token: null }),
      await t.request("GET", "/api/v1/nothing-here"),
      await t.request("DELETE", "/api/openapi.json"),
      await t.request("POST", "/api/v1/customers", { body: { ...fixtures.customer(), address: { ...fixtures.address, country: "XX" } } }),
    ];
    expect(answers.map((r) => r.status)).toEqual([401, 404, 405, 422]);
    for (const response of answers) {
      const id = response.headers.get(REQUEST_ID_HEADER);
      expect(id).toMatch(UUID);
      expect((await bodyOf(response)).requestId).toBe(id);
    }
    // Each request has its own.
    expect(new Set(answers.map((r) => r.headers.get(REQUEST_ID_HEADER))).size).toBe(answers.length);

    vi.spyOn(console, "error").mockImplementation(() => {});
    breakable.break();
    const failed = await t.request("GET", "/api/v1/customers");
    expect(failed.status).toBe(500);
    const body = await bodyOf(failed);
    expect(body.requestId).toBe(failed.headers.get(REQUEST_ID_HEADER));
    expect(JSON.stringify(body)).not.toContain("the clock stopped");
  });

  it("trusts no incoming header unless one is configured", async () => {
    const t = await makeTestApp(memoryStore());
    for (const header of ["Request-Id", "X-Request-Id", "cf-ray", "traceparent"]) {
      const response = await t.request("GET", "/health", { token: null, headers: { [header]: "abc-123" } });
      expect(response.headers.get(REQUEST_ID_HEADER)).toMatch(UUID);
    }
  });

  it("takes a well-formed id from the configured header and replaces a malformed one", async () => {
    const t = await makeTestApp(memoryStore(), undefined, { requestIdHeader: "X-Request-Id" });
    for (const id of ["abc-123", "8f1a2b3c4d5e6f70-AMS", "trace.1:span_2", "a".repeat(128)]) {
      const response = await t.request("GET", "/api/v1/customers/not-there", { headers: { "x-request-id": id } });
      expect(response.headers.get(REQUEST_ID_HEADER)).toBe(id);
      expect((await bodyOf(response)).requestId).toBe(id);
    }
    for (const id of ["", "has space", "<script>alert(1)</script>", "a".repeat(129), "ünïcode", "line\tbreak", "semi;colon"]) {
      const response = await t.request("GET", "/health", { token: null, headers: { "x-request-id": id } });
      expect(response.headers.get(REQUEST_ID_HEADER), JSON.stringify(id)).toMatch(UUID);
    }
    // Another header is still not trusted.
    const other = await t.request("GET", "/health", { token: null, headers: { "cf-ray": "abc-123" } });
    expect(other.headers.get(REQUEST_ID_HEADER)).toMatch(UUID);
  });
});

describe("the request log", () => {
  it("writes one JSON line per request: method, route pattern, status, duration, actor and request id, and nothing secret", async () => {
    const log = capture();
    const t = await makeTestApp(memoryStore(), undefined, { logger: log.logger });
    const { id } = await createdVia(t, "/api/v1/customers", fixtures.customer());
    log.lines.length = 0;

    const response = await t.request("GET", `/api/v1/customers/${id}?secret=query-value&email=someone%40example.com`);
    expect(response.status).toBe(200);
    expect(log.lines).toHaveLength(1);
    const [entry] = log.entries();
    expect(entry).toMatchObject({
      level: "info",
      msg: "request",
      method: "GET",
      route: "/api/v1/customers/:id",
      status: 200,
      requestId: response.headers.get(REQUEST_ID_HEADER),
    });
    expect(typeof entry?.durationMs).toBe("number");
    expect(entry?.actorId).toEqual(expect.any(String));
    expect(typeof entry?.time).toBe("string");
    const line = log.lines[0]?.line ?? "";
    expect(line).not.toContain(id);
    expect(line).not.toContain(t.tokens.admin);
    expect(line).not.toContain("secret");
    expect(line).not.toContain("query-value");
    expect(line).not.toContain("example.com");
    expect(line).not.toContain("?");
  });

  it("logs 4xx without an actor it does not know, and 404/405 with no route", async () => {
    const log = capture();
    const t = await makeTestApp(memoryStore(), undefined, { logger: log.logger });
    await t.request("GET", "/api/v1/customers", { token: "revoked" });
    await t.request("GET", "/nothing/here?x=1", { token: null });
    await t.request("DELETE", "/health", { token: null });
    await t.request("GET", "/api/v1/nothing/here");
    const entries = log.entries();
    expect(entries).toMatchObject([
      { level: "info", method: "GET", route: "/api/v1/customers", status: 401 },
      { level: "info", method: "GET", route: null, status: 404 },
      { level: "info", method: "DELETE", route: null, status: 405 },
      { level: "info", method: "GET", route: null, status: 404, actorId: expect.any(String) },
    ]);
    for (const entry of entries.slice(0, 3)) expect(entry).not.toHaveProperty("actorId");
    expect(log.lines.map((l) => l.line).join("\n")).not.toContain(t.tokens.revoked);
  });

  it("logs a 5xx as an error line with the request id and the error's message and stack", async () => {
    const log = capture();
    const breakable = breakableClock();
    const t = await makeTestApp(memoryStore(), breakable.clock, { logger: log.logger });
    breakable.break();
    const response = await t.request("GET", "/api/v1/customers");
    expect(response.status).toBe(500);
    expect(log.lines.map((l) => l.level)).toEqual(["error"]);
    const [entry] = log.entries() as [{ requestId: string; status: number; error: { message: string; stack: string } }];
    expect(entry.requestId).toBe(response.headers.get(REQUEST_ID_HEADER));
    expect(entry.status).toBe(500);
    expect(entry.error.message).toBe("the clock stopped");
    expect(entry.error.stack).toContain("the clock stopped");
  });

  it("never logs a sign-in's e-mail address, password or cookie, and names the signed-in user by id", async () => {
    const log = capture();
    const ui = await makeAdminUi(memoryStore(), undefined, undefined, { logger: log.logger });
    const session = await ui.signIn("admin");
    await ui.get("/admin/audit/01939a6e-0000-7000-8000-000000000000", session);
    const text = log.lines.map((l) => l.line).join("\n");
    for (const secret of [
      emailOf("admin"),
      "example.test",
      encodeURIComponent(emailOf("admin")),
      TEST_PASSWORD,
      session.cookie,
      session.csrf,
    ]) {
      expect(text).not.toContain(secret);
    }
    const entries = log.entries();
    expect(entries[0]).toMatchObject({ method: "POST", route: "/admin/sign-in", status: 303 });
    expect(entries.at(-1)).toMatchObject({ method: "GET", route: "/admin/audit/:id", status: 404, actorId: expect.any(String) });
  });

  it("is silent by default: apps made without a logger log no requests", async () => {
    const out = vi.spyOn(process.stdout, "write");
    const info = vi.spyOn(console, "log");
    const app = createApp({ store: memoryStore() });
    await app.request("/health");
    await app.request("/api/v1/customers");
    expect(out).not.toHaveBeenCalled();
    expect(info).not.toHaveBeenCalled();
  });
});

describe("the admin error page", () => {
  it("gives the request id as a reference", async () => {
    const ui = await makeAdminUi(memoryStore());
    const session = await ui.signIn("editor");
    for (const [response, status] of [
      [await ui.get("/admin/audit/01939a6e-0000-7000-8000-000000000000", session), 404],
      [await ui.get("/admin/tokens", session), 403],
    ] as const) {
      expect(response.status).toBe(status);
      const id = response.headers.get(REQUEST_ID_HEADER);
      expect(id).toMatch(UUID);
      expect(await response.text()).toContain(`Reference: ${id}`);
    }
  });

  it("gives one for a 500 too", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const breakable = breakableClock();
    const ui = await makeAdminUi(memoryStore(), breakable.clock);
    const session = await ui.signIn("editor");
    breakable.break();
    const response = await ui.get("/admin", session);
    expect(response.status).toBe(500);
    const page = await response.text();
    expect(page).toContain(`Reference: ${response.headers.get(REQUEST_ID_HEADER)}`);
    expect(page).not.toContain("the clock stopped");
  });
});
