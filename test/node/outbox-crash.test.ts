import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { startSmtpSink } from "../helpers/smtp.ts";
import { freePort, startNode, tempDir } from "./helpers.ts";

const OCR_VENDOR = {
  legalName: "Klippa OCR GmbH",
  address: { street: "Friedrichstraße 10", postalCode: "10117", city: "Berlin", country: "DE" },
  contact: { email: "privacy@klippa.example" },
  service: { en: "OCR" },
  locations: [{ country: "DE" }],
};

/** Kills the process outright: no shutdown handler runs, as in a crash or an OOM kill. */
function crash(child: { kill(signal: NodeJS.Signals): boolean; exitCode: number | null; once(event: "exit", listener: () => void): unknown }) {
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGKILL");
  });
}

describe("the outbox across a crash", () => {
  it("loses no notice e-mail and sends none twice when the process dies between creating the notices and sending them", async () => {
    const sink = await startSmtpSink();
    const database = join(tempDir(), "register.db");
    const env = { PORT: String(await freePort()), DATABASE_PATH: database, SMTP_URL: sink.url, MAIL_FROM: "dpo@clearfacts.example" };
    try {
      // First life: delivery runs once at start (nothing queued yet) and then not for an hour.
      const first = await startNode("src/entry/node.ts", { ...env, OUTBOX_INTERVAL_SECONDS: "3600" }, "listening");
      const token = /token \(shown once, keep it\): (dpar_\S+)/.exec(first.output())?.[1] ?? "";
      const base = `http://127.0.0.1:${env.PORT}`;
      const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
      const activities = (await (await fetch(`${base}/api/v1/activities?limit=200`, { headers })).json()) as { items: { id: string; name: { en?: string } }[] };
      const maintenance = activities.items.find((a) => a.name.en?.startsWith("Maintenance"))?.id;
      const proposed = await fetch(`${base}/api/v1/sub-processor-changes`, {
        method: "POST",
        headers: { ...headers, "idempotency-key": "crash-test" },
        body: JSON.stringify({ kind: "add", vendor: OCR_VENDOR, activityIds: [maintenance], reason: { en: "Better OCR" }, intendedStart: "2099-01-01", announce: true }),
      });
      expect(proposed.status).toBe(201);
      await crash(first.child);
      expect(sink.messages()).toHaveLength(0);

      // Second life: the queued e-mails go out, once each.
      const second = await startNode("src/entry/node.ts", { ...env, OUTBOX_INTERVAL_SECONDS: "1" }, "listening");
      const received = await sink.waitForMessages(3, 15_000);
      await new Promise((r) => setTimeout(r, 1500)); // another delivery tick: nothing more may arrive
      await second.stop();
      expect(sink.messages()).toHaveLength(3);
      expect(received.map((m) => m.to[0]).sort()).toEqual(["an.peeters@peeters.example", "luc.dupont@dupont.example", "tom.janssens@janssens.example"]);

      const db = new Database(database, { readonly: true });
      const rows = db.prepare("select id, status from outbox order by id").all() as { id: string; status: string }[];
      db.close();
      expect(rows.map((r) => r.status)).toEqual(["sent", "sent", "sent"]);
      expect(new Set(received.map((m) => m.messageId))).toEqual(new Set(rows.map((r) => `<${r.id}@dpa-register>`)));

      // Third life: everything was recorded as sent, so nothing is sent again.
      const third = await startNode("src/entry/node.ts", { ...env, OUTBOX_INTERVAL_SECONDS: "1" }, "listening");
      await new Promise((r) => setTimeout(r, 1500));
      await third.stop();
      expect(sink.messages()).toHaveLength(3);
    } finally {
      await sink.stop();
    }
  }, 60_000);
});
