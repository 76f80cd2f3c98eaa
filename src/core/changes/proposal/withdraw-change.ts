import { changeEvent } from "../change-events.ts";
import { eq } from "drizzle-orm";
import { outbox, subProcessorChanges } from "../../../../db/schema.ts";
import { auditStatement } from "../../kernel/audit/audit-statement.ts";
import type { Ctx } from "../../kernel/context.ts";
import { AppError } from "../../kernel/errors.ts";
import { type SubProcessor, subProcessorKind, guardRevision } from "../../register/index.ts";
import { type SubProcessorChange, WithdrawInput } from "../model/sub-processor-change.ts";
import type { Statement } from "../../kernel/ports/store.ts";
import { insertMany } from "../../kernel/ports/insert-many.ts";
import { parseInput } from "../../kernel/input/parse-input.ts";
import { clearGuards } from "../../kernel/write-guard.ts";
import { affectedAgreements } from "../announcement/affected-agreements.ts";
import { loadFacts } from "./change-facts.ts";
import { withdrawalMails } from "../announcement/withdrawal-mails.ts";
import { closeNotices } from "../lifecycle/close-notices.ts";
import { findChangeRow, noticesOf, toChange, guardChange } from "../queries/change-rows.ts";

/**
 * Withdraws a change that has not taken effect: its open notices close, each
 * customer that was told is told it is withdrawn, and a vendor that was only
 * proposed for it is marked rejected.
 */
export async function withdrawChange(ctx: Ctx, id: string, raw: unknown): Promise<SubProcessorChange> {
  const { reason } = parseInput(WithdrawInput, raw);
  const db = ctx.store.db;
  const change = toChange(await findChangeRow(db, id));
  if (change.status !== "proposed" && change.status !== "announced") {
    throw new AppError("conflict", `Change ${id} is ${change.status}; only a proposed or announced change can be withdrawn.`);
  }
  const at = ctx.clock.now().toISOString();
  const withdrawn: SubProcessorChange = {
    ...change,
    status: "withdrawn",
    withdrawnAt: at,
    withdrawalReason: reason,
    revision: change.revision + 1,
    updatedAt: at,
  };
  const statements: Statement[] = [
    guardChange(db, change),
    db
      .update(subProcessorChanges)
      .set({ status: "withdrawn", withdrawnAt: at, withdrawalReason: reason, revision: withdrawn.revision, updatedAt: at })
      .where(eq(subProcessorChanges.id, id)),
    auditStatement(ctx, { action: "withdraw", entityType: "sub_processor_change", entityId: id, before: change, after: withdrawn }, at),
  ];

  const facts = change.status === "announced" ? await loadFacts(ctx, change) : null;
  const open = (await noticesOf(db, [id])).filter((n) => n.status === "open");
  if (open.length > 0 && facts) {
    statements.push(...closeNotices(ctx, id, open, "excluded", "change withdrawn", at));
    const mails = withdrawalMails(
      ctx,
      open,
      await affectedAgreements(ctx, change.activityIds),
      {
        kind: "change_withdrawn",
        key: "mail.withdrawn",
        processor: facts.organisation.legalName,
        announcedAt: change.announcedAt ?? at,
        reason,
        params: { vendor: facts.vendor.legalName },
      },
      at,
    );
    statements.push(...insertMany(ctx.store, outbox, mails));
  }

  const [vendor] = await subProcessorKind.load(db, [change.subProcessorId]);
  if (vendor && vendor.status === "proposed" && (change.kind === "add" || change.kind === "replace")) {
    const rejected: SubProcessor = { ...vendor, status: "rejected", revision: vendor.revision + 1, updatedAt: at };
    statements.push(
      guardRevision(db, subProcessorKind, vendor),
      ...subProcessorKind.write(ctx.store, rejected, false),
      auditStatement(ctx, { action: "update", entityType: "sub_processor", entityId: vendor.id, before: vendor, after: rejected }, at),
    );
  }
  statements.push(...(await changeEvent(ctx, "change.withdrawn", withdrawn, at, { reason })));
  await ctx.store.atomic([...statements, clearGuards(db)]);
  return withdrawn;
}
