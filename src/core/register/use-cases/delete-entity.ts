import { eq } from "drizzle-orm";
import { auditStatement } from "../../kernel/audit/audit-statement.ts";
import type { Ctx } from "../../kernel/context.ts";
import { AppError, checkPrecondition } from "../../kernel/errors.ts";
import type { EntityKind, EntityMeta } from "../entity-kind.ts";
import { getEntity } from "./get-entity.ts";
import { clearGuards } from "../../kernel/write-guard.ts";
import { guardRevision } from "../guard-revision.ts";

/** Deletes an unused catalogue entry; the audit entry keeps what it was. */
export async function deleteEntity<E extends EntityMeta>(
  ctx: Ctx,
  kind: EntityKind<E, object>,
  idOrReference: string,
  options: { ifMatch?: number[] } = {},
): Promise<void> {
  if (kind.removal !== "delete") throw new AppError("bad_request", `A ${kind.label} is archived, not deleted.`);
  const current = await getEntity(ctx, kind, idOrReference);
  const id = current.id;
  checkPrecondition(`This ${kind.label}`, current.revision, options.ifMatch);
  const usages = (await kind.usages?.(ctx.store.db, id)) ?? [];
  if (usages.length > 0) {
    throw new AppError("conflict", `This ${kind.label} is still used by ${usages.join(", ")}. Remove it there first.`);
  }
  const now = ctx.clock.now().toISOString();
  const db = ctx.store.db;
  await ctx.store.atomic([
    guardRevision(db, kind, current),
    db.delete(kind.table).where(eq(kind.columns.id, id)),
    auditStatement(ctx, { action: "delete", entityType: kind.type, entityId: id, before: current, after: null }, now),
    clearGuards(db),
  ]);
}
