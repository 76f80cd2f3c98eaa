import { termsEvent } from "./terms-events.ts";
import { and, eq, isNull, sql } from "drizzle-orm";
import { changeNotices, objections, outbox, termsChanges } from "../../../../db/schema.ts";
import { auditRowsStatement } from "../../kernel/audit/audit-chain.ts";
import { auditRow, auditStatement } from "../../kernel/audit/audit-statement.ts";
import { startOfDay } from "../../kernel/clocks/deadline.ts";
import type { Ctx } from "../../kernel/context.ts";
import { formatInstant } from "../../kernel/i18n/localise.ts";
import { inList } from "../../kernel/ports/in-list.ts";
import { guardOpenNotices } from "../lifecycle/close-notices.ts";
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
const ENDED_REASON = "agreement no longer in force when the terms change took effect";

/** The instant the new terms may apply to one agreement: the start of the effective day in its zone, once its window has closed. */
export function noticeStartInstant(change: TermsChange, notice: ChangeNotice): string {
  // ISO instants in UTC compare as text: the later of the two.
  return [startOfDay(termsStartDay(change), notice.timeZone), notice.closesAt].sort()[1] as string;
}

/** When the first agreement may move to the new terms (null once none is waiting). */
export function termsStartInstant(change: TermsChange, notices: ChangeNotice[]): string | null {
  const starts = notices.filter((n) => n.status === "open").map((n) => noticeStartInstant(change, n));
  return starts.length === 0 ? null : (starts.sort()[0] as string);
}

/** Open notices whose customer objected in time and did not withdraw it: the new terms do not apply to them. */
export function objectedNotices(open: ChangeNotice[], raised: Objection[]): Set<string> {
  const standing = new Set(raised.filter((o) => o.onTime && o.resolution !== "withdrawn").map((o) => o.noticeId));
  return new Set(open.filter((n) => standing.has(n.id)).map((n) => n.id));
}

/**
 * Applies a terms change to the agreements whose day has come (the start of
 * the effective day in each agreement's zone), in one atomic unit: an
 * agreement whose customer did not object in time moves to the new version
 * (its notice closes as "applies"); one whose customer did keeps its terms,
 * and its notice closes as "excluded" recording the customer's right to
 * terminate; one no longer in force is left as it is. Once no notice is left
 * open the change is effective and the DPO is told. Late objections are kept
 * and flagged, and do not stop it.
 */
export async function takeTermsEffect(ctx: Ctx, change: TermsChange, notices: ChangeNotice[], raised: Objection[]): Promise<TermsChange> {
  const db = ctx.store.db;
  const at = ctx.clock.now().toISOString();
  const open = notices.filter((n) => n.status === "open");
  const due = open.filter((n) => noticeStartInstant(change, n) <= at);
  const objected = objectedNotices(due, raised);
  const agreements = new Map(
    (
      await agreementKind.load(
        db,
        due.map((n) => n.agreementId),
      )
    ).map((a) => [a.id, a]),
  );
  const inForce = (n: ChangeNotice) => {
    const a = agreements.get(n.agreementId);
    return a !== undefined && a.status === "active" && a.archivedAt === null;
  };
  const outcomeOf = (n: ChangeNotice): Pick<ChangeNotice, "outcome" | "outcomeReason"> =>
    !inForce(n)
      ? { outcome: "excluded", outcomeReason: ENDED_REASON }
      : objected.has(n.id)
        ? { outcome: "excluded", outcomeReason: OBJECTED_REASON }
        : { outcome: "applies", outcomeReason: APPLIED_REASON };
  const closed = due.map((n): ChangeNotice => ({ ...n, status: "closed", ...outcomeOf(n), revision: n.revision + 1, updatedAt: at }));
  const applying = closed.filter((n) => n.outcome === "applies");

  const unresolved = raised.filter((o) => o.resolution === null).length;
  const statements: Statement[] = [
    guardTermsChange(db, change),
    // Decided on what was read: an objection received or resolved, or a notice closed, since then makes this a conflict, retried next tick.
    guardCount(db, sql`(select count(*) from ${objections} where ${objections.changeId} = ${change.id})`, raised.length),
    guardCount(
      db,
      sql`(select count(*) from ${objections} where ${objections.changeId} = ${change.id} and ${objections.resolution} is null)`,
      unresolved,
    ),
    guardOpenNotices(db, change.id, open.length),
  ];
  for (const notice of applying) {
    const before = agreements.get(notice.agreementId) as Agreement;
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
  // One UPDATE per outcome, whatever the number of agreements.
  for (const reason of [ENDED_REASON, OBJECTED_REASON, APPLIED_REASON]) {
    const ids = closed.filter((n) => n.outcomeReason === reason).map((n) => n.id);
    if (ids.length === 0) continue;
    statements.push(
      db
        .update(changeNotices)
        .set({
          status: "closed",
          outcome: reason === APPLIED_REASON ? "applies" : "excluded",
          outcomeReason: reason,
          revision: sql`${changeNotices.revision} + 1`,
          updatedAt: at,
        })
        .where(and(eq(changeNotices.changeId, change.id), eq(changeNotices.status, "open"), inList(changeNotices.id, ids))),
    );
  }
  if (closed.length > 0) {
    statements.push(
      auditRowsStatement(
        closed.map((after, i) =>
          auditRow(ctx, { action: "update", entityType: "change_notice", entityId: after.id, before: due[i] as ChangeNotice, after }, at),
        ),
      ),
    );
  }
  const finished = due.length === open.length;
  const result: TermsChange = finished
    ? { ...change, status: "effective", effectiveAt: at, revision: change.revision + 1, updatedAt: at }
    : change;
  if (finished) {
    const organisation = await requireOrganisation(ctx);
    const outcomes = notices.map((n) => closed.find((c) => c.id === n.id) ?? n);
    statements.push(
      db
        .update(termsChanges)
        .set({ status: "effective", effectiveAt: at, revision: result.revision, updatedAt: at })
        .where(and(eq(termsChanges.id, change.id), isNull(termsChanges.effectiveAt))),
      auditStatement(ctx, { action: "take_effect", entityType: "terms_change", entityId: change.id, before: change, after: result }, at),
      ...(await termsEvent(ctx, "terms.effective", result, at)),
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
            applies: outcomes.filter((n) => n.outcome === "applies").length,
            objected: outcomes.filter((n) => n.outcomeReason === OBJECTED_REASON).length,
            excluded: outcomes.filter((n) => n.outcome === "excluded" && n.outcomeReason !== OBJECTED_REASON).length,
          },
          { type: "terms_change", id: change.id },
          at,
        ),
      ),
    );
  }
  statements.push(clearGuards(db));
  await ctx.store.atomic(statements);
  return result;
}
