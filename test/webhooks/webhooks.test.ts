// Webhooks through the public API: an admin registers an endpoint, register events reach it as
// signed requests (checked with the Standard Webhooks reference library, not our own code), a
// receiver that keeps failing gets growing delays and then a recorded failure, and an admin
// redelivers it. URLs outside the operator's policy are refused and change nothing.
import { eq } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { auditEntries, outbox, webhookEndpoints } from "../../db/schema.ts";
import type { Store } from "../../src/core/kernel/ports/store.ts";
import { deliverDueMessages } from "../../src/core/outbox/deliver-outbox.ts";
import { DEFAULT_WEBHOOK_POLICY, type WebhookPolicy } from "../../src/core/webhooks/index.ts";
import { nodeWebhookTransport } from "../../src/platform/node/webhook-transport.ts";
import { stopStartedAfterEach, onCleanup } from "../helpers/cleanup.ts";
import { loadDemoRegister } from "../helpers/demo-register.ts";
import { memoryStore } from "../helpers/sqlite.ts";
import { ocrProposal } from "../helpers/changes.ts";
import { bodyOf, makeTestApp, type TestApp } from "../helpers/test-app.ts";
import { startWebhookReceiver, type WebhookReceiver } from "../helpers/webhook-receiver.ts";

stopStartedAfterEach();

const TEST_POLICY: WebhookPolicy = { schemes: ["http", "https"], hosts: ["*"], privateAddresses: true };
const MINUTE = 60_000;

// Near real time: the reference library refuses signatures more than five minutes from its clock.
let now: Date;
const clock = { now: () => now };
let store: Store & { close(): void };
let t: TestApp;
let receiver: WebhookReceiver;

beforeEach(async () => {
  store = memoryStore();
  await loadDemoRegister(store);
  now = new Date();
  t = await makeTestApp(store, clock, { webhookPolicy: TEST_POLICY });
  receiver = await startWebhookReceiver();
  onCleanup(() => receiver.stop());
});
afterEach(() => store.close());

const deliver = () =>
  deliverDueMessages({ store, clock, webhooks: { transport: nodeWebhookTransport({ privateAddresses: true }), policy: TEST_POLICY } });

async function registerEndpoint(events: string[], url = receiver.url): Promise<{ id: string; secret: string }> {
  const response = await t.request("POST", "/api/v1/webhooks/endpoints", { body: { url, description: "Procurement", events } });
  expect(response.status, JSON.stringify(await response.clone().json())).toBe(201);
  return bodyOf(response);
}

async function proposeAndAnnounce(): Promise<string> {
  const activities = await bodyOf<{ items: { id: string; name: { en?: string } }[] }>(
    await t.request("GET", "/api/v1/activities?limit=200"),
  );
  const maintenance = activities.items.find((a) => a.name.en?.startsWith("Maintenance"))?.id ?? "";
  const proposed = await t.request("POST", "/api/v1/sub-processor-changes", {
    body: ocrProposal(maintenance, { intendedStart: "2099-01-01" }),
  });
  expect(proposed.status, JSON.stringify(await proposed.clone().json())).toBe(201);
  return (await bodyOf<{ id: string }>(proposed)).id;
}

const webhookRows = () => store.db.select().from(outbox).where(eq(outbox.kind, "webhook"));

