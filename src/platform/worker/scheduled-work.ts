import { LIFECYCLE_ACTOR, runLifecycle } from "../../core/changes/index.ts";
import { DAY_MS, EVIDENCE_ACTOR, runEvidenceTick } from "../../core/evidence/index.ts";
import { makeCtx, systemClock } from "../../core/kernel/context.ts";
import type { Mailer } from "../../core/kernel/ports/mailer.ts";
import { deliverDueMessages } from "../../core/outbox/index.ts";
import { configuredHttpMailer } from "../mail-api/http-mailer.ts";
import { createD1Store } from "./d1-store.ts";
import { fetchWebhookTransport } from "./webhook-transport.ts";
import { webhookPolicyOf } from "../../core/webhooks/index.ts";
import { keysOf, type WorkerEnv } from "./worker-env.ts";

/**
 * The cron trigger's work: due changes take effect, reminders are queued,
 * the outbox is delivered through the configured HTTP mail API (after the
 * lifecycle, so what it queued goes out in the same run) with the webhooks, the chain is signed
 * when it has grown and the register is verified once a day.
 */
/** CUSTOMER_REMINDER_DAYS as a number of days; unset or not a whole number from 0 to 60: the default. */
function reminderDays(value: string | undefined): number | undefined {
  const days = Number(value);
  return value !== undefined && Number.isInteger(days) && days >= 0 && days <= 60 ? days : undefined;
}

export function runScheduledWork(env: WorkerEnv, ctx: ExecutionContext): void {
  const store = createD1Store(env.DB);
  ctx.waitUntil(
    runLifecycle(
      { ...makeCtx(store, LIFECYCLE_ACTOR), publicBaseUrl: env.PUBLIC_BASE_URL },
      { windowReminderDays: reminderDays(env.CUSTOMER_REMINDER_DAYS) },
    )
      .then((report) => {
        for (const failure of report.failed) console.error(`lifecycle: change ${failure.changeId} failed: ${failure.error}`);
        for (const failure of report.duties.failed) {
          console.error(`lifecycle: reminder of obligation ${failure.obligationId} failed: ${failure.error}`);
        }
        for (const failure of report.reviews.failed) {
          console.error(`lifecycle: reminder of the review of activity ${failure.activityId} failed: ${failure.error}`);
        }
        for (const failure of report.windows.failed) {
          console.error(`lifecycle: reminder to the customer of notice ${failure.noticeId} failed: ${failure.error}`);
        }
      })
      .then(() => deliverMail(env, store)),
  );
  ctx.waitUntil(
    keysOf(env)
      .then((keys) => runEvidenceTick(makeCtx(store, EVIDENCE_ACTOR), keys, { verifyEveryMs: DAY_MS }))
      .then(({ verification }) => {
        if (verification && !verification.ok)
          console.error(`evidence: the register does NOT verify: ${verification.problems.map((p) => p.message).join("; ")}`);
      }),
  );
}

/**
 * The outbox through the HTTP mail API, with the Node deliverer's rules
 * (core/outbox): each message claimed under a lease before it is sent, so two
 * overlapping triggers never send one twice, and retried with growing delays.
 */
async function deliverMail(env: WorkerEnv, store: ReturnType<typeof createD1Store>): Promise<void> {
  let mailer: Mailer | null = null;
  try {
    mailer = configuredHttpMailer(env);
  } catch (error) {
    console.error(`outbox: ${error instanceof Error ? error.message : String(error)}; e-mails stay queued`);
  }
  const policy = webhookPolicyOf(env);
  const report = await deliverDueMessages({ store, mailer, webhooks: { transport: fetchWebhookTransport, policy }, clock: systemClock });
  if (report.failed > 0) console.error(`outbox: ${report.failed} message(s) failed for good (see /admin/outbox)`);
}
