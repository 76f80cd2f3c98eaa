import { eq, sql } from "drizzle-orm";
import { obligations, outbox } from "../../../db/schema.ts";
import { addDays, localDate } from "../kernel/clocks/deadline.ts";
import type { Ctx } from "../kernel/context.ts";
import { AppError } from "../kernel/errors.ts";
import { clearGuards, guardCount } from "../kernel/write-guard.ts";
import { translate } from "../kernel/i18n/localise.ts";
import { dpoEmail, loadOrganisation, type Organisation } from "../organisation/index.ts";
import { outboxRow } from "../outbox/index.ts";
import { type DutyView, openDutiesUntil } from "./obligation-queries.ts";
import type { Statement } from "../kernel/ports/store.ts";
import { webhookEvent } from "../webhooks/index.ts";
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
 * overdue). The message, the duty's reminder mark and the webhook event are one atomic unit,
 * guarded so that two ticks at once queue one message. A duty reminded before its last day gives
 * one more event, obligation.overdue, once that day has passed and it is still open.
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
      const [row] = await db
        .select({ marked: obligations.reminderQueuedAt, overdueEvent: obligations.overdueEventAt })
        .from(obligations)
        .where(eq(obligations.id, duty.id));
      const overdue = duty.status === "overdue";
      if (row?.marked && (!overdue || row.overdueEvent)) continue;
      const at = now.toISOString();
      // Reminded while it was still due: only the systems listening hear that it is now overdue.
      const statements = row?.marked ? await overdueStatements(ctx, duty, at) : await reminderStatements(ctx, duty, organisation, at);
      try {
        await ctx.store.atomic(statements);
      } catch (error) {
        if (error instanceof AppError && error.code === "conflict") continue;
        throw error;
      }
      if (!row?.marked) report.reminded.push(duty.id);
    } catch (error) {
      report.failed.push({ obligationId: duty.id, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return report;
}

/** Whether `column` of the duty is still unset: a guard that makes one of two ticks at once write nothing. */
const stillUnset = (ctx: Ctx, duty: DutyView, column: typeof obligations.reminderQueuedAt | typeof obligations.overdueEventAt) =>
  guardCount(ctx.store.db, sql`(select count(*) from ${obligations} where ${obligations.id} = ${duty.id} and ${column} is null)`, 1);

const dutyEvent = (ctx: Ctx, duty: DutyView, at: string): Promise<Statement[]> =>
  webhookEvent(
    ctx,
    duty.status === "overdue" ? "obligation.overdue" : "obligation.due",
    { type: "obligation", id: duty.id, path: `/api/v1/obligations/${duty.id}` },
    {
      kind: duty.kind,
      trigger: duty.trigger,
      agreementId: duty.agreementId,
      agreementReference: duty.agreementReference,
      customerName: duty.customerName,
      lastDay: duty.lastDay,
      dueAt: duty.dueAt,
      status: duty.status,
    },
    at,
  );

/** The DPO's reminder, its mark and the webhook event (due, or overdue when it already is), as one unit. */
async function reminderStatements(ctx: Ctx, duty: DutyView, organisation: Organisation, at: string): Promise<Statement[]> {
  const db = ctx.store.db;
  const lang = organisation.defaultLanguage;
  const params = dutyParams(duty, lang);
  const key = duty.status === "overdue" ? "mail.dutyOverdue" : "mail.dutyReminder";
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
  const overdue = duty.status === "overdue";
  return [
    // Fails the unit if another tick marked it in the meantime: one message per duty.
    stillUnset(ctx, duty, obligations.reminderQueuedAt),
    db
      .update(obligations)
      .set({ reminderQueuedAt: at, ...(overdue ? { overdueEventAt: at } : {}) })
      .where(eq(obligations.id, duty.id)),
    db.insert(outbox).values(message),
    ...(await dutyEvent(ctx, duty, at)),
    clearGuards(db),
  ];
}

/** The overdue event of a duty reminded before its last day, once. */
async function overdueStatements(ctx: Ctx, duty: DutyView, at: string): Promise<Statement[]> {
  const db = ctx.store.db;
  return [
    stillUnset(ctx, duty, obligations.overdueEventAt),
    db.update(obligations).set({ overdueEventAt: at }).where(eq(obligations.id, duty.id)),
    ...(await dutyEvent(ctx, duty, at)),
    clearGuards(db),
  ];
}
