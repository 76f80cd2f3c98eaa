import { termsChanges } from "../../../../db/schema.ts";
import { auditStatement } from "../../kernel/audit/audit-statement.ts";
import type { Ctx } from "../../kernel/context.ts";
import { parseInput } from "../../kernel/input/parse-input.ts";
import { clearGuards } from "../../kernel/write-guard.ts";
import { activeParties } from "../announcement/notice-windows.ts";
import { type TermsChange, TermsChangeInput } from "../model/terms-change.ts";
import { termsAnnouncement } from "./announce-terms-change.ts";
import { agreementIdsOf } from "./terms-rows.ts";

/**
 * Records a change of the agreements' terms (a new version, what changes,
 * from when, the documents), for the agreements named or else every one in
 * force; with `announce` its notices go out in the same atomic unit.
 */
export async function proposeTermsChange(ctx: Ctx, raw: unknown): Promise<TermsChange> {
  const input = parseInput(TermsChangeInput, raw);
  const agreementIds = input.agreementIds ? await agreementIdsOf(ctx, input.agreementIds) : (await activeParties(ctx)).map((p) => p.id);
  const at = ctx.clock.now().toISOString();
  const proposed: TermsChange = {
    id: ctx.newId(),
    version: input.version,
    summary: input.summary,
    documents: input.documents,
    agreementIds,
    effectiveOn: input.effectiveOn,
    status: "proposed",
    announcedAt: null,
    earliestEffective: null,
    effectiveAt: null,
    withdrawnAt: null,
    withdrawalReason: null,
    revision: 1,
    createdAt: at,
    updatedAt: at,
  };
  const db = ctx.store.db;
  const writes = [
    db.insert(termsChanges).values(proposed),
    auditStatement(ctx, { action: "create", entityType: "terms_change", entityId: proposed.id, before: null, after: proposed }, at),
  ];
  if (!input.announce) {
    await ctx.store.atomic(writes);
    return proposed;
  }
  const announcement = await termsAnnouncement(ctx, proposed, input.effectiveOn);
  await ctx.store.atomic([...writes, ...announcement.statements, clearGuards(db)]);
  return announcement.announced;
}
