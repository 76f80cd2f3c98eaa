import { eq, sql } from "drizzle-orm";
import { obligations, outbox } from "../../../db/schema.ts";
import { addDays, localDate } from "../kernel/clocks/deadline.ts";
import type { Ctx } from "../kernel/context.ts";
import { AppError } from "../kernel/errors.ts";
import { clearGuards, guardCount } from "../kernel/write-guard.ts";
import { translate } from "../kernel/i18n/localise.ts";
import { dpoEmail, loadOrganisation } from "../organisation/index.ts";
import { outboxRow } from "../outbox/index.ts";
import { openDutiesUntil } from "./obligation-queries.ts";
import { byTrigger, dutyParams } from "./obligation-text.ts";

/** How many days before a duty's last day the DPO is reminded (as for objection windows). */
export const DUTY_REMINDER_DAYS = 3;

export interface DutyReminderReport {
  reminded: string[];
  failed: { obligationId: string; error: string }[];
}

/**
 * Part of the scheduler's tick: the DPO is reminded once of each open duty whose last day is at
 * most DUTY_REMINDER_DAYS away in its agreement's zone (or is past: then the message says it is
 * overdue). The message and the duty's reminder mark are one atomic unit, guarded so that two ticks
 * at once queue one message.
 */
export async function remindOfDuties(ctx: Ctx): Promise<DutyReminderReport> {
  const report: DutyReminderReport = { reminded: [], failed: [] };
  const now = ctx.clock.now();
  // Wide enough for every zone: each duty is then checked in its own.
  const horizon = addDays(localDate(now, "UTC"), DUTY_REMINDER_DAYS + 2);
  const duties = (await openDutiesUntil(ctx, horizon)).filter(
    (duty) => duty.lastDay <= addDays(localDate(now, duty.timeZone), DUTY_REMINDER_DAYS),
  );
  if (duties.length === 0) return report;
  const organisation = await loadOrganisation(ctx.store.db);
  const db = ctx.store.db;
  for (const duty of duties) {
    try {
      if (!organisation) throw new Error("the organisation profile is not set up, so the DPO has no address");
      const [row] = await db.select({ marked: obligations.reminderQueuedAt }).from(obligations).where(eq(obligations.id, duty.id));
      if (row?.marked) continue;
      const lang = organisation.defaultLanguage;
      const params = dutyParams(duty, lang);
      const key = duty.status === "overdue" ? "mail.dutyOverdue" : "mail.dutyReminder";
      const at = now.toISOString();
      const message = outboxRow(
        ctx,
        {
          kind: "duty_reminder",
          recipient: dpoEmail(organisation),
          subject: translate(lang, `${key}.subject`, params),
          body: translate(lang, byTrigger(duty, "mail.dutyReminder.body", "mail.dutyReminder.breachBody"), params),
          related: { type: "obligation", id: duty.id },
        },
        at,
      );
      try {
        await ctx.store.atomic([
          // Fails the unit if another tick marked it in the meantime: one message per duty.
          guardCount(
            db,
            sql`(select count(*) from ${obligations} where ${obligations.id} = ${duty.id} and ${obligations.reminderQueuedAt} is null)`,
            1,
          ),
          db.update(obligations).set({ reminderQueuedAt: at }).where(eq(obligations.id, duty.id)),
          db.insert(outbox).values(message),
          clearGuards(db),
        ]);
      } catch (error) {
        if (error instanceof AppError && error.code === "conflict") continue;
        throw error;
      }
      report.reminded.push(duty.id);
    } catch (error) {
      report.failed.push({ obligationId: duty.id, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return report;
}
