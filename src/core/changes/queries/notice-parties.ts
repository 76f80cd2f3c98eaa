import { eq } from "drizzle-orm";
import { agreements, changeNotices, customers, subProcessorChanges, subProcessors } from "../../../../db/schema.ts";
import type { Db } from "../../kernel/ports/store.ts";

/**
 * Notices with the parties they concern: the change and its vendor, the
 * agreement and its customer. The one join every list of notices needs;
 * callers add their where, order and limit, and may filter on any of the
 * joined tables. Every join follows a foreign key (on delete restrict), so it
 * drops no notice.
 */
export function noticesWithParties(db: Db) {
  return db
    .select({
      notice: changeNotices,
      change: {
        status: subProcessorChanges.status,
        kind: subProcessorChanges.kind,
        subProcessorId: subProcessorChanges.subProcessorId,
      },
      vendorName: subProcessors.legalName,
      agreementReference: agreements.reference,
      customerName: customers.legalName,
    })
    .from(changeNotices)
    .innerJoin(subProcessorChanges, eq(subProcessorChanges.id, changeNotices.changeId))
    .innerJoin(subProcessors, eq(subProcessors.id, subProcessorChanges.subProcessorId))
    .innerJoin(agreements, eq(agreements.id, changeNotices.agreementId))
    .innerJoin(customers, eq(customers.id, agreements.customerId));
}

/** The agreement a notice is about, as its customer is written to: reference, language, contact and customer name. */
export async function customerOfAgreement(db: Db, agreementId: string) {
  const [party] = await db
    .select({ reference: agreements.reference, language: agreements.language, contact: customers.contact, customer: customers.legalName })
    .from(agreements)
    .innerJoin(customers, eq(customers.id, agreements.customerId))
    .where(eq(agreements.id, agreementId));
  return party ?? null;
}
