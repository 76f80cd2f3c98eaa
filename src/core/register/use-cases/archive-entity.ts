import { eq } from "drizzle-orm";
import { auditStatement } from "../../kernel/audit/audit-statement.ts";
import type { Ctx } from "../../kernel/context.ts";
import { AppError, checkPrecondition } from "../../kernel/errors.ts";
import type { EntityKind, EntityMeta } from "../entity-kind.ts";
import { getEntity } from "./get-entity.ts";
import { clearGuards } from "../../kernel/write-guard.ts";
import { guardRevision } from "../guard-revision.ts";

/** Marks a record archived: kept for the history and documents as of earlier dates, hidden from lists. */
export async function archiveEntity<E extends EntityMeta>(
  ctx: Ctx,
  kind: EntityKind<E, object>,
  idOrReference: string,
  options: { ifMatch?: number[] } = {},
): Promise<E> {
  const archivedAt = kind.columns.archivedAt;
  if (kind.removal !== "archive" || !archivedAt) throw new AppError("bad_request", `A ${kind.label} is deleted, not archived.`);
  const current = await getEntity(ctx, kind, idOrReference);
  const id = current.id;
  checkPrecondition(`This ${kind.label}`, current.revision, options.ifMatch);
  if (current.archivedAt) throw new AppError("conflict", `This ${kind.label} is already archived.`);
  const refusal = await kind.archiveRefusal?.(ctx.store.db, current);
  if (refusal) throw new AppError("conflict", refusal);
  const now = ctx.clock.now().toISOString();
  const next = { ...current, archivedAt: now, revision: current.revision + 1, updatedAt: now };
  const db = ctx.store.db;
  await ctx.store.atomic([
    guardRevision(db, kind, current),
    db
      .update(kind.table)
      .set({ archivedAt: now, revision: next.revision, updatedAt: now } as never)
      .where(eq(kind.columns.id, id)),
    auditStatement(ctx, { action: "archive", entityType: kind.type, entityId: id, before: current, after: next }, now),
    clearGuards(db),
  ]);
  return next;
}
