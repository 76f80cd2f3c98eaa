import { createExecutionContext, createScheduledController, env, waitOnExecutionContext } from "cloudflare:test";
import { inArray } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { outbox } from "../../db/schema.ts";
import { makeCtx, SYSTEM_ACTOR } from "../../src/core/kernel/context.ts";
import { createEndpoint, webhookPolicyOf } from "../../src/core/webhooks/index.ts";
import { webhookEvent } from "../../src/core/webhooks/queue-event.ts";
import worker from "../../src/entry/worker.ts";
import type { ReceivedWebhook } from "../helpers/webhook-receiver.ts";
import { freshD1Store } from "./d1-store.ts";

// The Worker's cron trigger delivers webhooks with fetch, signed as on Node, under the outbox's
// lease: two triggers running at once still send each event once. The receiver is a server in the
// test run's Node process, reached over the loopback, which the operator's policy must allow.
const LOOPBACK_POLICY = { WEBHOOK_SCHEMES: "http", WEBHOOK_PRIVATE_ADDRESSES: "allow" };

describe("webhooks from the Worker", () => {
  it("delivers queued events from the cron trigger, signed, each once when two triggers overlap", async () => {
    const store = await freshD1Store();
    const ctx = { ...makeCtx(store, SYSTEM_ACTOR), webhookPolicy: webhookPolicyOf(LOOPBACK_POLICY) };
    const endpoint = await createEndpoint(ctx, { url: env.WEBHOOK_RECEIVER_URL, events: ["export.made", "breach.recorded"] });
    const at = new Date().toISOString();
    const subjects = [crypto.randomUUID(), crypto.randomUUID()];
    const statements = (
      await Promise.all(
        subjects.map((id) =>
          webhookEvent(ctx, "breach.recorded", { type: "breach", id, path: `/api/v1/breaches/${id}` }, { test: true }, at),
        ),
      )
    ).flat();
    await store.atomic(statements);
    const queued = await store.db.select({ id: outbox.id }).from(outbox).where(inArray(outbox.relatedId, subjects));
    expect(queued).toHaveLength(2);

    const runs = [createExecutionContext(), createExecutionContext()];
    await Promise.all(
      runs.map((run) => worker.scheduled(createScheduledController({ cron: "* * * * *" }), { ...env, ...LOOPBACK_POLICY } as never, run)),
    );
    await Promise.all(runs.map((run) => waitOnExecutionContext(run)));

    const ids = new Set(queued.map((q) => q.id));
    const received = ((await (await fetch(env.WEBHOOK_RECEIVER_URL.replace(/\/hooks$/, "/received"))).json()) as ReceivedWebhook[]).filter(
      (r) => ids.has(r.headers["webhook-id"] ?? ""),
    );
    expect(received).toHaveLength(2);
    const verifier = new Webhook(endpoint.secret);
    const payloads = received.map((r) => verifier.verify(r.body, r.headers) as { type: string; data: { id: string } });
    expect(payloads.map((p) => p.data.id).sort()).toEqual([...subjects].sort());
    expect(payloads.every((p) => p.type === "breach.recorded")).toBe(true);
    const statuses = await store.db
      .select({ status: outbox.status })
      .from(outbox)
      .where(inArray(outbox.id, [...ids]));
    expect(statuses.map((s) => s.status)).toEqual(["sent", "sent"]);
  });
});
