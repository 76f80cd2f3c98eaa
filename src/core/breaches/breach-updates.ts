import { and, eq, inArray } from "drizzle-orm";
import { agreements, breaches, customers, outbox } from "../../../db/schema.ts";
import { auditStatement } from "../kernel/audit/audit-statement.ts";
import type { Ctx } from "../kernel/context.ts";
import { AppError } from "../kernel/errors.ts";
import { formatInstant, translate } from "../kernel/i18n/localise.ts";
import { parseInput } from "../kernel/input/parse-input.ts";
import { clearGuards, guardRow } from "../kernel/write-guard.ts";
import { dpoEmail, loadOrganisation } from "../organisation/index.ts";
import { outboxRow } from "../outbox/index.ts";
import { findBreach } from "./breach-queries.ts";
import { type Breach, BreachUpdateInput } from "./model.ts";

/**
 * A follow-up on a breach the customers were notified of (Art. 33(4): information in phases): kept
 * with the breach and sent to every customer notified, in its agreement's language, in one unit.
 */
export async function addBreachUpdate(ctx: Ctx, id: string, raw: unknown): Promise<Breach> {
  const input = parseInput(BreachUpdateInput, raw);
  const db = ctx.store.db;
  const breach = await findBreach(db, id);
  if (!breach.notifiedAt) {
    throw new AppError(
      "conflict",
      `The customers have not been notified of breach ${id} yet: notify them first (POST /api/v1/breaches/${id}/notification).`,
    );
  }
  const organisation = await loadOrganisation(db);
  if (!organisation) throw new AppError("conflict", "Set up the organisation profile first: the updates name the processor and its DPO.");
  const recipients = breach.affectedAgreementIds.length
    ? await db
        .select({ reference: agreements.reference, language: agreements.language, contact: customers.contact, dpo: customers.dpo })
        .from(agreements)
        .innerJoin(customers, eq(customers.id, agreements.customerId))
        .where(and(inArray(agreements.id, breach.affectedAgreementIds)))
    : [];
  const at = ctx.clock.now().toISOString();
  const next: Breach = { ...breach, updates: [...breach.updates, { at, text: input.text }], revision: breach.revision + 1, updatedAt: at };
  const messages = recipients.map((r) => {
    const params = {
      processor: organisation.legalName,
      reference: r.reference,
      notifiedAt: formatInstant(breach.notifiedAt as string, r.language),
      text: input.text,
      dpo: dpoEmail(organisation),
      breachId: breach.id,
    };
    return outboxRow(
      ctx,
      {
        kind: "breach_update",
        recipient: r.dpo?.email ?? r.contact.email,
        subject: translate(r.language, "mail.breachUpdate.subject", params),
        body: translate(r.language, "mail.breachUpdate.body", params),
        related: { type: "breach", id: breach.id },
      },
      at,
    );
  });
  await ctx.store.atomic([
    guardRow(db, { table: breaches, id: breaches.id, revision: breaches.revision }, breach.id, breach.revision),
    db.update(breaches).set({ updates: next.updates, revision: next.revision, updatedAt: at }).where(eq(breaches.id, breach.id)),
    ...messages.map((m) => db.insert(outbox).values(m)),
    auditStatement(ctx, { action: "update", entityType: "breach", entityId: breach.id, before: breach, after: next }, at),
    clearGuards(db),
  ]);
  return next;
}
