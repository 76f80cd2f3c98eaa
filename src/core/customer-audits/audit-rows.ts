import { eq } from "drizzle-orm";
import { customerAudits } from "../../../db/schema.ts";
import type { Ctx } from "../kernel/context.ts";
import { notFound } from "../kernel/errors.ts";
import type { Db, Statement } from "../kernel/ports/store.ts";
import { guardRow } from "../kernel/write-guard.ts";
import type { CustomerAudit } from "./model.ts";

export async function findCustomerAudit(db: Db, id: string): Promise<CustomerAudit> {
  const [row] = await db.select().from(customerAudits).where(eq(customerAudits.id, id));
  if (!row) throw notFound("customer audit", id);
  return row;
}

/** Fails the atomic unit if the audit changed since it was read. */
export function guardCustomerAudit(ctx: Ctx, audit: CustomerAudit): Statement {
  return guardRow(
    ctx.store.db,
    { table: customerAudits, id: customerAudits.id, revision: customerAudits.revision },
    audit.id,
    audit.revision,
  );
}
