import { describe, expect, it } from "vitest";
import type { Mailer } from "../../src/core/kernel/ports/mailer.ts";
import { startOutboxDelivery } from "../../src/platform/node/outbox-loop.ts";
import { memoryStore } from "../helpers/sqlite.ts";
import { CHILD_PROCESS_TEST_MS, PATIENCE_MS } from "../helpers/wait.ts";
import { cleanups, clock, MINUTE, mailerFor, queue, sink, store, useOutboxWorld } from "./outbox-world.ts";

useOutboxWorld();

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
