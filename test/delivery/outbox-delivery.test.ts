import { join } from "node:path";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { outbox } from "../../db/schema.ts";
import { makeCtx, SYSTEM_ACTOR } from "../../src/core/kernel/context.ts";
import { deliverDueMessages, LEASE_MS, listOutbox, outboxSummary, retryDelayMs } from "../../src/core/outbox/deliver-outbox.ts";
import { type OutboxRow, type OutgoingMessage, outboxRow, queueMessage } from "../../src/core/outbox/queue-message.ts";
import type { Mailer } from "../../src/core/kernel/ports/mailer.ts";
import type { Store } from "../../src/core/kernel/ports/store.ts";
import { startOutboxDelivery } from "../../src/platform/node/outbox-loop.ts";
import { createSmtpMailer, toMailError } from "../../src/platform/node/smtp-mailer.ts";
import { createSqliteStore, type SqliteStore } from "../../src/platform/node/sqlite-store.ts";
import { freePort, tempDir } from "../node/helpers.ts";
import { memoryStore } from "../helpers/sqlite.ts";
import { type SmtpSink, type SmtpSinkOptions, startSmtpSink } from "../helpers/smtp.ts";
import { stopStartedAfterEach } from "../helpers/cleanup.ts";
import { CHILD_PROCESS_TEST_MS, PATIENCE_MS } from "../helpers/wait.ts";

// Processes, servers and SMTP sinks started through the helpers are stopped by these hooks, even when a test fails or times out.
stopStartedAfterEach();

const FROM = "register@dpa.example";
const MINUTE = 60_000;
const DUTCH_SUBJECT = "Kennisgeving wijziging subverwerker – é";

let current: Date;
const clock = { now: () => current };
const iso = (date: Date) => date.toISOString();
const advance = (ms: number) => (current = new Date(current.getTime() + ms));
const later = (ms: number) => iso(new Date(current.getTime() + ms));

let store: SqliteStore;
const cleanups: (() => unknown)[] = [];

