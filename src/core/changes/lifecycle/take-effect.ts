import { changeEvent } from "../change-events.ts";
import { eq, sql } from "drizzle-orm";
import { objections, outbox, subProcessorChanges } from "../../../../db/schema.ts";
import { auditStatement } from "../../kernel/audit/audit-statement.ts";
import type { Ctx } from "../../kernel/context.ts";
import { formatInstant } from "../../kernel/i18n/localise.ts";
import type { ChangeNotice } from "../model/change-notice.ts";
import { type SubProcessor, subProcessorKind, guardRevision } from "../../register/index.ts";
import type { SubProcessorChange } from "../model/sub-processor-change.ts";
import type { Statement } from "../../kernel/ports/store.ts";
import { clearGuards, guardCount } from "../../kernel/write-guard.ts";
import { requireOrganisation } from "../proposal/change-facts.ts";
import { closeNotices, guardOpenNotices } from "./close-notices.ts";
import { dpoMessage } from "../announcement/dpo-mail.ts";
import { guardChange } from "../queries/change-rows.ts";

const union = (a: string[], b: string[]) => [...new Set([...a, ...b])];
const without = (a: string[], b: string[]) => a.filter((x) => !b.includes(x));

/** The sub-processors as they are once the change applies. */
export function appliedVendors(
  change: SubProcessorChange,
  vendor: SubProcessor,
  replaced: SubProcessor | null,
  excluded: string[],
): SubProcessor[] {
  const leaving = (s: SubProcessor): SubProcessor => {
    const activityIds = without(s.activityIds, change.activityIds);
    return { ...s, activityIds, status: activityIds.length === 0 ? "retired" : s.status };
  };
  switch (change.kind) {
    case "add":
      return [
        {
          ...vendor,
          status: "active",
          activityIds: union(vendor.activityIds, change.activityIds),
          excludedAgreementIds: union(vendor.excludedAgreementIds, excluded),
        },
      ];
    case "replace":
      return [
        {
          ...vendor,
          status: "active",
          activityIds: union(vendor.activityIds, change.activityIds),
          excludedAgreementIds: union(vendor.excludedAgreementIds, excluded),
        },
        ...(replaced ? [leaving(replaced)] : []),
      ];
    case "remove":
      return [leaving(vendor)];
    case "change_locations":
      return [
        {
          ...vendor,
          locations: change.locations ?? vendor.locations,
          transferMechanism: change.transferMechanism ?? vendor.transferMechanism,
        },
      ];
    case "change_chain":
      return [{ ...vendor, parentId: change.parentId }];
  }
}

/**
 * Makes a due change effective in one atomic unit: the sub-processors change
 * (so annexes show it from now on), the notices of the agreements it applies
 * to close, the change is marked effective, and the DPO is told.
 */
export async function takeEffect(
  ctx: Ctx,
  change: SubProcessorChange,
  notices: ChangeNotice[],
  objectionCount: number,
): Promise<SubProcessorChange> {
  const db = ctx.store.db;
  const at = ctx.clock.now().toISOString();
  const ids = [change.subProcessorId, ...(change.replacesId ? [change.replacesId] : [])];
  const current = await subProcessorKind.load(db, ids);
  const vendor = current.find((s) => s.id === change.subProcessorId) as SubProcessor;
  const replaced = current.find((s) => s.id === change.replacesId) ?? null;
  const excluded = notices.filter((n) => n.outcome === "excluded").map((n) => n.agreementId);
  const applying = notices.filter((n) => n.status === "open");

  const statements: Statement[] = [
    guardChange(db, change),
    // The decision was made on what was read: a notice closed or an objection received since then makes this a conflict, retried next tick.
    guardOpenNotices(db, change.id, applying.length),
    guardCount(db, sql`(select count(*) from ${objections} where ${objections.changeId} = ${change.id})`, objectionCount),
  ];
  for (const next of appliedVendors(change, vendor, replaced, excluded)) {
    const before = current.find((s) => s.id === next.id) as SubProcessor;
    const after = { ...next, revision: before.revision + 1, updatedAt: at };
    statements.push(
      guardRevision(db, subProcessorKind, before),
      ...subProcessorKind.write(ctx.store, after, false),
      auditStatement(ctx, { action: "update", entityType: "sub_processor", entityId: after.id, before, after }, at),
    );
  }
  const effective: SubProcessorChange = { ...change, status: "effective", effectiveAt: at, revision: change.revision + 1, updatedAt: at };
  statements.push(
    db
      .update(subProcessorChanges)
      .set({ status: "effective", effectiveAt: at, revision: effective.revision, updatedAt: at })
      .where(eq(subProcessorChanges.id, change.id)),
    auditStatement(
      ctx,
      { action: "take_effect", entityType: "sub_processor_change", entityId: change.id, before: change, after: effective },
      at,
    ),
    ...closeNotices(ctx, change.id, applying, "applies", "change took effect", at),
  );
  const organisation = await requireOrganisation(ctx);
  statements.push(
    db.insert(outbox).values(
      dpoMessage(
        ctx,
        organisation,
        "change_effective",
        { subject: "mail.effective.subject", body: "mail.effective.body" },
        {
          vendor: vendor.legalName,
          changeId: change.id,
          at: formatInstant(at, organisation.defaultLanguage),
          applies: applying.length,
          excluded: excluded.length,
        },
        { type: "sub_processor_change", id: change.id },
        at,
      ),
    ),
    ...(await changeEvent(ctx, "change.effective", effective, at, {
      agreementsApplied: applying.length,
      agreementsExcluded: excluded.length,
    })),
    clearGuards(db),
  );
  await ctx.store.atomic(statements);
  return effective;
}
