import { join } from "node:path";
import Database from "better-sqlite3";
import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { onCleanup, stopStartedAfterEach } from "../helpers/cleanup.ts";
import { CHILD_PROCESS_TEST_MS, waitFor } from "../helpers/wait.ts";
import { startWebhookReceiver } from "../helpers/webhook-receiver.ts";
import { crash, recordDemoBreach, stopAfterDeliveryRuns } from "./crash-steps.ts";
import { freePort, startNode, tempDir } from "./helpers.ts";

// Servers and the receiver are stopped by these hooks, even when a test fails or times out.
stopStartedAfterEach();

function webhookStatuses(database: string): string[] {
  const db = new Database(database, { readonly: true });
  try {
    return (db.prepare("select status from outbox where kind = 'webhook' order by id").all() as { status: string }[]).map((r) => r.status);
  } finally {
    db.close();
  }
}

describe("webhooks across a crash", () => {
  it(
    "the receiver gets each event exactly once when the process dies between the event and its delivery",
    async () => {
      const receiver = await startWebhookReceiver();
      onCleanup(() => receiver.stop());
      const database = join(tempDir(), "register.db");
      const env = {
        PORT: String(await freePort()),
        DATABASE_PATH: database,
        WEBHOOK_SCHEMES: "http",
        WEBHOOK_PRIVATE_ADDRESSES: "allow",
      };
      // First life: delivery runs once at start (nothing queued) and then not for an hour.
      const first = await startNode("src/entry/node.ts", { ...env, OUTBOX_INTERVAL_SECONDS: "3600" }, "listening");
      const token = /token \(shown once, keep it\): (dpar_\S+)/.exec(first.output())?.[1] ?? "";
      const base = `http://127.0.0.1:${env.PORT}`;
      const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
      const registered = await fetch(`${base}/api/v1/webhooks/endpoints`, {
        method: "POST",
        headers,
        body: JSON.stringify({ url: receiver.url, events: ["breach.recorded", "export.made"] }),
      });
      expect(registered.status, await registered.clone().text()).toBe(201);
      const { secret } = (await registered.json()) as { secret: string };
      const recorded = await recordDemoBreach(base, headers);
      expect(recorded.status, await recorded.clone().text()).toBe(201);
      expect((await fetch(`${base}/api/v1/documents/art30-controller?format=json`, { headers })).status).toBe(200);
      await crash(first);
      expect(webhookStatuses(database)).toEqual(["pending", "pending"]);
      expect(receiver.received).toHaveLength(0);

      // Second life: both events go out, once each.
      const second = await startNode("src/entry/node.ts", { ...env, OUTBOX_INTERVAL_SECONDS: "1" }, "listening");
      await receiver.waitFor(2);
      await waitFor(() => webhookStatuses(database).every((s) => s === "sent"), {
        what: () => `every webhook row sent (they are ${webhookStatuses(database).join(", ")})`,
      });
      await stopAfterDeliveryRuns(second);
      expect(receiver.received).toHaveLength(2);
      const verifier = new Webhook(secret);
      const types = receiver.received.map((r) => (verifier.verify(r.body, r.headers) as { type: string }).type);
      expect(types).toEqual(["breach.recorded", "export.made"]);

      // Third life: everything was recorded as sent, so nothing is sent again.
      const third = await startNode("src/entry/node.ts", { ...env, OUTBOX_INTERVAL_SECONDS: "1" }, "listening");
      await stopAfterDeliveryRuns(third);
      expect(receiver.received).toHaveLength(2);
      expect(new Set(receiver.received.map((r) => r.headers["webhook-id"])).size).toBe(2);
    },
    CHILD_PROCESS_TEST_MS,
  );
});
