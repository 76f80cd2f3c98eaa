import { describe, expect, it } from "vitest";
import { changeWorld, noticesOf, ocrProposal, propose } from "../helpers/changes.ts";
import * as fixtures from "../helpers/fixtures.ts";
import { memoryStore } from "../helpers/sqlite.ts";
import { bodyOf, createdVia, makeTestApp } from "../helpers/test-app.ts";

describe("methods a path does not answer", () => {
  it("answer 405 with Allow, not 404, and an unknown path stays 404", async () => {
    const t = await makeTestApp(memoryStore());
    const { id } = await createdVia(t, "/api/v1/customers", fixtures.customer());
    const remove = await t.request("DELETE", `/api/v1/customers/${id}`);
    expect(remove.status).toBe(405);
    expect(remove.headers.get("allow")).toBe("GET, HEAD, PATCH");
    expect(remove.headers.get("content-type")).toBe("application/problem+json");
    const put = await t.request("PUT", "/api/v1/customers", { body: fixtures.customer() });
    expect(put.status).toBe(405);
    expect(put.headers.get("allow")).toBe("GET, HEAD, POST");
    expect((await t.request("GET", "/api/v1/nothing-here")).status).toBe(404);
  });
});

describe("text searches", () => {
  it("match % and _ literally", async () => {
    const t = await makeTestApp(memoryStore());
    await createdVia(t, "/api/v1/customers", { ...fixtures.customer(), legalName: "Peeters BV" });
    await createdVia(t, "/api/v1/customers", { ...fixtures.customer(), legalName: "100% Accounting_Partners" });
    const names = async (q: string) =>
      (await bodyOf<{ items: { legalName: string }[] }>(await t.request("GET", `/api/v1/customers?q=${encodeURIComponent(q)}`))).items.map(
        (c) => c.legalName,
      );
    expect(await names("%")).toEqual(["100% Accounting_Partners"]);
    expect(await names("_")).toEqual(["100% Accounting_Partners"]);
    expect(await names("peet")).toEqual(["Peeters BV"]);
    expect(await names("\\")).toEqual([]);
  });
});

describe("instants sent with an offset", () => {
  it("are taken as RFC 3339 and stored in UTC", async () => {
    const w = await changeWorld();
    const change = await propose(w.t, ocrProposal(w.maintenance));
    const [notice] = (await noticesOf(w.t, change.id)).filter((n) => n.kind === "objection_window");
    w.clock.set("2026-12-02T09:00:00.000Z");
    const response = await w.t.request("POST", `/api/v1/change-notices/${notice?.id}/objections`, {
      token: "editor",
      body: { grounds: "Received by registered letter.", receivedAt: "2026-12-01T11:30:00+01:00", channel: "letter" },
    });
    expect(response.status, await response.clone().text()).toBe(201);
    expect((await bodyOf<{ receivedAt: string }>(response)).receivedAt).toBe("2026-12-01T10:30:00.000Z");
    const audit = await w.t.request("GET", "/api/v1/audit?since=2026-12-02T09:59:00%2B01:00", { token: "read-only" });
    expect(audit.status).toBe(200);
    expect((await bodyOf<{ items: { action: string }[] }>(audit)).items.map((e) => e.action)).toContain("object");
  });
});
