import { auditStatement } from "../../kernel/audit/audit-statement.ts";
import type { Ctx } from "../../kernel/context.ts";
import type { EntityKind, EntityMeta } from "../entity-kind.ts";
import { parseInput, throwIfIssues, withNulls } from "../../kernel/input/parse-input.ts";

/** Validates, checks references and rules, then stores the entity and its audit entry atomically. */
export async function createEntity<E extends EntityMeta, I extends object>(ctx: Ctx, kind: EntityKind<E, I>, raw: unknown): Promise<E> {
  const input = withNulls(kind.input.shape, parseInput(kind.input, raw));
  const id = ctx.newId();
  throwIfIssues([...(await kind.check(ctx.store.db, input, id)), ...((await kind.directWriteIssues?.(ctx.store.db, null, input)) ?? [])]);
  const now = ctx.clock.now().toISOString();
  const entity = {
    ...input,
    ...kind.managedDefaults,
    id,
    revision: 1,
    createdAt: now,
    updatedAt: now,
    ...(kind.removal === "archive" ? { archivedAt: null } : {}),
  } as unknown as E;
  await ctx.store.atomic([
    ...kind.write(ctx.store, entity, true),
    auditStatement(ctx, { action: "create", entityType: kind.type, entityId: id, before: null, after: entity }, now),
  ]);
  return entity;
}
