import { auditStatement } from "../../kernel/audit/audit-statement.ts";
import type { Ctx } from "../../kernel/context.ts";
import { AppError, checkPrecondition } from "../../kernel/errors.ts";
import type { EntityKind, EntityMeta } from "../entity-kind.ts";
import { getEntity } from "./get-entity.ts";
import { parseInput, requireObject, throwIfIssues, withNulls } from "../../kernel/input/parse-input.ts";
import { clearGuards } from "../../kernel/write-guard.ts";
import { guardRevision } from "../guard-revision.ts";

/**
 * Applies a partial change (fields absent from the patch keep their value),
 * re-validates the whole entity, and writes it with its audit entry, failing
 * with a conflict if someone else changed it in between.
 *
 * `expectedRevision` is for forms: a form posts every field, so applying it
 * over a newer revision would silently undo someone else's change. The
 * revision read here is also the one guarded inside the write.
 *
 * `correction` is an admin's correction of a real mistake: it may change
 * fields that otherwise follow a workflow, and its reason is kept in the
 * audit entry (action "correct").
 */
export async function updateEntity<E extends EntityMeta, I extends object>(
  ctx: Ctx,
  kind: EntityKind<E, I>,
  idOrReference: string,
  raw: unknown,
  options: { expectedRevision?: number; ifMatch?: number[]; correction?: { reason: string } } = {},
): Promise<E> {
  const body = requireObject(raw);
  parseInput(kind.input.partial(), body);
  const current = await getEntity(ctx, kind, idOrReference);
  const id = current.id;
  checkPrecondition(`This ${kind.label}`, current.revision, options.ifMatch);
  if (options.expectedRevision !== undefined && current.revision !== options.expectedRevision) {
    throw staleRevision(`this ${kind.label}`, options.expectedRevision, current.revision);
  }
  if (current.archivedAt) throw new AppError("conflict", `This ${kind.label} is archived and can no longer change.`);
  const merged = { ...kind.toInput(current), ...body };
  const input = withNulls(kind.input.shape, parseInput(kind.input, merged));
  const held = options.correction ? [] : ((await kind.directWriteIssues?.(ctx.store.db, current, input)) ?? []);
  throwIfIssues([...(await kind.check(ctx.store.db, input, id)), ...held]);
  // A patch that changes nothing writes nothing: the history records changes, not requests.
  const unchanged = withNulls(kind.input.shape, parseInput(kind.input, kind.toInput(current)));
  if (JSON.stringify(input) === JSON.stringify(unchanged)) return current;
  const now = ctx.clock.now().toISOString();
  const next = {
    ...current,
    ...input,
    revision: current.revision + 1,
    updatedAt: now,
  } as E;
  const db = ctx.store.db;
  await ctx.store.atomic([
    guardRevision(db, kind, current),
    ...kind.write(ctx.store, next, false),
    auditStatement(
      ctx,
      {
        action: options.correction ? "correct" : "update",
        entityType: kind.type,
        entityId: id,
        before: current,
        after: next,
        reason: options.correction?.reason,
      },
      now,
    ),
    clearGuards(db),
  ]);
  return next;
}

export const staleRevision = (what: string, edited: number, actual: number) =>
  new AppError(
    "conflict",
    `Someone else changed ${what} after you opened it (you edited revision ${edited}; it is now at revision ${actual}). Nothing was saved.`,
  );
