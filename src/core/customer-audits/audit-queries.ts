import { and, asc, eq, gt, inArray, lt, or, type SQL } from "drizzle-orm";
import { z } from "zod";
import { agreements, customerAudits, customers } from "../../../db/schema.ts";
import type { Ctx } from "../kernel/context.ts";
import { parseInput } from "../kernel/input/parse-input.ts";
import { type Page, pageFields, toPage } from "../kernel/paging.ts";
import type { Db } from "../kernel/ports/store.ts";
import { Id } from "../kernel/values/values.ts";
import { idOrReference, NAMED_AGREEMENT, resolveNamedFields } from "../register/index.ts";
import { findCustomerAudit } from "./audit-rows.ts";
import { CUSTOMER_AUDIT_STATES, type CustomerAudit } from "./model.ts";

export const CustomerAuditListQuery = z.strictObject({
  state: z.enum(CUSTOMER_AUDIT_STATES).optional(),
  agreementId: idOrReference(NAMED_AGREEMENT).optional(),
  ...pageFields({ max: 500, default: 50, cursor: Id }),
});

export const getCustomerAudit = (ctx: Ctx, id: string): Promise<CustomerAudit> => findCustomerAudit(ctx.store.db, id);

/** Audits oldest first (by id), filtered. */
export async function listCustomerAudits(ctx: Ctx, raw: Record<string, string>): Promise<Page<CustomerAudit>> {
  const q = await resolveNamedFields(ctx.store.db, parseInput(CustomerAuditListQuery, raw), { agreementId: NAMED_AGREEMENT });
  const where: SQL[] = [];
  if (q.state) where.push(eq(customerAudits.state, q.state));
  if (q.agreementId) where.push(eq(customerAudits.agreementId, q.agreementId));
  if (q.cursor) where.push(gt(customerAudits.id, q.cursor));
  const rows = await ctx.store.db
    .select()
    .from(customerAudits)
    .where(and(...where))
    .orderBy(asc(customerAudits.id))
    .limit(q.limit + 1);
  return toPage(rows, q.limit);
}

/** An audit with the names a person reads. */
export interface AuditView extends CustomerAudit {
  agreementReference: string;
  customerName: string;
}

/**
 * What the DPO prepares for: audits requested and not yet scheduled, and those scheduled to start
 * before `until` (those already under way included), soonest first, in one query.
 */
export function pendingAudits(db: Db, until: string): Promise<AuditView[]> {
  return auditViews(
    db,
    or(eq(customerAudits.state, "requested"), and(eq(customerAudits.state, "scheduled"), lt(customerAudits.scheduledOn, until))),
  );
}

/** Every audit requested or scheduled, with names, for the calendar. */
export function auditsUnderWay(db: Db): Promise<AuditView[]> {
  return auditViews(db, inArray(customerAudits.state, ["requested", "scheduled"]));
}

async function auditViews(db: Db, where: SQL | undefined): Promise<AuditView[]> {
  const rows = await db
    .select({ audit: customerAudits, agreementReference: agreements.reference, customerName: customers.legalName })
    .from(customerAudits)
    .innerJoin(agreements, eq(agreements.id, customerAudits.agreementId))
    .innerJoin(customers, eq(customers.id, customerAudits.customerId))
    .where(where)
    .orderBy(asc(customerAudits.earliestStart), asc(customerAudits.id));
  return rows.map((r) => ({ ...r.audit, agreementReference: r.agreementReference, customerName: r.customerName }));
}
