import { and, eq, inArray, sql } from "drizzle-orm";
import { changeNotices, objections, outbox, termsChanges } from "../../../../db/schema.ts";
import { auditRowsStatement } from "../../kernel/audit/audit-chain.ts";
import { auditRow, auditStatement } from "../../kernel/audit/audit-statement.ts";
import { startOfDay } from "../../kernel/clocks/deadline.ts";
import { DEFAULT_TIME_ZONE } from "../../kernel/clocks/zoned-time.ts";
import type { Ctx } from "../../kernel/context.ts";
import { formatInstant } from "../../kernel/i18n/localise.ts";
import type { Statement } from "../../kernel/ports/store.ts";
import { clearGuards, guardCount } from "../../kernel/write-guard.ts";
import { type Agreement, agreementKind, guardRevision } from "../../register/index.ts";
import { dpoMessage } from "../announcement/dpo-mail.ts";
import type { ChangeNotice, Objection } from "../model/change-notice.ts";
import type { TermsChange } from "../model/terms-change.ts";
import { requireOrganisation } from "../proposal/change-facts.ts";
import { termsStartDay } from "./terms-mail.ts";
import { guardTermsChange } from "./terms-rows.ts";

/** What the register records for a customer who objected in time: the old terms stay, and the customer may end the agreement. */
export const OBJECTED_REASON = "customer objected in time: the current terms stay in force, and the customer may terminate the agreement";

const APPLIED_REASON = "terms change took effect";

/** The instant a terms change may apply: the start of its day, once every window has closed. */
export function termsStartInstant(change: TermsChange, notices: ChangeNotice[]): string {
  // ISO instants in UTC compare as text: the latest of the day's start and every window's close.
  return [startOfDay(termsStartDay(change), DEFAULT_TIME_ZONE), ...notices.map((n) => n.closesAt)].sort().at(-1) as string;
}

/** Notices whose customer objected in time and has not withdrawn (or been overruled): the change does not apply to them. */
export function objectedNotices(open: ChangeNotice[], raised: Objection[]): Set<string> {
  const standing = raised.filter(
    (o) => o.onTime && (o.resolution === null || o.resolution === "alternative_offered" || o.resolution === "customer_terminated"),
  );
  const ids = new Set(standing.map((o) => o.noticeId));
  return new Set(open.filter((n) => ids.has(n.id)).map((n) => n.id));
}

/**
 * Makes a due terms change effective, per agreement, in one atomic unit:
 * each agreement whose customer did not object in time moves to the new
 * version (its notice closes as "applies"); each whose customer did keeps
 * its terms, and its notice closes as "excluded" recording the customer's
 * right to terminate. Late objections are kept and flagged, and do not stop it.
 */
export async function takeTermsEffect(ctx: Ctx, change: TermsChange, notices: ChangeNotice[], raised: Objection[]): Promise<TermsChange> {
  const db = ctx.store.db;
  const at = ctx.clock.now().toISOString();
  const open = notices.filter((n) => n.status === "open");
  const objected = objectedNotices(open, raised);
  const applying = open.filter((n) => !objected.has(n.id));
  const current = await agreementKind.load(
    db,
    applying.map((n) => n.agreementId),
  );
  const statements: Statement[] = [
    guardTermsChange(db, change),
    // Decided on what was read: an objection received since then makes this a conflict, retried next tick.
    guardCount(db, sql`(select count(*) from ${objections} where ${objections.changeId} = ${change.id})`, raised.length),
    guardCount(
      db,
      sql`(select count(*) from ${changeNotices} where ${changeNotices.changeId} = ${change.id} and ${changeNotices.status} = 'open')`,
      open.length,
    ),
  ];
  for (const before of current) {
    const after: Agreement = { ...before, version: change.version, revision: before.revision + 1, updatedAt: at };
    statements.push(
      guardRevision(db, agreementKind, before),
      ...agreementKind.write(ctx.store, after, false),
      auditStatement(
        ctx,
        { action: "update", entityType: agreementKind.type, entityId: before.id, before, after, reason: `terms change ${change.id}` },
        at,
      ),
    );
  }
  const closed = open.map((n): ChangeNotice => {
    const excluded = objected.has(n.id);
    return {
      ...n,
      status: "closed",
      outcome: excluded ? "excluded" : "applies",
      outcomeReason: excluded ? OBJECTED_REASON : APPLIED_REASON,
      revision: n.revision + 1,
      updatedAt: at,
    };
  });
  // Two UPDATEs whatever the number of agreements: those who objected first, then every other open notice.
  const stillOpen = and(eq(changeNotices.changeId, change.id), eq(changeNotices.status, "open"));
  const closing = (outcome: ChangeNotice["outcome"], outcomeReason: string) => ({
    status: "closed" as const,
    outcome,
    outcomeReason,
    revision: sql`${changeNotices.revision} + 1`,
    updatedAt: at,
  });
  if (objected.size > 0) {
    statements.push(
      db
        .update(changeNotices)
        .set(closing("excluded", OBJECTED_REASON))
        .where(and(stillOpen, inArray(changeNotices.id, [...objected]))),
    );
  }
  statements.push(db.update(changeNotices).set(closing("applies", APPLIED_REASON)).where(stillOpen));
  statements.push(
    auditRowsStatement(
      closed.map((after, i) =>
        auditRow(ctx, { action: "update", entityType: "change_notice", entityId: after.id, before: open[i] as ChangeNotice, after }, at),
      ),
    ),
  );
  const effective: TermsChange = { ...change, status: "effective", effectiveAt: at, revision: change.revision + 1, updatedAt: at };
  const organisation = await requireOrganisation(ctx);
  statements.push(
    db
      .update(termsChanges)
      .set({ status: "effective", effectiveAt: at, revision: effective.revision, updatedAt: at })
      .where(eq(termsChanges.id, change.id)),
    auditStatement(ctx, { action: "take_effect", entityType: "terms_change", entityId: change.id, before: change, after: effective }, at),
    db.insert(outbox).values(
      dpoMessage(
        ctx,
        organisation,
        "terms_effective",
        { subject: "mail.termsEffective.subject", body: "mail.termsEffective.body" },
        {
          version: change.version,
          changeId: change.id,
          at: formatInstant(at, organisation.defaultLanguage),
          applies: applying.length,
          objected: objected.size,
          excluded: notices.length - open.length,
        },
        { type: "terms_change", id: change.id },
        at,
      ),
    ),
    clearGuards(db),
  );
  await ctx.store.atomic(statements);
  return effective;
}
