import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { makeCtx, SYSTEM_ACTOR, systemClock } from "../../src/core/kernel/context.ts";
import { walkChain } from "../../src/core/kernel/audit/chain-walk.ts";
import { signIn } from "../../src/core/accounts/sessions.ts";
import { createUser } from "../../src/core/accounts/user-use-cases.ts";
import { createToken } from "../../src/core/accounts/token-use-cases.ts";
import { loadDemoRegister } from "../helpers/demo-register.ts";
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

  it("publishes the sub-processor list as an Atom feed", async () => {
    const store = await freshD1Store();
    await loadDemoRegister(store);
    const response = await call("/public/sub-processors.atom");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
    const atom = await response.text();
    expect(atom).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\s*<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/);
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

    const bad = await call("/api/v1/customers", {
      method: "POST",
      headers,
      body: JSON.stringify({ ...fixtures.customer(), address: { ...fixtures.address, country: "XX" } }),
    });
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { errors: Array<{ field: string }> }).errors.map((e) => e.field)).toEqual(["address.country"]);
  });

  it("holds what customers were promised over D1: a direct edit of IxorDocs' locations is refused, an admin's correction is recorded", async () => {
    const store = await freshD1Store();
    await loadDemoRegister(store);
    const ctx = makeCtx(store, SYSTEM_ACTOR);
    const admin = {
      authorization: `Bearer ${(await createToken(ctx, { name: "admin", role: "admin" })).token}`,
      "content-type": "application/json",
    };
    const procurement = {
      authorization: `Bearer ${(await createToken(ctx, { name: "procurement", role: "procurement" })).token}`,
      "content-type": "application/json",
    };
    const moved = await call("/api/v1/sub-processors/IXORDOCS", {
      method: "PATCH",
      headers: procurement,
      body: JSON.stringify({ locations: [{ country: "AT" }] }),
    });
    expect(moved.status).toBe(422);
    expect(((await moved.json()) as { errors: Array<{ field: string }> }).errors.map((e) => e.field)).toEqual(["locations"]);
    const broken = await call("/api/v1/sub-processors/IXORDOCS", {
      method: "PATCH",
      headers: procurement,
      body: JSON.stringify({ legalName: "Vendor \ud800 BV" }),
    });
    expect(broken.status).toBe(422);
    expect(((await broken.json()) as { errors: Array<{ field: string }> }).errors.map((e) => e.field)).toEqual(["legalName"]);
    const activated = await call("/api/v1/sub-processors", {
      method: "POST",
      headers: procurement,
      body: JSON.stringify({ ...fixtures.subProcessor(), status: "active" }),
    });
    expect(activated.status).toBe(422);
    const corrected = await call("/api/v1/sub-processors/IXORDOCS/corrections", {
      method: "POST",
      headers: admin,
      body: JSON.stringify({
        reason: "The region was recorded wrongly.",
        changes: { locations: [{ country: "DE", region: "Frankfurt" }] },
      }),
    });
    expect(corrected.status).toBe(200);
    const trail = (await (await call("/api/v1/audit?entityType=sub_processor&entityId=IXORDOCS", { headers: admin })).json()) as {
      items: Array<{ action: string; reason: string | null }>;
    };
    expect(trail.items.at(-1)).toMatchObject({ action: "correct", reason: "The region was recorded wrongly." });
  });

  it("tags records with their revision and refuses a stale If-Match over D1; wrong passwords lock the account there too", async () => {
    const store = await freshD1Store();
    const ctx = makeCtx(store, SYSTEM_ACTOR);
    const headers = {
      authorization: `Bearer ${(await createToken(ctx, { name: "editor", role: "editor" })).token}`,
      "content-type": "application/json",
    };
    const created = (await (
      await call("/api/v1/customers", { method: "POST", headers, body: JSON.stringify(fixtures.customer()) })
    ).json()) as { id: string };
    const read = await call(`/api/v1/customers/${created.id}`, { headers });
    expect(read.headers.get("etag")).toBe('"1"');
    const first = await call(`/api/v1/customers/${created.id}`, {
      method: "PATCH",
      headers: { ...headers, "if-match": '"1"' },
      body: JSON.stringify({ companyNumber: "1" }),
    });
    expect(first.status).toBe(200);
    const stale = await call(`/api/v1/customers/${created.id}`, {
      method: "PATCH",
      headers: { ...headers, "if-match": '"1"' },
      body: JSON.stringify({ companyNumber: "2" }),
    });
    expect(stale.status).toBe(412);

    await createUser(
      ctx,
      { email: "dana@example.test", name: "Dana", role: "admin", password: "correct horse battery staple" },
      { N: 16, r: 1, p: 1 },
    );
    const guesses = await Promise.allSettled(
      Array.from({ length: 6 }, (_, i) => signIn(store, systemClock, { email: "dana@example.test", password: `wrong password ${i}` })),
    );
    expect(guesses.every((g) => g.status === "rejected")).toBe(true);
    await expect(signIn(store, systemClock, { email: "dana@example.test", password: "correct horse battery staple" })).rejects.toThrow(
      /locked/,
    );
  });

  it("keeps one audit chain under concurrent Worker requests over D1", async () => {
    const store = await freshD1Store();
    const headers = {
      authorization: `Bearer ${(await createToken(makeCtx(store, SYSTEM_ACTOR), { name: "editor", role: "editor" })).token}`,
      "content-type": "application/json",
    };
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        call("/api/v1/customers", {
          method: "POST",
          headers,
          body: JSON.stringify({ ...fixtures.customer(), legalName: `Parallel ${i}` }),
        }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(201));
    const report = await walkChain(store);
    expect(report).toMatchObject({ entries: 9, broken: null, unchained: [] });
  });
});
