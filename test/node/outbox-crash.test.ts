import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { stopStartedAfterEach } from "../helpers/cleanup.ts";
import { startSmtpSink } from "../helpers/smtp.ts";
import { CHILD_PROCESS_TEST_MS, waitFor } from "../helpers/wait.ts";
import { crash, recordDemoBreach, stopAfterDeliveryRuns } from "./crash-steps.ts";
import { freePort, startNode, tempDir } from "./helpers.ts";

// Servers and the SMTP sink are stopped by these hooks, even when a test fails or times out.
stopStartedAfterEach();

const OCR_VENDOR = {
  legalName: "Klippa OCR GmbH",
  address: { street: "Friedrichstraße 10", postalCode: "10117", city: "Berlin", country: "DE" },
  contact: { email: "privacy@klippa.example" },
  service: { en: "OCR" },
  locations: [{ country: "DE" }],
};

function outboxStatuses(database: string): string[] {
  const db = new Database(database, { readonly: true });
  try {
    return (db.prepare("select status from outbox order by id").all() as { status: string }[]).map((r) => r.status);
  } finally {
    db.close();
  }
}

/**
 * An SMTP sink and the service on a new demo register, in its first life: delivery runs once at
 * start (nothing queued yet) and then not for an hour, so what the test queues waits for a crash.
 */
async function firstLife() {
  const sink = await startSmtpSink();
  const database = join(tempDir(), "register.db");
  const env = { PORT: String(await freePort()), DATABASE_PATH: database, SMTP_URL: sink.url, MAIL_FROM: "dpo@clearfacts.example" };
  const first = await startNode("src/entry/node.ts", { ...env, OUTBOX_INTERVAL_SECONDS: "3600" }, "listening");
  const token = /token \(shown once, keep it\): (dpar_\S+)/.exec(first.output())?.[1] ?? "";
  const base = `http://127.0.0.1:${env.PORT}`;
  const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
  return { sink, database, env, first, base, headers };
}

describe("the outbox across a crash", () => {
  it(
    "loses no notice e-mail and sends none twice when the process dies between creating the notices and sending them",
    async () => {
      const { sink, database, env, first, base, headers } = await firstLife();
      const activities = (await (await fetch(`${base}/api/v1/activities?limit=200`, { headers })).json()) as {
        items: { id: string; name: { en?: string } }[];
      };
      const maintenance = activities.items.find((a) => a.name.en?.startsWith("Maintenance"))?.id;
      const proposed = await fetch(`${base}/api/v1/sub-processor-changes`, {
        method: "POST",
        headers: { ...headers, "idempotency-key": "crash-test" },
        body: JSON.stringify({
          kind: "add",
          vendor: OCR_VENDOR,
          activityIds: [maintenance],
          reason: { en: "Better OCR" },
          intendedStart: "2099-01-01",
          announce: true,
        }),
      });
      expect(proposed.status).toBe(201);
      await crash(first);
      expect(sink.messages()).toHaveLength(0);

      // Second life: the queued e-mails go out, once each.
      const second = await startNode("src/entry/node.ts", { ...env, OUTBOX_INTERVAL_SECONDS: "1" }, "listening");
      const received = await sink.waitForMessages(3);
      // Nothing more may arrive: wait until every row is in its final state (sent, so no later
      // delivery tick picks it up again), then until the service has stopped with no run in progress.
      await waitFor(() => outboxStatuses(database).every((status) => status === "sent"), {
        what: () => `every outbox row sent (they are ${outboxStatuses(database).join(", ")})`,
      });
      await stopAfterDeliveryRuns(second);
      expect(sink.messages()).toHaveLength(3);
      expect(received.map((m) => m.to[0]).sort()).toEqual([
        "an.peeters@peeters.example",
        "luc.dupont@dupont.example",
        "tom.janssens@janssens.example",
      ]);

      const db = new Database(database, { readonly: true });
      const rows = db.prepare("select id, status from outbox order by id").all() as { id: string; status: string }[];
      db.close();
      expect(rows.map((r) => r.status)).toEqual(["sent", "sent", "sent"]);
      expect(new Set(received.map((m) => m.messageId))).toEqual(new Set(rows.map((r) => `<${r.id}@dpa-register>`)));

      // Third life: everything was recorded as sent, so nothing is sent again. Its delivery run
      // at start has finished once it has shut down cleanly.
      const third = await startNode("src/entry/node.ts", { ...env, OUTBOX_INTERVAL_SECONDS: "1" }, "listening");
      await stopAfterDeliveryRuns(third);
      expect(sink.messages()).toHaveLength(3);
    },
    CHILD_PROCESS_TEST_MS,
  );

  it(
    "loses no breach notice and sends none twice when the process dies between recording the breach and sending",
    async () => {
      const { sink, database, env, first, base, headers } = await firstLife();
      const recorded = await recordDemoBreach(base, headers);
      expect(recorded.status).toBe(201);
      const { breach } = (await recorded.json()) as { breach: { affectedAgreementIds: string[] } };
      expect(breach.affectedAgreementIds.length).toBeGreaterThan(0);
      await crash(first);
      expect(sink.messages()).toHaveLength(0);

      const second = await startNode("src/entry/node.ts", { ...env, OUTBOX_INTERVAL_SECONDS: "1" }, "listening");
      const count = breach.affectedAgreementIds.length;
      await sink.waitForMessages(count);
      await waitFor(() => outboxStatuses(database).every((status) => status === "sent"), {
        what: () => `every outbox row sent (they are ${outboxStatuses(database).join(", ")})`,
      });
      await stopAfterDeliveryRuns(second);
      expect(sink.messages()).toHaveLength(count);
      expect(new Set(sink.messages().map((m) => m.to[0])).size).toBe(count);

      const third = await startNode("src/entry/node.ts", { ...env, OUTBOX_INTERVAL_SECONDS: "1" }, "listening");
      await stopAfterDeliveryRuns(third);
      expect(sink.messages()).toHaveLength(count);
    },
    CHILD_PROCESS_TEST_MS,
  );
});
