import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Mailer } from "../../src/core/kernel/ports/mailer.ts";
import { deliverDueMessages, LEASE_MS, outboxSummary } from "../../src/core/outbox/deliver-outbox.ts";
import type { OutboxRow } from "../../src/core/outbox/queue-message.ts";
import { createSqliteStore } from "../../src/platform/node/sqlite-store.ts";
import { CHILD_PROCESS_TEST_MS, PATIENCE_MS } from "../helpers/wait.ts";
import { tempDir } from "../node/helpers.ts";
import {
  advance,
  cleanups,
  clock,
  current,
  deliver,
  later,
  MINUTE,
  mailerFor,
  queue,
  rowOf,
  sink,
  store,
  useOutboxWorld,
} from "./outbox-world.ts";

useOutboxWorld();

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