describe("webhooks to a registered endpoint", () => {
  it("delivers each event once, signed so that the Standard Webhooks reference library verifies it", async () => {
    const endpoint = await registerEndpoint(["change.proposed", "change.announced", "export.made"]);
    expect(endpoint.secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    const changeId = await proposeAndAnnounce();
    expect(await deliver()).toEqual({ sent: 2, retried: 0, failed: 0 });
    expect(await deliver()).toEqual({ sent: 0, retried: 0, failed: 0 });

    const verifier = new Webhook(endpoint.secret);
    const events = receiver.received.map(
      (r) => verifier.verify(r.body, r.headers) as { type: string; timestamp: string; data: Record<string, unknown> },
    );
    expect(events.map((e) => e.type)).toEqual(["change.proposed", "change.announced"]);
    expect(events[1]?.data).toMatchObject({
      id: changeId,
      href: `http://localhost:3000/api/v1/sub-processor-changes/${changeId}`,
      kind: "add",
      status: "announced",
      notices: expect.any(Number),
    });
    expect(new Set(receiver.received.map((r) => r.headers["webhook-id"])).size).toBe(2);
    // A body changed on the way, or another secret, fails verification.
    const [first] = receiver.received;
    expect(() => verifier.verify(`${first?.body} `, first?.headers ?? {})).toThrow();
    expect(() =>
      new Webhook(`whsec_${btoa("another secret of enough length!")}`).verify(first?.body ?? "", first?.headers ?? {}),
    ).toThrow();

    // The delivery log, through the API.
    const deliveries = await bodyOf<{ items: { id: string; event: string; status: string }[] }>(
      await t.request("GET", `/api/v1/webhooks/endpoints/${endpoint.id}/deliveries`),
    );
    expect(deliveries.items.map((d) => [d.event, d.status]).sort()).toEqual([
      ["change.announced", "sent"],
      ["change.proposed", "sent"],
    ]);
    const one = await bodyOf<{ log: { status: number; ok: boolean }[] }>(
      await t.request("GET", `/api/v1/webhooks/deliveries/${deliveries.items[0]?.id}`),
    );
    expect(one.log).toEqual([expect.objectContaining({ attempt: 1, status: 200, ok: true })]);
  });

  it("tells only endpoints that subscribed to the event and are enabled, and nothing without endpoints", async () => {
    await proposeAndAnnounce();
    expect(await webhookRows()).toHaveLength(0);
    const exports = await registerEndpoint(["export.made"]);
    const disabled = await registerEndpoint(["change.proposed"]);
    const off = await t.request("PATCH", `/api/v1/webhooks/endpoints/${disabled.id}`, { body: { enabled: false } });
    expect(off.status).toBe(200);
    await proposeAndAnnounce();
    expect(await webhookRows()).toHaveLength(0);
    expect((await t.request("GET", "/api/v1/documents/art30-processor?format=json")).status).toBe(200);
    const rows = await webhookRows();
    expect(rows.map((r) => [r.recipient, r.subject])).toEqual([[exports.id, "export.made"]]);
  });

  it("retries a receiver that answers 500 with growing delays, then records the failure; an admin redelivers it", async () => {
    const endpoint = await registerEndpoint(["export.made"]);
    receiver.answer(500);
    expect((await t.request("GET", "/api/v1/documents/art30-controller?format=json")).status).toBe(200);
    const [row] = await webhookRows();
    const waits: number[] = [];
    for (;;) {
      const report = await deliver();
      const [after] = await webhookRows();
      if (report.failed === 1) break;
      expect(report.retried).toBe(1);
      const wait = Date.parse(after?.nextAttemptAt ?? "") - now.getTime();
      waits.push(wait / MINUTE);
      // Not due before its time: a run just before does nothing.
      now = new Date(now.getTime() + wait - 1);
      expect(await deliver()).toEqual({ sent: 0, retried: 0, failed: 0 });
      now = new Date(now.getTime() + 1);
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 64]);
    expect(receiver.received).toHaveLength(8);
    expect(new Set(receiver.received.map((r) => r.headers["webhook-id"]))).toEqual(new Set([row?.id]));

    const failed = await bodyOf<{ status: string; attempts: number; lastError: string; log: { status: number; ok: boolean }[] }>(
      await t.request("GET", `/api/v1/webhooks/deliveries/${row?.id}`),
    );
    expect(failed).toMatchObject({ status: "failed", attempts: 8 });
    expect(failed.lastError).toContain("500");
    expect(failed.log.map((a) => [a.status, a.ok])).toEqual(Array.from({ length: 8 }, () => [500, false]));

    // Fixed: redelivered once, with the same webhook-id, signed afresh (at the real time again, for the verifier).
    receiver.answer(200);
    now = new Date();
    const again = await t.request("POST", `/api/v1/webhooks/deliveries/${row?.id}/redeliver`);
    expect(again.status).toBe(200);
    expect((await t.request("POST", `/api/v1/webhooks/deliveries/${row?.id}/redeliver`)).status).toBe(409);
    expect(await deliver()).toEqual({ sent: 1, retried: 0, failed: 0 });
    const last = receiver.received.at(-1);
    expect(last?.headers["webhook-id"]).toBe(row?.id);
    expect(new Webhook(endpoint.secret).verify(last?.body ?? "", last?.headers ?? {})).toMatchObject({ type: "export.made" });
  });

  it("fails a delivery at once when its endpoint was deleted, and keeps its log", async () => {
    const endpoint = await registerEndpoint(["export.made"]);
    expect((await t.request("GET", "/api/v1/documents/art30-controller?format=json")).status).toBe(200);
    expect((await t.request("DELETE", `/api/v1/webhooks/endpoints/${endpoint.id}`)).status).toBe(204);
    expect(await deliver()).toEqual({ sent: 0, retried: 0, failed: 1 });
    expect(receiver.received).toHaveLength(0);
    const [row] = await webhookRows();
    expect(row?.lastError).toBe("The endpoint was deleted.");
    expect((await t.request("GET", `/api/v1/webhooks/endpoints/${endpoint.id}`)).status).toBe(404);
  });
});