beforeEach(() => {
  current = new Date("2026-03-02T09:00:00.000Z");
  store = memoryStore();
  cleanups.push(() => store.close());
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function sink(options: SmtpSinkOptions = {}): Promise<SmtpSink> {
  const started = await startSmtpSink(options);
  cleanups.push(() => started.stop());
  return started;
}

const mailerFor = (target: SmtpSink | string): Mailer =>
  createSmtpMailer({ url: typeof target === "string" ? target : target.url, from: FROM });

let counter = 0;
function message(overrides: Partial<OutgoingMessage> = {}): OutgoingMessage {
  counter++;
  return {
    kind: "change_notice",
    recipient: `customer-${counter}@example.test`,
    subject: `Notice ${counter}`,
    body: `Dear customer,\n\nNotice number ${counter}.\n`,
    related: { type: "sub_processor_change", id: `change-${counter}` },
    ...overrides,
  };
}

/** Queues a message the way use cases do, optionally with the row altered (e.g. not yet due). */
async function queue(overrides: Partial<OutgoingMessage> = {}, row: Partial<OutboxRow> = {}, into: Store = store): Promise<OutboxRow> {
  const queued = { ...outboxRow(makeCtx(into, SYSTEM_ACTOR, clock), message(overrides), iso(current)), ...row };
  await into.atomic([into.db.insert(outbox).values(queued)]);
  return queued;
}

async function rowOf(id: string) {
  const [row] = await store.db.select().from(outbox).where(eq(outbox.id, id));
  if (!row) throw new Error(`no outbox row ${id}`);
  return row;
}

const deliver = (mailer: Mailer, extra: { limit?: number; maxAttempts?: number } = {}) =>
  deliverDueMessages({ store, mailer, clock, ...extra });

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
      current = new Date(after.nextAttemptAt);
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

describe("claims", { timeout: CHILD_PROCESS_TEST_MS }, () => {
  it("lets two deliverers on one database file send each message exactly once", async () => {
    const smtp = await sink();
    const file = join(tempDir(), "register.db");
    const [a, b] = [createSqliteStore(file), createSqliteStore(file)];
    cleanups.push(
      () => a.close(),
      () => b.close(),
    );
    const rows: OutboxRow[] = [];
    for (let i = 0; i < 20; i++) rows.push(await queue({}, {}, i % 2 ? a : b));

    const reports = await Promise.all([a, b].map((each) => deliverDueMessages({ store: each, mailer: mailerFor(smtp), clock })));

    expect(reports.reduce((sum, report) => sum + report.sent, 0)).toBe(20);
    expect(reports.map((report) => report.sent)).not.toContain(0);
    expect(
      smtp
        .messages()
        .map((m) => m.messageId)
        .sort(),
    ).toEqual(rows.map((row) => `<${row.id}@dpa-register>`).sort());
    expect((await outboxSummary(a.db)).counts).toEqual({ pending: 0, sending: 0, sent: 20, failed: 0 });
  });

  it("does not let a deliverer whose clock runs ahead take a message another has just claimed", async () => {
    const smtp = await sink();
    const rows: OutboxRow[] = [];
    for (let i = 0; i < 10; i++) rows.push(await queue());
    const ahead = { now: () => new Date(current.getTime() + LEASE_MS + MINUTE) };

    const reports = await Promise.all([clock, ahead].map((each) => deliverDueMessages({ store, mailer: mailerFor(smtp), clock: each })));

    expect(reports.reduce((sum, report) => sum + report.sent, 0)).toBe(10);
    expect(
      smtp
        .messages()
        .map((m) => m.messageId)
        .sort(),
    ).toEqual(rows.map((row) => `<${row.id}@dpa-register>`).sort());
  });

  it("sends a message again once the claim of a deliverer that died has expired, but not before", async () => {
    const smtp = await sink();
    const abandoned = await queue({}, { status: "sending", attempts: 1, nextAttemptAt: later(-1) });
    const inFlight = await queue({}, { status: "sending", attempts: 1, nextAttemptAt: later(LEASE_MS - MINUTE) });

    expect(await deliver(mailerFor(smtp))).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(smtp.messages().map((m) => m.messageId)).toEqual([`<${abandoned.id}@dpa-register>`]);
    expect(await rowOf(abandoned.id)).toMatchObject({ status: "sent", attempts: 2 });
    expect(await rowOf(inFlight.id)).toEqual(inFlight);

    advance(LEASE_MS - MINUTE);
    expect(await deliver(mailerFor(smtp))).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(smtp.messages().at(-1)?.messageId).toBe(`<${inFlight.id}@dpa-register>`);
  });

  it("gives up on a message whose last allowed attempt never reported back", async () => {
    const smtp = await sink();
    const row = await queue({}, { status: "sending", attempts: 8, nextAttemptAt: later(-1) });
    expect(await deliver(mailerFor(smtp))).toEqual({ sent: 0, retried: 0, failed: 1 });
    expect(await rowOf(row.id)).toMatchObject({ status: "failed", attempts: 9 });
    expect((await rowOf(row.id)).lastError).toMatch(/never reported back/);
    expect(smtp.messages()).toEqual([]);
  });

  it("ignores the outcome from a deliverer whose claim expired and was taken over", async () => {
    const row = await queue();
    const first = heldMailer();
    const firstRun = deliver(first.mailer);
    await expect.poll(() => first.calls, { timeout: PATIENCE_MS }).toBe(1);

    advance(LEASE_MS);
    const second = heldMailer();
    const secondRun = deliver(second.mailer);
    await expect.poll(() => second.calls, { timeout: PATIENCE_MS }).toBe(1);
    expect(await rowOf(row.id)).toMatchObject({ status: "sending", attempts: 2 });

    first.fail(new Error("connection reset"));
    await firstRun;
    expect(await rowOf(row.id)).toMatchObject({ status: "sending", attempts: 2, lastError: null });

    second.succeed();
    expect(await secondRun).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(await rowOf(row.id)).toMatchObject({ status: "sent", attempts: 2, lastError: null });
  });
});

/** A mailer whose one send waits until the test lets it succeed or fail. */
function heldMailer() {
  let settle: (error?: Error) => void = () => undefined;
  const held = {
    calls: 0,
    mailer: {
      send: () => {
        held.calls++;
        return new Promise<void>((resolve, reject) => (settle = (error) => (error ? reject(error) : resolve())));
      },
    } satisfies Mailer,
    succeed: () => settle(),
    fail: (error: Error) => settle(error),
  };
  return held;
}

describe("the background loop", { timeout: CHILD_PROCESS_TEST_MS }, () => {
  const quiet = () => undefined;

  it("delivers once at start, then every interval, and nothing after stop()", async () => {
    const smtp = await sink();
    await queue();
    const loop = startOutboxDelivery({ store, mailer: mailerFor(smtp), clock, intervalMs: 30, log: quiet });
    cleanups.push(() => loop.stop());
    await smtp.waitForMessages(1);
    await queue();
    await smtp.waitForMessages(2);

    await loop.stop();
    await queue();
    await expect(loop.runOnce()).rejects.toThrow(/stopped/);
    // Several of the loop's intervals. Node fires timers in deadline order, so a tick the stopped
    // loop had left armed fires before this timer, however loaded the machine: load cannot make this fail.
    await new Promise((resolve) => setTimeout(resolve, 4 * 30));
    expect(smtp.messages()).toHaveLength(2);
  });

  it("never runs twice at once, and stop() waits for the run in progress", async () => {
    for (let i = 0; i < 3; i++) await queue();
    let inFlight = 0;
    let mostAtOnce = 0;
    let sends = 0;
    const gates: (() => void)[] = [];
    const gated: Mailer = {
      async send() {
        inFlight++;
        mostAtOnce = Math.max(mostAtOnce, inFlight);
        await new Promise<void>((resolve) => gates.push(resolve));
        inFlight--;
        sends++;
      },
    };
    const loop = startOutboxDelivery({ store, mailer: gated, clock, intervalMs: 60 * MINUTE, log: quiet });
    const extra = [loop.runOnce(), loop.runOnce()];
    const openGates = async (count: number) => {
      for (let i = 0; i < count; i++) {
        await expect.poll(() => gates.length, { timeout: PATIENCE_MS }).toBe(1);
        gates.shift()?.();
      }
    };
    await openGates(2);
    let stopped = false;
    const stopping = loop.stop().then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(stopped).toBe(false);
    await openGates(1);
    await stopping;

    expect(await Promise.all(extra)).toEqual([
      { sent: 0, retried: 0, failed: 0 },
      { sent: 0, retried: 0, failed: 0 },
    ]);
    expect({ sends, mostAtOnce }).toEqual({ sends: 3, mostAtOnce: 1 });
  });

  it("logs a failing run and keeps going", async () => {
    const broken = memoryStore();
    broken.close();
    const logged: unknown[][] = [];
    const loop = startOutboxDelivery({
      store: broken,
      mailer: { send: async () => undefined },
      clock,
      intervalMs: 10,
      log: (...args) => logged.push(args),
    });
    cleanups.push(() => loop.stop());
    await expect.poll(() => logged.length, { timeout: PATIENCE_MS }).toBeGreaterThanOrEqual(2);
    expect(logged[0]?.[0]).toMatch(/delivery run failed/);
    expect(logged[0]?.[1]).toBeInstanceOf(Error);
    await expect(loop.runOnce()).rejects.toThrow();
    await loop.stop();
  });
});
