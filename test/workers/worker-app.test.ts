import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { makeCtx, SYSTEM_ACTOR } from "../../src/core/context.ts";
import { createToken } from "../../src/core/tokens/token-use-cases.ts";
import * as fixtures from "../helpers/fixtures.ts";
import { freshD1Store } from "./d1-store.ts";

// The deployed Worker entry (src/entry/worker.ts) serving requests over D1.
const worker = (exports as unknown as { default: Fetcher }).default;
const call = (path: string, init?: RequestInit) => worker.fetch(`https://register.test${path}`, init);

describe("the Worker over D1", () => {
  it("answers /health without a token", async () => {
    await freshD1Store();
    const response = await call("/health");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("refuses register data without a token and serves it with one", async () => {
    const store = await freshD1Store();
    const { token } = await createToken(makeCtx(store, SYSTEM_ACTOR), { name: "worker test", role: "editor" });
    expect((await call("/api/v1/customers")).status).toBe(401);

    const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
    const created = await call("/api/v1/customers", { method: "POST", headers, body: JSON.stringify(fixtures.customer()) });
    expect(created.status).toBe(201);
    const customer = (await created.json()) as { id: string };
    const listed = (await (await call("/api/v1/customers", { headers })).json()) as { items: Array<{ id: string }> };
    expect(listed.items.map((c) => c.id)).toEqual([customer.id]);

    const bad = await call("/api/v1/customers", { method: "POST", headers, body: JSON.stringify({ ...fixtures.customer(), address: { ...fixtures.address, country: "XX" } }) });
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { errors: Array<{ field: string }> }).errors.map((e) => e.field)).toEqual(["address.country"]);
  });
});
