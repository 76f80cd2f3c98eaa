import type { Config } from "../../config.ts";
import type { CheckpointKeys } from "../../core/kernel/audit/checkpoints.ts";
import type { Store } from "../../core/kernel/ports/store.ts";
import { startEvidenceScheduler, startLifecycleScheduler } from "./lifecycle-scheduler.ts";
import { startOutboxDelivery } from "./outbox-loop.ts";
import { configuredHttpMailer } from "../mail-api/http-mailer.ts";
import { createSmtpMailer } from "./smtp-mailer.ts";
import { nodeWebhookTransport } from "./webhook-transport.ts";
import { webhookPolicyOf } from "../../core/webhooks/index.ts";

/** The service's timers: change lifecycle, checkpoints and verification, and the outbox: webhooks always, e-mail when SMTP or a mail API is configured. */
export function startBackgroundWork(store: Store, keys: CheckpointKeys, config: Config): { stop: () => Promise<void> } {
  const lifecycle = startLifecycleScheduler({
    store,
    intervalMs: config.LIFECYCLE_INTERVAL_SECONDS * 1000,
    // Reminders to customers carry their objection links, which start with the public address.
    publicBaseUrl: config.PUBLIC_BASE_URL,
    windowReminderDays: config.CUSTOMER_REMINDER_DAYS,
  });
  const evidence = startEvidenceScheduler({
    store,
    keys,
    intervalMs: config.CHECKPOINT_INTERVAL_SECONDS * 1000,
    verifyEveryMs: config.VERIFY_INTERVAL_HOURS * 3600 * 1000,
  });
  // SMTP when configured, else a provider's HTTP mail API (as the Worker uses), else none.
  const mailer = config.SMTP_URL ? createSmtpMailer({ url: config.SMTP_URL, from: config.MAIL_FROM }) : configuredHttpMailer(config);
  // Webhooks need no configuration to go out: only their endpoints, registered by an admin.
  const policy = webhookPolicyOf(config);
  const webhooks = { transport: nodeWebhookTransport(policy), policy };
  const delivery = startOutboxDelivery({ store, mailer, webhooks, intervalMs: config.OUTBOX_INTERVAL_SECONDS * 1000 });
  if (!mailer) console.log("Neither SMTP_URL nor MAIL_API is set: e-mails stay queued in the outbox (GET /api/v1/outbox).");
  return {
    stop: async () => {
      await Promise.all([lifecycle.stop(), evidence.stop(), delivery.stop()]);
    },
  };
}
