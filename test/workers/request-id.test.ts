import { exports } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import { freshD1Store } from "./d1-store.ts";

// The deployed Worker entry (src/entry/worker.ts): Cloudflare's cf-ray is the request id, and every request is logged.
const worker = (exports as unknown as { default: Fetcher }).default;
const call = (path: string, init?: RequestInit) => worker.fetch(`https://register.test${path}`, init);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

afterEach(() => vi.restoreAllMocks());

describe("the Worker's request id", () => {
  it("is Cloudflare's cf-ray when well-formed, echoed in Request-Id and in problem bodies, and logged as one JSON line", async () => {
    await freshD1Store();
    const lines: string[] = [];
    vi.spyOn(console, "log").mockImplementation((line: unknown) => void lines.push(String(line)));
    const ok = await call("/health", { headers: { "cf-ray": "8f1a2b3c4d5e6f70-AMS" } });
    expect(ok.status).toBe(200);
    expect(ok.headers.get("Request-Id")).toBe("8f1a2b3c4d5e6f70-AMS");

    const refused = await call("/api/v1/customers?token=nope", {
      headers: { "cf-ray": "8f1a2b3c4d5e6f71-AMS", authorization: "Bearer not-a-token" },
    });
    expect(refused.status).toBe(401);
    expect(refused.headers.get("Request-Id")).toBe("8f1a2b3c4d5e6f71-AMS");
    expect(((await refused.json()) as { requestId: string }).requestId).toBe("8f1a2b3c4d5e6f71-AMS");

    const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(entries).toMatchObject([
      { msg: "request", method: "GET", route: "/health", status: 200, requestId: "8f1a2b3c4d5e6f70-AMS" },
      { msg: "request", method: "GET", route: "/api/v1/customers", status: 401, requestId: "8f1a2b3c4d5e6f71-AMS" },
    ]);
    expect(lines.join("\n")).not.toContain("not-a-token");
    expect(lines.join("\n")).not.toContain("?token");
  });

  it("is generated when cf-ray is missing or malformed, on 404 and 405 too", async () => {
    await freshD1Store();
    vi.spyOn(console, "log").mockImplementation(() => {});
    for (const [path, method, headers, status] of [
      ["/nothing-here", "GET", { "cf-ray": "not a ray <id>" }, 404],
      ["/health", "DELETE", {}, 405],
    ] as const) {
      const response = await call(path, { method, headers });
      expect(response.status).toBe(status);
      const id = response.headers.get("Request-Id");
      expect(id).toMatch(UUID);
      expect(((await response.json()) as { requestId: string }).requestId).toBe(id);
    }
  });
});
