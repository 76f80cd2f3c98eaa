import { type Clock, systemClock } from "../../core/kernel/context.ts";
import { deliverDueMessages, type DeliveryReport } from "../../core/outbox/index.ts";
import type { Mailer } from "../../core/kernel/ports/mailer.ts";
import type { Store } from "../../core/kernel/ports/store.ts";
import type { WebhookSending } from "../../core/webhooks/index.ts";

export interface OutboxDeliveryOptions {
  store: Store;
  /** Without one, e-mail stays queued (webhooks still go). */
  mailer: Mailer | null;
  webhooks?: WebhookSending | null;
  clock?: Clock;
  intervalMs?: number;
  log?: (message: string, error?: unknown) => void;
}

export interface OutboxDelivery {
  /** Waits for a run in progress, then stops; no run starts afterwards. */
  stop(): Promise<void>;
  /** Runs now, after any run in progress; rejects if that run fails. */
  runOnce(): Promise<DeliveryReport>;
}

/**
 * Delivers the outbox in the background: once at start, then `intervalMs`
 * after each run ends. Runs are chained, so they never overlap, and a failing
 * run (database busy, a bug) is logged and retried next time rather than
 * taking the server down.
 */
export function startOutboxDelivery(options: OutboxDeliveryOptions): OutboxDelivery {
  const { store, mailer, webhooks, clock = systemClock, intervalMs = 10_000, log = console.error } = options;
  let chain: Promise<unknown> = Promise.resolve();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const runOnce = (): Promise<DeliveryReport> => {
    if (stopped) return Promise.reject(new Error("Outbox delivery has been stopped."));
    const run = chain.then(() => deliverDueMessages({ store, mailer, webhooks, clock }));
    chain = run.catch(() => undefined);
    return run;
  };

  const tick = async () => {
    timer = undefined;
    try {
      const report = await runOnce();
      if (report.failed > 0) log(`outbox: ${report.failed} message(s) failed for good; see the outbox's lastError.`);
      if (report.retried > 0) log(`outbox: ${report.retried} message(s) could not be sent and will be retried.`);
    } catch (error) {
      log("outbox: delivery run failed", error);
    }
    if (!stopped) {
      timer = setTimeout(tick, intervalMs);
      // The loop alone should not keep the process alive: a server stays up for its socket.
      timer.unref();
    }
  };

  void tick();

  return {
    runOnce,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      await chain;
    },
  };
}
