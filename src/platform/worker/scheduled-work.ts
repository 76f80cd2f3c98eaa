import { LIFECYCLE_ACTOR, runLifecycle } from "../../core/changes/index.ts";
import { DAY_MS, EVIDENCE_ACTOR, runEvidenceTick } from "../../core/evidence/index.ts";
import { makeCtx } from "../../core/kernel/context.ts";
import { createD1Store } from "./d1-store.ts";
import { keysOf, type WorkerEnv } from "./worker-env.ts";

/**
 * The cron trigger's work: due changes take effect, reminders are queued
 * (mail is delivered by a Node instance), the chain is signed when it has
 * grown and the register is verified once a day.
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
    ).then((report) => {
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
    }),
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