describe("endpoints and the operator's policy", () => {
  it("records endpoint changes in the audit trail, never with the secret", async () => {
    const endpoint = await registerEndpoint(["breach.recorded"]);
    const rotated = await bodyOf<{ secret: string }>(await t.request("POST", `/api/v1/webhooks/endpoints/${endpoint.id}/secret`));
    expect(rotated.secret).not.toBe(endpoint.secret);
    const listed = await bodyOf<{ items: Record<string, unknown>[] }>(await t.request("GET", "/api/v1/webhooks/endpoints"));
    expect(listed.items).toHaveLength(1);
    expect(listed.items[0]).not.toHaveProperty("secret");
    const trail = await store.db.select().from(auditEntries).where(eq(auditEntries.entityId, endpoint.id));
    expect(trail.map((e) => e.action)).toEqual(["create", "update"]);
    expect(JSON.stringify(trail)).not.toContain(endpoint.secret.slice(6));
    expect(JSON.stringify(trail)).not.toContain(rotated.secret.slice(6));
  });

  it("refuses URLs outside the default policy with a clear error, and changes nothing", async () => {
    const strict = await makeTestApp(store, clock, { webhookPolicy: DEFAULT_WEBHOOK_POLICY });
    const auditBefore = (await store.db.select().from(auditEntries)).length;
    const refused: [string, string][] = [
      [receiver.url, "scheme http is not allowed"],
      ["https://127.0.0.1/hooks", "127.0.0.1 is private"],
      ["https://10.1.2.3/hooks", "10.1.2.3 is private"],
      ["https://169.254.169.254/latest/meta-data", "169.254.169.254 is private"],
      ["https://[::1]/hooks", "is private"],
      ["https://localhost/hooks", "local name"],
      ["https://user:pass@example.com/hooks", "user name or password"],
      ["ftp://example.com/hooks", "scheme ftp"],
      ["not a url", "not an absolute URL"],
    ];
    for (const [url, why] of refused) {
      const response = await strict.request("POST", "/api/v1/webhooks/endpoints", { body: { url, events: ["export.made"] } });
      expect(response.status, url).toBe(422);
      const problem = await bodyOf<{ errors: { field: string; message: string }[] }>(response);
      expect(problem.errors[0]?.field, url).toBe("url");
      expect(problem.errors[0]?.message, url).toContain(why);
    }
    const noEvents = await strict.request("POST", "/api/v1/webhooks/endpoints", { body: { url: "https://example.com/h", events: [] } });
    expect(noEvents.status).toBe(422);
    const unknownEvent = await strict.request("POST", "/api/v1/webhooks/endpoints", {
      body: { url: "https://example.com/h", events: ["change.eaten"] },
    });
    expect(unknownEvent.status).toBe(422);
    expect(await store.db.select().from(webhookEndpoints)).toHaveLength(0);
    expect(await store.db.select().from(auditEntries)).toHaveLength(auditBefore);

    const allowListed = await makeTestApp(store, clock, { webhookPolicy: { ...DEFAULT_WEBHOOK_POLICY, hosts: ["*.procurement.example"] } });
    const elsewhere = await allowListed.request("POST", "/api/v1/webhooks/endpoints", {
      body: { url: "https://evil.example/h", events: ["export.made"] },
    });
    expect(elsewhere.status).toBe(422);
    const listed = await allowListed.request("POST", "/api/v1/webhooks/endpoints", {
      body: { url: "https://erp.procurement.example/h", events: ["export.made"] },
    });
    expect(listed.status).toBe(201);
  });

  it("never connects to a private address a name resolves to, unless allowed", async () => {
    const port = new URL(receiver.url).port;
    const strict = nodeWebhookTransport({ privateAddresses: false });
    await expect(strict.post(`http://localhost:${port}/hooks`, {}, "{}")).rejects.toThrow(/private address/);
    expect(receiver.received).toHaveLength(0);
    const open = nodeWebhookTransport({ privateAddresses: true });
    expect((await open.post(`http://localhost:${port}/hooks`, {}, "{}")).status).toBe(200);
  });

  it("only admins manage endpoints", async () => {
    const response = await t.request("POST", "/api/v1/webhooks/endpoints", {
      token: "editor",
      body: { url: receiver.url, events: ["export.made"] },
    });
    expect(response.status).toBe(403);
    expect((await t.request("GET", "/api/v1/webhooks/endpoints", { token: "procurement" })).status).toBe(403);
  });
});
