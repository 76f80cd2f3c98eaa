import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { outbox, webhookEndpoints } from "../../db/schema.ts";
import { makeCtx, SYSTEM_ACTOR } from "../../src/core/kernel/context.ts";
import { deliverDueMessages } from "../../src/core/outbox/deliver-outbox.ts";
import { exportDocument } from "../../src/core/documents/index.ts";
import { nodeWebhookTransport } from "../../src/platform/node/webhook-transport.ts";
import { makeAdminUi } from "../helpers/admin-ui.ts";
import { onCleanup, stopStartedAfterEach } from "../helpers/cleanup.ts";
import { loadDemoRegister } from "../helpers/demo-register.ts";
import { snapshot } from "../helpers/snapshot.ts";
import { memoryStore } from "../helpers/sqlite.ts";
import { startWebhookReceiver } from "../helpers/webhook-receiver.ts";

stopStartedAfterEach();

const POLICY = { schemes: ["http", "https"], hosts: ["*"], privateAddresses: true };

async function world() {
  const store = memoryStore();
  onCleanup(() => store.close());
  await loadDemoRegister(store);
  const ui = await makeAdminUi(store, undefined, undefined, { webhookPolicy: POLICY });
  const receiver = await startWebhookReceiver();
  onCleanup(() => receiver.stop());
  return { store, ui, receiver, admin: await ui.signIn("admin") };
}

describe("webhooks in the admin UI", () => {
  it("adds an endpoint, shows its secret once, then its deliveries, their log, and sends one again", async () => {
    const { store, ui, receiver, admin } = await world();
    const created = await ui.post(
      "/admin/webhooks",
      { url: receiver.url, description: "Procurement ERP", events: ["export.made", "breach.recorded"], enabled: "true" },
      admin,
    );
    expect(created.status).toBe(201);
    const page = await created.text();
    const secret = /<pre>(whsec_[^<]+)<\/pre>/.exec(page)?.[1];
    expect(secret).toBeDefined();
    const [endpoint] = await store.db.select().from(webhookEndpoints);
    expect(endpoint).toMatchObject({
      url: receiver.url,
      description: "Procurement ERP",
      events: ["breach.recorded", "export.made"],
      enabled: true,
    });
    // Not shown again.
    expect(await (await ui.get(`/admin/webhooks/${endpoint?.id}`, admin)).text()).not.toContain(secret);

    await exportDocument(makeCtx(store, SYSTEM_ACTOR), { kind: "art30-controller", format: "json" });
    const webhooks = { transport: nodeWebhookTransport({ privateAddresses: true }), policy: POLICY };
    expect(await deliverDueMessages({ store, webhooks, clock: { now: () => new Date() } })).toMatchObject({ sent: 1 });
    const [row] = await store.db.select().from(outbox).where(eq(outbox.kind, "webhook"));
    const endpointPage = await (await ui.get(`/admin/webhooks/${endpoint?.id}`, admin)).text();
    expect(endpointPage).toContain("Document exported");
    expect(endpointPage).toContain(`/admin/webhooks/deliveries/${row?.id}`);
    const deliveryPage = await (await ui.get(`/admin/webhooks/deliveries/${row?.id}`, admin)).text();
    expect(deliveryPage).toContain("Requests made");
    expect(deliveryPage).toContain('<span class="badge ok">200</span>');
    expect(deliveryPage).toContain("&quot;type&quot;: &quot;export.made&quot;");

    const again = await ui.post(`/admin/webhooks/deliveries/${row?.id}/redeliver`, {}, admin);
    expect(again.status).toBe(303);
    const [queued] = await store.db
      .select()
      .from(outbox)
      .where(eq(outbox.id, row?.id ?? ""));
    expect(queued).toMatchObject({ status: "pending", attempts: 0 });
    expect(receiver.received).toHaveLength(1);
  });

  it("shows a refused URL beside its field and saves nothing", async () => {
    // The operator's default policy: https to public hosts only.
    const store = memoryStore();
    onCleanup(() => store.close());
    const strict = await makeAdminUi(store);
    const session = await strict.signIn("admin");
    const before = await snapshot(store);
    const response = await strict.post(
      "/admin/webhooks",
      { url: "http://10.0.0.5/hooks", description: "", events: [], enabled: "true" },
      session,
    );
    expect(response.status).toBe(422);
    const page = await response.text();
    expect(page).toContain('id="f-url-error"');
    expect(page).toContain("scheme http is not allowed");
    expect(page).toContain('id="f-events-error"');
    expect(await snapshot(store)).toEqual(before);
  });

  it("edits, disables and deletes an endpoint, each in the audit trail", async () => {
    const { store, ui, receiver, admin } = await world();
    await ui.post("/admin/webhooks", { url: receiver.url, events: ["export.made"], enabled: "true" }, admin);
    const [endpoint] = await store.db.select().from(webhookEndpoints);
    const saved = await ui.post(
      `/admin/webhooks/${endpoint?.id}`,
      { url: receiver.url, description: "ERP", events: ["breach.recorded"] },
      admin,
    );
    expect(saved.status).toBe(303);
    const [edited] = await store.db.select().from(webhookEndpoints);
    expect(edited).toMatchObject({ description: "ERP", events: ["breach.recorded"], enabled: false });
    const dutch = await (await ui.get(`/admin/webhooks/${endpoint?.id}`, admin, { "accept-language": "nl-BE" })).text();
    expect(dutch).toContain("uitgeschakeld");
    expect(dutch).toContain("Datalek geregistreerd");
    expect((await ui.post(`/admin/webhooks/${endpoint?.id}/delete`, {}, admin)).status).toBe(303);
    expect((await ui.get(`/admin/webhooks/${endpoint?.id}`, admin)).status).toBe(404);
    expect(await (await ui.get("/admin/webhooks", admin)).text()).not.toContain(receiver.url);
  });
});
