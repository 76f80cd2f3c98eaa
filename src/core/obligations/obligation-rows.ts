import { eq } from "drizzle-orm";
import { obligations } from "../../../db/schema.ts";
import type { Deadline } from "../kernel/clocks/deadline.ts";
import type { Ctx } from "../kernel/context.ts";
import { notFound } from "../kernel/errors.ts";
import type { Db, Statement } from "../kernel/ports/store.ts";
import { guardRow } from "../kernel/write-guard.ts";
import type { Obligation } from "./model.ts";

/** An obligation as stored, and as its audit entries record it. */
export type ObligationRow = typeof obligations.$inferSelect;

/** The fields the audit trail vouches for: all but the reminder marker, which the scheduler sets. */
export const AUDITED_OBLIGATION_FIELDS = [
  "id",
  "agreementId",
  "customerId",
  "kind",
  "trigger",
  "sourceId",
  "triggerDate",
  "clock",
  "period",
  "governingCountry",
  "timeZone",
  "lastDay",
  "movedFrom",
  "movedBecause",
  "dueAt",
  "owner",
  "state",
  "doneAt",
  "evidence",
  "waiverReason",
  "closedBy",
  "revision",
  "createdAt",
  "updatedAt",
] as const satisfies readonly (keyof ObligationRow)[];

/** The row as the audit trail records it. */
export function auditedObligation(row: ObligationRow): Omit<ObligationRow, "reminderQueuedAt" | "overdueEventAt"> {
  const { reminderQueuedAt: _marker, overdueEventAt: _event, ...audited } = row;
  return audited;
}

/** The obligation as the API shows it at `now`: an open one past its deadline is overdue. */
export function toObligation(row: ObligationRow, now: Date): Obligation {
  const { state, reminderQueuedAt: _marker, overdueEventAt: _event, ...rest } = row;
  const overdue = state === "open" && now.getTime() >= Date.parse(row.dueAt);
  return {
    ...rest,
    status: overdue ? "overdue" : state,
    onTime: row.doneAt === null ? null : Date.parse(row.doneAt) < Date.parse(row.dueAt),
  };
}

export async function findObligationRow(db: Db, id: string): Promise<ObligationRow> {
  const [row] = await db.select().from(obligations).where(eq(obligations.id, id));
  if (!row) throw notFound("obligation", id);
  return row;
}

/** Fails the atomic unit if the obligation changed since it was read. */
export function guardObligation(ctx: Ctx, row: ObligationRow): Statement {
  return guardRow(ctx.store.db, { table: obligations, id: obligations.id, revision: obligations.revision }, row.id, row.revision);
}

/** What starts a duty: its agreement, what it is, the event, and the deadline the agreement's clock gives. */
export interface DutyStart {
  agreement: { id: string; customerId: string; governingCountry: string; timeZone: string };
  kind: ObligationRow["kind"];
  trigger: ObligationRow["trigger"];
  sourceId: string | null;
  clock: ObligationRow["clock"];
  period: ObligationRow["period"];
  deadline: Deadline;
  owner: string | null;
}

/** A new open duty as stored. */
export function openDuty(ctx: Ctx, start: DutyStart, at: string): ObligationRow {
  const { agreement, deadline } = start;
  return {
    id: ctx.newId(),
    agreementId: agreement.id,
    customerId: agreement.customerId,
    kind: start.kind,
    trigger: start.trigger,
    sourceId: start.sourceId,
    triggerDate: deadline.triggerDate,
    clock: start.clock,
    period: start.period,
    governingCountry: agreement.governingCountry,
    timeZone: agreement.timeZone,
    lastDay: deadline.lastDay,
    movedFrom: deadline.movedFrom,
    movedBecause: deadline.movedBecause,
    dueAt: deadline.closesAt,
    owner: start.owner,
    state: "open",
    doneAt: null,
    evidence: null,
    waiverReason: null,
    closedBy: null,
    reminderQueuedAt: null,
    overdueEventAt: null,
    revision: 1,
    createdAt: at,
    updatedAt: at,
  };
}
