import { termsEvent } from "./terms-events.ts";
import { eq } from "drizzle-orm";
import { outbox, termsChanges } from "../../../../db/schema.ts";
import { auditStatement } from "../../kernel/audit/audit-statement.ts";
import type { Ctx } from "../../kernel/context.ts";
import { AppError } from "../../kernel/errors.ts";
import { parseInput } from "../../kernel/input/parse-input.ts";
import { insertMany } from "../../kernel/ports/insert-many.ts";
import type { Statement } from "../../kernel/ports/store.ts";
import { clearGuards } from "../../kernel/write-guard.ts";
import { partiesAmong } from "../announcement/notice-windows.ts";
import { withdrawalMails } from "../announcement/withdrawal-mails.ts";
import { closeNotices, guardOpenNotices } from "../lifecycle/close-notices.ts";
import type { TermsChange } from "../model/terms-change.ts";
import { WithdrawInput } from "../model/sub-processor-change.ts";
import { requireOrganisation } from "../proposal/change-facts.ts";
import { noticesOf } from "../queries/change-rows.ts";
import { findTermsChange, guardTermsChange } from "./terms-rows.ts";

/** Withdraws a terms change that has not taken effect: its open notices close and each customer told of it is told it is withdrawn. */
export async function withdrawTermsChange(ctx: Ctx, id: string, raw: unknown): Promise<TermsChange> {
  const { reason } = parseInput(WithdrawInput, raw);
  const db = ctx.store.db;
  const change = await findTermsChange(db, id);
  if (change.status !== "proposed" && change.status !== "announced") {
    throw new AppError("conflict", `Terms change ${id} is ${change.status}; only a proposed or announced terms change can be withdrawn.`);
  }
  const notices = await noticesOf(db, [id]);
  const moved = notices.filter((n) => n.outcome === "applies");
  if (moved.length > 0) {
    throw new AppError(
      "conflict",
      `Terms change ${id} already applies to ${moved.length} agreement(s) whose day has come; it can no longer be withdrawn. Announce a new change of the terms to move them on.`,
    );
  }
  const at = ctx.clock.now().toISOString();
  const withdrawn: TermsChange = {
    ...change,
    status: "withdrawn",
    withdrawnAt: at,
    withdrawalReason: reason,
    revision: change.revision + 1,
    updatedAt: at,
  };
  const statements: Statement[] = [
    guardTermsChange(db, change),
    db
      .update(termsChanges)
      .set({ status: "withdrawn", withdrawnAt: at, withdrawalReason: reason, revision: withdrawn.revision, updatedAt: at })
      .where(eq(termsChanges.id, id)),
    auditStatement(ctx, { action: "withdraw", entityType: "terms_change", entityId: id, before: change, after: withdrawn }, at),
    ...(await termsEvent(ctx, "terms.withdrawn", withdrawn, at, { reason })),
  ];
  const open = notices.filter((n) => n.status === "open");
  // A notice closed meanwhile (the change applied to an agreement whose day came) makes this a conflict.
  statements.push(guardOpenNotices(db, id, open.length));
  if (open.length > 0) {
    const processor = (await requireOrganisation(ctx)).legalName;
    statements.push(...closeNotices(ctx, id, open, "excluded", "terms change withdrawn", at));
    const told = await partiesAmong(
      ctx,
      open.map((n) => n.agreementId),
    );
    const mails = withdrawalMails(
      ctx,
      open,
      told,
      {
        kind: "terms_withdrawn",
        key: "mail.termsWithdrawn",
        processor,
        announcedAt: change.announcedAt ?? at,
        reason,
        params: { version: change.version },
      },
      at,
    );
    statements.push(...insertMany(ctx.store, outbox, mails));
  }
  await ctx.store.atomic([...statements, clearGuards(db)]);
  return withdrawn;
}
