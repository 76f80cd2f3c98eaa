import { describe, expect, it } from "vitest";
import { makeCtx, SYSTEM_ACTOR } from "../../src/core/kernel/context.ts";
import { listOutbox, outboxSummary, retryDelayMs } from "../../src/core/outbox/deliver-outbox.ts";
import { queueMessage } from "../../src/core/outbox/queue-message.ts";
import { toMailError } from "../../src/platform/node/smtp-mailer.ts";
import { CHILD_PROCESS_TEST_MS } from "../helpers/wait.ts";
import { freePort } from "../node/helpers.ts";
import {
  advance,
  clock,
  current,
  DUTCH_SUBJECT,
  deliver,
  FROM,
  iso,
  later,
  MINUTE,
  mailerFor,
  message,
  queue,
  rowOf,
  setNow,
  sink,
  store,
  useOutboxWorld,
} from "./outbox-world.ts";

useOutboxWorld();

describe("delivering the outbox over SMTP", { timeout: CHILD_PROCESS_TEST_MS }, () => {
  it("delivers every due message once, with its recipient, subject, body and Message-ID", async () => {
    const smtp = await sink();
    const ctx = makeCtx(store, SYSTEM_ACTOR, clock);
    await store.atomic([
      queueMessage(
        ctx,
        message({ subject: DUTCH_SUBJECT, body: "Geachte klant,\n\nDe subverwerker « Société Générale » wijzigt.\n" }),
        iso(current),
      ),
    ]);
    const plain = await queue();
    const [accented] = (await listOutbox(store.db)).filter((row) => row.subject === DUTCH_SUBJECT);
    if (!accented) throw new Error("queueMessage did not insert a row");

    expect(await deliver(mailerFor(smtp))).toEqual({ sent: 2, retried: 0, failed: 0 });

    const received = smtp.messages();
    expect(received).toHaveLength(2);
    for (const row of [accented, plain]) {
      const [mail, ...duplicates] = received.filter((m) => m.messageId === `<${row.id}@dpa-register>`);
      expect(duplicates).toEqual([]);
      expect(mail).toMatchObject({ from: FROM, to: [row.recipient], subject: row.subject, text: row.body });
      expect(await rowOf(row.id)).toMatchObject({ status: "sent", sentAt: iso(current), attempts: 1, lastError: null });
    }
    // The subject really went over the wire encoded, and came back intact.
    expect(received.find((m) => m.subject === DUTCH_SUBJECT)?.raw).toContain("=?UTF-8?");

    advance(MINUTE);
    expect(await deliver(mailerFor(smtp))).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(smtp.messages()).toHaveLength(2);
  });

  it("leaves messages alone until they are due, and sends the longest-waiting first, at most `limit` per run", async () => {
    const smtp = await sink();
    const future = await queue({}, { nextAttemptAt: later(MINUTE) });
    const second = await queue({}, { nextAttemptAt: later(-1_000) });
    const first = await queue({}, { nextAttemptAt: later(-2_000) });
    const third = await queue();

    expect(await deliver(mailerFor(smtp), { limit: 2 })).toEqual({ sent: 2, retried: 0, failed: 0 });
    expect(smtp.messages().map((m) => m.messageId)).toEqual([first, second].map((row) => `<${row.id}@dpa-register>`));

    expect(await deliver(mailerFor(smtp), { limit: 2 })).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(smtp.messages().at(-1)?.messageId).toBe(`<${third.id}@dpa-register>`);
    expect(await rowOf(future.id)).toMatchObject({ status: "pending", attempts: 0 });

    advance(MINUTE);
    expect(await deliver(mailerFor(smtp))).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(smtp.messages().at(-1)?.messageId).toBe(`<${future.id}@dpa-register>`);
  });

  it("retries a message the server turned away with 451 after a minute, then delivers it once", async () => {
    const smtp = await sink({ tempFailFirst: 1 });
    const row = await queue();

    expect(await deliver(mailerFor(smtp))).toEqual({ sent: 0, retried: 1, failed: 0 });
    expect(await rowOf(row.id)).toMatchObject({ status: "pending", attempts: 1, nextAttemptAt: later(MINUTE), sentAt: null });
    expect((await rowOf(row.id)).lastError).toMatch(/451/);
    expect(smtp.messages()).toEqual([]);

    advance(MINUTE - 1);
    expect(await deliver(mailerFor(smtp))).toEqual({ sent: 0, retried: 0, failed: 0 });
    advance(1);
    expect(await deliver(mailerFor(smtp))).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(await rowOf(row.id)).toMatchObject({ status: "sent", attempts: 2, lastError: null, sentAt: iso(current) });
    expect(smtp.messages().map((m) => m.messageId)).toEqual([`<${row.id}@dpa-register>`]);
  });

  it("backs off 1, 2, 4 … minutes while the server is down, and fails the message after maxAttempts", async () => {
    const down = mailerFor(`smtp://127.0.0.1:${await freePort()}`);
    const row = await queue();
    const waits: number[] = [];
    for (let attempt = 1; attempt < 8; attempt++) {
      expect(await deliver(down)).toEqual({ sent: 0, retried: 1, failed: 0 });
      const after = await rowOf(row.id);
      expect(after).toMatchObject({ status: "pending", attempts: attempt });
      expect(after.lastError).toMatch(/ECONNREFUSED/);
      waits.push((Date.parse(after.nextAttemptAt) - current.getTime()) / MINUTE);
      setNow(new Date(after.nextAttemptAt));
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 64]);

    expect(await deliver(down)).toEqual({ sent: 0, retried: 0, failed: 1 });
    expect(await rowOf(row.id)).toMatchObject({ status: "failed", attempts: 8, sentAt: null });

    // A failed message stays failed, even once mail flows again.
    const smtp = await sink();
    advance(24 * 60 * MINUTE);
    expect(await deliver(mailerFor(smtp))).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(smtp.messages()).toEqual([]);
  });

  it("caps the wait between attempts at six hours", () => {
    expect([1, 2, 3, 9, 10, 30].map(retryDelayMs)).toEqual([1, 2, 4, 256, 360, 360].map((minutes) => minutes * MINUTE));
  });

  it("counts 5xx replies (but 503) and addresses nodemailer refuses as permanent, everything else as worth retrying", () => {
    const permanent = (failure: object) => toMailError(Object.assign(new Error("refused"), failure)).permanent;
    expect([550, 552, 554, 503, 421, 451].map((responseCode) => permanent({ code: "EMESSAGE", responseCode }))).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
    ]);
    expect(["EENVELOPE", "ETIMEDOUT", "ESOCKET", "ECONNECTION", "ETLS"].map((code) => permanent({ code }))).toEqual([
      true,
      false,
      false,
      false,
      false,
    ]);
    expect(toMailError("odd").permanent).toBe(false);
  });

  it("fails a message the server refuses with 550 at once, and still delivers the others", async () => {
    const smtp = await sink({ rejectRecipients: /^gone@/ });
    const before = await queue();
    const refused = await queue({ recipient: "gone@example.test" });
    const after = await queue();

    expect(await deliver(mailerFor(smtp))).toEqual({ sent: 2, retried: 0, failed: 1 });
    expect(await rowOf(refused.id)).toMatchObject({ status: "failed", attempts: 1, sentAt: null });
    expect((await rowOf(refused.id)).lastError).toMatch(/550/);
    expect(smtp.messages().map((m) => m.to)).toEqual([[before.recipient], [after.recipient]]);

    advance(24 * 60 * MINUTE);
    expect(await deliver(mailerFor(smtp))).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(await outboxSummary(store.db)).toEqual({ counts: { pending: 0, sending: 0, sent: 2, failed: 1 }, oldestPendingCreatedAt: null });
    expect((await listOutbox(store.db, { status: "failed" })).map((row) => row.id)).toEqual([refused.id]);
  });
});
