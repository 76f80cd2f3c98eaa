import { createExecutionContext, createScheduledController, env, waitOnExecutionContext } from "cloudflare:test";
import { inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { outbox } from "../../db/schema.ts";
import { makeCtx, SYSTEM_ACTOR } from "../../src/core/kernel/context.ts";
import { outboxRow } from "../../src/core/outbox/queue-message.ts";
import worker from "../../src/entry/worker.ts";
import type { ReceivedMail } from "../helpers/mail-api-sink.ts";
import { freshD1Store } from "./d1-store.ts";

// The Worker's cron trigger delivers the outbox through the HTTP mail API (Postmark's, here a
// stand-in on the loopback), with the Node deliverer's lease: two triggers running at once
// still send each message once.
const MAIL_ENV = {
  MAIL_API: "postmark",
  MAIL_API_TOKEN: "worker-token",
  MAIL_FROM: "register@dpa.example",
  MAIL_API_URL: env.MAIL_SINK_URL,
};

describe("mail from the Worker", () => {
  it("sends queued notices through the mail API from the cron trigger, each once when two triggers overlap", async () => {
    const store = await freshD1Store();
    const ctx = makeCtx(store, SYSTEM_ACTOR);
    const now = new Date().toISOString();
    const recipients = [`first-${crypto.randomUUID()}@customer.example`, `second-${crypto.randomUUID()}@customer.example`];
    const rows = recipients.map((recipient, i) =>
      outboxRow(
        ctx,
        {
          kind: "change_notice",
          recipient,
          subject: `Notice ${i + 1}`,
          body: `Dear customer,\n\nNotice ${i + 1}.\n`,
          related: { type: "sub_processor_change", id: `change-${i}` },
        },
        now,
      ),
    );
    await store.atomic(rows.map((row) => store.db.insert(outbox).values(row)));

    const runs = [createExecutionContext(), createExecutionContext()];
    await Promise.all(
      runs.map((run) => worker.scheduled(createScheduledController({ cron: "* * * * *" }), { ...env, ...MAIL_ENV } as never, run)),
    );
    await Promise.all(runs.map((run) => waitOnExecutionContext(run)));

    const received = ((await (await fetch(`${env.MAIL_SINK_URL}/received`)).json()) as ReceivedMail[]).filter((m) =>
      recipients.includes(String(m.body.To)),
    );
    expect(received.map((m) => m.body.To).sort()).toEqual([...recipients].sort());
    expect(received.every((m) => m.token === "worker-token" && m.body.From === "register@dpa.example")).toBe(true);
    const statuses = await store.db
      .select({ status: outbox.status })
      .from(outbox)
      .where(
        inArray(
          outbox.id,
          rows.map((r) => r.id),
        ),
      );
    expect(statuses.map((s) => s.status)).toEqual(["sent", "sent"]);
  });
});
