import { and, asc, eq, gt, lt, lte, type SQL } from "drizzle-orm";
import { z } from "zod";
import { agreements, customers, obligations } from "../../../db/schema.ts";
import type { Ctx } from "../kernel/context.ts";
import { parseInput } from "../kernel/input/parse-input.ts";
import { type Page, pageFields, toPage } from "../kernel/paging.ts";
import { Id, IsoDate } from "../kernel/values/values.ts";
import { idOrReference, NAMED_AGREEMENT, resolveNamedFields } from "../register/index.ts";
import { OBLIGATION_KINDS, OBLIGATION_STATUSES, type Obligation, type ObligationStatus } from "./model.ts";
import { findObligationRow, toObligation } from "./obligation-rows.ts";

export const ObligationListQuery = z.strictObject({
  status: z.enum(OBLIGATION_STATUSES).optional(),
  kind: z.enum(OBLIGATION_KINDS).optional(),
  agreementId: idOrReference(NAMED_AGREEMENT).optional(),
  dueBefore: IsoDate.optional().describe("Only those whose last day is before this day."),
  ...pageFields({ max: 500, default: 50, cursor: Id }),
});

export async function getObligation(ctx: Ctx, id: string): Promise<Obligation> {
  return toObligation(await findObligationRow(ctx.store.db, id), ctx.clock.now());
}

/** Obligations oldest first (by id), filtered; `overdue` and `open` are told apart by the clock now. */
export async function listObligations(ctx: Ctx, raw: Record<string, string>): Promise<Page<Obligation>> {
  const q = await resolveNamedFields(ctx.store.db, parseInput(ObligationListQuery, raw), { agreementId: NAMED_AGREEMENT });
  const now = ctx.clock.now();
  const where: SQL[] = [];
  if (q.status) where.push(...statusWhere(q.status, now.toISOString()));
  if (q.kind) where.push(eq(obligations.kind, q.kind));
  if (q.agreementId) where.push(eq(obligations.agreementId, q.agreementId));
  if (q.dueBefore) where.push(lt(obligations.lastDay, q.dueBefore));
  if (q.cursor) where.push(gt(obligations.id, q.cursor));
  const rows = await ctx.store.db
    .select()
    .from(obligations)
    .where(and(...where))
    .orderBy(asc(obligations.id))
    .limit(q.limit + 1);
  return toPage(
    rows.map((row) => toObligation(row, now)),
    q.limit,
  );
}

/** An open duty with the names a person reads: the agreement's reference and the customer. */
export interface DutyView extends Obligation {
  agreementReference: string;
  customerName: string;
}

/** Open duties whose last day is before `until` (overdue ones included), soonest first, in one query. */
export function openDutiesUntil(ctx: Ctx, until: string): Promise<DutyView[]> {
  return dutyViews(ctx, [eq(obligations.state, "open"), lt(obligations.lastDay, until)]);
}

/** Duties with one status (all when unset), soonest first, with the agreement's reference and the customer's name. */
export function namedDuties(ctx: Ctx, status?: ObligationStatus): Promise<DutyView[]> {
  return dutyViews(ctx, status ? statusWhere(status, ctx.clock.now().toISOString()) : []);
}

async function dutyViews(ctx: Ctx, where: SQL[]): Promise<DutyView[]> {
  const now = ctx.clock.now();
  const rows = await ctx.store.db
    .select({ obligation: obligations, agreementReference: agreements.reference, customerName: customers.legalName })
    .from(obligations)
    .innerJoin(agreements, eq(agreements.id, obligations.agreementId))
    .innerJoin(customers, eq(customers.id, obligations.customerId))
    .where(and(...where))
    .orderBy(asc(obligations.dueAt), asc(agreements.reference), asc(obligations.kind));
  return rows.map((r) => ({ ...toObligation(r.obligation, now), agreementReference: r.agreementReference, customerName: r.customerName }));
}

/** Overdue and open are one stored state, told apart by the deadline and the clock. */
function statusWhere(status: ObligationStatus, nowIso: string): SQL[] {
  if (status === "overdue") return [eq(obligations.state, "open"), lte(obligations.dueAt, nowIso)];
  if (status === "open") return [eq(obligations.state, "open"), gt(obligations.dueAt, nowIso)];
  return [eq(obligations.state, status)];
}
